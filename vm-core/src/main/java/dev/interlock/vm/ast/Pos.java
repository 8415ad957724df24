package dev.interlock.vm.ast;

/**
 * A node's source range: 1-based lines, 0-based columns, the end exclusive, as CPython's
 * {@code lineno}, {@code col_offset}, {@code end_lineno}, {@code end_col_offset}.
 *
 * @param line first line
 * @param column first column
 * @param endLine last line
 * @param endColumn column after the last character
 */
public record Pos(int line, int column, int endLine, int endColumn) {

    /** The range from the start of {@code a} to the end of {@code b}. */
    public static Pos span(Pos a, Pos b) {
        return new Pos(a.line, a.column, b.endLine, b.endColumn);
    }
}
