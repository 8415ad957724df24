package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.ops.BinaryOp;

/**
 * Special methods of Python classes derived from built-in types ({@code class Stack(list)},
 * {@code class Counter(dict)}): the built-in's Java behaviour runs unless a class in the MRO
 * overrides the special method in Python. Each method returns null (or false) when there is no
 * override, so the caller goes on with the built-in behaviour.
 */
public final class HeapDispatch {

    private HeapDispatch() {
    }

    /**
     * Runs the built-in behaviour of one special method of {@code self}: the first override check
     * for {@code self} inside {@code op} reports no override. Slot wrappers use it, so that
     * {@code super().__len__()} inside a Python {@code __len__} reaches list's own length instead
     * of calling the override again (CPython calls the base type's slot function directly).
     */
    public static <T> T builtin(PyObject self, java.util.function.Supplier<T> op) {
        if (!self.type().isHeapType()) {
            return op.get();
        }
        dev.interlock.vm.runtime.PyThreadState ts = dev.interlock.vm.runtime.PyThreadState.current();
        PyObject saved = ts.builtinCallTarget;
        ts.builtinCallTarget = self;
        try {
            return op.get();
        } finally {
            ts.builtinCallTarget = saved;
        }
    }

    /** True, once, inside {@link #builtin} for {@code self}: the override is to be skipped. */
    private static boolean skipOverride(PyObject self) {
        dev.interlock.vm.runtime.PyThreadState ts = dev.interlock.vm.runtime.PyThreadState.current();
        if (ts.builtinCallTarget == self) {
            ts.builtinCallTarget = null;
            return true;
        }
        return false;
    }

