package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;

/** Compiling source text given from Java. Call on a Python thread. */
public final class Source {

    private Source() {
    }

    /**
     * Compiled code and whether it is an expression (whose value a run returns). Holds a counted
     * reference to the code object until {@link #release}d.
     *
     * @param code the code object
     * @param isExpression true for an expression compiled in {@code eval} mode
     */
    public record Compiled(PyCode code, boolean isExpression) {

        public Compiled {
            requireNonNull(code, "code is null");
        }

        /** Gives back the reference to the code object (on a Python thread). */
        public void release() {
            Refs.decref(code);
        }
    }

    /** Statements, as {@code compile(source, filename, 'exec')}. */
    public static Compiled statements(Interpreter interpreter, String source, String filename) {
        remember(interpreter, source, filename);
        return new Compiled(Compiler.compile(source, filename, Compiler.Mode.EXEC), false);
    }

    /** An expression, as {@code compile(source, filename, 'eval')}. */
    public static Compiled expression(Interpreter interpreter, String source, String filename) {
        remember(interpreter, source, filename);
        return new Compiled(Compiler.compile(source, filename, Compiler.Mode.EVAL), true);
    }

    /**
     * An expression if the source is one, statements otherwise: what a script engine's
     * {@code eval} runs, returning the expression's value. A syntax error is reported as the
     * statements' error.
     */
    public static Compiled expressionOrStatements(Interpreter interpreter, String source, String filename) {
        try {
            return expression(interpreter, source, filename);
        } catch (SyntaxErrorException notAnExpression) {
            return statements(interpreter, source, filename);
        }
    }

    /**
     * Tracebacks quote the lines of named sources; names in angle brackets ({@code <string>}) are
     * not files and are shared by unrelated sources, so their lines are not kept (as in CPython).
     */
    private static void remember(Interpreter interpreter, String source, String filename) {
        if (!filename.startsWith("<")) {
            interpreter.sources().register(filename, source);
        }
    }
}
