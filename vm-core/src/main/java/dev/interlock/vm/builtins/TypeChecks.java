package dev.interlock.vm.builtins;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;

/** {@code isinstance} and {@code issubclass}, with tuples of classes. */
public final class TypeChecks {

    private TypeChecks() {
    }

    /** {@code isinstance(obj, classinfo)}. */
    public static boolean isInstance(PyObject obj, PyObject classinfo) {
        if (classinfo instanceof PyType t) {
            return obj.type().isSubtypeOf(t);
        }
        if (classinfo instanceof PyTuple tuple) {
            for (PyObject c : tuple.array()) {
                if (isInstance(obj, c)) {
                    return true;
                }
            }
            return false;
        }
        throw Errors.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    /** {@code issubclass(cls, classinfo)}. */
    public static boolean isSubclass(PyObject cls, PyObject classinfo) {
        if (!(cls instanceof PyType c)) {
            throw Errors.typeError("issubclass() arg 1 must be a class");
        }
        if (classinfo instanceof PyType t) {
            return c.isSubtypeOf(t);
        }
        if (classinfo instanceof PyTuple tuple) {
            for (PyObject o : tuple.array()) {
                if (isSubclass(cls, o)) {
                    return true;
                }
            }
            return false;
        }
        throw Errors.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
}
