package dev.interlock.vm.errors;

/**
 * A broken invariant inside the interpreter: a bug in Interlock, never the user's program.
 * It is not a Python exception and no {@code except} clause catches it; the command line reports
 * it as an internal error with the Python traceback and the Java cause.
 */
public final class InterpreterError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InterpreterError(String message) {
        super(message);
    }

    public InterpreterError(String message, Throwable cause) {
        super(message, cause);
    }
}
