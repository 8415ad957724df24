package dev.interlock.vm.lexer;

import static java.util.Objects.requireNonNull;

/**
 * One token with its source range: lines are 1-based, columns 0-based counts of code points from
 * the start of the line, as CPython's tokenizer reports them.
 *
 * @param type the kind
 * @param text the exact source text (for STRING, with prefix and quotes)
 * @param line the line where it starts
 * @param column the column where it starts
 * @param endLine the line where it ends
 * @param endColumn the column just after its end
 */
public record Token(TokenType type, String text, int line, int column, int endLine, int endColumn) {

    public Token {
        requireNonNull(type, "type is null");
        requireNonNull(text, "text is null");
    }

    /** True if this is the operator or keyword {@code s}. */
    public boolean is(String s) {
        return (type == TokenType.OP || type == TokenType.NAME) && text.equals(s);
    }

    @Override
    public String toString() {
        return type + "(" + text + ")@" + line + ":" + column;
    }
}
