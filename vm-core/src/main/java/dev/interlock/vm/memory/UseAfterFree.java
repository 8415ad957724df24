package dev.interlock.vm.memory;

import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.ObjectHeader;

/**
 * The fatal errors raised when counts prove that an object was freed too early: by a memory
 * manager when a freed object's count is taken or given back, by the deallocation protocol when
 * an object is freed twice, and by a freed container's storage ({@link FreedStorage}) when a
 * stale reference reaches its items. Each names the object's type and the thread, as CPython's
 * {@code _PyObject_AssertFailed} names the object it stops on.
 */
public final class UseAfterFree {

    private UseAfterFree() {
    }

    /** A freed object was used again (its count was taken or read, or its contents reached). */
    public static FatalError used(ObjectHeader o) {
        return new FatalError("use after free: a '" + o.typeName() + "' object was used after its reference count"
                + " reached zero and it was deallocated (thread " + threadName() + ")");
    }

    /** A count was decremented below zero: a reference was given back twice. */
    public static FatalError negative(ObjectHeader o) {
        return new FatalError("negative reference count: a '" + o.typeName() + "' object was released more often"
                + " than it was referenced (thread " + threadName() + ")");
    }

    /**
     * A deallocated object's count reached zero again: it had been freed while still referenced,
     * and the references that remained were then given back.
     */
    public static FatalError freedTwice(ObjectHeader o) {
        return new FatalError("use after free: a '" + o.typeName() + "' object was deallocated twice: it was freed"
                + " while still referenced, and its count reached zero again (thread " + threadName() + ")");
    }

    static String threadName() {
        ThreadState ts = ThreadState.current();
        return "'" + (ts != null ? ts.displayName() : Thread.currentThread().getName()) + "'";
    }
}
