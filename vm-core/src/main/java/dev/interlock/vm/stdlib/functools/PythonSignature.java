package dev.interlock.vm.stdlib.functools;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds arguments for the functions that CPython's {@code functools.py} defines in Python
 * ({@code update_wrapper}, {@code wraps}, {@code lru_cache}, {@code cache}...), with the messages
 * a Python function gives ({@code missing 1 required positional argument: 'wrapped'}), not those
 * of a built-in.
 *
 * @param qualname the name in messages
 * @param names the parameter names, all positional-or-keyword except the first
 *     {@code positionalOnly}
 * @param required how many leading parameters have no default
 * @param positionalOnly how many leading parameters cannot be named
 */
public record PythonSignature(String qualname, String[] names, int required, int positionalOnly) {

    /** Binds a vectorcall argument list: one borrowed slot per parameter, null where defaulted. */
    public PyObject[] bind(PyObject[] a, int s, int n, PyTuple kwnames) {
        if (n > names.length) {
            String takes = required == names.length ? String.valueOf(names.length)
                    : "from " + required + " to " + names.length;
            throw Errors.typeError(qualname + "() takes " + takes + " positional argument"
                    + (names.length == 1 && required == 1 ? "" : "s") + " but " + n + (n == 1 ? " was" : " were")
                    + " given");
        }
        PyObject[] out = new PyObject[names.length];
        System.arraycopy(a, s, out, 0, n);
        int nk = kwnames == null ? 0 : kwnames.size();
        for (int k = 0; k < nk; k++) {
            String name = ((PyStr) kwnames.get(k)).value();
            int slot = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    slot = i;
                }
            }
            if (slot < 0) {
                throw Errors.typeError(qualname + "() got an unexpected keyword argument '" + name + "'");
            }
            if (slot < positionalOnly) {
                throw Errors.typeError(qualname + "() got some positional-only arguments passed as keyword arguments: '"
                        + name + "'");
            }
            if (out[slot] != null) {
                throw Errors.typeError(qualname + "() got multiple values for argument '" + name + "'");
            }
            out[slot] = a[s + n + k];
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required; i++) {
            if (out[i] == null) {
                missing.add("'" + names[i] + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw Errors.typeError(qualname + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
        }
        return out;
    }

    /** {@code 'a'}, {@code 'a' and 'b'}, {@code 'a', 'b', and 'c'}, as CPython lists missing names. */
    private static String joinNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    }
}
