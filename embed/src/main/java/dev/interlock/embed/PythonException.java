package dev.interlock.embed;

import static java.util.Objects.requireNonNull;

/**
 * A Python exception that reached Java: raised by code run through a {@link PythonInterpreter} or
 * a {@link PythonObject}, or a syntax error in source given to one. It is the only exception
 * Python errors arrive as; it carries what CPython would print for them.
 *
 * <ul>
 *   <li>{@link #pythonType()}: the exception's type, as {@code type(e).__qualname__} prefixed by
 *       its module when that is not {@code builtins} ({@code ZeroDivisionError},
 *       {@code SyntaxError}, {@code mymodule.MyError});</li>
 *   <li>{@link #pythonMessage()}: {@code str(e)};</li>
 *   <li>{@link #traceback()}: the whole report CPython's {@code sys.excepthook} prints, chained
 *       exceptions included, ending with the {@code Type: message} line;</li>
 *   <li>{@link #fileName()} and {@link #lineNumber()}: where it was raised (the innermost frame),
 *       or where the syntax error is.</li>
 * </ul>
 *
 * <p>{@code SystemExit} arrives as a {@code PythonException} too: an embedded interpreter never
 * ends the JVM. Features Interlock does not support arrive with the type {@code NotSupportedError}.
 * Only strings are kept, so the exception stays meaningful after the interpreter is closed and can
 * be serialized.
 */
public final class PythonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The Python type name. */
    private final String pythonType;
    /** {@code str(e)}. */
    private final String pythonMessage;
    /** The report as CPython prints it. */
    private final String traceback;
    /** The file of the innermost frame, or null. */
    private final String fileName;
    /** The line in {@code fileName}, or -1. */
    private final int lineNumber;

    /**
     * @param pythonType the Python type name, such as {@code ZeroDivisionError}
     * @param pythonMessage {@code str(e)}, possibly empty
     * @param traceback the report as CPython prints it
     * @param fileName the file of the innermost frame, or null if unknown
     * @param lineNumber the line in that file, or -1 if unknown
     */
    public PythonException(String pythonType, String pythonMessage, String traceback, String fileName, int lineNumber) {
        super(pythonMessage.isEmpty() ? pythonType : pythonType + ": " + pythonMessage);
        this.pythonType = requireNonNull(pythonType, "pythonType is null");
        this.pythonMessage = requireNonNull(pythonMessage, "pythonMessage is null");
        this.traceback = requireNonNull(traceback, "traceback is null");
        this.fileName = fileName;
        this.lineNumber = lineNumber;
    }

    /** The Python type name, such as {@code KeyError}. */
    public String pythonType() {
        return pythonType;
    }

    /** {@code str(e)}: the message without the type; may be empty. */
    public String pythonMessage() {
        return pythonMessage;
    }

    /**
     * The report CPython prints for an uncaught exception: {@code Traceback (most recent call
     * last):}, a {@code File "...", line N, in f} entry per frame, the chained exceptions, and
     * the {@code Type: message} line; for a syntax error, the file, line and caret.
     */
    public String traceback() {
        return traceback;
    }

    /** The file where the exception was raised (innermost frame), or null if unknown. */
    public String fileName() {
        return fileName;
    }

    /** The line where the exception was raised (innermost frame), or -1 if unknown. */
    public int lineNumber() {
        return lineNumber;
    }
}
