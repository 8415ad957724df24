package dev.interlock.vm.stdlib.itertools;

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

    /** Takes over the iterators in {@code its}. */
    private ZipLongest(PyObject[] its, PyObject fillvalue) {
        this.its = its;
        this.active = its.length;
        this.fillvalue = Refs.newRef(fillvalue);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        if (active == 0) {
            return null;
        }
        PyObject[] items = new PyObject[its.length];
        try {
            for (int i = 0; i < its.length; i++) {
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
                        Refs.decrefAll(items);
                        return null;
                    }
                    item = Refs.newRef(fillvalue);
                }
                items[i] = item;
            }
        } catch (RuntimeException | Error e) {
            active = 0; // as CPython: an error from one of the iterators ends the whole iteration
            Refs.decrefAll(items);
            throw e;
        }
        return PyTuple.steal(items);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (PyObject it : its) {
            if (it != null) {
                visitor.visit(it);
            }
        }
        visitor.visit(fillvalue);
    }
}
