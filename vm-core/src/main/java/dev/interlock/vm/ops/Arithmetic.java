package dev.interlock.vm.ops;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNotImplemented;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * Binary and unary arithmetic with Python's dispatch rules: CPython's {@code binary_op1} (the
 * right operand's reflected method first when its type is a proper subtype of the left's),
 * in-place operators falling back to the binary ones, and CPython's error messages.
 */
public final class Arithmetic {

    private Arithmetic() {
    }

    /** {@code a <op> b}: a new reference. */
    public static PyObject binary(BinaryOp op, PyObject a, PyObject b) {
        PyObject r = binaryOrNotImplemented(op, a, b);
        if (r == PyNotImplemented.INSTANCE) {
            throw unsupported(op.symbol(), a, b);
        }
        return r;
    }

    private static PyObject binaryOrNotImplemented(BinaryOp op, PyObject a, PyObject b) {
        PyType ta = a.type();
        PyType tb = b.type();
        if (ta != tb && tb.isSubtypeOf(ta)) {
            PyObject r = b.reflectedBinaryOp(op, a);
            if (r != PyNotImplemented.INSTANCE) {
                return r;
            }
            r = a.binaryOp(op, b);
            return r;
        }
        PyObject r = a.binaryOp(op, b);
        if (r != PyNotImplemented.INSTANCE) {
            return r;
        }
        if (ta != tb) {
            return b.reflectedBinaryOp(op, a);
        }
        return PyNotImplemented.INSTANCE;
    }

    /** {@code a <op>= b}: the in-place method if the type has one, else the binary operator. */
    public static PyObject inplace(BinaryOp op, PyObject a, PyObject b) {
        PyObject r = a.inplaceOp(op, b);
        if (r != PyNotImplemented.INSTANCE) {
            return r;
        }
        r = binaryOrNotImplemented(op, a, b);
        if (r == PyNotImplemented.INSTANCE) {
            throw unsupported(op.symbol() + "=", a, b);
        }
        return r;
    }

    /** {@code -a}, {@code +a}, {@code ~a}. */
    public static PyObject unary(UnaryOp op, PyObject a) {
        // A Python class derived from a built-in type (list, dict, deque...) may define the method.
        if (!(a instanceof dev.interlock.vm.objects.PyInstance) && a.type().isHeapType()) {
            PyObject r = dev.interlock.vm.objects.HeapDispatch.unary(a, a.type(), op);
            if (r != null) {
                return r;
            }
        }
        return a.unaryOp(op);
    }

    private static dev.interlock.vm.errors.PyException unsupported(String symbol, PyObject a, PyObject b) {
        if (symbol.equals("**") || symbol.equals("**=")) {
            return Errors.typeError("unsupported operand type(s) for " + symbol + " or pow(): '" + a.typeName()
                    + "' and '" + b.typeName() + "'");
        }
        // CPython's sequence fallbacks (sq_concat of the left operand, sq_repeat of either) word their own errors.
        if ((symbol.equals("+") || symbol.equals("+=")) && isSequence(a)) {
            return Errors.typeError("can only concatenate " + a.typeName() + " (not \"" + b.typeName() + "\") to "
                    + a.typeName());
        }
        if ((symbol.equals("*") || symbol.equals("*=")) && (isSequence(a) || isSequence(b))) {
            PyObject count = isSequence(a) ? b : a;
            return Errors.typeError("can't multiply sequence by non-int of type '" + count.typeName() + "'");
        }
        return Errors.unsupportedOperands(symbol, a, b);
    }

    /** True for the built-in sequences with CPython's sq_concat and sq_repeat. */
    private static boolean isSequence(PyObject o) {
        return o instanceof dev.interlock.vm.objects.PyStr || o instanceof dev.interlock.vm.objects.PyList
                || o instanceof dev.interlock.vm.objects.PyTuple || o instanceof dev.interlock.vm.objects.RepeatableSequence;
    }

    /** {@code abs(x)} for numbers. */
    public static PyObject abs(PyObject x) {
        if (x instanceof PyInt i) {
            return i.abs();
        }
        if (x instanceof dev.interlock.vm.objects.PyFloat f) {
            return dev.interlock.vm.objects.PyFloat.of(Math.abs(f.value()));
        }
        return SpecialMethods.callUnary(x, "__abs__", "bad operand type for abs(): '" + x.typeName() + "'");
    }

    /** Gives back a reference unless it is null. */
    static void release(PyObject o) {
        Refs.xdecref(o);
    }
}
