package dev.interlock.vm.bytecode;

import java.util.Arrays;

/**
 * Every instruction of Interlock's bytecode, which is CPython 3.10's: the same names, numbers,
 * argument meanings and stack effects. This enum is the single description of them that the
 * compiler (stack depth), the assembler (jumps), {@code dis} (argument display) and the eval loop
 * (via {@link OpcodeNumbers}) all use.
 *
 * <p>Compare CPython 3.10's {@code Lib/opcode.py} and {@code stack_effect()} in
 * {@code Python/compile.c}.
 */
public enum Opcode {
    POP_TOP(OpcodeNumbers.POP_TOP, ArgKind.NONE),
    ROT_TWO(OpcodeNumbers.ROT_TWO, ArgKind.NONE),
    ROT_THREE(OpcodeNumbers.ROT_THREE, ArgKind.NONE),
    DUP_TOP(OpcodeNumbers.DUP_TOP, ArgKind.NONE),
    DUP_TOP_TWO(OpcodeNumbers.DUP_TOP_TWO, ArgKind.NONE),
    ROT_FOUR(OpcodeNumbers.ROT_FOUR, ArgKind.NONE),
    NOP(OpcodeNumbers.NOP, ArgKind.NONE),
    UNARY_POSITIVE(OpcodeNumbers.UNARY_POSITIVE, ArgKind.NONE),
    UNARY_NEGATIVE(OpcodeNumbers.UNARY_NEGATIVE, ArgKind.NONE),
    UNARY_NOT(OpcodeNumbers.UNARY_NOT, ArgKind.NONE),
    UNARY_INVERT(OpcodeNumbers.UNARY_INVERT, ArgKind.NONE),
    BINARY_MATRIX_MULTIPLY(OpcodeNumbers.BINARY_MATRIX_MULTIPLY, ArgKind.NONE),
    INPLACE_MATRIX_MULTIPLY(OpcodeNumbers.INPLACE_MATRIX_MULTIPLY, ArgKind.NONE),
    BINARY_POWER(OpcodeNumbers.BINARY_POWER, ArgKind.NONE),
    BINARY_MULTIPLY(OpcodeNumbers.BINARY_MULTIPLY, ArgKind.NONE),
    BINARY_MODULO(OpcodeNumbers.BINARY_MODULO, ArgKind.NONE),
    BINARY_ADD(OpcodeNumbers.BINARY_ADD, ArgKind.NONE),
    BINARY_SUBTRACT(OpcodeNumbers.BINARY_SUBTRACT, ArgKind.NONE),
    BINARY_SUBSCR(OpcodeNumbers.BINARY_SUBSCR, ArgKind.NONE),
    BINARY_FLOOR_DIVIDE(OpcodeNumbers.BINARY_FLOOR_DIVIDE, ArgKind.NONE),
    BINARY_TRUE_DIVIDE(OpcodeNumbers.BINARY_TRUE_DIVIDE, ArgKind.NONE),
    INPLACE_FLOOR_DIVIDE(OpcodeNumbers.INPLACE_FLOOR_DIVIDE, ArgKind.NONE),
    INPLACE_TRUE_DIVIDE(OpcodeNumbers.INPLACE_TRUE_DIVIDE, ArgKind.NONE),
    WITH_EXCEPT_START(OpcodeNumbers.WITH_EXCEPT_START, ArgKind.NONE),
    INPLACE_ADD(OpcodeNumbers.INPLACE_ADD, ArgKind.NONE),
    INPLACE_SUBTRACT(OpcodeNumbers.INPLACE_SUBTRACT, ArgKind.NONE),
    INPLACE_MULTIPLY(OpcodeNumbers.INPLACE_MULTIPLY, ArgKind.NONE),
    INPLACE_MODULO(OpcodeNumbers.INPLACE_MODULO, ArgKind.NONE),
    STORE_SUBSCR(OpcodeNumbers.STORE_SUBSCR, ArgKind.NONE),
    DELETE_SUBSCR(OpcodeNumbers.DELETE_SUBSCR, ArgKind.NONE),
    BINARY_LSHIFT(OpcodeNumbers.BINARY_LSHIFT, ArgKind.NONE),
    BINARY_RSHIFT(OpcodeNumbers.BINARY_RSHIFT, ArgKind.NONE),
    BINARY_AND(OpcodeNumbers.BINARY_AND, ArgKind.NONE),
    BINARY_XOR(OpcodeNumbers.BINARY_XOR, ArgKind.NONE),
    BINARY_OR(OpcodeNumbers.BINARY_OR, ArgKind.NONE),
    INPLACE_POWER(OpcodeNumbers.INPLACE_POWER, ArgKind.NONE),
    GET_ITER(OpcodeNumbers.GET_ITER, ArgKind.NONE),
    GET_YIELD_FROM_ITER(OpcodeNumbers.GET_YIELD_FROM_ITER, ArgKind.NONE),
    PRINT_EXPR(OpcodeNumbers.PRINT_EXPR, ArgKind.NONE),
    LOAD_BUILD_CLASS(OpcodeNumbers.LOAD_BUILD_CLASS, ArgKind.NONE),
    YIELD_FROM(OpcodeNumbers.YIELD_FROM, ArgKind.NONE),
    LOAD_ASSERTION_ERROR(OpcodeNumbers.LOAD_ASSERTION_ERROR, ArgKind.NONE),
    INPLACE_LSHIFT(OpcodeNumbers.INPLACE_LSHIFT, ArgKind.NONE),
    INPLACE_RSHIFT(OpcodeNumbers.INPLACE_RSHIFT, ArgKind.NONE),
    INPLACE_AND(OpcodeNumbers.INPLACE_AND, ArgKind.NONE),
    INPLACE_XOR(OpcodeNumbers.INPLACE_XOR, ArgKind.NONE),
    INPLACE_OR(OpcodeNumbers.INPLACE_OR, ArgKind.NONE),
    LIST_TO_TUPLE(OpcodeNumbers.LIST_TO_TUPLE, ArgKind.NONE),
    RETURN_VALUE(OpcodeNumbers.RETURN_VALUE, ArgKind.NONE),
    IMPORT_STAR(OpcodeNumbers.IMPORT_STAR, ArgKind.NONE),
    SETUP_ANNOTATIONS(OpcodeNumbers.SETUP_ANNOTATIONS, ArgKind.NONE),
    YIELD_VALUE(OpcodeNumbers.YIELD_VALUE, ArgKind.NONE),
    POP_BLOCK(OpcodeNumbers.POP_BLOCK, ArgKind.NONE),
    POP_EXCEPT(OpcodeNumbers.POP_EXCEPT, ArgKind.NONE),
    STORE_NAME(OpcodeNumbers.STORE_NAME, ArgKind.NAME),
    DELETE_NAME(OpcodeNumbers.DELETE_NAME, ArgKind.NAME),
    UNPACK_SEQUENCE(OpcodeNumbers.UNPACK_SEQUENCE, ArgKind.COUNT),
    FOR_ITER(OpcodeNumbers.FOR_ITER, ArgKind.JREL),
    UNPACK_EX(OpcodeNumbers.UNPACK_EX, ArgKind.COUNT),
    STORE_ATTR(OpcodeNumbers.STORE_ATTR, ArgKind.NAME),
    DELETE_ATTR(OpcodeNumbers.DELETE_ATTR, ArgKind.NAME),
    STORE_GLOBAL(OpcodeNumbers.STORE_GLOBAL, ArgKind.NAME),
    DELETE_GLOBAL(OpcodeNumbers.DELETE_GLOBAL, ArgKind.NAME),
    ROT_N(OpcodeNumbers.ROT_N, ArgKind.COUNT),
    LOAD_CONST(OpcodeNumbers.LOAD_CONST, ArgKind.CONST),
    LOAD_NAME(OpcodeNumbers.LOAD_NAME, ArgKind.NAME),
    BUILD_TUPLE(OpcodeNumbers.BUILD_TUPLE, ArgKind.COUNT),
    BUILD_LIST(OpcodeNumbers.BUILD_LIST, ArgKind.COUNT),
    BUILD_SET(OpcodeNumbers.BUILD_SET, ArgKind.COUNT),
    BUILD_MAP(OpcodeNumbers.BUILD_MAP, ArgKind.COUNT),
    LOAD_ATTR(OpcodeNumbers.LOAD_ATTR, ArgKind.NAME),
    COMPARE_OP(OpcodeNumbers.COMPARE_OP, ArgKind.COMPARE),
    IMPORT_NAME(OpcodeNumbers.IMPORT_NAME, ArgKind.NAME),
    IMPORT_FROM(OpcodeNumbers.IMPORT_FROM, ArgKind.NAME),
    JUMP_FORWARD(OpcodeNumbers.JUMP_FORWARD, ArgKind.JREL),
    JUMP_IF_FALSE_OR_POP(OpcodeNumbers.JUMP_IF_FALSE_OR_POP, ArgKind.JABS),
    JUMP_IF_TRUE_OR_POP(OpcodeNumbers.JUMP_IF_TRUE_OR_POP, ArgKind.JABS),
    JUMP_ABSOLUTE(OpcodeNumbers.JUMP_ABSOLUTE, ArgKind.JABS),
    POP_JUMP_IF_FALSE(OpcodeNumbers.POP_JUMP_IF_FALSE, ArgKind.JABS),
    POP_JUMP_IF_TRUE(OpcodeNumbers.POP_JUMP_IF_TRUE, ArgKind.JABS),
    LOAD_GLOBAL(OpcodeNumbers.LOAD_GLOBAL, ArgKind.NAME),
    IS_OP(OpcodeNumbers.IS_OP, ArgKind.COUNT),
    CONTAINS_OP(OpcodeNumbers.CONTAINS_OP, ArgKind.COUNT),
    RERAISE(OpcodeNumbers.RERAISE, ArgKind.COUNT),
    JUMP_IF_NOT_EXC_MATCH(OpcodeNumbers.JUMP_IF_NOT_EXC_MATCH, ArgKind.JABS),
    SETUP_FINALLY(OpcodeNumbers.SETUP_FINALLY, ArgKind.JREL),
    LOAD_FAST(OpcodeNumbers.LOAD_FAST, ArgKind.LOCAL),
    STORE_FAST(OpcodeNumbers.STORE_FAST, ArgKind.LOCAL),
    DELETE_FAST(OpcodeNumbers.DELETE_FAST, ArgKind.LOCAL),
    GEN_START(OpcodeNumbers.GEN_START, ArgKind.COUNT),
    RAISE_VARARGS(OpcodeNumbers.RAISE_VARARGS, ArgKind.COUNT),
    CALL_FUNCTION(OpcodeNumbers.CALL_FUNCTION, ArgKind.COUNT),
    MAKE_FUNCTION(OpcodeNumbers.MAKE_FUNCTION, ArgKind.FUNCTION_FLAGS),
    BUILD_SLICE(OpcodeNumbers.BUILD_SLICE, ArgKind.COUNT),
    LOAD_CLOSURE(OpcodeNumbers.LOAD_CLOSURE, ArgKind.FREE),
    LOAD_DEREF(OpcodeNumbers.LOAD_DEREF, ArgKind.FREE),
    STORE_DEREF(OpcodeNumbers.STORE_DEREF, ArgKind.FREE),
    DELETE_DEREF(OpcodeNumbers.DELETE_DEREF, ArgKind.FREE),
    CALL_FUNCTION_KW(OpcodeNumbers.CALL_FUNCTION_KW, ArgKind.COUNT),
    CALL_FUNCTION_EX(OpcodeNumbers.CALL_FUNCTION_EX, ArgKind.COUNT),
    SETUP_WITH(OpcodeNumbers.SETUP_WITH, ArgKind.JREL),
    EXTENDED_ARG(OpcodeNumbers.EXTENDED_ARG, ArgKind.COUNT),
    LIST_APPEND(OpcodeNumbers.LIST_APPEND, ArgKind.COUNT),
    SET_ADD(OpcodeNumbers.SET_ADD, ArgKind.COUNT),
    MAP_ADD(OpcodeNumbers.MAP_ADD, ArgKind.COUNT),
    LOAD_CLASSDEREF(OpcodeNumbers.LOAD_CLASSDEREF, ArgKind.FREE),
    FORMAT_VALUE(OpcodeNumbers.FORMAT_VALUE, ArgKind.FORMAT_FLAGS),
    BUILD_CONST_KEY_MAP(OpcodeNumbers.BUILD_CONST_KEY_MAP, ArgKind.COUNT),
    BUILD_STRING(OpcodeNumbers.BUILD_STRING, ArgKind.COUNT),
    LOAD_METHOD(OpcodeNumbers.LOAD_METHOD, ArgKind.NAME),
    CALL_METHOD(OpcodeNumbers.CALL_METHOD, ArgKind.COUNT),
    LIST_EXTEND(OpcodeNumbers.LIST_EXTEND, ArgKind.COUNT),
    SET_UPDATE(OpcodeNumbers.SET_UPDATE, ArgKind.COUNT),
    DICT_MERGE(OpcodeNumbers.DICT_MERGE, ArgKind.COUNT),
    DICT_UPDATE(OpcodeNumbers.DICT_UPDATE, ArgKind.COUNT);

