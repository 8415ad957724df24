package dev.interlock.vm.parser;

/**
 * Decodes the body of a string literal: backslash escapes as Python defines them
 * ({@code \n \t \\ \' \" \a \b \f \v \ooo \xhh \\uXXXX \UXXXXXXXX \N{name}}, and a backslash before
 * a newline joining lines). Unknown escapes keep their backslash, as Python does.
 */
final class StringLiterals {

    /** Raised for a malformed escape, with the offset of the backslash within the body. */
    static final class BadEscape extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;

        BadEscape(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private StringLiterals() {
    }

    /** The value of a literal body; raw bodies are returned as they are. */
    static String decode(String body, boolean raw) {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder b = new StringBuilder(body.length());
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                b.append(c);
                continue;
            }
            int start = i;
            char e = body.charAt(++i);
            switch (e) {
                case '\n':
                    break;
                case '\\':
                    b.append('\\');
                    break;
                case '\'':
                    b.append('\'');
                    break;
                case '"':
                    b.append('"');
                    break;
                case 'a':
                    b.append('\u0007');
                    break;
                case 'b':
                    b.append('\b');
                    break;
                case 'f':
                    b.append('\f');
                    break;
                case 'n':
                    b.append('\n');
                    break;
                case 'r':
                    b.append('\r');
                    break;
                case 't':
                    b.append('\t');
                    break;
                case 'v':
                    b.append('\u000b');
                    break;
                case '0':
                case '1':
                case '2':
                case '3':
                case '4':
                case '5':
                case '6':
                case '7': {
                    int v = e - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < n && body.charAt(i + 1) >= '0' && body.charAt(i + 1) <= '7') {
                        v = v * 8 + (body.charAt(++i) - '0');
                        k++;
                    }
                    b.appendCodePoint(v);
                    break;
                }
                case 'x':
                    i = hex(body, i, 2, b, start, "\\xXX");
                    break;
                case 'u':
                    i = hex(body, i, 4, b, start, "\\uXXXX");
                    break;
                case 'U':
                    i = hex(body, i, 8, b, start, "\\UXXXXXXXX");
                    break;
                case 'N': {
                    int close = body.indexOf('}', i);
                    if (i + 1 >= n || body.charAt(i + 1) != '{' || close < 0) {
                        throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                + start + "-" + (i) + ": malformed \\N character escape", start);
                    }
                    String name = body.substring(i + 2, close);
                    try {
                        b.appendCodePoint(Character.codePointOf(name));
                    } catch (IllegalArgumentException ex) {
                        throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                                + start + "-" + close + ": unknown Unicode character name", start);
                    }
                    i = close;
                    break;
                }
                default:
                    b.append('\\').append(e);
                    break;
            }
        }
        return b.toString();
    }

    private static int hex(String body, int i, int digits, StringBuilder b, int start, String form) {
        int n = body.length();
        int v = 0;
        for (int k = 0; k < digits; k++) {
            if (i + 1 >= n || Character.digit(body.charAt(i + 1), 16) < 0) {
                throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position " + start + "-"
                        + i + ": truncated " + form + " escape", start);
            }
            v = v * 16 + Character.digit(body.charAt(++i), 16);
        }
        if (v > 0x10FFFF) {
            throw new BadEscape("(unicode error) 'unicodeescape' codec can't decode bytes in position " + start + "-" + i
                    + ": illegal Unicode character", start);
        }
        b.appendCodePoint(v);
        return i;
    }
}
