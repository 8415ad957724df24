package dev.interlock.vm.stdlib;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the arguments of a native method that CPython writes in Python ({@code def
 * randint(self, a, b)}), with the messages of a Python function call: {@code Random.randint()
 * missing 1 required positional argument: 'b'}, {@code takes 3 positional arguments but 4 were
 * given} (counting {@code self}), {@code got an unexpected keyword argument 'c'}, {@code got
 * multiple values for argument 'a'}.
 *
 * <p>Parameters: {@code self} (implicit), then the positional-or-keyword ones, the first
 * {@code required} of them without default, then keyword-only ones, all with defaults. The result
 * has one borrowed reference per parameter (self excluded), null where a default applies.
 */
final class PySignature {

    private final String qualname;
    private final String[] positional;
    private final int required;
    private final String[] keywordOnly;

    /**
     * @param qualname the name in messages, e.g. {@code Random.randint}
     * @param required how many leading positional parameters (after self) have no default
     * @param positional the positional-or-keyword parameter names (after self)
     * @param keywordOnly the keyword-only parameter names (all with defaults)
     */
    PySignature(String qualname, int required, String[] positional, String... keywordOnly) {
        this.qualname = requireNonNull(qualname, "qualname is null");
        this.positional = positional.clone();
        this.required = required;
        this.keywordOnly = keywordOnly.clone();
    }

    /** Binds vectorcall arguments (self not among them). */
    PyObject[] bind(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        PyObject[] out = new PyObject[positional.length + keywordOnly.length];
        System.arraycopy(args, start, out, 0, Math.min(nargs, positional.length));
        int nkw = kwnames == null ? 0 : kwnames.size();
        for (int k = 0; k < nkw; k++) {
            String name = ((PyStr) kwnames.get(k)).value();
            int slot = slotOf(name);
            if (slot < 0) {
                if (name.equals("self")) {
                    throw Errors.typeError(qualname + "() got multiple values for argument 'self'");
                }
                throw Errors.typeError(qualname + "() got an unexpected keyword argument '" + name + "'");
            }
            if (out[slot] != null) {
                throw Errors.typeError(qualname + "() got multiple values for argument '" + name + "'");
            }
            out[slot] = args[start + nargs + k];
        }
        if (nargs > positional.length) {
            throw tooManyPositional(nargs + 1, out);
        }
        List<String> missing = new ArrayList<>();
        for (int i = nargs; i < required; i++) {
            if (out[i] == null) {
                missing.add(positional[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw missing(missing);
        }
        return out;
    }

    private int slotOf(String name) {
        for (int i = 0; i < positional.length; i++) {
            if (positional[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < keywordOnly.length; i++) {
            if (keywordOnly[i].equals(name)) {
                return positional.length + i;
            }
        }
        return -1;
    }

    private PyException tooManyPositional(int given, PyObject[] bound) {
        int argcount = positional.length + 1;
        int min = required + 1;
        int kwonlyGiven = 0;
        for (int i = positional.length; i < bound.length; i++) {
            if (bound[i] != null) {
                kwonlyGiven++;
            }
        }
        String takes = min < argcount
                ? "from " + min + " to " + argcount + " positional arguments"
                : argcount + " positional argument" + (argcount == 1 ? "" : "s");
        String gave;
        if (kwonlyGiven > 0) {
            gave = given + " positional argument" + (given == 1 ? "" : "s") + " (and " + kwonlyGiven
                    + " keyword-only argument" + (kwonlyGiven == 1 ? "" : "s") + ") were given";
        } else {
            gave = given + " " + (given == 1 ? "was" : "were") + " given";
        }
        return Errors.typeError(qualname + "() takes " + takes + " but " + gave);
    }

    private PyException missing(List<String> names) {
        StringBuilder text = new StringBuilder();
        int n = names.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
            }
            text.append('\'').append(names.get(i)).append('\'');
        }
        return Errors.typeError(qualname + "() missing " + n + " required positional argument" + (n == 1 ? "" : "s")
                + ": " + text);
    }
}
