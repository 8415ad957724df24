package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;

/**
 * Parses the arguments of a built-in that accepts keywords, with the messages of CPython's
 * argument clinic ({@code Python/getargs.c}): {@code 'foo' is an invalid keyword argument for
 * sort()}, {@code int() takes at most 2 arguments (3 given)} and the like.
 *
 * <p>Parameters are laid out as CPython declares them: the first {@code positionalOnly} of
 * {@code positional} can be given only by position, the rest by position or name, and the
 * {@code keywordOnly} ones only by name. The result is an array of borrowed references, null for
 * each parameter not given.
 */
public final class ArgParser {

    private final String function;
    private final String[] positional;
    private final int positionalOnly;
    private final String[] keywordOnly;
    private final int required;

    /**
     * @param function the name used in messages, without parentheses
     * @param required how many leading positional parameters are required
     * @param positionalOnly how many leading positional parameters cannot be named
     * @param positional the positional parameter names
     * @param keywordOnly the keyword-only parameter names
     */
    public ArgParser(String function, int required, int positionalOnly, String[] positional, String... keywordOnly) {
        this.function = requireNonNull(function, "function is null");
        this.positional = positional.clone();
        this.positionalOnly = positionalOnly;
        this.keywordOnly = keywordOnly.clone();
        this.required = required;
    }

    /** A parser for a function that takes only keyword arguments. */
    public static ArgParser keywordsOnly(String function, String... names) {
        return new ArgParser(function, 0, 0, new String[0], names);
    }

    /** The number of slots {@link #parse} fills: positional then keyword-only. */
    public int slots() {
        return positional.length + keywordOnly.length;
    }

    /** Parses a vectorcall argument list into one borrowed slot per parameter. */
    public PyObject[] parse(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        PyObject[] out = new PyObject[slots()];
        if (nargs > positional.length) {
            if (positional.length == 0) {
                throw Errors.typeError(function + "() takes no positional arguments");
            }
            throw Errors.typeError(function + "() takes at most " + positional.length + " argument"
                    + (positional.length == 1 ? "" : "s") + " (" + (nargs + kwCount(kwnames)) + " given)");
        }
        System.arraycopy(args, start, out, 0, nargs);
        if (kwnames != null) {
            for (int k = 0; k < kwnames.size(); k++) {
                String name = ((PyStr) kwnames.get(k)).value();
                int slot = slotOf(name);
                if (slot < 0) {
                    throw Errors.typeError("'" + name + "' is an invalid keyword argument for " + function + "()");
                }
                if (out[slot] != null) {
                    throw Errors.typeError("argument for " + function + "() given by name ('" + name
                            + "') and position (" + (slot + 1) + ")");
                }
                out[slot] = args[start + nargs + k];
            }
        }
        for (int i = 0; i < required; i++) {
            if (out[i] == null) {
                if (i < positionalOnly) {
                    throw Errors.typeError(function + "() takes at least " + required + " positional argument"
                            + (required == 1 ? "" : "s") + " (" + nargs + " given)");
                }
                throw Errors.typeError(function + "() missing required argument '" + positional[i] + "' (pos "
                        + (i + 1) + ")");
            }
        }
        return out;
    }

    private int slotOf(String name) {
        for (int i = positionalOnly; i < positional.length; i++) {
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

    private static int kwCount(PyTuple kwnames) {
        return kwnames == null ? 0 : kwnames.size();
    }
}
