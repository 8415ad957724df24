package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;

/**
 * One name of a class's {@code __slots__}: a data descriptor that keeps the value in the
 * instance's slot array instead of a {@code __dict__}. Compare CPython's {@code member_descriptor}
 * ({@code PyMemberDef} with {@code T_OBJECT_EX}).
 */
final class PyMemberDescriptor extends PyObject {

    static final PyType TYPE = PyType.builtin("member_descriptor", PyType.OBJECT).finalType().build();

    private final PyType owner;
    private final String name;
    private final int index;

    PyMemberDescriptor(PyType owner, String name, int index) {
        this.owner = requireNonNull(owner, "owner is null");
        this.name = requireNonNull(name, "name is null");
        this.index = index;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isDataDescriptor() {
        return true;
    }

    private PyInstance check(PyObject instance) {
        if (!(instance instanceof PyInstance i) || !instance.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '" + name + "' for '" + owner.name() + "' objects doesn't apply to a '"
                    + instance.typeName() + "' object");
        }
        return i;
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType type) {
        if (instance == null) {
            Refs.incref(this);
            return this;
        }
        PyObject value = check(instance).slotGetNew(index);
        if (value == null) {
            throw Errors.attributeError("'" + instance.typeName() + "' object has no attribute '" + name + "'");
        }
        return value;
    }

    @Override
    public void descriptorSet(PyObject instance, PyObject value) {
        PyInstance i = check(instance);
        if (value == null) {
            PyObject old = i.slotSwap(index, null);
            if (old == null) {
                throw Errors.attributeError(name);
            }
            Refs.decref(old);
            return;
        }
        Refs.incref(value);
        Refs.xdecref(i.slotSwap(index, value));
    }

    @Override
    public String repr() {
        return "<member '" + name + "' of '" + owner.name() + "' objects>";
    }
}
