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

    /**
     * All items of {@code iterable} as an array of new references; lists and tuples are copied
     * directly unless a Python subclass overrides {@code __iter__}.
     */
    public static PyObject[] toArray(PyObject iterable) {
        if (iterable instanceof PyTuple t && (t.isExact() || t.type().lookupSlot(Slot.ITER) == null)) {
            PyObject[] a = t.array().clone();
            for (PyObject o : a) {
                Refs.incref(o);
            }
            return a;
        }
        if (iterable instanceof PyList l && (l.isExact() || l.type().lookupSlot(Slot.ITER) == null)) {
            return l.snapshot();
        }
        return collect(iterable).toArray(new PyObject[0]);
    }
}
