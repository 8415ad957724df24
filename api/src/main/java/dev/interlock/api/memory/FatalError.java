package dev.interlock.api.memory;

/**
 * A broken invariant that stops the interpreter, as CPython's {@code Py_FatalError} does:
 * use of a freed object, a negative reference count. It is deliberately an {@link Error}: no
 * Python {@code except} clause can catch it. The command line prints its message, which begins
 * {@code Fatal Python error:}, and exits with a status that is neither 0 nor 1.
 */
public final class FatalError extends Error {

    private static final long serialVersionUID = 1L;

    /** The exit status of a fatal error, 128 + SIGABRT as a CPython abort reports it. */
    public static final int EXIT_STATUS = 134;

    /**
     * @param message the text after {@code Fatal Python error: }
     */
    public FatalError(String message) {
        super("Fatal Python error: " + message, null, false, false);
    }
}
