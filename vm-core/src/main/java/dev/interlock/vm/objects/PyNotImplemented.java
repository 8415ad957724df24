package dev.interlock.vm.objects;

/** {@code NotImplemented}: what a binary or comparison method returns when it cannot handle the other operand. */
public final class PyNotImplemented extends PyObject {

    public static final PyType TYPE = PyType.builtin("NotImplementedType", PyType.OBJECT).finalType().build();

    public static final PyNotImplemented INSTANCE = new PyNotImplemented();

    private PyNotImplemented() {
        makeStaticImmortal();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "NotImplemented";
    }
}
