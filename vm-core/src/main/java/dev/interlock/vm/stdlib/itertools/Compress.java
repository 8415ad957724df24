package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** {@code compress(data, selectors)}: the items of data whose selector is true. */
final class Compress extends ItertoolsIterator {

    private static final ArgParser ARGS = new ArgParser("compress", 2, 0, new String[] {"data", "selectors"});

    static final PyType TYPE = iteratorType("compress")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                PyObject data = p[0].iter();
                try {
                    return new Compress(data, p[1].iter());
                } catch (RuntimeException | Error e) {
                    Refs.decref(data);
                    throw e;
                }
            })
            .build();

    private final PyObject data;
    private final PyObject selectors;

    /** Takes over both iterators. */
    private Compress(PyObject data, PyObject selectors) {
        this.data = data;
        this.selectors = selectors;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        while (true) {
            PyObject item = data.next();
            if (item == null) {
                return null;
            }
            boolean keep;
            try {
                PyObject selector = selectors.next();
                if (selector == null) {
                    Refs.decref(item);
                    return null;
                }
                try {
                    keep = selector.isTrue();
                } finally {
                    Refs.decref(selector);
                }
            } catch (RuntimeException | Error e) {
                Refs.decref(item);
                throw e;
            }
            if (keep) {
                return item;
            }
            Refs.decref(item);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(data);
        visitor.visit(selectors);
    }
}