    /** What an instruction's argument means, for the assembler and {@code dis}. */
    public enum ArgKind {
        /** No argument (the byte is 0). */
        NONE,
        /** An index into {@code co_consts}. */
        CONST,
        /** An index into {@code co_names}. */
        NAME,
        /** An index into {@code co_varnames}. */
        LOCAL,
        /** An index into {@code co_cellvars + co_freevars}. */
        FREE,
        /** A jump relative to the next instruction, in instructions (2 bytes each). */
        JREL,
        /** An absolute jump target, in instructions. */
        JABS,
        /** An index into the comparison operators. */
        COMPARE,
        /** A count, a flag or an operand of its own. */
        COUNT,
        /** MAKE_FUNCTION's flags: defaults, kwdefaults, annotations, closure. */
        FUNCTION_FLAGS,
        /** FORMAT_VALUE's conversion and spec flag. */
        FORMAT_FLAGS
    }

    /** MAKE_FUNCTION flag: a tuple of positional defaults is on the stack. */
    public static final int MAKE_DEFAULTS = 0x01;
    /** MAKE_FUNCTION flag: a dict of keyword-only defaults is on the stack. */
    public static final int MAKE_KWDEFAULTS = 0x02;
    /** MAKE_FUNCTION flag: annotations are on the stack. */
    public static final int MAKE_ANNOTATIONS = 0x04;
    /** MAKE_FUNCTION flag: a tuple of cells for the free variables is on the stack. */
    public static final int MAKE_CLOSURE = 0x08;

