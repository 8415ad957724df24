package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;

/**
 * A method of a built-in type as found in the type's dict ({@code list.append}): CPython's
 * {@code method_descriptor}. Looked up through an instance it binds to it; LOAD_METHOD calls it
 * directly with the instance as {@code self}, creating no bound method.
 */
public final class PyMethodDescriptor extends PyObject {

    public static final PyType TYPE = PyType.builtin("method_descriptor", PyType.OBJECT).finalType().build();

    private final PyType owner;
    private final BuiltinDef def;
    private final String qualifier;

    PyMethodDescriptor(PyType owner, BuiltinDef def) {
        this.owner = requireNonNull(owner, "owner is null");
        this.def = requireNonNull(def, "def is null");
        this.qualifier = owner.name() + ".";
        makeStaticImmortal();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The method's name. */
    public String name() {
        return def.name();
    }

    /** Calls the method with {@code self} as its instance. */
    public PyObject callWithSelf(PyObject self, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        if (!self.type().isSubtypeOf(owner)) {
            throw Errors.typeError("descriptor '" + def.name() + "' for '" + owner.qualifiedName()
                    + "' objects doesn't apply to a '" + self.typeName() + "' object");
        }
        return def.invoke(qualifier, self, args, start, nargs, kwnames);
    }

    @Override
    public boolean isMethodDescriptor() {
        return true;
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType type) {
        if (instance == null) {
            Refs.incref(this);
            return this;
        }
        return new PyBuiltinFunction(def, instance, qualifier);
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        if (nargs < 1) {
            throw Errors.typeError("unbound method " + qualifier + def.name() + "() needs an argument");
        }
        return callWithSelf(args[start], args, start + 1, nargs - 1, kwnames);
    }

    @Override
    public PyObject getAttribute(PyStr name) {
        switch (name.value()) {
            case "__name__":
                return PyStr.of(def.name());
            case "__qualname__":
                return PyStr.of(owner.name() + "." + def.name());
            case "__doc__":
                return def.doc() == null ? PyNone.INSTANCE : PyStr.of(def.doc());
            default:
                return super.getAttribute(name);
        }
    }

    @Override
    public String repr() {
        return "<method '" + def.name() + "' of '" + owner.qualifiedName() + "' objects>";
    }
}
