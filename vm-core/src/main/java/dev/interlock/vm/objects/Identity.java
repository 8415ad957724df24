package dev.interlock.vm.objects;

import dev.interlock.vm.ops.Compare;

/**
 * Identity-based behaviour shared by objects that compare by identity: {@code object.__hash__},
 * {@code object.__eq__}, and the address shown in default reprs.
 */
public final class Identity {

    private Identity() {
    }

    /** A stable hash for the object's lifetime, as {@code object.__hash__}. */
    public static long hash(Object o) {
        return System.identityHashCode(o);
    }

    /**
     * The hexadecimal "address" shown by default reprs, like {@code 0x7f3a1c2b4d50}: the object's
     * {@code id()}, as in CPython.
     */
    public static String address(Object o) {
        return String.format("0x%012x", id(o));
    }

    /** {@code id(o)}: unique among live objects of the calling thread's interpreter. */
    public static long id(Object o) {
        if (Thread.currentThread() instanceof dev.interlock.vm.runtime.PyThread t) {
            return t.interpreter().ids().idOf(o);
        }
        return 0x7f0000000000L | ((long) System.identityHashCode(o) << 4);
    }

    /** {@code object.__eq__}/{@code __ne__}: identity; NotImplemented for orderings. */
    public static PyObject compare(PyObject self, PyObject other, int op) {
        switch (op) {
            case Compare.EQ:
                return self == other ? PyBool.TRUE : PyNotImplemented.INSTANCE;
            case Compare.NE:
                return self == other ? PyBool.FALSE : PyNotImplemented.INSTANCE;
            default:
                return PyNotImplemented.INSTANCE;
        }
    }
}
