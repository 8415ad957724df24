package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

/**
 * A class method of a built-in type ({@code dict.fromkeys}, {@code itertools.chain.from_iterable}):
 * CPython's {@code classmethod_descriptor}. Looked up through the type or an instance, it binds to
 * the type, so the code receives the type as {@code self}.
 */
public final class PyClassMethodDescriptor extends PyObject {

    public static final PyType TYPE = PyType.builtin("classmethod_descriptor", PyType.OBJECT).finalType().build();

    private final PyType owner;
    private final BuiltinDef def;

    PyClassMethodDescriptor(PyType owner, BuiltinDef def) {
        this.owner = requireNonNull(owner, "owner is null");
        this.def = requireNonNull(def, "def is null");
        makeStaticImmortal();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType type) {
        PyType bindTo = type != null ? type : instance.type();
        return new PyBuiltinFunction(def, bindTo, owner.name() + ".");
    }

    @Override
    public String repr() {
        return "<method '" + def.name() + "' of '" + owner.qualifiedName() + "' objects>";
    }
}
