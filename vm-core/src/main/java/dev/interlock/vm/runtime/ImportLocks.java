package dev.interlock.vm.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per module name, held while the module is created and its body runs, so that two
 * threads importing the same module never run it twice and never see it half made: the second
 * waits until the first is done. A thread that imports a module it is itself initializing (a
 * circular import) gets the partial module at once, as in CPython.
 *
 * <p>Compare CPython's {@code importlib._bootstrap}: {@code _ModuleLock} per module,
 * {@code _lock_unlock_module} for a thread that finds a module still initializing, and its
 * deadlock detection: when waiting would close a cycle (thread A initializes X and imports Y,
 * thread B initializes Y and imports X), the import returns the partially initialized module
 * instead of waiting ({@code _DeadlockError} caught in {@code _lock_unlock_module}).
 *
 * <p>Waiting is done detached ({@link Blocking}), so a thread blocked on an import never holds a
 * GIL. Locks are kept for the interpreter's lifetime (one small object per module name), so two
 * threads can never hold two different locks for one name.
 */
final class ImportLocks {

    /** The lock of one module name. */
    static final class ModuleLock {
        private final ReentrantLock lock = new ReentrantLock();
        /** True while the module's body runs (the module is in sys.modules, half made). */
        private volatile boolean initializing;
        private volatile Thread owner;

        boolean isInitializing() {
            return initializing;
        }

        boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }
    }

    private final Map<String, ModuleLock> locks = new ConcurrentHashMap<>();
    /** The module lock each thread is waiting for, for deadlock detection. */
    private final Map<Thread, ModuleLock> waiting = new ConcurrentHashMap<>();

    /** The lock for a module name. */
    ModuleLock of(String name) {
        return locks.computeIfAbsent(name, n -> new ModuleLock());
    }

    /**
     * Takes the lock, waiting detached if another thread holds it. Returns false, without the
     * lock, if waiting would deadlock: the holder is (transitively) waiting for a module the
     * calling thread holds.
     */
    boolean acquire(ModuleLock m, PyThreadState ts) {
        if (m.lock.tryLock()) {
            m.owner = Thread.currentThread();
            return true;
        }
        Thread me = Thread.currentThread();
        if (wouldDeadlock(m, me)) {
            return false;
        }
        waiting.put(me, m);
        try {
            Blocking.run(ts, m.lock::lockInterruptibly);
        } finally {
            waiting.remove(me);
        }
        m.owner = me;
        return true;
    }

    private boolean wouldDeadlock(ModuleLock m, Thread me) {
        int hops = 0;
        for (ModuleLock x = m; x != null && hops <= waiting.size(); hops++) {
            Thread holder = x.owner;
            if (holder == null) {
                return false;
            }
            if (holder == me) {
                return true;
            }
            x = waiting.get(holder);
        }
        return false;
    }

    /** Marks whether the module's body is running. Call holding the lock. */
    void setInitializing(ModuleLock m, boolean value) {
        m.initializing = value;
    }

    void release(ModuleLock m) {
        m.owner = null;
        m.lock.unlock();
    }

    /**
     * Waits until a module another thread is initializing is done (CPython's
     * {@code _lock_unlock_module}): takes and releases its lock. Returns at once on a deadlock.
     */
    void awaitInitialized(ModuleLock m, PyThreadState ts) {
        if (acquire(m, ts)) {
            release(m);
        }
    }
}
