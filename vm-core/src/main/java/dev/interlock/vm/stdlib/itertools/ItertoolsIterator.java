package dev.interlock.vm.stdlib.itertools;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * What every {@code itertools} iterator shares: it is its own iterator, its type lives in module
 * {@code itertools} (so messages and reprs say {@code itertools.chain}, as CPython's
 * {@code tp_name}), and it has {@code __iter__} and {@code __next__} methods.
 *
 * <p>Reference rules for subclasses: each holds counted references to what it iterates, reports
 * exactly those in {@code traverse}, and drops them when exhausted where CPython does (chain,
 * islice, pairwise, zip_longest). Those that CPython keeps after exhaustion (accumulate's total,
 * groupby's keys, the pools of the combinatoric iterators) are kept until the iterator dies.
 */
public abstract class ItertoolsIterator extends PyObject {

    /** The module name of every type defined here. */
    static final String MODULE = "itertools";

    @Override
    public final PyObject iter() {
        return Refs.newRef(this);
    }

    @Override
    public String typeName() {
        return type().qualifiedName();
    }

    /**
     * Starts an iterator type of module itertools, with {@code __iter__} and {@code __next__}. As in
     * CPython, a class statement may derive from it (unless the caller marks it final), but making
     * an instance of such a class is not supported yet: it fails loudly rather than running as
     * something else.
     */
    static PyType.Builder iteratorType(String name) {
        return PyType.builtin(name, PyType.OBJECT).module(MODULE)
                .allocator((t, a, s, n, kw) -> {
                    throw new NotSupportedError("instances of classes derived from " + t.solidBase().qualifiedName());
                })
                .method(noArgs("__iter__", (PyObject self) -> self.iter()))
                .method(noArgs("__next__", (PyObject self) -> {
                    PyObject v = self.next();
                    if (v == null) {
                        throw Errors.of(ExceptionTypes.STOP_ITERATION);
                    }
                    return v;
                }));
    }

    /** Rejects keyword arguments with CPython's message for {@code name}. */
    static void noKeywords(String name, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0) {
            throw Errors.typeError(name + "() takes no keyword arguments");
        }
    }

    /**
     * {@code PyNumber_AsSsize_t(o, OverflowError)}: an index as a Java long, with CPython's
     * TypeError for non-integers and OverflowError beyond {@code sys.maxsize}.
     */
    static long asSsize(PyObject o) {
        PyInt i = o.asIndex();
        try {
            if (!i.isSmall()) {
                throw Errors.overflowError("Python int too large to convert to C ssize_t");
            }
            return i.longValue();
        } finally {
            Refs.decref(i);
        }
    }

    /** Calls {@code function(arg)}: a new reference. */
    static PyObject call1(PyObject function, PyObject arg) {
        return function.call(new PyObject[] {arg}, 0, 1, null);
    }

    /** Calls {@code function(a, b)}: a new reference. */
    static PyObject call2(PyObject function, PyObject a, PyObject b) {
        return function.call(new PyObject[] {a, b}, 0, 2, null);
    }

    /** The truth of {@code function(arg)}. */
    static boolean test(PyObject function, PyObject arg) {
        PyObject r = call1(function, arg);
        try {
            return r.isTrue();
        } finally {
            Refs.decref(r);
        }
    }
}
