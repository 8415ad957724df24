package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.ops.Compare;

/**
 * A built-in class subscripted for a type hint, {@code list[int]}: CPython's
 * {@code types.GenericAlias}. It prints as written, calls the class it stands for, and exposes
 * {@code __origin__} and {@code __args__}.
 */
final class PyGenericAlias extends PyObject {

    static final PyType TYPE = PyType.builtin("GenericAlias", PyType.OBJECT).module("types").finalType()
            .getter("__origin__", self -> Refs.newRef(((PyGenericAlias) self).origin))
            .getter("__args__", self -> Refs.newRef(((PyGenericAlias) self).args))
            .build();

    private final PyType origin;
    private final PyTuple args;

    /** {@code origin[args]}; {@code args} is borrowed (a tuple, or one item). */
    PyGenericAlias(PyType origin, PyObject args) {
        this.origin = requireNonNull(origin, "origin is null");
        this.args = args instanceof PyTuple t ? Refs.newRef(t) : PyTuple.of(args);
        Refs.incref(origin);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] a, int start, int nargs, PyTuple kwnames) {
        return origin.call(a, start, nargs, kwnames);
    }

    @Override
    public PyObject getItem(PyObject key) {
        // Missing: substituting type variables; a further subscript gives the alias again.
        return Refs.newRef(this);
    }

    @Override
    public String repr() {
        StringBuilder b = new StringBuilder(hintRepr(origin)).append('[');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(hintRepr(args.get(i)));
        }
        return b.append(']').toString();
    }

    /** A type as a hint prints: {@code int}, {@code collections.deque}, {@code ...}. */
    private static String hintRepr(PyObject o) {
        if (o instanceof PyType t) {
            return t.qualifiedName();
        }
        if (o == PyEllipsis.INSTANCE) {
            return "...";
        }
        return o.repr();
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyGenericAlias o) || (op != Compare.EQ && op != Compare.NE)) {
            return PyNotImplemented.INSTANCE;
        }
        PyObject same = args.richCompare(o.args, Compare.EQ);
        boolean equal = origin == o.origin && same == PyBool.TRUE;
        Refs.decref(same);
        return PyBool.of(op == Compare.EQ ? equal : !equal);
    }

    @Override
    public long hash() {
        return origin.hash() ^ args.hash();
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(origin);
        visitor.visit(args);
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        memory.decref(args);
        memory.decref(origin);
    }
}
