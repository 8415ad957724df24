package dev.interlock.vm.objects;

import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.runtime.Interpreter;

/**
 * Reporting exceptions raised where nobody can catch them ({@code __del__}, the function of a
 * thread started with {@code _thread.start_new_thread}), as CPython's default
 * {@code sys.unraisablehook} does.
 */
public final class Unraisable {

    private Unraisable() {
    }

    /** Prints {@code Exception ignored in: <function C.__del__ ...>} and the traceback, then drops the exception. */
    public static void report(PyObject where, PyException e) {
        report("Exception ignored in", where, e);
    }

    /** Prints {@code <message>: <repr of where>} and the traceback, then drops the exception. */
    public static void report(String message, PyObject where, PyException e) {
        try {
            Interpreter interp = Interpreter.current();
            interp.stdout().flush();
            interp.stderr().print(message + ": " + where.repr() + "\n" + TracebackPrinter.format(e.value()));
            interp.stderr().flush();
        } finally {
            e.release();
        }
    }
}