    public static String repr(PyObject self, PyType type) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.REPR);
        return m == null ? null : PyInstance.stringResult(SlotCalls.call(m, self), "__repr__");
    }

    public static String str(PyObject self, PyType type) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.STR);
        return m == null ? null : PyInstance.stringResult(SlotCalls.call(m, self), "__str__");
    }

    public static PyObject getItem(PyObject self, PyType type, PyObject key) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.GETITEM);
        return m == null ? null : SlotCalls.call(m, self, key);
    }

    public static boolean setItem(PyObject self, PyType type, PyObject key, PyObject value) {
        if (skipOverride(self)) {
            return false;
        }
        PyObject m = type.lookupSlot(Slot.SETITEM);
        if (m == null) {
            return false;
        }
        Refs.decref(SlotCalls.call(m, self, key, value));
        return true;
    }

    public static boolean deleteItem(PyObject self, PyType type, PyObject key) {
        if (skipOverride(self)) {
            return false;
        }
        PyObject m = type.lookupSlot(Slot.DELITEM);
        if (m == null) {
            return false;
        }
        Refs.decref(SlotCalls.call(m, self, key));
        return true;
    }

    /** {@code __len__}, or -1 without an override. */
    public static int length(PyObject self, PyType type) {
        if (skipOverride(self)) {
            return -1;
        }
        PyObject m = type.lookupSlot(Slot.LEN);
        if (m == null) {
            return -1;
        }
        PyObject r = SlotCalls.call(m, self);
        try {
            if (!(r instanceof PyInt i)) {
                throw Errors.typeError("'" + r.typeName() + "' object cannot be interpreted as an integer");
            }
            if (i.signum() < 0) {
                throw Errors.valueError("__len__() should return >= 0");
            }
            return i.intValue();
        } finally {
            Refs.decref(r);
        }
    }

    /** {@code __contains__}: TRUE/FALSE, or null without an override. */
    public static Boolean contains(PyObject self, PyType type, PyObject item) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.CONTAINS);
        if (m == null) {
            return null;
        }
        PyObject r = SlotCalls.call(m, self, item);
        try {
            return r.isTrue();
        } finally {
            Refs.decref(r);
        }
    }

    public static PyObject iter(PyObject self, PyType type) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.ITER);
        return m == null ? null : SlotCalls.call(m, self);
    }

    public static PyObject richCompare(PyObject self, PyType type, PyObject other, int op) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.forCompare(op));
        return m == null ? null : SlotCalls.call(m, self, other);
    }

    /** {@code __bool__} (or {@code __len__}): TRUE/FALSE, or null without an override. */
    public static Boolean isTrue(PyObject self, PyType type) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.BOOL);
        if (m != null) {
            PyObject r = SlotCalls.call(m, self);
            try {
                if (!(r instanceof PyBool b)) {
                    throw Errors.typeError("__bool__ should return bool, returned " + r.typeName());
                }
                return b == PyBool.TRUE;
            } finally {
                Refs.decref(r);
            }
        }
        int n = length(self, type);
        return n < 0 ? null : n != 0;
    }

    /** {@code __hash__}: the hash, or null without an override (None means unhashable). */
    public static Long hash(PyObject self, PyType type) {
        if (skipOverride(self)) {
            return null;
        }
        PyObject m = type.lookupSlot(Slot.HASH);
        if (m == null) {
            return null;
        }
        if (m == PyNone.INSTANCE) {
            throw Errors.typeError("unhashable type: '" + type.name() + "'");
        }
        PyObject r = SlotCalls.call(m, self);
        try {
            if (!(r instanceof PyInt i)) {
                throw Errors.typeError("__hash__ method should return an integer");
            }
            return i.hash();
        } finally {
            Refs.decref(r);
        }
    }

    public static PyObject binary(PyObject self, PyType type, PyStr method, PyObject other) {
        if (skipOverride(self)) {
            return null;
        }
        if (!type.isHeapType()) {
            return null;
        }
        PyObject m = null;
        for (PyType t : type.mro()) {
            if (!t.isHeapType()) {
                break;
            }
            m = t.getOwn(method);
            if (m != null) {
                break;
            }
        }
        if (m == null) {
            return null;
        }
        try {
            return SlotCalls.call(m, self, other);
        } finally {
            Refs.decref(m);
        }
    }

    public static PyObject binaryOp(PyObject self, PyType type, BinaryOp op, PyObject other) {
        return binary(self, type, op.methodName(), other);
    }

    public static PyObject reflected(PyObject self, PyType type, BinaryOp op, PyObject other) {
        if (skipOverride(self)) {
            return null;
        }
        return binary(self, type, op.reflectedName(), other);
    }

    /** {@code __iadd__} and the like, or null without an override. */
    public static PyObject inplace(PyObject self, PyType type, BinaryOp op, PyObject other) {
        return binary(self, type, op.inplaceName(), other);
    }

    /** {@code __neg__}, {@code __pos__}, {@code __invert__}, or null without an override. */
    public static PyObject unary(PyObject self, PyType type, dev.interlock.vm.ops.UnaryOp op) {
        if (skipOverride(self)) {
            return null;
        }
        Slot slot = op == dev.interlock.vm.ops.UnaryOp.NEGATIVE ? Slot.NEG
                : op == dev.interlock.vm.ops.UnaryOp.POSITIVE ? Slot.POS : Slot.INVERT;
        PyObject m = type.lookupSlot(slot);
        return m == null ? null : SlotCalls.call(m, self);
    }

    /** Attribute lookup on an instance with a dict, with {@code __getattr__} as the fallback. */
    public static PyObject getAttribute(PyObject self, PyType type, PyStr name) {
        try {
            if (name.value().equals("__dict__")) {
                PyDict d = self.instanceDict();
                if (d != null) {
                    return Refs.newRef(d);
                }
            }
            return self.genericGetAttribute(name);
        } catch (PyException e) {
            PyObject fallback = type.lookupSlot(Slot.GETATTR);
            if (fallback == null || !e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return SlotCalls.call(fallback, self, name);
        }
    }

    /** {@code __missing__} of a dict subclass: the value, or null without one. */
    public static PyObject missing(PyObject self, PyType type, PyObject key) {
        PyObject m = type.lookupSlot(Slot.MISSING);
        return m == null ? null : SlotCalls.call(m, self, key);
    }
}
