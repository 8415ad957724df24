package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** {@code takewhile(predicate, iterable)}: the items up to the first one the predicate rejects. */
final class TakeWhile extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("takewhile")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("takewhile", kw);
                BuiltinDef.checkPositional("takewhile", n, 2, 2);
                return new TakeWhile(a[s], a[s + 1].iter());
            })
            .build();

    private final PyObject predicate;
    private final PyObject it;
    private boolean stopped;

    /** Takes over {@code it}. */
    private TakeWhile(PyObject predicate, PyObject it) {
        this.predicate = Refs.newRef(predicate);
        this.it = it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        if (stopped) {
            return null;
        }
        PyObject item = it.next();
        if (item == null) {
            return null;
        }
        boolean take;
        try {
            take = test(predicate, item);
        } catch (RuntimeException | Error e) {
            Refs.decref(item);
            throw e;
        }
        if (take) {
            return item;
        }
        Refs.decref(item);
        stopped = true;
        return null;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(predicate);
        visitor.visit(it);
    }
}
