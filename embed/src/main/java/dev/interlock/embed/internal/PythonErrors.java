package dev.interlock.embed.internal;

import dev.interlock.embed.PythonException;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyTraceback;
import dev.interlock.vm.runtime.PyThreadState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the interpreter's errors into {@link PythonException}, on the Python thread where they
 * were raised (formatting a traceback reads Python objects), giving back the reference a caught
 * {@link PyException} owns.
 */
final class PythonErrors {

    private PythonErrors() {
    }

    /** Runs {@code body}, translating the Python errors it throws. */
    static <T> T translating(PythonCall<T> body, PyThreadState ts) {
        try {
            return body.run(ts);
        } catch (PyException e) {
            throw from(e);
        } catch (SyntaxErrorException e) {
            throw from(e);
        } catch (NotSupportedError e) {
            throw from(e, ts);
        }
    }

    /** A raised Python exception, whose reference this gives back. */
    static PythonException from(PyException e) {
        try {
            PyBaseException value = e.value();
            PyTraceback innermost = value.traceback();
            while (innermost != null && innermost.next() != null) {
                innermost = innermost.next();
            }
            String file = innermost == null ? null : innermost.code().filename();
            int line = innermost == null ? -1 : innermost.lineno();
            return new PythonException(value.type().qualifiedName(), value.str(), TracebackPrinter.format(value), file, line);
        } finally {
            e.release();
        }
    }

    /** A syntax error found while compiling. */
    static PythonException from(SyntaxErrorException e) {
        return new PythonException(e.kind(), e.msg(), e.format(), e.filename(), e.line());
    }

    /** A feature Interlock does not support, with the Python stack where it was met. */
    static PythonException from(NotSupportedError e, PyThreadState ts) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            TracebackPrinter.printNotSupported(ts, e, out);
        }
        String[] innermost = e.frames().isEmpty() ? null : e.frames().get(0);
        return new PythonException("NotSupportedError", e.getMessage(), text.toString(StandardCharsets.UTF_8),
                innermost == null ? null : innermost[0], innermost == null ? -1 : parseLine(innermost[1]));
    }

    private static int parseLine(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            return -1;
        }
    }
}
