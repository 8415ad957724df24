package dev.interlock.vm.eval;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStrs;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;

/** UNPACK_SEQUENCE and UNPACK_EX, with CPython's messages. */
final class Unpacking {

    private Unpacking() {
    }

    /** Replaces the iterable on top with its {@code n} items, the first on top. */
    static int unpackSequence(PyObject[] s, int sp, int n) {
        PyObject seq = s[sp - 1];
        PyObject[] items = itemsOf(seq, n + 1);
        try {
            if (items.length != n) {
                if (items.length < n) {
                    throw Errors.valueError("not enough values to unpack (expected " + n + ", got " + items.length + ")");
                }
                throw Errors.valueError("too many values to unpack (expected " + n + ")");
            }
        } catch (PyException e) {
            Refs.decrefAll(items);
            throw e;
        }
        s[--sp] = null;
        Refs.decref(seq);
        for (int i = n - 1; i >= 0; i--) {
            s[sp++] = items[i];
        }
        return sp;
    }

    /** {@code a, *b, c = seq}: {@code before} items, a list of the middle, {@code after} items. */
    static int unpackEx(PyObject[] s, int sp, int before, int after) {
        PyObject seq = s[sp - 1];
        PyObject[] items = itemsOf(seq, Integer.MAX_VALUE);
        int n = items.length;
        if (n < before + after) {
            Refs.decrefAll(items);
            throw Errors.valueError("not enough values to unpack (expected at least " + (before + after) + ", got " + n + ")");
        }
        s[--sp] = null;
        Refs.decref(seq);
        for (int i = n - 1; i >= n - after; i--) {
            s[sp++] = items[i];
        }
        PyObject[] middle = new PyObject[n - before - after];
        System.arraycopy(items, before, middle, 0, middle.length);
        s[sp++] = PyList.steal(middle);
        for (int i = before - 1; i >= 0; i--) {
            s[sp++] = items[i];
        }
        return sp;
    }

    /** The items of {@code seq} as new references; stops after {@code limit} items of an iterator. */
    private static PyObject[] itemsOf(PyObject seq, int limit) {
        // Exact types only, as CPython's UNPACK_SEQUENCE: a subclass may override __iter__.
        if (seq instanceof PyTuple t && t.isExact()) {
            PyObject[] a = t.array().clone();
            for (PyObject o : a) {
                Refs.incref(o);
            }
            return a;
        }
        if (seq instanceof PyList l && l.isExact()) {
            return l.snapshot();
        }
        PyObject it;
        try {
            it = seq.iter();
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR) && !hasIter(seq)) {
                e.release();
                throw Errors.typeError("cannot unpack non-iterable " + seq.typeName() + " object");
            }
            throw e;
        }
        java.util.List<PyObject> out = new java.util.ArrayList<>();
        try {
            while (out.size() < limit) {
                PyObject x = it.next();
                if (x == null) {
                    break;
                }
                out.add(x);
            }
        } catch (RuntimeException | Error e) {
            for (PyObject o : out) {
                Refs.decref(o);
            }
            throw e;
        } finally {
            Refs.decref(it);
        }
        return out.toArray(new PyObject[0]);
    }

    private static boolean hasIter(PyObject o) {
        PyObject method = o.type().lookup(PyStrs.ITER);
        if (method == null) {
            return false;
        }
        Refs.decref(method);
        return true;
    }
}
