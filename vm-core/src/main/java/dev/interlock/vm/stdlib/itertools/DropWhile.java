package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** {@code dropwhile(predicate, iterable)}: the items from the first one the predicate rejects on. */
final class DropWhile extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("dropwhile")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("dropwhile", kw);
                BuiltinDef.checkPositional("dropwhile", n, 2, 2);
                return new DropWhile(a[s], a[s + 1].iter());
            })
            .build();

    private final PyObject predicate;
    private final PyObject it;
    private boolean dropping = true;

    /** Takes over {@code it}. */
    private DropWhile(PyObject predicate, PyObject it) {
        this.predicate = Refs.newRef(predicate);
        this.it = it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        while (true) {
            PyObject item = it.next();
            if (item == null || !dropping) {
                return item;
            }
            boolean drop;
            try {
                drop = test(predicate, item);
            } catch (RuntimeException | Error e) {
                Refs.decref(item);
                throw e;
            }
            if (!drop) {
                dropping = false;
                return item;
            }
            Refs.decref(item);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(predicate);
        visitor.visit(it);
    }
}
