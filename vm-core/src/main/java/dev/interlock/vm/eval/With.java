package dev.interlock.vm.eval;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStrs;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** SETUP_WITH and WITH_EXCEPT_START: the context-manager protocol. */
final class With {

    private With() {
    }

    /**
     * SETUP_WITH: looks up {@code __enter__} and {@code __exit__} on the manager's type, replaces
     * the manager on the stack with its bound {@code __exit__}, sets up the handler block and
     * pushes the result of {@code __enter__()}.
     */
    static int setup(Frame f, PyObject[] s, int sp, int handler) {
        PyObject mgr = s[sp - 1];
        PyType type = mgr.type();
        PyObject enter = type.lookup(PyStrs.ENTER);
        if (enter == null) {
            throw Errors.typeError("'" + mgr.typeName() + "' object does not support the context manager protocol");
        }
        PyObject exit = type.lookup(PyStrs.EXIT);
        if (exit == null) {
            Refs.decref(enter);
            throw Errors.typeError("'" + mgr.typeName()
                    + "' object does not support the context manager protocol (missed __exit__ method)");
        }
        PyObject boundExit = bind(exit, mgr, type);
        PyObject result;
        try {
            result = enter.call(new PyObject[] {mgr}, 0, 1, null);
        } catch (RuntimeException | Error e) {
            Refs.decref(boundExit);
            throw e;
        } finally {
            Refs.decref(enter);
        }
        s[sp - 1] = boundExit;
        Refs.decref(mgr);
        f.pushBlock(Frame.SETUP_FINALLY, handler, sp);
        s[sp++] = result;
        return sp;
    }

    private static PyObject bind(PyObject method, PyObject self, PyType type) {
        PyObject bound = method.descriptorGet(self, type);
        if (bound != null) {
            Refs.decref(method);
            return bound;
        }
        return method;
    }

    /** WITH_EXCEPT_START: calls {@code __exit__(type, value, traceback)}; returns its result. */
    static PyObject exceptStart(PyObject[] s, int sp) {
        PyObject type = s[sp - 1];
        PyObject value = s[sp - 2];
        PyObject tb = s[sp - 3];
        PyObject exit = s[sp - 7];
        return exit.call(new PyObject[] {type, value, tb}, 0, 3, null);
    }
}
