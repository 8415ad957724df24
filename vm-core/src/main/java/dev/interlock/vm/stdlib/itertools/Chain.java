package dev.interlock.vm.stdlib.itertools;

import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code chain(*iterables)} and the class method {@code chain.from_iterable(iterable)}: the items of
 * each iterable in turn. Each exhausted iterator is dropped at once, and the source of iterables
 * when it runs out (or yields something that is not iterable, as CPython does).
 */
final class Chain extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("chain")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("chain", kw);
                return new Chain(PyTuple.copyOf(a, s, n).iterSteal());
            })
            .classMethod(oneArg("from_iterable", (PyObject type, PyObject iterable) -> new Chain(iterable.iter())))
            .build();

    /** The iterator over the iterables, or null once exhausted. */
    private PyObject source;
    /** The iterator being drained, or null between iterables. */
    private PyObject active;

    /** Takes over {@code source}. */
    private Chain(PyObject source) {
        this.source = source;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        while (true) {
            PyObject current = active;
            if (current == null) {
                PyObject src = source;
                if (src == null) {
                    return null;
                }
                PyObject iterable = src.next();
                if (iterable == null) {
                    source = null;
                    Refs.decref(src);
                    return null;
                }
                try {
                    current = iterable.iter();
                } catch (RuntimeException | Error e) {
                    source = null;
                    Refs.decref(src);
                    throw e;
                } finally {
                    Refs.decref(iterable);
                }
                active = current;
            }
            PyObject item = current.next();
            if (item != null) {
                return item;
            }
            active = null;
            Refs.decref(current);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (source != null) {
            visitor.visit(source);
        }
        if (active != null) {
            visitor.visit(active);
        }
    }
}
