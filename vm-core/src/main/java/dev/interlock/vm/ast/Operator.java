package dev.interlock.vm.ast;

import dev.interlock.vm.ops.BinaryOp;

/** Binary operators in the AST ({@code ast.operator}). */
public enum Operator {
    ADD(BinaryOp.ADD),
    SUB(BinaryOp.SUB),
    MULT(BinaryOp.MUL),
    MATMULT(BinaryOp.MATMUL),
    DIV(BinaryOp.TRUEDIV),
    MOD(BinaryOp.MOD),
    POW(BinaryOp.POW),
    LSHIFT(BinaryOp.LSHIFT),
    RSHIFT(BinaryOp.RSHIFT),
    BITOR(BinaryOp.OR),
    BITXOR(BinaryOp.XOR),
    BITAND(BinaryOp.AND),
    FLOORDIV(BinaryOp.FLOORDIV);

    private final BinaryOp op;

    Operator(BinaryOp op) {
        this.op = op;
    }

    /** The runtime operator. */
    public BinaryOp binaryOp() {
        return op;
    }

    /** The operator for a token such as {@code +} or {@code +=} (without the {@code =}). */
    public static Operator forSymbol(String symbol) {
        for (Operator o : values()) {
            if (o.op.symbol().equals(symbol)) {
                return o;
            }
        }
        return null;
    }
}
