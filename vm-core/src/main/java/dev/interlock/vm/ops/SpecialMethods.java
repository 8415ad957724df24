package dev.interlock.vm.ops;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;

/**
 * Calling special methods ({@code __abs__}, {@code __round__}...) looked up on the type, never on
 * the instance, as CPython's {@code _PyObject_LookupSpecial} does.
 */
public final class SpecialMethods {

    private SpecialMethods() {
    }

    /** The special method {@code name} found on the type of {@code self} (a new reference), or null. */
    public static PyObject lookup(PyObject self, String name) {
        PyStr n = PyStr.of(name);
        try {
            return self.type().lookup(n);
        } finally {
            Refs.decref(n);
        }
    }

    /** Calls {@code self.name()} through the type, or raises TypeError with {@code message}. */
    public static PyObject callUnary(PyObject self, String name, String message) {
        PyObject method = lookup(self, name);
        if (method == null) {
            throw Errors.typeError(message);
        }
        try {
            return method.call(new PyObject[] {self}, 0, 1, null);
        } finally {
            Refs.decref(method);
        }
    }

    /** Calls {@code self.name(arg)} through the type; null if the type has no such method. */
    public static PyObject callBinary(PyObject self, String name, PyObject arg) {
        PyObject method = lookup(self, name);
        if (method == null) {
            return null;
        }
        try {
            return method.call(new PyObject[] {self, arg}, 0, 2, null);
        } finally {
            Refs.decref(method);
        }
    }
}
