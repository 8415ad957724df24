package dev.interlock.vm.ast;

/** Comparison operators ({@code ast.cmpop}). */
public enum CmpOp {
    EQ, NOT_EQ, LT, LT_E, GT, GT_E, IS, IS_NOT, IN, NOT_IN
}
