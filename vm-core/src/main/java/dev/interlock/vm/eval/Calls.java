package dev.interlock.vm.eval;

import dev.interlock.vm.bytecode.Opcode;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.Invoke;
import dev.interlock.vm.objects.Iteration;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;

/** LOAD_METHOD, CALL_FUNCTION_EX and MAKE_FUNCTION. */
final class Calls {

    private Calls() {
    }

    /**
     * LOAD_METHOD, as CPython's {@code _PyObject_GetMethod}: when the attribute is a plain method
     * found on the type and not shadowed by the instance dict, pushes {@code [method, self]} and
     * skips creating a bound method; otherwise {@code [NULL, attribute]}.
     */
    static int loadMethod(PyObject[] s, int sp, PyStr name) {
        PyObject obj = s[sp - 1];
        if (obj.usesGenericGetAttribute()) {
            PyObject descr = obj.type().lookup(name);
            if (descr != null) {
                if (descr.isMethodDescriptor()) {
                    PyDict dict = obj.instanceDict();
                    if (dict == null || !dict.contains(name)) {
                        s[sp - 1] = descr;
                        s[sp++] = obj;
                        return sp;
                    }
                }
                Refs.decref(descr);
            }
        }
        PyObject attr = obj.getAttribute(name);
        s[sp - 1] = null;
        Refs.decref(obj);
        s[sp++] = attr;
        return sp;
    }

    /** CALL_FUNCTION_EX: {@code [callable, args, kwargs?]}. */
    static int callFunctionEx(PyObject[] s, int sp, boolean hasKwargs) {
        PyObject kwargs = hasKwargs ? s[sp - 1] : null;
        PyObject args = s[sp - (hasKwargs ? 2 : 1)];
        PyObject callable = s[sp - (hasKwargs ? 3 : 2)];
        PyObject[] positional;
        if (args instanceof PyTuple t) {
            positional = t.array();
        } else {
            PyTuple t;
            try {
                t = PyTuple.fromIterable(args);
            } catch (PyException e) {
                if (e.matches(ExceptionTypes.TYPE_ERROR) && !args.type().isHeapType()) {
                    e.release();
                    throw Errors.typeError(functionName(callable) + " argument after * must be an iterable, not "
                            + args.typeName());
                }
                throw e;
            }
            s[sp - (hasKwargs ? 2 : 1)] = t;
            Refs.decref(args);
            positional = t.array();
        }
        PyObject result = Invoke.call(callable, positional, (PyDict) kwargs);
        int n = hasKwargs ? 3 : 2;
        for (int i = 0; i < n; i++) {
            PyObject v = s[--sp];
            s[sp] = null;
            Refs.decref(v);
        }
        s[sp++] = result;
        return sp;
    }

    /** The name CPython puts in call errors: {@code f()} for functions, the repr otherwise. */
    static String functionName(PyObject callable) {
        if (callable instanceof PyFunction f) {
            return f.qualname() + "()";
        }
        if (callable instanceof dev.interlock.vm.objects.PyBuiltinFunction b) {
            return b.name() + "()";
        }
        return callable.typeName() + " object";
    }

    /** MAKE_FUNCTION: pops qualname, code and the parts the flags announce; pushes the function. */
    static int makeFunction(Frame f, PyObject[] s, int sp, int flags) {
        PyStr qualname = (PyStr) s[sp - 1];
        PyCode code = (PyCode) s[sp - 2];
        int i = sp - 3;
        PyTuple closure = (flags & Opcode.MAKE_CLOSURE) != 0 ? (PyTuple) s[i--] : null;
        PyObject annotations = (flags & Opcode.MAKE_ANNOTATIONS) != 0 ? s[i--] : null;
        PyDict kwdefaults = (flags & Opcode.MAKE_KWDEFAULTS) != 0 ? (PyDict) s[i--] : null;
        PyTuple defaults = (flags & Opcode.MAKE_DEFAULTS) != 0 ? (PyTuple) s[i--] : null;
        PyFunction fn = new PyFunction(code, f.globals, qualname.value(), defaults, kwdefaults, closure);
        if (annotations instanceof PyTuple pairs) {
            PyDict ann = PyDict.create();
            for (int k = 0; k + 1 < pairs.size(); k += 2) {
                ann.setItem(pairs.get(k), pairs.get(k + 1));
            }
            fn.instanceDict().setItemSteal("__annotations__", ann);
        }
        int popped = sp - 1 - i;
        for (int k = 0; k < popped; k++) {
            PyObject v = s[--sp];
            s[sp] = null;
            Refs.decref(v);
        }
        s[sp++] = fn;
        return sp;
    }

    /** The items of an iterable as new references (for {@code *args} of unknown type). */
    static PyObject[] items(PyObject iterable) {
        return Iteration.toArray(iterable);
    }
}
