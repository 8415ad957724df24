package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.BinaryOp;

/** Python's {@code set}: mutable, unhashable. */
public final class PySet extends PyAnySet {

    public static final PyType TYPE = SetTypes.defineSet();

    PySet(int capacity) {
        super(capacity);
    }

    /** A new empty set. */
    public static PySet create() {
        return new PySet(0);
    }

    /** {@code set(iterable)}. */
    public static PySet fromIterable(PyObject iterable) {
        PySet s = new PySet(0);
        try {
            s.addAllFrom(iterable);
        } catch (RuntimeException | Error e) {
            Refs.decref(s);
            throw e;
        }
        return s;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    PyAnySet emptyLike() {
        return new PySet(0);
    }

    @Override
    boolean frozen() {
        return false;
    }

    /** {@code set.add(x)}. */
    public void add(PyObject x) {
        addElement(x);
    }

    /** {@code set.update(iterable)}. */
    public void update(PyObject iterable) {
        addAllFrom(iterable);
    }

    /** {@code set.discard(x)}; returns whether it was present. */
    public boolean discard(PyObject x) {
        return elements.remove(x, elementHash(x));
    }

    @Override
    public boolean isHashable() {
        return false;
    }

    @Override
    public long hash() {
        throw Errors.typeError("unhashable type: 'set'");
    }

    @Override
    public PyObject inplaceOp(BinaryOp op, PyObject other) {
        if (!(other instanceof PyAnySet o)) {
            return PyNotImplemented.INSTANCE;
        }
        switch (op) {
            case OR:
                elements.addAll(o.elements);
                break;
            case SUB:
                discardAll(o);
                break;
            case XOR:
                toggleAll(o);
                break;
            case AND: {
                // Missing: CPython swaps in the intersection's table; this refills the set instead
                PyAnySet result = intersection(o);
                try {
                    elements.clear();
                    elements.addAll(result.elements);
                } finally {
                    Refs.decref(result);
                }
                break;
            }
            default:
                return PyNotImplemented.INSTANCE;
        }
        return Refs.newRef(this);
    }
}
