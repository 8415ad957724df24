package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;

/** {@code None}: immortal, the only instance of {@code NoneType}. */
public final class PyNone extends PyObject {

    public static final PyType TYPE = PyType.builtin("NoneType", PyType.OBJECT).finalType()
            .constructor((t, args, start, nargs, kw) -> {
                if (nargs != 0 || (kw != null && kw.size() > 0)) {
                    throw Errors.typeError("NoneType takes no arguments");
                }
                return PyNone.INSTANCE;
            })
            .build();

    public static final PyNone INSTANCE = new PyNone();

    private PyNone() {
        makeStaticImmortal();
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String repr() {
        return "None";
    }

    @Override
    public boolean isTrue() {
        return false;
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        return Identity.compare(this, other, op);
    }

    @Override
    public long hash() {
        return 0xFCA86420L; // a fixed value, as CPython 3.12+ gives None a constant hash
    }
}
