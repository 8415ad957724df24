package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

/**
 * One entry of a traceback: the code that was running, the line, and the next (more recent)
 * entry. CPython's {@code PyTracebackObject} keeps the frame; Interlock keeps what printing and
 * {@code tb_lineno} need, so a traceback does not keep a whole frame alive.
 */
public final class PyTraceback extends PyObject {

    public static final PyType TYPE = PyType.builtin("traceback", PyType.OBJECT).finalType()
            .getter("tb_lineno", self -> PyInt.of(((PyTraceback) self).lineno))
            .getter("tb_next", self -> {
                PyTraceback next = ((PyTraceback) self).next;
                return next == null ? PyNone.INSTANCE : Refs.newRef(next);
            })
            .build();

    private final PyCode code;
    private final int lineno;
    private final int lasti;
    private final PyTraceback next;

    /**
     * @param code the code running in the frame ({@code tb_frame.f_code})
     * @param lineno the line being executed
     * @param lasti the offset of the instruction being executed
     * @param next the more recent entry, or null; this entry takes over the caller's reference
     */
    public PyTraceback(PyCode code, int lineno, int lasti, PyTraceback next) {
        this.code = requireNonNull(code, "code is null");
        this.lineno = lineno;
        this.lasti = lasti;
        this.next = next;
        Refs.incref(code);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public PyCode code() {
        return code;
    }

    public int lineno() {
        return lineno;
    }

    public int lasti() {
        return lasti;
    }

    public PyTraceback next() {
        return next;
    }

    @Override
    public void traverse(dev.interlock.api.memory.ReferenceVisitor visitor) {
        visitor.visit(code);
        if (next != null) {
            visitor.visit(next);
        }
    }
}
