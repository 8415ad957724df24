package dev.interlock.vm.objects;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.Compare;

/** {@code slice(start, stop, step)}, as built by {@code a[i:j:k]}. */
public final class PySlice extends PyObject {

    public static final PyType TYPE = PyType.builtin("slice", PyType.OBJECT).finalType()
            .constructor((t, a, s, n, kw) -> {
                BuiltinDef.checkPositional("slice", n, 1, 3);
                if (n == 1) {
                    return new PySlice(PyNone.INSTANCE, a[s], PyNone.INSTANCE);
                }
                return new PySlice(a[s], a[s + 1], n == 3 ? a[s + 2] : PyNone.INSTANCE);
            })
            .getter("start", self -> Refs.newRef(((PySlice) self).start))
            .getter("stop", self -> Refs.newRef(((PySlice) self).stop))
            .getter("step", self -> Refs.newRef(((PySlice) self).step))
            .build();

    private final PyObject start;
    private final PyObject stop;
    private final PyObject step;

    /** A slice of borrowed bounds (this object takes its own references). */
    public PySlice(PyObject start, PyObject stop, PyObject step) {
        this.start = Refs.newRef(start);
        this.stop = Refs.newRef(stop);
        this.step = Refs.newRef(step);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /**
     * The resolved positions for a sequence of {@code length}: start, step and how many items,
     * as CPython's {@code PySlice_GetIndicesEx}.
     *
     * @param start the first index
     * @param stop the bound, as clamped
     * @param step the stride, never 0
     * @param length the number of items selected
     */
    public record Indices(int start, int stop, int step, int length) {
    }

    /** Resolves the slice against a sequence of {@code length} items. */
    public Indices indices(int length) {
        long st;
        if (step == PyNone.INSTANCE) {
            st = 1;
        } else {
            PyInt s = step.asIndex();
            try {
                if (s.signum() == 0) {
                    throw Errors.valueError("slice step cannot be zero");
                }
                st = s.clampedInt();
                if (st == Integer.MIN_VALUE) {
                    st = -Integer.MAX_VALUE;
                }
            } finally {
                Refs.decref(s);
            }
        }
        long lo;
        long hi;
        if (st < 0) {
            lo = -1;
            hi = length - 1;
        } else {
            lo = 0;
            hi = length;
        }
        long b = bound(start, st < 0 ? hi : lo, length, lo, hi);
        long e = bound(stop, st < 0 ? lo : hi, length, lo, hi);
        long count;
        if (st < 0) {
            count = e < b ? (b - e - 1) / (-st) + 1 : 0;
        } else {
            count = b < e ? (e - b - 1) / st + 1 : 0;
        }
        return new Indices((int) b, (int) e, (int) st, (int) count);
    }

    private static long bound(PyObject v, long dflt, int length, long lo, long hi) {
        if (v == PyNone.INSTANCE) {
            return dflt;
        }
        PyInt i = indexOf(v);
        long x;
        try {
            x = i.clampedInt();
        } finally {
            Refs.decref(i);
        }
        if (x < 0) {
            x += length;
            if (x < lo) {
                x = lo;
            }
        } else if (x > hi) {
            x = hi;
        }
        return x;
    }

    private static PyInt indexOf(PyObject v) {
        if (v instanceof PyInt) {
            return v.asIndex();
        }
        try {
            return v.asIndex();
        } catch (dev.interlock.vm.errors.PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                e.release();
                throw Errors.typeError("slice indices must be integers or None or have an __index__ method");
            }
            throw e;
        }
    }

    @Override
    public String repr() {
        return "slice(" + start.repr() + ", " + stop.repr() + ", " + step.repr() + ")";
    }

    @Override
    public boolean isHashable() {
        return false;
    }

    @Override
    public long hash() {
        throw Errors.typeError("unhashable type: 'slice'");
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PySlice o)) {
            return PyNotImplemented.INSTANCE;
        }
        PyTuple a = PyTuple.of(start, stop, step);
        PyTuple b = PyTuple.of(o.start, o.stop, o.step);
        try {
            return Compare.richCompare(a, b, op);
        } finally {
            Refs.decref(a);
            Refs.decref(b);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(start);
        visitor.visit(stop);
        visitor.visit(step);
    }
}
