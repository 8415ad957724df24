package dev.interlock.vm.ops;

/** {@code ascii()}: a repr with every non-ASCII character escaped. */
public final class Ascii {

    private Ascii() {
    }

    /** Escapes the non-ASCII code points of an already computed repr. */
    public static String ascii(String repr) {
        StringBuilder b = new StringBuilder(repr.length());
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                b.append((char) cp);
            } else if (cp <= 0xff) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.append(String.format("\\U%08x", cp));
            }
        }
        return b.toString();
    }
}
