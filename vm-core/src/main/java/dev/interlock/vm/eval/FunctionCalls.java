package dev.interlock.vm.eval;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyCell;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * Calling Python functions: binding arguments to parameters with CPython's rules and messages
 * ({@code f() missing 1 required positional argument: 'x'}, {@code f() takes 2 positional
 * arguments but 3 were given}, {@code f() got multiple values for argument 'x'}...), then
 * running the body. Compare {@code initialize_locals} in CPython 3.11's {@code Python/ceval.c}.
 */
public final class FunctionCalls {

    private FunctionCalls() {
    }

    /** Calls {@code f} with borrowed vectorcall arguments, from Java code. */
    public static PyObject call(PyFunction f, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        Frame frame = prepare(f, args, start, nargs, kwnames);
        if (f.code().isGenerator()) {
            return new PyGenerator(frame, f);
        }
        PyThreadState ts = PyThreadState.current();
        return ts.interpreter().evalLoop().run(frame, ts);
    }

    /**
     * Runs a class body (the function a {@code class} statement compiles its suite to) with
     * {@code namespace} as its locals; returns the body's result (the {@code __class__} cell or
     * None), a new reference.
     */
    public static PyObject runClassBody(PyFunction body, PyDict namespace) {
        PyCode co = body.code();
        PyDict globals = body.globals();
        Frame frame = new Frame(co, globals, body.builtins(), namespace);
        Refs.incref(namespace);
        try {
            setUpCells(body, co, frame.slots());
            PyThreadState ts = PyThreadState.current();
            return ts.interpreter().evalLoop().run(frame, ts);
        } finally {
            Refs.decref(namespace);
        }
    }

