package dev.interlock.vm.objects;

/** {@code Ellipsis} ({@code ...}). */
public final class PyEllipsis extends PyObject {

    public static final PyType TYPE = PyType.builtin("ellipsis", PyType.OBJECT).finalType().build();

    public static final PyEllipsis INSTANCE = new PyEllipsis();

    private PyEllipsis() {
        makeStaticImmortal();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "Ellipsis";
    }
}
