package dev.interlock.vm.eval;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.PyThreadState;

/** Raising and matching exceptions: CPython's {@code do_raise} and exception matching. */
final class Exceptions {

    private Exceptions() {
    }

    /** {@code raise exc from cause}: instantiates classes, checks types, sets the cause. */
    static PyException makeRaise(PyObject exc, PyObject cause) {
        PyBaseException value = instantiate(exc, "exceptions must derive from BaseException");
        if (cause != null) {
            if (cause == PyNone.INSTANCE) {
                value.setCause(null);
            } else {
                PyBaseException c;
                try {
                    c = instantiate(cause, "exception causes must derive from BaseException");
                } catch (PyException e) {
                    Refs.decref(value);
                    throw e;
                }
                value.setCause(c);
                Refs.decref(c);
            }
        }
        return new PyException(value);
    }

    /** An exception instance from a class (called with no arguments) or an instance (a new reference). */
    private static PyBaseException instantiate(PyObject o, String message) {
        if (o instanceof PyType t) {
            if (!t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
                throw Errors.typeError(message);
            }
            PyObject instance = t.call(new PyObject[0], 0, 0, null);
            if (!(instance instanceof PyBaseException e)) {
                String got = instance.typeName();
                Refs.decref(instance);
                throw Errors.typeError("calling " + t.repr() + " should have returned an instance of BaseException, not "
                        + got);
            }
            return e;
        }
        if (o instanceof PyBaseException e) {
            Refs.incref(e);
            return e;
        }
        throw Errors.typeError(message);
    }

    /** Bare {@code raise}: re-raises the exception being handled. */
    static PyException reraiseCurrent(PyThreadState ts) {
        PyBaseException current = ts.handledException();
        if (current == null) {
            return Errors.runtimeError("No active exception to reraise");
        }
        Refs.incref(current);
        return new PyException(current);
    }

    /** {@code except right:} against the raised exception's type {@code left}. */
    static boolean matches(PyObject left, PyObject right) {
        PyType raised = EvalLoop.typeOf(left);
        if (right instanceof PyTuple t) {
            for (PyObject o : t.array()) {
                checkCatchable(o);
            }
            for (PyObject o : t.array()) {
                if (raised.isSubtypeOf((PyType) o)) {
                    return true;
                }
            }
            return false;
        }
        checkCatchable(right);
        return raised.isSubtypeOf((PyType) right);
    }

    private static void checkCatchable(PyObject o) {
        if (!(o instanceof PyType t) || !t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
            throw Errors.typeError("catching classes that do not inherit from BaseException is not allowed");
        }
    }

    /**
     * Sets the implicit {@code __context__} of a new exception to the one being handled, breaking
     * any cycle that would make (as CPython's {@code _PyErr_SetObject} does).
     */
    static void setContext(PyBaseException value, PyBaseException handled) {
        PyObject o = handled;
        while (o instanceof PyBaseException e) {
            PyObject next = e.context();
            if (next == value) {
                e.setContext(null);
                break;
            }
            o = next;
        }
        value.setContext(handled);
    }
}
