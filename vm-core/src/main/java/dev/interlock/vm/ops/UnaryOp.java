package dev.interlock.vm.ops;

/** Python's unary arithmetic operators. */
public enum UnaryOp {
    NEGATIVE("-", "__neg__"),
    POSITIVE("+", "__pos__"),
    INVERT("~", "__invert__");

    private final String symbol;
    private final String method;

    UnaryOp(String symbol, String method) {
        this.symbol = symbol;
        this.method = method;
    }

    /** The operator as written. */
    public String symbol() {
        return symbol;
    }

    /** The special method, such as {@code __neg__}. */
    public String method() {
        return method;
    }
}
