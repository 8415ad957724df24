package dev.interlock.vm.lexer;

/** The kinds of token Python's grammar is written in ({@code Lib/token.py}). */
public enum TokenType {
    /** An identifier or keyword. */
    NAME,
    /** An integer or float literal. */
    NUMBER,
    /** A string literal with its prefix and quotes. */
    STRING,
    /** An operator or delimiter. */
    OP,
    /** The end of a logical line. */
    NEWLINE,
    /** The start of a deeper indentation level. */
    INDENT,
    /** The end of an indentation level. */
    DEDENT,
    /** The end of the input. */
    ENDMARKER
}
