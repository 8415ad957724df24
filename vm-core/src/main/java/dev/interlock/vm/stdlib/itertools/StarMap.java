package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** {@code starmap(function, iterable)}: {@code function(*args)} for each args of the iterable. */
final class StarMap extends ItertoolsIterator {

    static final PyType TYPE = iteratorType("starmap")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("starmap", kw);
                BuiltinDef.checkPositional("starmap", n, 2, 2);
                return new StarMap(a[s], a[s + 1].iter());
            })
            .build();

    private final PyObject function;
    private final PyObject it;

    /** Takes over {@code it}. */
    private StarMap(PyObject function, PyObject it) {
        this.function = Refs.newRef(function);
        this.it = it;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        PyObject item = it.next();
        if (item == null) {
            return null;
        }
        PyTuple args;
        try {
            args = PyTuple.fromIterable(item);
        } finally {
            Refs.decref(item);
        }
        try {
            return function.call(args.array(), 0, args.size(), null);
        } finally {
            Refs.decref(args);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(function);
        visitor.visit(it);
    }
}
