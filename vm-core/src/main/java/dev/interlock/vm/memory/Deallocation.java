package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.ArrayDeque;

/**
 * What happens when a count reaches zero, shared by every counting memory manager: run the
 * finalizer once ({@code __del__}, PEP 442), mark the object freed, release what it holds.
 * Containers replace their storage with a {@link FreedStorage} as they release it, so a stale
 * reference that reaches a freed container is reported, not served an empty one; an object whose
 * count reaches zero a second time is reported too ({@link UseAfterFree#freedTwice}).
 *
 * <p>Releasing children can free them in turn. To keep a long chain (a linked list of a million
 * nodes) from overflowing the Java stack, nested deallocations deeper than {@link #MAX_DEPTH} are
 * queued on the thread and run when the outermost one finishes: CPython's "trashcan"
 * ({@code Py_TRASHCAN_BEGIN} in {@code Include/cpython/object.h}).
 */
public final class Deallocation {

    /** Nested deallocations run directly up to this depth, as CPython's trashcan limit. */
    static final int MAX_DEPTH = 50;

    /** The operations on counts a manager provides to the protocol. */
    interface Counts {
        /** Sets the count of an object being deallocated back to one, for its finalizer. */
        void resurrect(ObjectHeader o);

        /** Drops the finalizer's reference; true if that left the object unreferenced. */
        boolean releaseResurrected(ObjectHeader o);

        /** Marks the object freed: any later use is fatal. */
        void markFreed(ObjectHeader o);
    }

    private Deallocation() {
    }

    /** Per-thread state of the trashcan. */
    public static final class Queue {
        private final ArrayDeque<ObjectHeader> pending = new ArrayDeque<>();
        private int depth;
    }

    /**
     * Deallocates {@code o}, whose count has just reached zero.
     *
     * @throws dev.interlock.api.memory.FatalError if {@code o} was deallocated before: its count
     *     reached zero again, so it had been freed while references to it remained
     */
    static void deallocate(ObjectHeader o, MemoryManager memory, Counts counts) {
        if (o.isDeallocated()) {
            throw UseAfterFree.freedTwice(o);
        }
        Queue queue = null;
        if (Thread.currentThread() instanceof PyThread thread) {
            PyThreadState state = thread.state();
            queue = state == null ? null : state.deallocationQueue();
        }
        if (queue == null) {
            deallocateNow(o, memory, counts);
            return;
        }
        if (queue.depth >= MAX_DEPTH) {
            queue.pending.push(o);
            return;
        }
        queue.depth++;
        try {
            deallocateNow(o, memory, counts);
            if (queue.depth == 1) {
                while (!queue.pending.isEmpty()) {
                    deallocateNow(queue.pending.pop(), memory, counts);
                }
            }
        } finally {
            queue.depth--;
        }
    }

    private static void deallocateNow(ObjectHeader o, MemoryManager memory, Counts counts) {
        if (o.hasFinalizer() && !o.isFinalized()) {
            o.markFinalized();
            counts.resurrect(o);
            o.runFinalizer();
            if (!counts.releaseResurrected(o)) {
                return; // the finalizer stored a reference somewhere: the object lives on
            }
        }
        counts.markFreed(o);
        o.markDeallocated();
        o.releaseReferences(memory);
    }
}
