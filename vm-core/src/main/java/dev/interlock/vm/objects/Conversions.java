package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;

/**
 * Conversions through special methods of Python classes ({@code __int__}, {@code __index__},
 * {@code __float__}), used by the built-in constructors when given an instance.
 */
final class Conversions {

    private Conversions() {
    }

    /** {@code int(x)} through {@code __int__} or {@code __index__}; null if the class has neither. */
    static PyObject intViaDunder(PyObject x) {
        for (String name : new String[] {"__int__", "__index__"}) {
            PyStr n = PyStr.of(name);
            PyObject method;
            try {
                method = x.type().lookup(n);
            } finally {
                Refs.decref(n);
            }
            if (method != null) {
                PyObject r;
                try {
                    r = method.call(new PyObject[] {x}, 0, 1, null);
                } finally {
                    Refs.decref(method);
                }
                if (!(r instanceof PyInt)) {
                    String got = r.typeName();
                    Refs.decref(r);
                    throw Errors.typeError(name + " returned non-int (type " + got + ")");
                }
                return r;
            }
        }
        return null;
    }
}
