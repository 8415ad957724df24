package dev.interlock.vm.objects;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.errors.InterpreterError;
import dev.interlock.vm.runtime.PyThread;

/**
 * Reference counting for code outside the eval loop: {@code Py_INCREF}, {@code Py_DECREF},
 * {@code Py_XDECREF}. Immortal objects are recognised from the header alone; everything else goes
 * to the memory manager of the interpreter that runs the calling thread. The eval loop keeps that
 * manager in a local and calls it directly.
 */
public final class Refs {

    private Refs() {
    }

    /** The memory manager of the calling Python thread. */
    public static MemoryManager memory() {
        if (Thread.currentThread() instanceof PyThread thread) {
            return thread.memory();
        }
        throw new InterpreterError("a Python object was counted outside a Python thread ("
                + Thread.currentThread().getName() + ")");
    }

    /** Takes a new reference. */
    public static void incref(ObjectHeader o) {
        if (o.refLocal() < ObjectHeader.IMMORTAL) {
            memory().incref(o);
        }
    }

    /** Gives a reference back. */
    public static void decref(ObjectHeader o) {
        if (o.refLocal() < ObjectHeader.IMMORTAL) {
            memory().decref(o);
        }
    }

    /** Gives a reference back if {@code o} is not null. */
    public static void xdecref(ObjectHeader o) {
        if (o != null && o.refLocal() < ObjectHeader.IMMORTAL) {
            memory().decref(o);
        }
    }

    /**
     * Takes a new reference unless the object's count has already reached zero: for a reference
     * loaded from a field or slot another thread may clear meanwhile (free-threaded CPython's
     * {@code _Py_TryIncref}). False means the object is being or has been deallocated.
     */
    public static boolean tryIncref(ObjectHeader o) {
        return o.refLocal() >= ObjectHeader.IMMORTAL || memory().tryIncref(o);
    }

    /**
     * Tells the memory manager that {@code o} is shared by every thread and reached on every call
     * (a module-level function, a code object, a module, a class): see
     * {@link MemoryManager#deferred}. Objects made outside a Python thread (built-in types, while
     * their classes load) are immortal already or need nothing.
     */
    public static void deferred(ObjectHeader o) {
        if (Thread.currentThread() instanceof PyThread thread && o.refLocal() < ObjectHeader.IMMORTAL) {
            thread.memory().deferred(o);
        }
    }

    /** Takes a new reference and returns the object, for {@code return Refs.newRef(x);}. */
    public static <T extends ObjectHeader> T newRef(T o) {
        incref(o);
        return o;
    }

    /** Gives back a reference to each element of {@code items} that is not null. */
    public static void decrefAll(ObjectHeader[] items) {
        for (ObjectHeader o : items) {
            xdecref(o);
        }
    }
}
