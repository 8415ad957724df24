package dev.interlock.vm.objects;

import java.util.ArrayList;
import java.util.List;

/** Helpers for Python's iteration protocol from Java code. */
public final class Iteration {

    private Iteration() {
    }

    /** All items of {@code iterable} as new references, in order. */
    public static List<PyObject> collect(PyObject iterable) {
        List<PyObject> out = new ArrayList<>();
        PyObject it = iterable.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
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
        return out;
    }

    /** All items of {@code iterable} as an array of new references. */
    public static PyObject[] toArray(PyObject iterable) {
        // Exact types only: a subclass may override __iter__.
        if (iterable instanceof PyTuple t && t.isExact()) {
            PyObject[] a = t.array().clone();
            for (PyObject o : a) {
                Refs.incref(o);
            }
            return a;
        }
        if (iterable instanceof PyList l && l.isExact()) {
            return l.snapshot();
        }
        return collect(iterable).toArray(new PyObject[0]);
    }
}
