package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code zip_longest(*iterables, fillvalue=None)}: tuples of the items of each iterable, with
 * {@code fillvalue} for those already exhausted, until all are. Each iterator is dropped as soon
 * as it is exhausted.
 */
final class ZipLongest extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("zip_longest")
            .constructor((t, a, s, n, kw) -> {
                PyObject fill = PyNone.INSTANCE;
                if (kw != null && kw.size() > 0) {
                    if (kw.size() != 1 || !((PyStr) kw.get(0)).value().equals("fillvalue")) {
                        throw Errors.typeError("zip_longest() got an unexpected keyword argument");
                    }
                    fill = a[s + n];
                }
                PyObject[] its = new PyObject[n];
                try {
                    for (int i = 0; i < n; i++) {
                        its[i] = a[s + i].iter();
                    }
                } catch (RuntimeException | Error e) {
                    Refs.decrefAll(its);
                    throw e;
                }
                return new ZipLongest(its, fill);
            })
            .build();

    /** The iterators, each null once exhausted. */
    private final PyObject[] its;
    private int active;
    private final PyObject fillvalue;
    /**
     * The result tuple CPython keeps and refills in place while nobody else holds it. A tuple
     * cannot change here, so a new one replaces it instead; what matters is that the same items
     * stay referenced after each call as in CPython (see {@link #next}).
     */
    private PyTuple result;

    /** Takes over the iterators in {@code its}. */
    private ZipLongest(PyObject[] its, PyObject fillvalue) {
        this.its = its;
        this.active = its.length;
        this.fillvalue = Refs.newRef(fillvalue);
        PyObject[] nones = new PyObject[its.length];
        java.util.Arrays.fill(nones, PyNone.INSTANCE);
        this.result = PyTuple.steal(nones);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /**
     * The next tuple. CPython reuses its result tuple when the caller has let go of the previous
     * one (its count is 1), overwriting item by item as it reads, and otherwise returns a fresh
     * tuple and keeps the old one. This does the same with a replacement tuple, so the iterator
     * keeps exactly the items CPython's does, even when exhaustion interrupts a refill.
     */
    @Override
    public PyObject next() {
        if (active == 0) {
            return null;
        }
        int n = its.length;
        PyObject[] items = new PyObject[n];
        boolean reuse = isUniquelyHeld(result);
        int i = 0;
        try {
            for (; i < n; i++) {
                PyObject it = its[i];
                if (it == null) {
                    items[i] = Refs.newRef(fillvalue);
                    continue;
                }
                PyObject item = it.next();
                if (item == null) {
                    its[i] = null;
                    Refs.decref(it);
                    if (--active == 0) {
                        stopped(reuse, items, i);
                        return null;
                    }
                    item = Refs.newRef(fillvalue);
                }
                items[i] = item;
            }
        } catch (RuntimeException | Error e) {
            active = 0; // as CPython: an error from one of the iterators ends the whole iteration
            stopped(reuse, items, i);
            throw e;
        }
        PyTuple fresh = PyTuple.steal(items);
        if (reuse) {
            PyTuple old = result;
            result = Refs.newRef(fresh);
            Refs.decref(old);
        }
        return fresh;
    }

    /** At the end, amid a refill: the kept tuple has the first {@code filled} items replaced. */
    private void stopped(boolean reuse, PyObject[] items, int filled) {
        if (reuse && filled > 0) {
            PyTuple old = result;
            PyObject[] mixed = old.array().clone();
            System.arraycopy(items, 0, mixed, 0, filled);
            result = PyTuple.of(mixed);
            Refs.decref(old);
        }
        Refs.decrefAll(items);
    }

    private static boolean isUniquelyHeld(PyObject o) {
        MemoryManager memory = Refs.memory();
        return memory.countsReferences() && memory.refcount(o) == 1;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (PyObject it : its) {
            if (it != null) {
                visitor.visit(it);
            }
        }
        visitor.visit(fillvalue);
        visitor.visit(result);
    }
}
