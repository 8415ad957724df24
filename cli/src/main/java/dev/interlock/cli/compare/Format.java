package dev.interlock.cli.compare;

import java.util.Locale;

/** Numbers as the comparison shows them. */
final class Format {

    private Format() {
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    static String ratio(double r) {
        return r <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }

    static String count(long n) {
        return n < 0 ? "-" : String.format(Locale.ROOT, "%,d", n);
    }

    static String millis(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