    /**
     * A frame for a call of {@code f}, its parameters bound to new references to the (borrowed)
     * arguments, its cells and free variables in place.
     */
    static Frame prepare(PyFunction f, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        PyCode co = f.code();
        PyDict globals = f.globals();
        Frame frame = new Frame(co, globals, f.builtins(), null);
        PyObject[] fast = frame.slots();
        try {
            bind(f, co, fast, args, start, nargs, kwnames);
            setUpCells(f, co, fast);
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < frame.stackBase; i++) {
                Refs.xdecref(fast[i]);
                fast[i] = null;
            }
            throw e;
        }
        return frame;
    }

    /** The builtins namespace of a module's globals ({@code __builtins__}), as a dict; borrowed. */
    static PyDict builtinsOf(PyDict globals) {
        return PyFunction.builtinsOf(globals);
    }

    private static void bind(PyFunction f, PyCode co, PyObject[] fast, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        int argcount = co.argCount();
        int total = co.totalArgCount();
        boolean varargs = co.hasFlag(PyCode.CO_VARARGS);
        boolean varkw = co.hasFlag(PyCode.CO_VARKEYWORDS);
        PyDict kwdict = null;
        if (varkw) {
            kwdict = PyDict.create();
            fast[total + (varargs ? 1 : 0)] = kwdict;
        }
        int n = Math.min(nargs, argcount);
        for (int i = 0; i < n; i++) {
            PyObject v = args[start + i];
            Refs.incref(v);
            fast[i] = v;
        }
        if (varargs) {
            fast[total] = nargs > argcount ? PyTuple.copyOf(args, start + argcount, nargs - argcount) : PyTuple.EMPTY;
        }
        int nkw = kwnames == null ? 0 : kwnames.size();
        for (int k = 0; k < nkw; k++) {
            PyStr name = (PyStr) kwnames.get(k);
            PyObject value = args[start + nargs + k];
            int index = parameterIndex(co, name.value());
            if (index < 0) {
                if (kwdict != null) {
                    kwdict.setItem(name, value);
                    continue;
                }
                if (positionalOnlyIndex(co, name.value()) >= 0) {
                    throw Errors.typeError(f.qualname() + "() got some positional-only arguments passed as keyword arguments: '"
                            + name.value() + "'");
                }
                throw Errors.typeError(f.qualname() + "() got an unexpected keyword argument '" + name.value() + "'");
            }
            if (fast[index] != null) {
                throw Errors.typeError(f.qualname() + "() got multiple values for argument '" + name.value() + "'");
            }
            Refs.incref(value);
            fast[index] = value;
        }
        if (nargs > argcount && !varargs) {
            throw tooManyPositional(f, co, nargs, fast);
        }
        PyTuple defaults = f.defaults();
        int ndefaults = defaults == null ? 0 : defaults.size();
        if (nargs < argcount) {
            int firstDefault = argcount - ndefaults;
            List<String> missing = new ArrayList<>();
            for (int i = nargs; i < argcount; i++) {
                if (fast[i] != null) {
                    continue;
                }
                if (i >= firstDefault) {
                    PyObject d = defaults.get(i - firstDefault);
                    Refs.incref(d);
                    fast[i] = d;
                } else {
                    missing.add(co.localPlusName(i));
                }
            }
            if (!missing.isEmpty()) {
                throw missingArguments(f, missing, "positional");
            }
        }
        if (co.keywordOnlyCount() > 0) {
            List<String> missing = new ArrayList<>();
            PyDict kwdefaults = f.kwdefaults();
            for (int i = argcount; i < total; i++) {
                if (fast[i] != null) {
                    continue;
                }
                String name = co.localPlusName(i);
                PyObject d = kwdefaults == null ? null : kwdefaults.getItemOrNull(name);
                if (d != null) {
                    fast[i] = d;
                } else {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                throw missingArguments(f, missing, "keyword-only");
            }
        }
    }

    private static int parameterIndex(PyCode co, String name) {
        int total = co.totalArgCount();
        for (int i = co.positionalOnlyCount(); i < total; i++) {
            if (co.localPlusName(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int positionalOnlyIndex(PyCode co, String name) {
        for (int i = 0; i < co.positionalOnlyCount(); i++) {
            if (co.localPlusName(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static dev.interlock.vm.errors.PyException tooManyPositional(PyFunction f, PyCode co, int given, PyObject[] fast) {
        int argcount = co.argCount();
        int ndefaults = f.defaults() == null ? 0 : f.defaults().size();
        int kwonlyGiven = 0;
        for (int i = argcount; i < co.totalArgCount(); i++) {
            if (fast[i] != null) {
                kwonlyGiven++;
            }
        }
        String takes;
        if (ndefaults > 0) {
            takes = "from " + (argcount - ndefaults) + " to " + argcount + " positional arguments";
        } else {
            takes = argcount + " positional argument" + (argcount == 1 ? "" : "s");
        }
        String gave;
        if (kwonlyGiven > 0) {
            gave = given + " positional argument" + (given == 1 ? "" : "s") + " (and " + kwonlyGiven
                    + " keyword-only argument" + (kwonlyGiven == 1 ? "" : "s") + ") were given";
        } else {
            gave = given + " " + (given == 1 ? "was" : "were") + " given";
        }
        return Errors.typeError(f.qualname() + "() takes " + takes + " but " + gave);
    }

    private static dev.interlock.vm.errors.PyException missingArguments(PyFunction f, List<String> missing, String kind) {
        StringBuilder names = new StringBuilder();
        int n = missing.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                names.append(n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
            }
            names.append('\'').append(missing.get(i)).append('\'');
        }
        return Errors.typeError(f.qualname() + "() missing " + n + " required " + kind + " argument" + (n == 1 ? "" : "s")
                + ": " + names);
    }

    /** Creates the cells of {@code co_cellvars} (from arguments where needed) and installs the closure. */
    private static void setUpCells(PyFunction f, PyCode co, PyObject[] fast) {
        int nlocals = co.localCount();
        int ncells = co.cellvars().size();
        int[] cell2arg = co.cell2arg();
        for (int i = 0; i < ncells; i++) {
            int arg = cell2arg[i];
            PyCell cell;
            if (arg >= 0) {
                cell = new PyCell(fast[arg]);
                Refs.xdecref(fast[arg]);
                fast[arg] = null;
            } else {
                cell = new PyCell(null);
            }
            fast[nlocals + i] = cell;
        }
        PyTuple closure = f.closure();
        int nfree = co.freevars().size();
        for (int i = 0; i < nfree; i++) {
            PyObject c = closure.get(i);
            Refs.incref(c);
            fast[nlocals + ncells + i] = c;
        }
    }
}
