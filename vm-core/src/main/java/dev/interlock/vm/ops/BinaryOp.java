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
    private final dev.interlock.vm.objects.PyStr methodName;
    private final dev.interlock.vm.objects.PyStr reflectedName;
    private final dev.interlock.vm.objects.PyStr inplaceName;

    BinaryOp(String symbol, String stem) {
        this.symbol = symbol;
        this.method = "__" + stem + "__";
        this.reflected = "__r" + stem + "__";
        this.inplace = "__i" + stem + "__";
        this.methodName = dev.interlock.vm.objects.PyStr.immortal(method);
        this.reflectedName = dev.interlock.vm.objects.PyStr.immortal(reflected);
        this.inplaceName = dev.interlock.vm.objects.PyStr.immortal(inplace);
    }

    /** {@code __add__} as an immortal str, for lookups. */
    public dev.interlock.vm.objects.PyStr methodName() {
        return methodName;
    }

    /** {@code __radd__} as an immortal str. */
    public dev.interlock.vm.objects.PyStr reflectedName() {
        return reflectedName;
    }

    /** {@code __iadd__} as an immortal str. */
    public dev.interlock.vm.objects.PyStr inplaceName() {
        return inplaceName;
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
