package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.errors.InterpreterError;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reference counts changed with atomic compare-and-set on the header's count word: exact with any
 * number of threads running bytecode at once, at the price of one locked instruction per count
 * change. What a CPython without a GIL and without biased counting would have to do, and what
 * PEP 703 measured as too slow to be the whole answer (hence {@code biased}).
 *
 * <h2>Notes about the implementation</h2>
 *
 * <ul>
 *   <li><b>No atomics while one thread runs.</b> Until a second Python thread starts, only one
 *       thread counts, so counts are changed with plain loads and stores, as under a GIL: a
 *       program that never starts a thread pays nothing for running without one. The switch is
 *       made by {@link #threadStarting} on the thread that starts the second thread, which is the
 *       only one that could have been counting; {@link Thread#start} orders the switch before
 *       everything the new thread does. From then on every change is atomic. This is biased
 *       reference counting (PEP 703) at the scale of the interpreter: free-threaded CPython lets
 *       an object's owner count without atomics, here the whole interpreter is owned by its only
 *       thread until it has two. A thread can be started from outside Python only while no Python
 *       thread runs (the embedding entry points {@code runMain} and the test helpers do so).</li>
 *   <li><b>Deferred objects become immortal</b> when the second thread starts ({@link #deferred}):
 *       module-level functions, code objects and their constants, modules and classes, which every
 *       thread would otherwise write on every call.</li>
 *   <li><b>Immortals are never written.</b> Every operation reads the count first and returns at
 *       once for {@link ObjectHeader#IMMORTAL} and above. None, True, small ints and interned
 *       names are shared by every thread; writing their counts, even atomically, would bounce
 *       their cache lines between cores on every instruction. Compare CPython 3.12's
 *       {@code _Py_IsImmortal} check at the top of {@code Py_INCREF}.</li>
 *   <li><b>Compare-and-set, not fetch-and-add.</b> A count at or below zero means the object was
 *       already deallocated (or is being): a plain atomic add would step over the
 *       {@link ObjectHeader#FREED} mark and turn a detectable use-after-free into a silent one.
 *       The CAS loop validates the old value and leaves a freed object's mark intact, so the
 *       report names the first bad use.</li>
 *   <li><b>Deallocation exactly once.</b> Only the thread whose compare-and-set takes the count
 *       from 1 to 0 deallocates; every other thread sees a count above zero or fails. The
 *       finalizer's temporary resurrection and the freed mark go through {@link Deallocation}, as
 *       for {@code plain}.</li>
 *   <li><b>{@link #tryIncref}</b> refuses a count of zero or less: the optimistic read of
 *       free-threaded CPython ({@code _Py_TryIncrefCompare} in
 *       {@code Include/internal/pycore_object.h}). On the JVM a freed object's memory is never
 *       reused, so a reader that loaded a reference without holding one may always try.</li>
 * </ul>
 *
 * <h2>Costs</h2>
 * One plain load for an immortal; a load and a {@code lock cmpxchg} otherwise, a few nanoseconds
 * uncontended and a cache-line transfer whenever two cores count the same object. The fast paths
 * are a handful of bytecodes so the JIT inlines them into the eval loop; everything unusual is
 * out of line.
 */
public final class AtomicMemoryManager implements MemoryManager, Deallocation.Counts {

    private static final VarHandle COUNT = ObjectHeader.REF_LOCAL;

    /** Compare-and-set attempts that lost to another thread: how contended the counts were. */
    private final LongAdder contended = new LongAdder();
    /** The first Python thread started, the only one counting while {@link #shared} is false. */
    private final AtomicReference<Thread> first = new AtomicReference<>();
    /** Deferred objects seen while one thread ran; made immortal when a second starts. */
    private final java.util.List<java.lang.ref.WeakReference<ObjectHeader>> deferredWhileAlone = new java.util.ArrayList<>();
    private final LongAdder immortalized = new LongAdder();
    /**
     * True once a second Python thread has started: counts change atomically from then on. Written
     * once, before that thread starts, by the only thread that was counting; a plain field, read
     * on every count change.
     */
    private boolean shared;

    @Override
    public void threadStarting(Thread thread) {
        if (shared || first.compareAndSet(null, thread)) {
            return;
        }
        Thread only = first.get();
        if (only.isAlive() && Thread.currentThread() != only) {
            throw new InterpreterError("a second Python thread was started from outside Python while '"
                    + only.getName() + "' runs; start it from Python code (threading), or before the first");
        }
        for (java.lang.ref.WeakReference<ObjectHeader> ref : deferredWhileAlone) {
            ObjectHeader o = ref.get();
            if (o != null && o.refLocal() > 0) {
                immortalize(o);
            }
        }
        deferredWhileAlone.clear();
        shared = true;
    }

    /**
     * While one thread runs, a deferred object is counted as usual, so a program without threads
     * sees CPython's {@code sys.getrefcount} for its functions and classes; once a second thread
     * has started it is immortal, as free-threaded CPython 3.13 makes its deferred objects
     * ({@code _PyGC_ImmortalizeDeferredObjects}). Threads calling one function then never write
     * its count, nor its code's, its module's or its class's. Such objects live until the process
     * ends, as there.
     */
    @Override
    public void deferred(ObjectHeader o) {
        if (shared) {
            immortalize(o);
        } else {
            deferredWhileAlone.add(new java.lang.ref.WeakReference<>(o));
        }
    }

    private void immortalize(ObjectHeader o) {
        if ((int) COUNT.getVolatile(o) < ObjectHeader.IMMORTAL) {
            makeImmortal(o);
            immortalized.increment();
        }
    }

    /** True once counts are changed atomically (a second Python thread has started). */
    public boolean isShared() {
        return shared;
    }

    @Override
    public String name() {
        return "atomic";
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public boolean countsReferences() {
        return true;
    }

    @Override
    public void incref(ObjectHeader o) {
        int c = o.refLocal();
        if (c >= ObjectHeader.IMMORTAL) {
            return;
        }
        if (!shared && c > 0) {
            o.setRefLocal(c + 1);
            return;
        }
        if (c <= 0 || !COUNT.weakCompareAndSet(o, c, c + 1)) {
            increfSlow(o);
        }
    }

    private void increfSlow(ObjectHeader o) {
        for (;;) {
            int c = (int) COUNT.getVolatile(o);
            if (c >= ObjectHeader.IMMORTAL) {
                return;
            }
            if (c <= 0) {
                throw UseAfterFree.used(o);
            }
            if (COUNT.compareAndSet(o, c, c + 1)) {
                return;
            }
            contended.increment();
        }
    }

    @Override
    public void decref(ObjectHeader o) {
        int c = o.refLocal();
        if (c >= ObjectHeader.IMMORTAL) {
            return;
        }
        if (!shared && c > 1) {
            o.setRefLocal(c - 1);
            return;
        }
        if (c <= 1 || !COUNT.weakCompareAndSet(o, c, c - 1)) {
            decrefSlow(o);
        }
    }

    /** The last reference, or a bad count, while one thread runs: no atomics needed either. */
    private void decrefAlone(ObjectHeader o, int c) {
        if (c == 1) {
            o.setRefLocal(0);
            Deallocation.deallocate(o, this, this);
            return;
        }
        throw c == ObjectHeader.FREED ? UseAfterFree.used(o) : UseAfterFree.negative(o);
    }

    private void decrefSlow(ObjectHeader o) {
        if (!shared) {
            decrefAlone(o, o.refLocal());
            return;
        }
        for (;;) {
            int c = (int) COUNT.getVolatile(o);
            if (c >= ObjectHeader.IMMORTAL) {
                return;
            }
            if (c <= 0) {
                throw c == ObjectHeader.FREED ? UseAfterFree.used(o) : UseAfterFree.negative(o);
            }
            if (COUNT.compareAndSet(o, c, c - 1)) {
                if (c == 1) {
                    Deallocation.deallocate(o, this, this);
                }
                return;
            }
            contended.increment();
        }
    }

    @Override
    public boolean tryIncref(ObjectHeader o) {
        if (!shared) {
            int c = o.refLocal();
            if (c >= ObjectHeader.IMMORTAL) {
                return true;
            }
            if (c <= 0) {
                return false;
            }
            o.setRefLocal(c + 1);
            return true;
        }
        for (;;) {
            int c = (int) COUNT.getVolatile(o);
            if (c >= ObjectHeader.IMMORTAL) {
                return true;
            }
            if (c <= 0) {
                return false;
            }
            if (COUNT.compareAndSet(o, c, c + 1)) {
                return true;
            }
            contended.increment();
        }
    }

    @Override
    public long refcount(ObjectHeader o) {
        int c = (int) COUNT.getVolatile(o);
        if (c >= ObjectHeader.IMMORTAL) {
            return PlainMemoryManager.IMMORTAL_REPORTED;
        }
        if (c <= 0) {
            throw UseAfterFree.used(o);
        }
        return c;
    }

    @Override
    public void makeImmortal(ObjectHeader o) {
        COUNT.setVolatile(o, ObjectHeader.IMMORTAL);
    }

    @Override
    public boolean isImmortal(ObjectHeader o) {
        return (int) COUNT.getVolatile(o) >= ObjectHeader.IMMORTAL;
    }

    @Override
    public boolean isFreed(ObjectHeader o) {
        return (int) COUNT.getVolatile(o) == ObjectHeader.FREED;
    }

    // ---- the deallocation protocol's view of the counts: the count is zero and only the
    // deallocating thread may legally reach the object, except through its finalizer

    @Override
    public void resurrect(ObjectHeader o) {
        COUNT.setVolatile(o, 1);
    }

    @Override
    public boolean releaseResurrected(ObjectHeader o) {
        return (int) COUNT.getAndAdd(o, -1) == 1;
    }

    @Override
    public void markFreed(ObjectHeader o) {
        COUNT.setVolatile(o, ObjectHeader.FREED);
    }

    @Override
    public Map<String, Long> statistics() {
        return Map.of("contended", contended.sum(), "shared", shared ? 1L : 0L, "immortalized", immortalized.sum());
    }
}
