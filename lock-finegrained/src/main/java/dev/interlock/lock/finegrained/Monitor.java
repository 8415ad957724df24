package dev.interlock.lock.finegrained;

import dev.interlock.vm.errors.InterpreterError;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The inflated form of an object's lock: installed in the lock word when a thread finds the thin
 * lock held and has spun long enough, it queues waiting threads and parks them
 * ({@link AbstractQueuedSynchronizer}: state 1 while held, the holder as exclusive owner).
 *
 * <p>Not reentrant on its own: recursion is recorded in the holder's section stack
 * ({@link CriticalSections}), as for the thin form. Each monitor carries a serial number, unique
 * per strategy, which orders two objects whose identity hashes are equal.
 */
final class Monitor extends AbstractQueuedSynchronizer {

    private static final long serialVersionUID = 1L;

    /** How often {@link #lock} retries before it queues and parks. */
    private static final int SPINS = 32;

    private final long serial;

    /**
     * @param holder the thread that holds the thin lock being inflated, or null if it is free
     * @param serial the tie-breaking order of this object among others with the same identity hash
     */
    Monitor(Thread holder, long serial) {
        this.serial = serial;
        if (holder != null) {
            setState(1);
            setExclusiveOwnerThread(holder);
        }
    }

    long serial() {
        return serial;
    }

    /** True when {@code thread} holds this monitor. */
    boolean isHeldBy(Thread thread) {
        return getExclusiveOwnerThread() == thread;
    }

    /** True while some thread holds the monitor. */
    boolean isLocked() {
        return getState() != 0;
    }

    /** Takes the monitor if it is free. */
    boolean tryLock() {
        return tryAcquire(1);
    }

    /**
     * Takes the monitor, waiting as long as it takes; returns true if the thread had to park.
     * Uninterruptible, as a container operation cannot be abandoned halfway.
     */
    boolean lock() {
        for (int i = 0; i < SPINS; i++) {
            if (tryAcquire(1)) {
                return false;
            }
            Thread.onSpinWait();
        }
        acquire(1);
        return true;
    }

    void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        if (getState() == 0 && compareAndSetState(0, 1)) {
            setExclusiveOwnerThread(Thread.currentThread());
            return true;
        }
        return false;
    }

    @Override
    protected boolean tryRelease(int ignored) {
        if (getExclusiveOwnerThread() != Thread.currentThread()) {
            throw new InterpreterError("an object lock was released by a thread that does not hold it");
        }
        setExclusiveOwnerThread(null);
        setState(0);
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getExclusiveOwnerThread() == Thread.currentThread();
    }

    @Override
    public String toString() {
        Thread owner = getExclusiveOwnerThread();
        return "Monitor[#" + serial + ", " + (owner == null ? "free" : "held by " + owner.getName())
                + (hasQueuedThreads() ? ", waiters" : "") + "]";
    }
}
