package dev.interlock.vm.stdlib.functools;

import static dev.interlock.vm.objects.BuiltinDef.keywords;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;

/**
 * {@code update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES)}
 * and {@code wraps(wrapped, ...)}, as CPython's {@code functools.py} defines them: copy each
 * assigned attribute {@code wrapped} has, update each {@code updated} dict of the wrapper from
 * {@code wrapped}'s, then set {@code __wrapped__}.
 */
public final class Wrappers {

    private static final PythonSignature UPDATE_WRAPPER =
            new PythonSignature("update_wrapper", new String[] {"wrapper", "wrapped", "assigned", "updated"}, 2, 0);
    private static final PythonSignature WRAPS =
            new PythonSignature("wraps", new String[] {"wrapped", "assigned", "updated"}, 1, 0);

    /** {@code WRAPPER_ASSIGNMENTS}. */
    public static final PyTuple ASSIGNMENTS = immortalNames("__module__", "__name__", "__qualname__", "__doc__",
            "__annotations__");
    /** {@code WRAPPER_UPDATES}. */
    public static final PyTuple UPDATES = immortalNames("__dict__");

    private static final PyStr WRAPPED = PyStr.immortal("__wrapped__");
    private static final PyStr UPDATE = PyStr.immortal("update");
    private static final PyTuple WRAPS_KEYWORDS = immortalNames("wrapped", "assigned", "updated");

    /** {@code update_wrapper} as the module exposes it. */
    public static final BuiltinDef UPDATE_WRAPPER_DEF = keywords("update_wrapper", (self, a, s, n, kw) -> {
        PyObject[] p = UPDATE_WRAPPER.bind(a, s, n, kw);
        return updateWrapper(p[0], p[1], p[2] == null ? ASSIGNMENTS : p[2], p[3] == null ? UPDATES : p[3]);
    });

    private Wrappers() {
    }

    private static PyTuple immortalNames(String... names) {
        PyObject[] items = new PyObject[names.length];
        for (int i = 0; i < names.length; i++) {
            items[i] = PyStr.immortal(names[i]);
        }
        PyTuple t = PyTuple.steal(items);
        t.setRefLocal(PyObject.IMMORTAL); // holds only immortal strings
        return t;
    }

    /**
     * {@code wraps(wrapped, assigned, updated)}: {@code partial(update_wrapper, wrapped=wrapped,
     * assigned=assigned, updated=updated)}, with the module's {@code update_wrapper} function.
     */
    public static PyObject wraps(PyBuiltinFunction updateWrapper, PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = WRAPS.bind(a, s, n, kw);
        PyObject[] args = {updateWrapper, p[0], p[1] == null ? ASSIGNMENTS : p[1], p[2] == null ? UPDATES : p[2]};
        return Partial.create(args, 0, 1, WRAPS_KEYWORDS);
    }

    /** {@code update_wrapper(wrapper, wrapped, assigned, updated)}: returns the wrapper (a new reference). */
    public static PyObject updateWrapper(PyObject wrapper, PyObject wrapped, PyObject assigned, PyObject updated) {
        PyObject it = assigned.iter();
        try {
            for (PyObject attr = it.next(); attr != null; attr = it.next()) {
                try {
                    PyStr name = attrName(attr);
                    PyObject value = attributeOrNull(wrapped, name);
                    if (value != null) {
                        try {
                            wrapper.setAttribute(name, value);
                        } finally {
                            Refs.decref(value);
                        }
                    }
                } finally {
                    Refs.decref(attr);
                }
            }
        } finally {
            Refs.decref(it);
        }
        it = updated.iter();
        try {
            for (PyObject attr = it.next(); attr != null; attr = it.next()) {
                try {
                    updateOne(wrapper, wrapped, attrName(attr));
                } finally {
                    Refs.decref(attr);
                }
            }
        } finally {
            Refs.decref(it);
        }
        wrapper.setAttribute(WRAPPED, wrapped);
        return Refs.newRef(wrapper);
    }

    /** {@code getattr(wrapper, name).update(getattr(wrapped, name, {}))}. */
    private static void updateOne(PyObject wrapper, PyObject wrapped, PyStr name) {
        PyObject target = wrapper.getAttribute(name);
        try {
            PyObject source = attributeOrNull(wrapped, name);
            if (source == null) {
                source = PyDict.create();
            }
            try {
                if (target instanceof PyDict t && source instanceof PyDict src) {
                    t.updateFrom(src);
                } else {
                    PyObject update = target.getAttribute(UPDATE);
                    try {
                        Refs.decref(update.call(new PyObject[] {source}, 0, 1, null));
                    } finally {
                        Refs.decref(update);
                    }
                }
            } finally {
                Refs.decref(source);
            }
        } finally {
            Refs.decref(target);
        }
    }

    /** {@code getattr(o, name)}, or null on AttributeError. */
    private static PyObject attributeOrNull(PyObject o, PyStr name) {
        try {
            return o.getAttribute(name);
        } catch (PyException e) {
            if (!e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return null;
        }
    }

    private static PyStr attrName(PyObject attr) {
        if (attr instanceof PyStr s) {
            return s;
        }
        throw Errors.typeError("attribute name must be string, not '" + attr.typeName() + "'");
    }
}
