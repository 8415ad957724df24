package dev.interlock.vm.ops;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyNotImplemented;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * Rich comparison: CPython's {@code PyObject_RichCompare} with its reflection rules. The
 * operator codes are CPython's ({@code Py_LT}..{@code Py_GE}), which are also the argument of
 * {@code COMPARE_OP}.
 */
public final class Compare {

    public static final int LT = 0;
    public static final int LE = 1;
    public static final int EQ = 2;
    public static final int NE = 3;
    public static final int GT = 4;
    public static final int GE = 5;

    private static final String[] SYMBOLS = {"<", "<=", "==", "!=", ">", ">="};
    private static final int[] SWAPPED = {GT, GE, EQ, NE, LT, LE};
    private static final String[] METHODS = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

    private Compare() {
    }

    /** The operator as written, for {@code dis} and error messages. */
    public static String symbol(int op) {
        return SYMBOLS[op];
    }

    /** The special method name, such as {@code __lt__}. */
    public static String method(int op) {
        return METHODS[op];
    }

    /** The operator with its operands swapped: {@code <} becomes {@code >}. */
    public static int swapped(int op) {
        return SWAPPED[op];
    }

    /** Whether a three-way comparison result satisfies {@code op}. */
    public static boolean test(int cmp, int op) {
        switch (op) {
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case EQ:
                return cmp == 0;
            case NE:
                return cmp != 0;
            case GT:
                return cmp > 0;
            default:
                return cmp >= 0;
        }
    }

    /**
     * {@code a <op> b} as a new reference. The right operand's reflected method goes first when
     * its type is a proper subtype of the left's; {@code ==} and {@code !=} fall back to identity;
     * orderings raise TypeError when neither side can answer.
     */
    public static PyObject richCompare(PyObject a, PyObject b, int op) {
        PyType ta = a.type();
        PyType tb = b.type();
        boolean checkedReflected = false;
        if (ta != tb && tb.isSubtypeOf(ta)) {
            checkedReflected = true;
            PyObject r = b.richCompare(a, SWAPPED[op]);
            if (r != PyNotImplemented.INSTANCE) {
                return r;
            }
        }
        PyObject r = a.richCompare(b, op);
        if (r != PyNotImplemented.INSTANCE) {
            return r;
        }
        if (!checkedReflected) {
            r = b.richCompare(a, SWAPPED[op]);
            if (r != PyNotImplemented.INSTANCE) {
                return r;
            }
        }
        switch (op) {
            case EQ:
                return PyBool.of(a == b);
            case NE:
                return PyBool.of(a != b);
            default:
                throw Errors.typeError("'" + SYMBOLS[op] + "' not supported between instances of '" + a.typeName()
                        + "' and '" + b.typeName() + "'");
        }
    }

    /** The truth of {@code a <op> b}. */
    public static boolean test(PyObject a, PyObject b, int op) {
        PyObject r = richCompare(a, b, op);
        try {
            return r.isTrue();
        } finally {
            Refs.decref(r);
        }
    }

    /**
     * {@code a == b} as containers test it ({@code PyObject_RichCompareBool}): identity implies
     * equality.
     */
    public static boolean isEqual(PyObject a, PyObject b) {
        if (a == b) {
            return true;
        }
        return test(a, b, EQ);
    }
}
