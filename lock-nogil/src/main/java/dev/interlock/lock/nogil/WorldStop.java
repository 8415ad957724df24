package dev.interlock.lock.nogil;

import dev.interlock.api.EvalBreaker;
import dev.interlock.api.ThreadState;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stop-the-world for threads that otherwise never wait for each other: every thread is attached
 * (running bytecode), detached (in a blocking call, or not started) or suspended (held back by a
 * stop), and a requester can bring every other thread to a halt at its next check point.
 *
 * <p>Compare CPython 3.13's {@code _PyEval_StopTheWorld} and {@code _PyEval_StartTheWorld}
 * ({@code Python/pystate.c}): the requester moves detached threads to suspended with a
 * compare-and-set, so they cannot attach, and sets {@link EvalBreaker#STOP_THE_WORLD} in the
 * breaker of attached ones, which detach at their next check point and wait. A thread that
 * attaches while a stop is under way sees the request and steps back (the requester writes the
 * request before it reads the states, the attacher writes its state before it reads the request:
 * one of the two always sees the other). Starting the world moves every suspended thread back to
 * detached and wakes them.
 *
 * <p>Attaching and detaching cost one compare-and-set on the thread's own state word and one
 * volatile read; the lock and condition are used only while a stop is requested.
 */
final class WorldStop {

    static final int DETACHED = 0;
    static final int ATTACHED = 1;
    static final int SUSPENDED = 2;

    private final Set<ThreadState> threads = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Held from a stop to the matching start: one stop at a time. */
    private final ReentrantLock stopper = new ReentrantLock();
    /** The thread that stopped (or is stopping) the world; null while it runs. */
    private volatile ThreadState requester;
    // guarded by lock
    private long stops;
    private long stopNanos;

    /** A thread begins: detached until it attaches. */
    void register(ThreadState ts) {
        ts.setStrategyData(new AtomicInteger(DETACHED));
        threads.add(ts);
    }

    /** A thread has ended (after its last detach). */
    void unregister(ThreadState ts) {
        threads.remove(ts);
        if (requester != null) {
            wake();
        }
    }

    private static AtomicInteger state(ThreadState ts) {
        return (AtomicInteger) ts.strategyData();
    }

    /** The thread's state, for tests and diagnostics. */
    static int stateOf(ThreadState ts) {
        return state(ts).get();
    }

    void attach(ThreadState ts) {
        AtomicInteger st = state(ts);
        for (;;) {
            if (st.compareAndSet(DETACHED, ATTACHED)) {
                ThreadState r = requester;
                if (r == null || r == ts) {
                    return;
                }
                st.set(DETACHED); // a stop is under way: step back and wait for the start
                wake();
            }
            awaitStart(ts, st);
        }
    }

    void detach(ThreadState ts) {
        state(ts).set(DETACHED);
        if (requester != null) {
            wake();
        }
    }

    /** At a check point with {@link EvalBreaker#STOP_THE_WORLD} set: waits out the stop, detached. */
    void pause(ThreadState ts) {
        ts.clearBreak(EvalBreaker.STOP_THE_WORLD);
        ThreadState r = requester;
        if (r != null && r != ts) {
            detach(ts);
            attach(ts);
        }
    }

    private void awaitStart(ThreadState ts, AtomicInteger st) {
        lock.lock();
        try {
            for (;;) {
                ThreadState r = requester;
                if ((r == null || r == ts) && st.get() != SUSPENDED) {
                    return;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops every other thread: returns once none is attached. The caller is attached and must
     * call {@link #start} afterwards, in a {@code finally}.
     */
    void stop(ThreadState ts) {
        if (!stopper.tryLock()) {
            detach(ts); // another stop is under way: let it stop this thread too
            stopper.lock();
            attach(ts);
        }
        long begin = System.nanoTime();
        requester = ts;
        lock.lock();
        try {
            for (;;) {
                boolean running = false;
                for (ThreadState other : threads) {
                    if (other == ts) {
                        continue;
                    }
                    AtomicInteger st = state(other);
                    if (st.compareAndSet(DETACHED, SUSPENDED) || st.get() != ATTACHED) {
                        continue;
                    }
                    other.requestBreak(EvalBreaker.STOP_THE_WORLD);
                    running = true;
                }
                if (!running) {
                    break;
                }
                changed.awaitUninterruptibly();
            }
            stops++;
            stopNanos += System.nanoTime() - begin;
        } finally {
            lock.unlock();
        }
    }

    /** Lets the stopped threads run again. */
    void start(ThreadState ts) {
        if (requester != ts) {
            throw new IllegalStateException("the world was not stopped by " + ts);
        }
        lock.lock();
        try {
            requester = null;
            for (ThreadState other : threads) {
                state(other).compareAndSet(SUSPENDED, DETACHED);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        stopper.unlock();
    }

    long stops() {
        lock.lock();
        try {
            return stops;
        } finally {
            lock.unlock();
        }
    }

    long stopNanos() {
        lock.lock();
        try {
            return stopNanos;
        } finally {
            lock.unlock();
        }
    }

    int threadCount() {
        return threads.size();
    }
}
