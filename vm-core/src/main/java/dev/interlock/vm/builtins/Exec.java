package dev.interlock.vm.builtins;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
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
 * {@code exec(source, globals=None, locals=None, /, *, closure=None)} and
 * {@code eval(source, globals=None, locals=None, /)}, for source strings and code objects.
 *
 * <p>Without {@code globals} both run in the caller's namespaces. In a function the locals are a
 * snapshot of its variables, which the code may read; as in CPython, assignments made by
 * {@code exec} do not change the function's variables.
 */
final class Exec {

    private static final ArgParser EXEC = new ArgParser("exec", 1, 3, new String[] {"source", "globals", "locals"},
            "closure");

    private static final PyStr BUILTINS = PyStr.immortal("__builtins__");
    private static final PyStr GETITEM = PyStr.immortal("__getitem__");

    private Exec() {
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
        PyObject r = run("exec", p[0], p[1], p[2], Compiler.Mode.EXEC);
        Refs.decref(r);
        return PyNone.INSTANCE;
    }

    static PyObject eval(PyObject[] a, int s, int n, PyTuple kw) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("eval() takes no keyword arguments");
        }
        if (n < 1) {
            throw Errors.typeError("eval expected at least 1 argument, got " + n);
        }
        if (n > 3) {
            throw Errors.typeError("eval expected at most 3 arguments, got " + n);
        }
        return run("eval", a[s], n > 1 ? a[s + 1] : null, n > 2 ? a[s + 2] : null, Compiler.Mode.EVAL);
    }

    private static PyObject run(String fn, PyObject source, PyObject globalsArg, PyObject localsArg, Compiler.Mode mode) {
        if (globalsArg == PyNone.INSTANCE) {
            globalsArg = null;
        }
        if (localsArg == PyNone.INSTANCE) {
            localsArg = null;
        }
        if (globalsArg != null && !(globalsArg instanceof PyDict)) {
            if (mode == Compiler.Mode.EVAL) {
                throw Errors.typeError(isMapping(globalsArg)
                        ? "globals must be a real dict; try eval(expr, {}, mapping)"
                        : "globals must be a dict");
            }
            throw Errors.typeError("exec() globals must be a dict, not " + globalsArg.typeName());
        }
        if (localsArg != null && !isMapping(localsArg)) {
            throw Errors.typeError(mode == Compiler.Mode.EVAL ? "locals must be a mapping"
                    : "locals must be a mapping or None, not " + localsArg.typeName());
        }
        if (!(source instanceof PyStr) && !(source instanceof PyCode)) {
            throw Errors.typeError(fn + "() arg 1 must be a string, bytes or code object");
        }
        PyThreadState ts = PyThreadState.current();
        Interpreter interp = ts.interpreter();
        PyDict globals;
        PyObject locals;
        if (globalsArg != null) {
            globals = Refs.newRef((PyDict) globalsArg);
            locals = Refs.newRef(localsArg != null ? localsArg : globalsArg);
        } else {
            Frame caller = ts.frame;
            globals = Refs.newRef(caller.globals());
            locals = localsArg != null ? Refs.newRef(localsArg) : callerLocals(caller);
        }
        try {
            PyObject present = globals.getItemOrNull(BUILTINS);
            if (present == null) {
                globals.putItem(BUILTINS, interp.builtins().dict());
            }
            Refs.xdecref(present);
            PyCode code;
            if (source instanceof PyCode c) {
                code = Refs.newRef(c);
            } else {
                String text = ((PyStr) source).value();
                if (mode == Compiler.Mode.EVAL) {
                    int i = 0;
                    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                        i++;
                    }
                    text = text.substring(i);
                }
                if (text.indexOf('\0') >= 0) {
                    throw Errors.of(dev.interlock.vm.objects.ExceptionTypes.SYNTAX_ERROR,
                            "source code string cannot contain null bytes");
                }
                try {
                    code = Compiler.compile(text, "<string>", mode);
                } catch (SyntaxErrorException e) {
                    throw Errors.syntaxError(e);
                }
            }
            try {
                return interp.evalLoop().runWithLocals(code, globals, locals, ts);
            } finally {
                Refs.decref(code);
            }
        } finally {
            Refs.decref(locals);
            Refs.decref(globals);
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

    /** The caller's NAME namespace, or for a function a dict of its variables (a new reference). */
    private static PyObject callerLocals(Frame caller) {
        return dev.interlock.vm.eval.FrameObject.localsOf(caller);
    }
}
