package dev.interlock.vm.eval;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyCell;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;

/** Name lookups of the eval loop: LOAD_GLOBAL, the NAME instructions and class-body dereferences. */
final class Names {

    private Names() {
    }

    /** LOAD_GLOBAL: globals, then builtins; a new reference. */
    static PyObject loadGlobal(Frame f, PyStr name) {
        PyObject v = f.globals.getItemOrNull(name);
        if (v != null) {
            return v;
        }
        v = f.builtins.getItemOrNull(name);
        if (v != null) {
            return v;
        }
        throw Errors.nameError(name.value());
    }

    /** LOAD_NAME: locals, globals, then builtins. */
    static PyObject loadName(Frame f, PyStr name) {
        PyObject locals = f.locals;
        if (locals != null && locals != f.globals) {
            PyObject v = lookupMapping(locals, name);
            if (v != null) {
                return v;
            }
        }
        return loadGlobal(f, name);
    }

    private static PyObject lookupMapping(PyObject mapping, PyStr name) {
        if (mapping instanceof PyDict d) {
            return d.getItemOrNull(name);
        }
        try {
            return mapping.getItem(name);
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.KEY_ERROR)) {
                e.release();
                return null;
            }
            throw e;
        }
    }

    /** STORE_NAME. */
    static void storeName(Frame f, PyStr name, PyObject value) {
        if (f.locals == null) {
            throw Errors.of(ExceptionTypes.SYSTEM_ERROR, "no locals found when storing '" + name.value() + "'");
        }
        f.locals.setItem(name, value);
    }

    /** DELETE_NAME. */
    static void deleteName(Frame f, PyStr name) {
        if (f.locals instanceof PyDict d) {
            if (!d.removeIfPresent(name)) {
                throw Errors.nameError(name.value());
            }
            return;
        }
        if (f.locals == null) {
            throw Errors.of(ExceptionTypes.SYSTEM_ERROR, "no locals when deleting '" + name.value() + "'");
        }
        f.locals.deleteItem(name);
    }

    /** LOAD_CLASSDEREF: the class namespace first, then the cell. */
    static PyObject loadClassDeref(Frame f, int slot, int derefIndex) {
        String name = f.code.derefName(derefIndex);
        if (f.locals != null) {
            PyStr key = PyStr.of(name);
            try {
                PyObject v = lookupMapping(f.locals, key);
                if (v != null) {
                    return v;
                }
            } finally {
                Refs.decref(key);
            }
        }
        return ((PyCell) f.slots[slot]).getNew();
    }

    /** The error for reading an empty cell. */
    static PyException unboundDeref(PyCode code, int derefIndex) {
        String name = code.derefName(derefIndex);
        if (derefIndex < code.cellvars().size()) {
            return Errors.of(ExceptionTypes.UNBOUND_LOCAL_ERROR, "cannot access local variable '" + name
                    + "' where it is not associated with a value");
        }
        return Errors.of(ExceptionTypes.NAME_ERROR, "cannot access free variable '" + name
                + "' where it is not associated with a value in enclosing scope");
    }

    /** SETUP_ANNOTATIONS: makes sure {@code __annotations__} exists in the namespace. */
    static void setupAnnotations(Frame f) {
        if (f.locals instanceof PyDict d) {
            PyObject existing = d.getItemOrNull("__annotations__");
            if (existing != null) {
                Refs.decref(existing);
                return;
            }
            d.setItemSteal("__annotations__", PyDict.create());
        }
    }
}
