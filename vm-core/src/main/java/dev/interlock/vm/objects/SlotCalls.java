package dev.interlock.vm.objects;

/**
 * Calls a special method found on a type with its instance: a plain function is called with the
 * instance first, without making a bound method; any other descriptor is bound first. Compare
 * CPython's {@code vectorcall_method}/{@code lookup_maybe_method}.
 */
public final class SlotCalls {

    private SlotCalls() {
    }

    /** {@code self.method()}. */
    public static PyObject call(PyObject method, PyObject self) {
        return callWith(method, self, new PyObject[] {self}, 0);
    }

    /** {@code self.method(a)}. */
    public static PyObject call(PyObject method, PyObject self, PyObject a) {
        return callWith(method, self, new PyObject[] {self, a}, 1);
    }

    /** {@code self.method(a, b)}. */
    public static PyObject call(PyObject method, PyObject self, PyObject a, PyObject b) {
        return callWith(method, self, new PyObject[] {self, a, b}, 2);
    }

    /** {@code self.method(*args)}: {@code argsWithSelf[0]} is {@code self}, then {@code n} arguments. */
    public static PyObject callWith(PyObject method, PyObject self, PyObject[] argsWithSelf, int n) {
        if (method instanceof PyFunction f) {
            return f.call(argsWithSelf, 0, n + 1, null);
        }
        PyObject bound = method.descriptorGet(self, self.type());
        if (bound == null) {
            return method.call(argsWithSelf, 1, n, null);
        }
        try {
            return bound.call(argsWithSelf, 1, n, null);
        } finally {
            Refs.decref(bound);
        }
    }
}
