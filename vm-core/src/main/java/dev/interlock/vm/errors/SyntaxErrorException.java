package dev.interlock.vm.errors;

import static java.util.Objects.requireNonNull;

/**
 * A syntax error found while tokenizing, parsing or compiling, with everything CPython prints
 * for one: file, line, the source line and a caret under the offending column.
 */
public final class SyntaxErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String msg;
    private final String filename;
    private final int line;
    private final int column;
    private final int endColumn;
    private final String text;

    /**
     * @param kind {@code SyntaxError}, {@code IndentationError} or {@code TabError}
     * @param msg the message
     * @param filename the file
     * @param line the 1-based line
     * @param column the 1-based column of the error (CPython's {@code offset}), 0 if unknown
     * @param endColumn the 1-based column just after the error range, or 0
     * @param text the source line, or null
     */
    public SyntaxErrorException(String kind, String msg, String filename, int line, int column, int endColumn, String text) {
        super(kind + ": " + msg, null, false, false);
        this.kind = requireNonNull(kind, "kind is null");
        this.msg = requireNonNull(msg, "msg is null");
        this.filename = requireNonNull(filename, "filename is null");
        this.line = line;
        this.column = column;
        this.endColumn = endColumn;
        this.text = text;
    }

    public String kind() {
        return kind;
    }

    public String msg() {
        return msg;
    }

    public String filename() {
        return filename;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String text() {
        return text;
    }

    /**
     * The report as CPython prints it for an uncaught syntax error:
     * <pre>
     *   File "x.py", line 3
     *     x = = 2
     *         ^
     * SyntaxError: invalid syntax
     * </pre>
     */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append("  File \"").append(filename).append("\", line ").append(line).append('\n');
        if (text != null) {
            String stripped = text.stripTrailing();
            int lead = 0;
            while (lead < stripped.length() && (stripped.charAt(lead) == ' ' || stripped.charAt(lead) == '\t'
                    || stripped.charAt(lead) == '\f')) {
                lead++;
            }
            String shown = stripped.substring(lead);
            b.append("    ").append(shown).append('\n');
            // As CPython's print_error_text: no caret when it would point left of the shown text.
            if (column > 0 && column - 1 - lead >= 0) {
                int start = Math.min(column - 1 - lead, shown.length());
                int end = endColumn > column ? Math.min(endColumn - 1 - lead, shown.length()) : start + 1;
                if (end <= start) {
                    end = start + 1;
                }
                b.append("    ").append(" ".repeat(start)).append("^".repeat(end - start)).append('\n');
            }
        }
        b.append(kind).append(": ").append(msg).append('\n');
        return b.toString();
    }
}