    /** FORMAT_VALUE: the conversion bits ({@code !s}, {@code !r}, {@code !a}). */
    public static final int FVC_MASK = 0x3;
    public static final int FVC_STR = 0x1;
    public static final int FVC_REPR = 0x2;
    public static final int FVC_ASCII = 0x3;
    /** FORMAT_VALUE: a format spec is on the stack. */
    public static final int FVS_HAVE_SPEC = 0x4;

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            if (BY_CODE[op.code] != null) {
                throw new ExceptionInInitializerError("duplicate opcode " + op.code);
            }
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final ArgKind argKind;

    Opcode(int code, ArgKind argKind) {
        this.code = code;
        this.argKind = argKind;
    }

    /** The numeric opcode. */
    public int code() {
        return code;
    }

    /** What the argument means. */
    public ArgKind argKind() {
        return argKind;
    }

    /** True if the instruction uses its argument ({@code opcode >= HAVE_ARGUMENT}). */
    public boolean hasArgument() {
        return code >= OpcodeNumbers.HAVE_ARGUMENT;
    }

    /** True for the jump instructions. */
    public boolean isJump() {
        return argKind == ArgKind.JREL || argKind == ArgKind.JABS;
    }

    /** True for jumps that never fall through. */
    public boolean isUnconditionalJump() {
        return this == JUMP_FORWARD || this == JUMP_ABSOLUTE;
    }

