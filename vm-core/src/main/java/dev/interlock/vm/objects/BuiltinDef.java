package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;

/**
 * The definition of a built-in function or method: its name, how many arguments it takes and
 * the Java code that runs it. The arity is checked before the code runs, with CPython's messages
 * for each calling convention ({@code METH_NOARGS}, {@code METH_O}, positional ranges checked
 * like {@code _PyArg_CheckPositional}, and keyword parsing done by the code itself).
 *
 * @param name the Python name
 * @param kind the calling convention
 * @param min the fewest positional arguments (for {@link Kind#POSITIONAL})
 * @param max the most positional arguments (for {@link Kind#POSITIONAL})
 * @param impl the code
 * @param doc the {@code __doc__} text, or null
 */
public record BuiltinDef(String name, Kind kind, int min, int max, Impl impl, String doc) {

    /** Calling conventions, as CPython's {@code METH_*} flags. */
    public enum Kind {
        /** No arguments at all. */
        NOARGS,
        /** Exactly one positional argument. */
        ONE,
        /** Between {@code min} and {@code max} positional arguments, no keywords. */
        POSITIONAL,
        /** Anything: the implementation parses its own arguments (usually with {@link ArgParser}). */
        KEYWORDS
    }

    /** The raw vectorcall-style code: arguments borrowed, result a new reference. */
    @FunctionalInterface
    public interface Impl {
        PyObject call(PyObject self, PyObject[] args, int start, int nargs, PyTuple kwnames);
    }

    /** A method of no arguments. */
    @FunctionalInterface
    public interface Fn0<T extends PyObject> {
        PyObject call(T self);
    }

    /** A method of exactly one argument. */
    @FunctionalInterface
    public interface Fn1<T extends PyObject> {
        PyObject call(T self, PyObject arg);
    }

    /** A method of a range of positional arguments, given as a slice of {@code args}. */
    @FunctionalInterface
    public interface FnN<T extends PyObject> {
        PyObject call(T self, PyObject[] args, int start, int nargs);
    }

    public BuiltinDef {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(impl, "impl is null");
    }

    /** A function or method that takes no arguments. */
    @SuppressWarnings("unchecked")
    public static <T extends PyObject> BuiltinDef noArgs(String name, Fn0<T> fn) {
        return new BuiltinDef(name, Kind.NOARGS, 0, 0, (self, a, s, n, kw) -> fn.call((T) self), null);
    }

    /** A function or method that takes exactly one positional argument. */
    @SuppressWarnings("unchecked")
    public static <T extends PyObject> BuiltinDef oneArg(String name, Fn1<T> fn) {
        return new BuiltinDef(name, Kind.ONE, 1, 1, (self, a, s, n, kw) -> fn.call((T) self, a[s]), null);
    }

    /** A function or method that takes {@code min..max} positional arguments. */
    @SuppressWarnings("unchecked")
    public static <T extends PyObject> BuiltinDef positional(String name, int min, int max, FnN<T> fn) {
        return new BuiltinDef(name, Kind.POSITIONAL, min, max, (self, a, s, n, kw) -> fn.call((T) self, a, s, n), null);
    }

    /** A function or method that parses its own arguments, keywords included. */
    public static BuiltinDef keywords(String name, Impl impl) {
        return new BuiltinDef(name, Kind.KEYWORDS, 0, Integer.MAX_VALUE, impl, null);
    }

    /** The same definition with a {@code __doc__}. */
    public BuiltinDef withDoc(String text) {
        return new BuiltinDef(name, kind, min, max, impl, text);
    }

    /**
     * Checks the argument count and keywords, then runs the code.
     *
     * @param qualifier {@code "list."} for a method of list, {@code ""} for a module function: the
     *     prefix CPython puts before the name in {@code METH_NOARGS} and {@code METH_O} messages
     */
    public PyObject invoke(String qualifier, PyObject self, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        if (kind != Kind.KEYWORDS) {
            if (kwnames != null && kwnames.size() > 0) {
                throw Errors.typeError(qualifier + name + "() takes no keyword arguments");
            }
            switch (kind) {
                case NOARGS:
                    if (nargs != 0) {
                        throw Errors.typeError(qualifier + name + "() takes no arguments (" + nargs + " given)");
                    }
                    break;
                case ONE:
                    if (nargs != 1) {
                        throw Errors.typeError(qualifier + name + "() takes exactly one argument (" + nargs + " given)");
                    }
                    break;
                default:
                    checkPositional(name, nargs, min, max);
                    break;
            }
        }
        return impl.call(self, args, start, nargs, kwnames);
    }

    /** CPython's {@code _PyArg_CheckPositional} messages. */
    public static void checkPositional(String name, int nargs, int min, int max) {
        if (nargs < min) {
            if (min == max) {
                throw Errors.typeError(name + " expected " + min + " argument" + (min == 1 ? "" : "s") + ", got " + nargs);
            }
            throw Errors.typeError(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + nargs);
        }
        if (nargs > max) {
            if (min == max) {
                throw Errors.typeError(name + " expected " + max + " argument" + (max == 1 ? "" : "s") + ", got " + nargs);
            }
            throw Errors.typeError(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + nargs);
        }
    }
}
