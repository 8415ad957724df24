package dev.interlock.lock.nogil;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.ThreadState;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Tracer;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The nogil strategy's critical sections: a fixed table of re-entrant locks, an object's section
 * being the lock its identity hash selects, so no object carries a lock of its own (Jython
 * synchronizes on the object itself; a section here begins and ends in separate calls, which a
 * Java monitor cannot do).
 *
 * <h2>Notes about the implementation</h2>
 * <ul>
 *   <li><b>Two objects</b> take their two stripes in index order, one stripe when both share it,
 *       so two threads naming the same pair in opposite orders cannot deadlock.</li>
 *   <li><b>Nesting.</b> A thread that already holds stripes and finds the next one taken does not
 *       wait holding them: it releases every stripe it holds, then takes them all again, with the
 *       new one, in index order. This is PEP 703's rule that critical sections are suspended when
 *       a thread would block; an outer section may therefore see another thread's change at the
 *       point where an inner one had to wait, never in between two of its own steps otherwise.
 *       Taking everything in one global order is what makes it deadlock-free.</li>
 *   <li><b>Waiting is a blocking call.</b> A Python thread that must wait detaches first, so a
 *       stop-the-world request never waits for a thread queued on a stripe.</li>
 *   <li><b>Sharing a stripe</b> between unrelated objects only costs an occasional needless wait:
 *       stripes are re-entrant, and sections on one object already nest.</li>
 * </ul>
 */
final class StripedSections {

    private static final int STRIPES = 256; // a power of two

    /** What one thread holds, innermost last: one entry per {@code lock()} taken. */
    private static final class Held {
        int[] stripes = new int[8];
        int size;

        void push(int s) {
            if (size == stripes.length) {
                stripes = Arrays.copyOf(stripes, size * 2);
            }
            stripes[size++] = s;
        }
    }

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    // slow path only: a thread that found its stripe taken
    private final java.util.concurrent.atomic.LongAdder waits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder waitNanos = new java.util.concurrent.atomic.LongAdder();
    private final ThreadLocal<Held> held = ThreadLocal.withInitial(Held::new);
    private final Waiting waiting;

    /** How a thread that must wait for a stripe leaves and rejoins the running threads. */
    interface Waiting {
        void detach(ThreadState thread);

        void attach(ThreadState thread);
    }

    private final Tracer tracer;

    StripedSections(Waiting waiting, Tracer tracer) {
        this.waiting = requireNonNull(waiting, "waiting is null");
        this.tracer = requireNonNull(tracer, "tracer is null");
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    private static int stripe(Object o) {
        int h = System.identityHashCode(o);
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    void enter(Object o) {
        acquire(held.get(), stripe(o));
    }

    void exit(Object o) {
        release(held.get());
    }

    void enter(Object a, Object b) {
        int x = stripe(a);
        int y = stripe(b);
        Held h = held.get();
        acquire(h, Math.min(x, y));
        if (x != y) {
            acquire(h, Math.max(x, y));
        }
    }

    void exit(Object a, Object b) {
        Held h = held.get();
        release(h);
        if (stripe(a) != stripe(b)) {
            release(h);
        }
    }

    /** True if the current thread holds the stripe of {@code o} (for tests). */
    boolean isHeldByCurrentThread(Object o) {
        return locks[stripe(o)].isHeldByCurrentThread();
    }

    private void acquire(Held h, int s) {
        ReentrantLock lock = locks[s];
        if (h.size == 0) {
            if (!lock.tryLock()) {
                waitFor(() -> lock.lock());
            }
            h.push(s);
            return;
        }
        if (lock.tryLock()) { // also true when this thread holds it already
            h.push(s);
            return;
        }
        // Would wait while holding others: suspend them all, then take everything in index order.
        for (int i = h.size - 1; i >= 0; i--) {
            locks[h.stripes[i]].unlock();
        }
        h.push(s);
        int[] order = Arrays.copyOf(h.stripes, h.size);
        Arrays.sort(order);
        waitFor(() -> {
            for (int t : order) {
                locks[t].lock();
            }
        });
    }

    private void release(Held h) {
        if (h.size == 0) {
            throw new IllegalStateException("a critical section ended that was never begun");
        }
        locks[h.stripes[--h.size]].unlock();
    }

    private void waitFor(Runnable take) {
        waits.increment();
        long start = System.nanoTime();
        ThreadState ts = ThreadState.current();
        try {
            if (ts == null) {
                take.run();
                return;
            }
            tracer.activity(ts, Activity.WAITING_LOCK);
            waiting.detach(ts);
            try {
                take.run();
            } finally {
                waiting.attach(ts);
                tracer.activity(ts, Activity.RUNNING);
            }
        } finally {
            waitNanos.add(System.nanoTime() - start);
        }
    }

    /** Threads that had to wait for a stripe. */
    long waits() {
        return waits.sum();
    }

    /** Time they waited, in nanoseconds. */
    long waitNanos() {
        return waitNanos.sum();
    }
}
