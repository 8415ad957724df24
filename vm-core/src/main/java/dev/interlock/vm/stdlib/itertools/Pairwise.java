package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** {@code pairwise(iterable)}: successive overlapping pairs. Everything is dropped at the end. */
final class Pairwise extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("pairwise")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("pairwise", kw);
                BuiltinDef.checkPositional("pairwise", n, 1, 1);
                return new Pairwise(a[s].iter());
            })
            .build();

    private PyObject it;
    /** The item read last, the first of the next pair; null before the first read. */
    private PyObject old;

    /** Takes over {@code it}. */
    private Pairwise(PyObject it) {
        this.it = it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        PyObject source = it;
        if (source == null) {
            return null;
        }
        if (old == null) {
            old = source.next();
            if (old == null) {
                release();
                return null;
            }
        }
        PyObject fresh = source.next();
        if (fresh == null) {
            release();
            return null;
        }
        PyObject first = old;
        old = Refs.newRef(fresh);
        return PyTuple.steal(new PyObject[] {first, fresh}); // our reference to first passes to the pair
    }

    private void release() {
        PyObject i = it;
        PyObject o = old;
        it = null;
        old = null;
        Refs.decref(i);
        Refs.xdecref(o);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (it != null) {
            visitor.visit(it);
        }
        if (old != null) {
            visitor.visit(old);
        }
    }
}
