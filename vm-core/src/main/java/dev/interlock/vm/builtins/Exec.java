package dev.interlock.vm.builtins;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.PyThreadState;

/**
 * {@code compile()}, {@code exec()} and {@code eval()}: source text compiled at run time and run
 * in given (or the caller's) namespaces. Compare {@code builtin_exec_impl} and
 * {@code builtin_eval_impl} in CPython's {@code Python/bltinmodule.c}.
 *
 * <p>Missing: {@code compile()}'s flags (AST output, future features) and bytes sources.
 */
final class Exec {

    static final ArgParser COMPILE = new ArgParser("compile", 3, 0,
            new String[] {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, "_feature_version");
    static final ArgParser EXEC = new ArgParser("exec", 1, 0, new String[] {"source", "globals", "locals"}, "closure");
    static final ArgParser EVAL = new ArgParser("eval", 1, 0, new String[] {"source", "globals", "locals"});

    private Exec() {
    }

    static PyObject compile(PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = COMPILE.parse(a, s, n, kw);
        String source = sourceText(p[0], "compile");
        String filename = p[1].str();
        String mode = p[2].str();
        Compiler.Mode m = switch (mode) {
            case "exec" -> Compiler.Mode.EXEC;
            case "eval" -> Compiler.Mode.EVAL;
            case "single" -> Compiler.Mode.SINGLE;
            default -> throw Errors.valueError("compile() mode must be 'exec', 'eval' or 'single'");
        };
        return compileText(source, filename, m);
    }

    static PyObject exec(PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = EXEC.parse(a, s, n, kw);
        return run(p, "exec", Compiler.Mode.EXEC);
    }

    static PyObject eval(PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = EVAL.parse(a, s, n, kw);
        return run(p, "eval", Compiler.Mode.EVAL);
    }

    private static PyObject run(PyObject[] p, String function, Compiler.Mode mode) {
        PyObject globals = p[1] == null || p[1] == PyNone.INSTANCE ? null : p[1];
        PyObject locals = p[2] == null || p[2] == PyNone.INSTANCE ? null : p[2];
        if (globals != null && !(globals instanceof PyDict)) {
            throw Errors.typeError(function + "() globals must be a dict, not " + globals.typeName());
        }
        PyThreadState ts = PyThreadState.current();
        Frame caller = ts.frame;
        PyDict g;
        PyObject l;
        if (globals == null) {
            g = Refs.newRef(caller.globals());
            l = locals != null ? Refs.newRef(locals) : Frames.locals();
        } else {
            g = Refs.newRef((PyDict) globals);
            l = Refs.newRef(locals != null ? locals : globals);
        }
        try {
            PyObject b = g.getItemOrNull("__builtins__");
            if (b != null) {
                Refs.decref(b);
            } else {
                g.setItem("__builtins__", Interpreter.current().builtins());
            }
            PyCode code;
            if (p[0] instanceof PyCode c) {
                code = Refs.newRef(c);
            } else {
                String source = sourceText(p[0], function);
                if (mode == Compiler.Mode.EVAL) {
                    source = source.stripLeading();
                }
                code = compileText(source, "<string>", mode);
            }
            try {
                return Interpreter.current().evalLoop().runWithLocals(code, g, l, ts);
            } finally {
                Refs.decref(code);
            }
        } finally {
            Refs.decref(g);
            Refs.decref(l);
        }
    }

    private static String sourceText(PyObject source, String function) {
        if (source instanceof PyStr str) {
            if (str.value().indexOf('\0') >= 0) {
                throw Errors.of(dev.interlock.vm.objects.ExceptionTypes.SYNTAX_ERROR, "source code string cannot contain null bytes");
            }
            return str.value();
        }
        String what = function.equals("compile") ? "compile() arg 1" : function + "() arg 1";
        throw Errors.typeError(what + " must be a string, bytes or code object");
    }

    private static PyCode compileText(String source, String filename, Compiler.Mode mode) {
        // Not registered with the source cache: as in CPython, a traceback through "<string>"
        // shows no source line.
        try {
            return Compiler.compile(source, filename, mode);
        } catch (SyntaxErrorException e) {
            throw Errors.syntaxError(e);
        }
    }
}