    /** The opcode with numeric value {@code code}, or null. */
    public static Opcode of(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }

    /** All defined opcodes in numeric order. */
    public static Opcode[] inNumericOrder() {
        return Arrays.stream(BY_CODE).filter(o -> o != null).toArray(Opcode[]::new);
    }

    /**
     * The net change in stack depth, as CPython 3.10's {@code stack_effect}: {@code jump} selects
     * the effect when a conditional jump or a block setup is taken.
     */
    public int stackEffect(int oparg, boolean jump) {
        switch (this) {
            case NOP:
            case EXTENDED_ARG:
            case ROT_TWO:
            case ROT_THREE:
            case ROT_FOUR:
            case ROT_N:
            case UNARY_POSITIVE:
            case UNARY_NEGATIVE:
            case UNARY_NOT:
            case UNARY_INVERT:
            case GET_ITER:
            case GET_YIELD_FROM_ITER:
            case YIELD_VALUE:
            case POP_BLOCK:
            case DELETE_NAME:
            case DELETE_GLOBAL:
            case DELETE_FAST:
            case DELETE_DEREF:
            case LOAD_ATTR:
            case JUMP_FORWARD:
            case JUMP_ABSOLUTE:
            case LIST_TO_TUPLE:
            case SETUP_ANNOTATIONS:
                return 0;
            case POP_TOP:
            case PRINT_EXPR:
            case RETURN_VALUE:
            case IMPORT_STAR:
            case YIELD_FROM:
            case STORE_NAME:
            case STORE_GLOBAL:
            case STORE_FAST:
            case STORE_DEREF:
            case DELETE_ATTR:
            case COMPARE_OP:
            case IS_OP:
            case CONTAINS_OP:
            case IMPORT_NAME:
            case POP_JUMP_IF_FALSE:
            case POP_JUMP_IF_TRUE:
            case LIST_APPEND:
            case SET_ADD:
            case LIST_EXTEND:
            case SET_UPDATE:
            case DICT_MERGE:
            case DICT_UPDATE:
            case GEN_START:
            case BINARY_POWER:
            case BINARY_MULTIPLY:
            case BINARY_MATRIX_MULTIPLY:
            case BINARY_MODULO:
            case BINARY_ADD:
            case BINARY_SUBTRACT:
            case BINARY_SUBSCR:
            case BINARY_FLOOR_DIVIDE:
            case BINARY_TRUE_DIVIDE:
            case BINARY_LSHIFT:
            case BINARY_RSHIFT:
            case BINARY_AND:
            case BINARY_XOR:
            case BINARY_OR:
            case INPLACE_FLOOR_DIVIDE:
            case INPLACE_TRUE_DIVIDE:
            case INPLACE_ADD:
            case INPLACE_SUBTRACT:
            case INPLACE_MULTIPLY:
            case INPLACE_MATRIX_MULTIPLY:
            case INPLACE_MODULO:
            case INPLACE_POWER:
            case INPLACE_LSHIFT:
            case INPLACE_RSHIFT:
            case INPLACE_AND:
            case INPLACE_XOR:
            case INPLACE_OR:
                return -1;
            case DUP_TOP:
            case LOAD_BUILD_CLASS:
            case LOAD_CONST:
            case LOAD_NAME:
            case LOAD_GLOBAL:
            case LOAD_FAST:
            case LOAD_CLOSURE:
            case LOAD_DEREF:
            case LOAD_CLASSDEREF:
            case IMPORT_FROM:
            case LOAD_METHOD:
            case LOAD_ASSERTION_ERROR:
            case WITH_EXCEPT_START:
                return 1;
            case DUP_TOP_TWO:
                return 2;
            case STORE_SUBSCR:
            case POP_EXCEPT:
            case RERAISE:
                return -3;
            case DELETE_SUBSCR:
            case STORE_ATTR:
            case MAP_ADD:
            case JUMP_IF_NOT_EXC_MATCH:
                return -2;
            case UNPACK_SEQUENCE:
                return oparg - 1;
            case UNPACK_EX:
                return (oparg & 0xFF) + (oparg >> 8);
            case FOR_ITER:
                return jump ? -1 : 1;
            case BUILD_TUPLE:
            case BUILD_LIST:
            case BUILD_SET:
            case BUILD_STRING:
                return 1 - oparg;
            case BUILD_MAP:
                return 1 - 2 * oparg;
            case BUILD_CONST_KEY_MAP:
                return -oparg;
            case JUMP_IF_TRUE_OR_POP:
            case JUMP_IF_FALSE_OR_POP:
                return jump ? 0 : -1;
            case SETUP_FINALLY:
                return jump ? 6 : 0;
            case SETUP_WITH:
                return jump ? 6 : 1;
            case RAISE_VARARGS:
                return -oparg;
            case CALL_FUNCTION:
                return -oparg;
            case CALL_METHOD:
                return -oparg - 1;
            case CALL_FUNCTION_KW:
                return -oparg - 1;
            case CALL_FUNCTION_EX:
                return -1 - ((oparg & 0x01) != 0 ? 1 : 0);
            case MAKE_FUNCTION:
                return -1 - Integer.bitCount(oparg & 0x0F);
            case BUILD_SLICE:
                return oparg == 3 ? -2 : -1;
            case FORMAT_VALUE:
                return (oparg & FVS_HAVE_SPEC) != 0 ? -1 : 0;
            default:
                throw new IllegalStateException("no stack effect for " + this);
        }
    }
}
