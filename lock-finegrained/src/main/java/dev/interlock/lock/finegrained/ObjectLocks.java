package dev.interlock.lock.finegrained;

import static dev.interlock.api.memory.ObjectHeader.LOCK_WORD;

import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Tracer;
import dev.interlock.vm.errors.InterpreterError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-object lock, kept in {@link ObjectHeader}'s lock word: free, thin, or inflated.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>The lock word holds one of three things:
 * <ul>
 *   <li>{@code null}: free, never contended (every object starts so: no allocation, no field
 *       beyond the header's word);</li>
 *   <li>a thread's {@link CriticalSections}: thin-locked by that thread, taken and released with
 *       one compare-and-set each;</li>
 *   <li>a {@link Monitor}: inflated, for good, after a thread found the lock held and spun for a
 *       while; the monitor parks waiters and wakes one at each release.</li>
 * </ul>
 * A contender inflates on the holder's behalf: it replaces the holder's word by a monitor already
 * owned by the holder, whose release (its compare-and-set fails, and it finds the monitor) then
 * wakes the contender. This is HotSpot's inflation of a stack lock, and the reason the release of a
 * thin lock is a compare-and-set rather than a plain store.
 *
 * <p>The lock itself is not reentrant: a thread records its re-entries in its own section stack,
 * as HotSpot records recursive stack locks in the frame, and only the entry that took the lock
 * releases it.
 *
 * <p>Two objects are locked in a stable order: by identity hash, and when two hashes are equal
 * (rare: about one pair in two billion) by the serial numbers of their monitors, which both are
 * inflated to get. Compare CPython's {@code _PyCriticalSection2_Begin}, which orders by address.
 *
 * <h2>Costs</h2>
 * An uncontended lock and unlock are two compare-and-sets on the object's header, as CPython's
 * {@code PyMutex}. Contention costs a bounded spin, then one monitor allocation per object for its
 * lifetime, then parking.
 *
 * <p>Missing: deflation of idle monitors (HotSpot deflates at safepoints); CPython's hand-off of a
 * {@code PyMutex} to a waiter that has waited over a millisecond (the monitor barges).
 */
final class ObjectLocks {

    /** A try-lock found the lock free and took it. */
    static final int ACQUIRED = 0;
    /** A try-lock found the lock already held by the caller. */
    static final int HELD = 1;
    /** A try-lock found the lock held by another thread. */
    static final int BUSY = 2;

    /** Spins on a thin lock held by another thread before inflating it. */
    private static final int SPINS = 100;

    private final AtomicLong serials = new AtomicLong();
    // slow paths only
    private final LongAdder contended = new LongAdder();
    private final LongAdder inflations = new LongAdder();
    private final LongAdder parks = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final Tracer tracer;

    /** Locks whose waits are not traced. */
    ObjectLocks() {
        this(Tracer.OFF);
    }

    /** Locks that report each contended acquisition to {@code tracer} as a wait for a per-object lock. */
    ObjectLocks(Tracer tracer) {
        this.tracer = java.util.Objects.requireNonNull(tracer, "tracer is null");
    }
    private final LongAdder suspensions = new LongAdder();

    /**
     * Takes {@code o}'s lock for {@code me} if that needs no waiting: {@link #ACQUIRED},
     * {@link #HELD} (already {@code me}'s) or {@link #BUSY}.
     */
    static int tryLock(ObjectHeader o, CriticalSections me) {
        Object w = (Object) LOCK_WORD.compareAndExchange(o, (Object) null, (Object) me);
        if (w == null) {
            return ACQUIRED;
        }
        if (w == me) {
            return HELD;
        }
        if (w instanceof Monitor m) {
            if (m.isHeldBy(me.thread())) {
                return HELD;
            }
            return m.tryLock() ? ACQUIRED : BUSY;
        }
        return BUSY;
    }

    /** True when {@code me} holds {@code o}'s lock. */
    static boolean isHeldBy(ObjectHeader o, CriticalSections me) {
        Object w = (Object) LOCK_WORD.getAcquire(o);
        return w == me || (w instanceof Monitor m && m.isHeldBy(me.thread()));
    }

    /**
     * Takes {@code o}'s lock for {@code me}, waiting as long as it takes. The caller holds no other
     * lock that another thread could be waiting for while it waits (see {@link CriticalSections}).
     */
    void lock(ObjectHeader o, CriticalSections me) {
        contended.increment();
        long start = System.nanoTime();
        ThreadState ts = tracer == Tracer.OFF ? null : ThreadState.current();
        if (ts != null) {
            tracer.activity(ts, Activity.WAITING_LOCK);
        }
        try {
            lockContended(o, me);
        } finally {
            waitNanos.add(System.nanoTime() - start);
            if (ts != null) {
                tracer.activity(ts, Activity.RUNNING);
            }
        }
    }

    private void lockContended(ObjectHeader o, CriticalSections me) {
        for (int spin = 0; ; spin++) {
            Object w = (Object) LOCK_WORD.getAcquire(o);
            if (w == null) {
                if (LOCK_WORD.compareAndSet(o, (Object) null, (Object) me)) {
                    return;
                }
            } else if (w instanceof Monitor m) {
                if (m.isHeldBy(me.thread())) {
                    throw new InterpreterError("a thread waits for an object lock it holds");
                }
                if (m.lock()) {
                    parks.increment();
                }
                return;
            } else if (w == me) {
                throw new InterpreterError("a thread waits for an object lock it holds");
            } else if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                // Inflate on the holder's behalf: the monitor starts out held by it.
                Monitor m = new Monitor(((CriticalSections) w).thread(), serials.incrementAndGet());
                if (LOCK_WORD.compareAndSet(o, w, (Object) m)) {
                    inflations.increment();
                    if (m.lock()) {
                        parks.increment();
                    }
                    return;
                }
            }
        }
    }

    /** Releases {@code o}'s lock, which {@code me} holds. */
    static void unlock(ObjectHeader o, CriticalSections me) {
        Object w = (Object) LOCK_WORD.compareAndExchange(o, (Object) me, (Object) null);
        if (w == me) {
            return;
        }
        if (w instanceof Monitor m) {
            m.unlock();
            return;
        }
        throw new InterpreterError("an object lock was released by a thread that does not hold it");
    }

    /** True if {@code a} is locked before {@code b} (two distinct objects): the stable order. */
    boolean lockedBefore(ObjectHeader a, ObjectHeader b) {
        return lockedBefore(a, System.identityHashCode(a), b, System.identityHashCode(b));
    }

    /** The stable order for objects with the given identity hashes (separate, so tests can make two equal). */
    boolean lockedBefore(ObjectHeader a, int hashA, ObjectHeader b, int hashB) {
        if (hashA != hashB) {
            return hashA < hashB;
        }
        return monitorOf(a).serial() < monitorOf(b).serial();
    }

    /** {@code o}'s monitor, inflating its lock (free or thin, held by anyone) if need be. */
    Monitor monitorOf(ObjectHeader o) {
        for (;;) {
            Object w = (Object) LOCK_WORD.getAcquire(o);
            if (w instanceof Monitor m) {
                return m;
            }
            Thread holder = w == null ? null : ((CriticalSections) w).thread();
            Monitor m = new Monitor(holder, serials.incrementAndGet());
            if (LOCK_WORD.compareAndSet(o, w, (Object) m)) {
                inflations.increment();
                return m;
            }
        }
    }

    /** Records that a thread released its sections' locks to wait. */
    void countSuspension() {
        suspensions.increment();
    }

    /** The slow-path counters, for {@code LockingStrategy.statistics()}. */
    Map<String, Long> statistics() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("contended", contended.sum());
        // the names every strategy uses for contention, shown by 'interlock compare'
        m.put("waits", contended.sum());
        m.put("wait_nanos", waitNanos.sum());
        m.put("inflations", inflations.sum());
        m.put("parks", parks.sum());
        m.put("suspensions", suspensions.sum());
        return m;
    }
}
