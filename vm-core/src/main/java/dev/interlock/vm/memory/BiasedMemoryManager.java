package dev.interlock.vm.memory;

import static dev.interlock.api.memory.ObjectHeader.FREED;
import static dev.interlock.api.memory.ObjectHeader.IMMORTAL;
import static dev.interlock.api.memory.ObjectHeader.REF_SHARED;

import dev.interlock.api.EvalBreaker;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Biased reference counting, as free-threaded CPython (PEP 703): the thread that allocated an
 * object counts it without atomics, every other thread counts it atomically, and the two halves
 * are merged when they have to be.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Compare CPython 3.13's {@code Py_INCREF}/{@code Py_DECREF} ({@code Include/object.h}),
 * {@code _Py_MergeZeroLocalRefcount}, {@code _Py_DecRefShared} and
 * {@code _Py_ExplicitMergeRefcount} ({@code Objects/object.c}), and {@code Python/brc.c}.
 *
 * <p>The header's fields ({@link ObjectHeader}):
 * <ul>
 *   <li>{@code owner}: the thread that allocated the object; null once the halves are merged
 *       (CPython's {@code ob_tid}).</li>
 *   <li>{@code refLocal}: the owner's count, read and written by the owner with plain loads and
 *       stores. The reserved values keep their meaning: {@link ObjectHeader#IMMORTAL} and above
 *       for immortal objects, {@link ObjectHeader#FREED} once deallocated.</li>
 *   <li>{@code refShared}: the other threads' count, changed only by compare-and-set or atomic
 *       add, shifted left by two; the low two bits are a state that only ever moves up:
 *       {@link #DEFAULT}, {@link #MAYBE_SHARED}, {@link #QUEUED}, {@link #MERGED}. The shared
 *       count alone may go negative (one thread increments, another gives the reference back).</li>
 * </ul>
 *
 * <p>The protocol:
 * <ul>
 *   <li><b>Owner.</b> Increments and decrements {@code refLocal} plainly. When it reaches zero:
 *       if {@code refShared} is 0 (no other thread ever counted the object) the object is
 *       deallocated at once, with no atomic instruction at all; otherwise the owner gives up
 *       ownership and merges, setting the state to {@link #MERGED} by compare-and-set, and
 *       deallocates only if the merged count is zero.</li>
 *   <li><b>Other threads.</b> Add to {@code refShared} atomically. A decrement that would take a
 *       shared count of zero below zero (state {@link #DEFAULT} or {@link #MAYBE_SHARED}) instead
 *       sets {@link #QUEUED} and hands the reference to the owner's {@link MergeQueue}, asking it
 *       through {@link EvalBreaker#REFCOUNT_MERGE} to merge at its next check point; later
 *       decrements may take the shared count negative. A decrement of a merged object that reaches
 *       zero deallocates it.</li>
 *   <li><b>Merging a queued object.</b> The owner folds {@code refLocal} into {@code refShared},
 *       drops the queue's deferred reference, clears {@code owner} and sets {@link #MERGED}; a
 *       total of zero deallocates.</li>
 *   <li><b>Thread exit.</b> The exiting thread merges what is queued and closes its queue (its
 *       last counting). Ownership is handed over lazily, as in CPython: an object whose owner has
 *       ended is merged by the thread that would have queued it, with every count the owner wrote
 *       visible through the queue's monitor. Objects allocated outside Python threads (class
 *       initialisation, embedding code) are treated the same way.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * The true count is {@code refLocal + (refShared >> 2)}, minus one while {@link #QUEUED} (the
 * queue's deferred reference); {@link #refcount} reports exactly that. Every path to
 * deallocation either runs on the owner with both halves at zero, or is a compare-and-set
 * reaching "merged, zero", so an object is freed exactly once. A try-increment never revives an
 * object on its way out: it refuses a shared word of 0 (the owner may be freeing it without an
 * atomic) or "merged, zero".
 *
 * <h2>Costs</h2>
 * The owner's increment and decrement are a load of {@code owner}, a comparison with the current
 * thread and a plain store: the same instructions as the {@code plain} manager plus one compare,
 * small enough to inline into the eval loop. Other threads pay one atomic instruction per change.
 * Objects counted by several threads are merged once (one compare-and-set) and are counted
 * atomically from then on. Deallocation of an object given back by another thread is delayed until
 * its owner reaches a check point; an owner blocked for long (in {@code join}) keeps such objects
 * alive meanwhile.
 *
 * <p>Deviations from CPython, each on purpose:
 * <ul>
 *   <li>The first increment by a non-owner sets {@link #MAYBE_SHARED} (CPython sets its
 *       {@code _Py_REF_MAYBE_WEAKREF} only for references taken under a container lock, through
 *       {@code _Py_NewRefWithLock}); the interface has no such call, and the flag is what lets a
 *       lock-free read's {@link #tryIncref} succeed.</li>
 *   <li>An owner whose local count reaches zero while the object is still queued leaves it
 *       {@link #QUEUED} (unowned) instead of marking it merged, so that {@link #refcount} can
 *       subtract the queue's deferred reference and stay exact until the queue is processed.</li>
 * </ul>
 * Missing: deferred reference counting of functions, code objects and modules (PEP 703), which
 * needs the stop-the-world collector CPython pairs it with.
 */
public final class BiasedMemoryManager implements MemoryManager, Deallocation.Counts {

    /** The state bits of {@code refShared} take the low two bits; the count is shifted past them. */
    static final int SHIFT = 2;
    /** One reference in the shared word. */
    static final int ONE = 1 << SHIFT;
    /** The state bits. */
    static final int STATE_MASK = ONE - 1;
    /** No other thread has counted the object. CPython: {@code _Py_REF_SHARED_INIT}. */
    static final int DEFAULT = 0;
    /** Another thread has counted it, so try-increments may succeed. CPython: {@code _Py_REF_MAYBE_WEAKREF}. */
    static final int MAYBE_SHARED = 1;
    /** Queued for its owner to merge; the queue holds one reference. CPython: {@code _Py_REF_QUEUED}. */
    static final int QUEUED = 2;
    /** Both halves live in {@code refShared}; there is no owner any more. CPython: {@code _Py_REF_MERGED}. */
    static final int MERGED = 3;

    /** Reported by {@code sys.getrefcount} for immortal objects, as the plain manager reports them. */
    static final long IMMORTAL_REPORTED = PlainMemoryManager.IMMORTAL_REPORTED;

    private final DeferredObjects deferred = new DeferredObjects(this);
    // Slow-path events only: the fast paths count nothing.
    private final LongAdder queued = new LongAdder();
    private final LongAdder merged = new LongAdder();
    private final LongAdder mergedForExitedOwner = new LongAdder();

    @Override
    public String name() {
        return "biased";
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public boolean countsReferences() {
        return true;
    }

    // ------------------------------------------------------------------ the hot path

    @Override
    public void incref(ObjectHeader o) {
        int local = o.refLocal();
        if (local >= IMMORTAL) {
            return;
        }
        if (o.owner() == Thread.currentThread() && local > 0) {
            o.setRefLocal(local + 1);
            return;
        }
        increfShared(o, local);
    }

    @Override
    public void decref(ObjectHeader o) {
        int local = o.refLocal();
        if (local >= IMMORTAL) {
            return;
        }
        if (o.owner() == Thread.currentThread() && local > 1) {
            o.setRefLocal(local - 1);
            return;
        }
        if (dropSlow(o, local)) {
            Deallocation.deallocate(o, this, this);
        }
    }

    // ------------------------------------------------------------------ the slow paths

    /** An increment by a thread that does not own the object (or a use of a freed one). */
    private static void increfShared(ObjectHeader o, int local) {
        if (local == FREED || (local <= 0 && o.owner() == Thread.currentThread())) {
            throw UseAfterFree.used(o);
        }
        int old = (int) REF_SHARED.getAndAdd(o, ONE);
        if (old == MERGED) {
            throw UseAfterFree.used(o); // merged with a count of zero: deallocated
        }
        if ((old & STATE_MASK) == DEFAULT) {
            markMaybeShared(o);
        }
    }

    @Override
    public void share(ObjectHeader o) {
        if (o.refLocal() < IMMORTAL && ((int) REF_SHARED.getOpaque(o) & STATE_MASK) == DEFAULT) {
            markMaybeShared(o);
        }
    }

    @Override
    public void deferred(ObjectHeader o) {
        deferred.add(o);
    }

    @Override
    public void threadStarting(Thread thread) {
        deferred.threadStarting();
    }

    /** Moves the state from DEFAULT to MAYBE_SHARED (once per object). Compare CPython _PyObject_SetMaybeWeakref. */
    private static void markMaybeShared(ObjectHeader o) {
        int shared = (int) REF_SHARED.getVolatile(o);
        while ((shared & STATE_MASK) == DEFAULT) {
            int witness = (int) REF_SHARED.compareAndExchange(o, shared, shared | MAYBE_SHARED);
            if (witness == shared) {
                return;
            }
            shared = witness;
        }
    }

    /**
     * Gives back one reference, on any thread, except the owner's common case; true when the
     * caller must deallocate the object (the count reached zero). Never deallocates itself, so the
     * deallocation protocol can use it to drop a finalizer's reference.
     */
    private boolean dropSlow(ObjectHeader o, int local) {
        if (o.owner() == Thread.currentThread()) {
            if (local == 1) {
                o.setRefLocal(0);
                return mergeZeroLocal(o);
            }
            throw local == FREED ? UseAfterFree.used(o) : UseAfterFree.negative(o);
        }
        if (local == FREED) {
            throw UseAfterFree.used(o);
        }
        return decrefShared(o);
    }

    /**
     * The owner's count has reached zero. Compare CPython {@code _Py_MergeZeroLocalRefcount}.
     */
    private static boolean mergeZeroLocal(ObjectHeader o) {
        int shared = (int) REF_SHARED.getAcquire(o);
        if (shared == 0) {
            // No other thread ever counted it, and none can start now: try-increments refuse a
            // shared word of 0. The common death of a thread-local object needs no atomic at all.
            return true;
        }
        // Before the compare-and-set that publishes the merge (compare CPython gh-121794).
        o.setOwner(null);
        if ((shared & STATE_MASK) == QUEUED) {
            // Still in this thread's queue, which holds a reference: the merge there finishes it.
            return false;
        }
        for (;;) {
            int next = (shared & ~STATE_MASK) | MERGED;
            int witness = (int) REF_SHARED.compareAndExchange(o, shared, next);
            if (witness == shared) {
                return next == MERGED;
            }
            shared = witness;
            if ((shared & STATE_MASK) == QUEUED) {
                return false;
            }
        }
    }

    /** A decrement by a non-owner. Compare CPython {@code _Py_DecRefShared}. */
    private boolean decrefShared(ObjectHeader o) {
        int shared = (int) REF_SHARED.getVolatile(o);
        for (;;) {
            if (shared == MERGED) {
                throw UseAfterFree.used(o);
            }
            boolean queue = shared == DEFAULT || shared == MAYBE_SHARED;
            // A count of zero would go negative: keep it, and let the queue hold the reference.
            int next = queue ? QUEUED : shared - ONE;
            int witness = (int) REF_SHARED.compareAndExchange(o, shared, next);
            if (witness == shared) {
                if (queue) {
                    return queueForOwner(o);
                }
                return next == MERGED;
            }
            shared = witness;
        }
    }

    /**
     * Hands {@code o} (just set QUEUED) to its owner's queue, or merges it here when the owner has
     * ended; true if that left it unreferenced. Compare CPython {@code _Py_brc_queue_object}.
     */
    private boolean queueForOwner(ObjectHeader o) {
        if (o.owner() instanceof PyThread thread) {
            PyThreadState owner = thread.state();
            if (owner != null && owner.mergeQueue().offer(o)) {
                owner.requestBreak(EvalBreaker.REFCOUNT_MERGE);
                queued.increment();
                return false;
            }
        }
        mergedForExitedOwner.increment();
        return merge(o, -1) == 0;
    }

    /**
     * Folds the owner's count into the shared one, adds {@code extra}, and marks the object
     * merged; returns the total. Called by the owner, or by any thread once the owner has ended.
     * Compare CPython {@code _Py_ExplicitMergeRefcount}.
     */
    private long merge(ObjectHeader o, int extra) {
        int local = o.refLocal();
        if (local < 0) {
            throw UseAfterFree.used(o);
        }
        o.setOwner(null);
        o.setRefLocal(0);
        merged.increment();
        int shared = (int) REF_SHARED.getVolatile(o);
        for (;;) {
            long total = (long) (shared >> SHIFT) + local + extra;
            if (total < 0) {
                throw UseAfterFree.negative(o);
            }
            int next = (int) (total << SHIFT) | MERGED;
            int witness = (int) REF_SHARED.compareAndExchange(o, shared, next);
            if (witness == shared) {
                return total;
            }
            shared = witness;
        }
    }

    // ------------------------------------------------------------------ the rest of the contract

    /** Compare CPython {@code _Py_TryIncrefFast} and {@code _Py_TryIncRefShared}. */
    @Override
    public boolean tryIncref(ObjectHeader o) {
        int local = o.refLocal();
        if (local >= IMMORTAL) {
            return true;
        }
        if (o.owner() == Thread.currentThread()) {
            if (local > 0) {
                o.setRefLocal(local + 1);
                return true;
            }
            return false;
        }
        if (local == FREED) {
            return false;
        }
        int shared = (int) REF_SHARED.getVolatile(o);
        for (;;) {
            // 0: the owner may be freeing it without an atomic; MERGED with no count: being freed.
            if (shared == DEFAULT || shared == MERGED) {
                return false;
            }
            int witness = (int) REF_SHARED.compareAndExchange(o, shared, shared + ONE);
            if (witness == shared) {
                return true;
            }
            shared = witness;
        }
    }

    @Override
    public long refcount(ObjectHeader o) {
        int local = o.refLocal();
        if (local >= IMMORTAL) {
            return IMMORTAL_REPORTED;
        }
        int shared = (int) REF_SHARED.getVolatile(o);
        if (local == FREED || shared == MERGED) {
            throw UseAfterFree.used(o);
        }
        long count = (long) local + (shared >> SHIFT);
        return (shared & STATE_MASK) == QUEUED ? count - 1 : count;
    }

    @Override
    public void makeImmortal(ObjectHeader o) {
        o.setRefLocal(IMMORTAL);
    }

    @Override
    public boolean isImmortal(ObjectHeader o) {
        return o.refLocal() >= IMMORTAL;
    }

    @Override
    public boolean isFreed(ObjectHeader o) {
        return o.refLocal() == FREED;
    }

    /** Merges what other threads queued for the calling thread. Compare CPython {@code _Py_brc_merge_refcounts}. */
    @Override
    public void handleMergeRequest(ThreadState thread) {
        thread.clearBreak(EvalBreaker.REFCOUNT_MERGE);
        mergeQueued(((PyThreadState) thread).mergeQueue());
    }

    private void mergeQueued(MergeQueue queue) {
        for (ObjectHeader o : queue.drain()) {
            if (merge(o, -1) == 0) {
                Deallocation.deallocate(o, this, this);
            }
        }
    }

    /**
     * The thread is ending: merges what is queued (deallocations may queue more) and closes the
     * queue, after which other threads merge its objects themselves. Compare CPython
     * {@code _Py_brc_remove_thread}.
     */
    @Override
    public void threadExited(ThreadState thread) {
        MergeQueue queue = ((PyThreadState) thread).mergeQueue();
        do {
            mergeQueued(queue);
        } while (!queue.closeIfEmpty());
        thread.clearBreak(EvalBreaker.REFCOUNT_MERGE);
    }

    // ------------------------------------------------------------------ the deallocation protocol

    /** Compare CPython {@code _PyObject_ResurrectStart}: the deallocating thread owns it, count 1. */
    @Override
    public void resurrect(ObjectHeader o) {
        o.setOwner(Thread.currentThread());
        o.setRefLocal(1);
        REF_SHARED.setRelease(o, DEFAULT);
    }

    /** Compare CPython {@code _PyObject_ResurrectEnd}. */
    @Override
    public boolean releaseResurrected(ObjectHeader o) {
        int local = o.refLocal();
        if (o.owner() == Thread.currentThread() && local > 1) {
            o.setRefLocal(local - 1);
            return false;
        }
        return dropSlow(o, local);
    }

    /**
     * The shared word is already 0 (freed on the owner's fast path) or "merged, zero": both refuse
     * a try-increment, so only the local half is marked, with a plain store (no fence on the path
     * every short-lived object takes).
     */
    @Override
    public void markFreed(ObjectHeader o) {
        o.setRefLocal(FREED);
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("queued", queued.sum());
        m.put("merges", merged.sum());
        m.put("merged_for_exited_owner", mergedForExitedOwner.sum());
        return m;
    }
}
