package dev.interlock.vm.memory;

import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.ObjectHeader;

/** The fatal errors a counting memory manager raises when counts prove an object was freed too early. */
final class UseAfterFree {

    private UseAfterFree() {
    }

    /** A freed object was used again (its count was taken or read). */
    static FatalError used(ObjectHeader o) {
        return new FatalError("use after free: a '" + o.typeName() + "' object was used after its reference count"
                + " reached zero and it was deallocated (thread " + threadName() + ")");
    }

    /** A count was decremented below zero: a reference was given back twice. */
    static FatalError negative(ObjectHeader o) {
        return new FatalError("negative reference count: a '" + o.typeName() + "' object was released more often"
                + " than it was referenced (thread " + threadName() + ")");
    }

    static String threadName() {
        ThreadState ts = ThreadState.current();
        return "'" + (ts != null ? ts.displayName() : Thread.currentThread().getName()) + "'";
    }
}
