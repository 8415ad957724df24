package dev.interlock.vm.objects;

import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.runtime.Interpreter;

/** Reporting exceptions raised where nobody can catch them ({@code __del__}), as CPython does. */
final class Finalizers {

    private Finalizers() {
    }

    /** Prints {@code Exception ignored in: <function C.__del__ ...>} and the traceback, then drops the exception. */
    static void reportIgnored(PyObject where, PyException e) {
        try {
            Interpreter interp = Interpreter.current();
            interp.stdout().flush();
            interp.stderr().print("Exception ignored in: " + where.repr() + "\n" + TracebackPrinter.format(e.value()));
            interp.stderr().flush();
        } finally {
            e.release();
        }
    }
}
