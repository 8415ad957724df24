package dev.interlock.vm.builtins;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.BuiltinDef;
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
    static final ArgParser EXEC = new ArgParser("exec", 1, 3, new String[] {"source", "globals", "locals"}, "closure");
    private static final PyStr BUILTINS = PyStr.immortal("__builtins__");
    private static final PyStr GETITEM = PyStr.immortal("__getitem__");

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
        if (n > 3) {
            throw Errors.typeError("exec() takes at most 3 positional arguments (" + n + " given)");
        }
        PyObject[] p = EXEC.parse(a, s, n, kw);
        PyObject closure = p[3];
        if (closure != null && closure != PyNone.INSTANCE) {
            if (!(p[0] instanceof PyCode)) {
                throw Errors.typeError("closure can only be used when source is a code object");
            }
            throw new NotSupportedError("exec() with a closure");
        }
        Refs.decref(run("exec", p[0], p[1], p[2], Compiler.Mode.EXEC));
        return PyNone.INSTANCE;
    }

    static PyObject eval(PyObject[] a, int s, int n, PyTuple kw) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("eval() takes no keyword arguments");
        }
        BuiltinDef.checkPositional("eval", n, 1, 3);
        return run("eval", a[s], n > 1 ? a[s + 1] : null, n > 2 ? a[s + 2] : null, Compiler.Mode.EVAL);
    }

    private static PyObject run(String function, PyObject source, PyObject globalsArg, PyObject localsArg,
            Compiler.Mode mode) {
        PyObject globals = globalsArg == PyNone.INSTANCE ? null : globalsArg;
        PyObject locals = localsArg == PyNone.INSTANCE ? null : localsArg;
        if (globals != null && !(globals instanceof PyDict)) {
            if (mode == Compiler.Mode.EVAL) {
                throw Errors.typeError(isMapping(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                        : "globals must be a dict");
            }
            throw Errors.typeError("exec() globals must be a dict, not " + globals.typeName());
        }
        if (locals != null && !isMapping(locals)) {
            throw Errors.typeError(mode == Compiler.Mode.EVAL ? "locals must be a mapping"
                    : "locals must be a mapping or None, not " + locals.typeName());
        }
        if (!(source instanceof PyStr) && !(source instanceof PyCode)) {
            throw Errors.typeError(function + "() arg 1 must be a string, bytes or code object");
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
            PyObject b = g.getItemOrNull(BUILTINS);
            if (b != null) {
                Refs.decref(b);
            } else {
                // CPython inserts the builtins namespace itself, a dict
                g.putItem(BUILTINS, Interpreter.current().builtins().dict());
            }
            PyCode code;
            if (source instanceof PyCode c) {
                code = Refs.newRef(c);
            } else {
                String text = sourceText(source, function);
                if (mode == Compiler.Mode.EVAL) {
                    int i = 0;
                    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                        i++;
                    }
                    text = text.substring(i);
                }
                code = compileText(text, "<string>", mode);
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

    /** {@code PyMapping_Check}: the type supports subscription (a Java {@code getItem} or a {@code __getitem__}). */
    private static boolean isMapping(PyObject o) {
        if (o instanceof PyDict) {
            return true;
        }
        try {
            if (o.getClass().getMethod("getItem", PyObject.class).getDeclaringClass() != PyObject.class) {
                return true;
            }
        } catch (NoSuchMethodException e) {
            throw new dev.interlock.vm.errors.InterpreterError("PyObject.getItem is missing", e);
        }
        PyObject getitem = o.type().lookup(GETITEM);
        if (getitem == null) {
            return false;
        }
        Refs.decref(getitem);
        return true;
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
