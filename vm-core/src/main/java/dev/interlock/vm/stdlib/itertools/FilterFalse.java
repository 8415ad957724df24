package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** {@code filterfalse(function, iterable)}: the items for which the function (or, if None, the item) is false. */
final class FilterFalse extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("filterfalse")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("filterfalse", kw);
                BuiltinDef.checkPositional("filterfalse", n, 2, 2);
                return new FilterFalse(a[s], a[s + 1].iter());
            })
            .build();

    private final PyObject function;
    private final PyObject it;

    /** Takes over {@code it}. */
    private FilterFalse(PyObject function, PyObject it) {
        this.function = Refs.newRef(function);
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
            if (item == null) {
                return null;
            }
            boolean truth;
            try {
                truth = function == PyNone.INSTANCE || function == PyBool.TYPE ? item.isTrue() : test(function, item);
            } catch (RuntimeException | Error e) {
                Refs.decref(item);
                throw e;
            }
            if (!truth) {
                return item;
            }
            Refs.decref(item);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(function);
        visitor.visit(it);
    }
}
