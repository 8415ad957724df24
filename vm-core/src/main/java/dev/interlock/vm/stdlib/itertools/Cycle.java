package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cycle(iterable)}: the items of the iterable, saved on the first pass, then the saved items
 * over and over. The source iterator is dropped once exhausted; the saved items live as long as
 * the cycle.
 */
final class Cycle extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("cycle")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("cycle", kw);
                BuiltinDef.checkPositional("cycle", n, 1, 1);
                return new Cycle(a[s].iter());
            })
            .build();

    private PyObject it;
    private final List<PyObject> saved = new ArrayList<>();
    private int index;

    private Cycle(PyObject it) {
        this.it = it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        PyObject source = it;
        if (source != null) {
            PyObject item = source.next();
            if (item != null) {
                saved.add(Refs.newRef(item));
                return item;
            }
            it = null;
            Refs.decref(source);
        }
        if (saved.isEmpty()) {
            return null;
        }
        PyObject item = saved.get(index);
        index = index + 1 == saved.size() ? 0 : index + 1;
        return Refs.newRef(item);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (it != null) {
            visitor.visit(it);
        }
        for (PyObject o : saved) {
            visitor.visit(o);
        }
    }
}
