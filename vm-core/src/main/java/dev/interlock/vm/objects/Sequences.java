package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;

/** Helpers shared by the sequence types: index conversion and bounds. */
public final class Sequences {

    private Sequences() {
    }

    /**
     * An index as a long ({@code PyNumber_AsSsize_t}), with CPython's message when the key is not
     * an integer: "{@code list indices must be integers or slices, not str}".
     *
     * @param what "list", "tuple", "string": the sequence kind named in the message
     */
    public static long index(PyObject key, String what) {
        if (key instanceof PyInt i) {
            if (i.isSmall()) {
                return i.longValue();
            }
            throw Errors.of(ExceptionTypes.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
        }
        PyInt i;
        try {
            i = key.asIndex();
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                e.release();
                throw Errors.typeError(what + " indices must be integers or slices, not " + key.typeName());
            }
            throw e;
        }
        try {
            if (!i.isSmall()) {
                throw Errors.of(ExceptionTypes.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
            }
            return i.longValue();
        } finally {
            Refs.decref(i);
        }
    }

    /**
     * The {@code [start, stop)} range that {@code index(x, start, stop)} searches, clamped like a
     * slice. Either bound may be null (absent).
     */
    public static int[] searchRange(int length, PyObject start, PyObject stop) {
        long lo = start == null ? 0 : clampIndex(start, length);
        long hi = stop == null ? length : clampIndex(stop, length);
        return new int[] {(int) lo, (int) Math.max(lo, hi)};
    }

    private static long clampIndex(PyObject v, int length) {
        PyInt i = v.asIndex();
        long x;
        try {
            x = i.clampedInt();
        } finally {
            Refs.decref(i);
        }
        if (x < 0) {
            x = Math.max(0, x + length);
        }
        return Math.min(x, length);
    }

    /** How many times to repeat a sequence for {@code seq * n}, with CPython's overflow errors. */
    public static long repeatCount(PyInt n, int length) {
        if (!n.isSmall()) {
            if (n.signum() <= 0) {
                return 0;
            }
            throw Errors.overflowError("cannot fit 'int' into an index-sized integer");
        }
        long count = n.longValue();
        if (count > 0 && length > 0 && count > (Integer.MAX_VALUE - 16) / length) {
            throw Errors.memoryError();
        }
        return count;
    }

    /**
     * Lexicographic comparison of two item arrays, as CPython's {@code list_richcompare} and
     * {@code tuplerichcompare}: the first pair that is not equal decides, else the lengths.
     */
    public static PyObject compare(PyObject[] a, int na, PyObject[] b, int nb, int op) {
        if (na != nb && (op == dev.interlock.vm.ops.Compare.EQ || op == dev.interlock.vm.ops.Compare.NE)) {
            return PyBool.of(op == dev.interlock.vm.ops.Compare.NE);
        }
        int i = 0;
        int n = Math.min(na, nb);
        while (i < n && dev.interlock.vm.ops.Compare.isEqual(a[i], b[i])) {
            i++;
        }
        if (i >= na || i >= nb) {
            return PyBool.of(dev.interlock.vm.ops.Compare.test(Integer.compare(na, nb), op));
        }
        if (op == dev.interlock.vm.ops.Compare.EQ) {
            return PyBool.FALSE;
        }
        if (op == dev.interlock.vm.ops.Compare.NE) {
            return PyBool.TRUE;
        }
        return dev.interlock.vm.ops.Compare.richCompare(a[i], b[i], op);
    }
}
