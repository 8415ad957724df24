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

    /**
     * The method names as immortal strs, made when first used: building them with the enum
     * would make BinaryOp and str depend on each other while their classes initialise.
     */
    private static final class Names {
        static final dev.interlock.vm.objects.PyStr[][] NAMES = new dev.interlock.vm.objects.PyStr[values().length][];

        static {
            for (BinaryOp op : values()) {
                NAMES[op.ordinal()] = new dev.interlock.vm.objects.PyStr[] {
                    dev.interlock.vm.objects.PyStr.immortal(op.method),
                    dev.interlock.vm.objects.PyStr.immortal(op.reflected),
                    dev.interlock.vm.objects.PyStr.immortal(op.inplace)};
            }
        }
    }

    /** {@code __add__} as an immortal str, for lookups. */
    public dev.interlock.vm.objects.PyStr methodName() {
        return Names.NAMES[ordinal()][0];
    }

    /** {@code __radd__} as an immortal str. */
    public dev.interlock.vm.objects.PyStr reflectedName() {
        return Names.NAMES[ordinal()][1];
    }

    /** {@code __iadd__} as an immortal str. */
    public dev.interlock.vm.objects.PyStr inplaceName() {
        return Names.NAMES[ordinal()][2];
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
