package dev.interlock.vm.objects;

/** An instance of plain {@code object}: {@code object()}, a sentinel with identity only. */
public final class PyBaseObject extends PyObject {

    @Override
    public PyType type() {
        return PyType.OBJECT;
    }
}
