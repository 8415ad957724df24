package dev.interlock.vm.errors;

import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.parser.Parser;

/**
 * The caret line CPython 3.11 prints under a traceback's source line to mark the failing
 * expression: {@code ^^^^} under the range when it is not the whole line, or {@code ~~^~~} when
 * the range is a binary operation or a subscript, the {@code ^} marking the operator or the index.
 * Compare {@code format_frame_summary} and {@code _extract_caret_anchors_from_line_segment} in
 * CPython 3.11's {@code Lib/traceback.py}.
 */
final class Carets {

    private Carets() {
    }

    /**
     * Appends the caret line for the range {@code [column, endColumn)} of {@code line}, if one
     * is shown.
     *
     * @param line the source line as in the file
     * @param shown the line as printed (stripped)
     * @param lineno the line's number
     * @param column the 0-based start column, or -1 if unknown
     * @param endLine the line where the range ends
     * @param endColumn the 0-based end column (exclusive), or -1
     */
    static void append(StringBuilder b, String line, String shown, int lineno, int column, int endLine, int endColumn) {
        if (column < 0 || endColumn < 0) {
            return;
        }
        int stripped = 0;
        while (stripped < line.length() && Character.isWhitespace(line.charAt(stripped))) {
            stripped++;
        }
        int start = column;
        int end;
        int[] anchors = null;
        if (endLine == lineno) {
            end = Math.min(endColumn, line.length());
            if (start < end) {
                anchors = anchors(line.substring(start, end));
            }
        } else {
            end = stripped + shown.length();
        }
        if (start >= end || start < stripped) {
            return;
        }
        boolean partial = end - start < shown.length();
        if (!partial && !(anchors != null && anchors[1] - anchors[0] > 0)) {
            return;
        }
        b.append("    ").append(" ".repeat(start - stripped));
        for (int i = 0; i < end - start; i++) {
            if (anchors == null) {
                b.append('^');
            } else {
                b.append(i >= anchors[0] && i < anchors[1] ? '^' : '~');
            }
        }
        b.append('\n');
    }

    /** For a binary operation or subscript, the {@code [start, end)} of the part marked with '^'. */
    private static int[] anchors(String segment) {
        Expr e;
        try {
            e = Parser.parseExpression(segment, "<segment>");
        } catch (RuntimeException ex) {
            return null;
        }
        if (e instanceof Expr.BinOp bin) {
            int opStart = bin.left().pos().endColumn();
            int opEnd = bin.right().pos().column();
            if (bin.left().pos().endLine() != 1 || bin.right().pos().line() != 1 || opEnd > segment.length()) {
                return null;
            }
            String op = segment.substring(opStart, opEnd);
            int offset = op.length() - op.stripLeading().length();
            int left = opStart + offset;
            int right = left + 1;
            if (offset + 1 < op.length() && !Character.isWhitespace(op.charAt(offset + 1))) {
                right++;
            }
            while (left < segment.length() && (Character.isWhitespace(segment.charAt(left)) || segment.charAt(left) == ')'
                    || segment.charAt(left) == '#')) {
                left++;
                right++;
            }
            return new int[] {left, right};
        }
        if (e instanceof Expr.Subscript sub) {
            if (sub.value().pos().endLine() != 1 || sub.slice().pos().endLine() != 1) {
                return null;
            }
            int left = sub.value().pos().endColumn();
            int right = sub.slice().pos().endColumn() + 1;
            while (left < segment.length() && segment.charAt(left) != '[') {
                left++;
            }
            while (right < segment.length() && segment.charAt(right) != ']') {
                right++;
            }
            if (right < segment.length()) {
                right++;
            }
            return new int[] {left, right};
        }
        return null;
    }
}
