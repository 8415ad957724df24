package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;

/**
 * A computed attribute of a built-in type ({@code int.real}, {@code Thread.name}): CPython's
 * {@code getset_descriptor}, a data descriptor.
 */
public final class PyGetSetDescriptor extends PyObject {

    public static final PyType TYPE = PyType.builtin("getset_descriptor", PyType.OBJECT).finalType().build();

    /** Reads the attribute: a new reference. */
    @FunctionalInterface
    public interface Getter {
        PyObject get(PyObject self);
    }

    /** Writes the attribute; {@code value} is borrowed, or null for {@code del}. */
    @FunctionalInterface
    public interface Setter {
        void set(PyObject self, PyObject value);
    }

    private final PyType owner;
    private final String name;
    private final Getter getter;
    private final Setter setter;

    PyGetSetDescriptor(PyType owner, String name, Getter getter, Setter setter) {
        this.owner = owner;
        this.name = name;
        this.getter = getter;
        this.setter = setter;
        makeStaticImmortal();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isDataDescriptor() {
        return true;
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType type) {
        if (instance == null) {
            return this; // immortal
        }
        return getter.get(instance);
    }

    @Override
    public void descriptorSet(PyObject instance, PyObject value) {
        if (setter == null) {
            throw Errors.attributeError("attribute '" + name + "' of '" + owner.qualifiedName() + "' objects is not writable");
        }
        setter.set(instance, value);
    }

    @Override
    public String repr() {
        return "<attribute '" + name + "' of '" + owner.qualifiedName() + "' objects>";
    }
}
