package dev.interlock.cli.compare;

import java.util.ArrayList;
import java.util.List;

/** A short description of how two outputs differ: the first differing lines, side by side. */
public final class LineDiff {

    private static final int SHOWN = 12;

    private LineDiff() {
    }

    public static String describe(String expected, String actual, String expectedName, String actualName) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        List<String> out = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < Math.max(a.length, b.length) && shown < SHOWN; i++) {
            String x = i < a.length ? a[i] : null;
            String y = i < b.length ? b[i] : null;
            if (x != null && x.equals(y)) {
                continue;
            }
            out.add("line " + (i + 1) + ":");
            out.add("  " + expectedName + ": " + (x == null ? "(no line)" : x));
            out.add("  " + actualName + ": " + (y == null ? "(no line)" : y));
            shown++;
        }
        if (shown == SHOWN) {
            out.add("...");
        }
        return String.join("\n", out);
    }
}
