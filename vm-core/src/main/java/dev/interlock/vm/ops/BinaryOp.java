package dev.interlock.vm.ops;

/**
 * Python's binary operators, with the symbols CPython's error messages use and the names of the
 * special methods a class defines for them.
 */
public enum BinaryOp {
    ADD("+", "add"),
    SUB("-", "sub"),
    MUL("*", "mul"),
    MATMUL("@", "matmul"),
    TRUEDIV("/", "truediv"),
    FLOORDIV("//", "floordiv"),
    MOD("%", "mod"),
    POW("**", "pow"),
    LSHIFT("<<", "lshift"),
    RSHIFT(">>", "rshift"),
    AND("&", "and"),
    XOR("^", "xor"),
    OR("|", "or");

    private final String symbol;
    private final String method;
    private final String reflected;
    private final String inplace;

    BinaryOp(String symbol, String stem) {
        this.symbol = symbol;
        this.method = "__" + stem + "__";
        this.reflected = "__r" + stem + "__";
        this.inplace = "__i" + stem + "__";
    }

    /** The operator as written, such as {@code +}. */
    public String symbol() {
        return symbol;
    }

    /** {@code __add__}. */
    public String method() {
        return method;
    }

    /** {@code __radd__}. */
    public String reflectedMethod() {
        return reflected;
    }

    /** {@code __iadd__}. */
    public String inplaceMethod() {
        return inplace;
    }
}
