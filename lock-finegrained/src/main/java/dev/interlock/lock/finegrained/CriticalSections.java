package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.errors.InterpreterError;
import java.util.Arrays;

/**
 * One thread's critical sections: a stack of the one- and two-object sections it is in, the
 * token its thin locks carry, and the references its container operations gave back while it held
 * locks. Only its own thread touches it.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Compare CPython's {@code Python/critical_section.c} (PEP 703). A thread that has to wait —
 * for a contended object lock, or in a blocking call (it detaches) — first <em>suspends</em> every
 * section it is in: it releases their locks, remembering which sections they belonged to. When
 * it goes on, it re-takes only the locks of its innermost section; an outer section's locks are
 * re-taken when the sections inside it have ended. So a thread never waits while it holds a
 * container lock, except the first lock of the two-object section it is entering, which precedes
 * the awaited one in the stable order ({@link ObjectLocks#lockedBefore}): no cycle of waiting
 * threads can form, whatever the nesting, whichever Python code runs inside a section (a
 * {@code __eq__}, a finalizer) and whatever it blocks on. The price, as in CPython: a section is
 * atomic only as long as the code inside it does not wait.
 *
 * <p>The stack: entry {@code i} is a section on {@code firsts[i]} (and {@code seconds[i]} for two
 * objects), and {@code holds[i]} says which of the two locks that entry took; an entry re-entering
 * a lock an enclosing section holds takes nothing (recursion is counted here, not in the lock).
 * Suspended entries are always the bottom {@code suspended} ones; the top entry is never
 * suspended while the thread runs code. An entry with no object marks a callback into Python code
 * from inside a storage operation ({@link #beginCallback}): everything below it stays released
 * until the callback returns.
 *
 * <p>Released references: a storage operation that drops a reference (an overwritten dict value,
 * the items of a cleared list) hands it to {@link #release}, which gives it back once the thread
 * has left its outermost section, so a finalizer never runs with a container lock held.
 */
final class CriticalSections {

    private static final byte FIRST = 1;
    private static final byte SECOND = 2;

    private final Thread thread;
    private final ObjectLocks locks;
    private final MemoryManager memory;

    private ObjectHeader[] firsts = new ObjectHeader[8];
    private ObjectHeader[] seconds = new ObjectHeader[8];
    private byte[] holds = new byte[8];
    private int depth;
    private int suspended;

    private ObjectHeader[] releases = new ObjectHeader[8];
    private int releaseCount;
    /** A cleared buffer to swap in at the next flush. */
    private ObjectHeader[] spare;

    CriticalSections(Thread thread, ObjectLocks locks, MemoryManager memory) {
        this.thread = requireNonNull(thread, "thread is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    /** The thread these sections belong to. */
    Thread thread() {
        return thread;
    }

    /** How many sections the thread is in. */
    int depth() {
        return depth;
    }

    // ------------------------------------------------------------------ one object

    /** Begins a section on {@code o}. */
    void enter(ObjectHeader o) {
        int d = depth;
        if (d == firsts.length) {
            grow();
        }
        int r = ObjectLocks.tryLock(o, this);
        if (r == ObjectLocks.BUSY) {
            suspendAll();
            locks.lock(o, this);
            r = ObjectLocks.ACQUIRED;
        }
        firsts[d] = o;
        seconds[d] = null;
        holds[d] = r == ObjectLocks.ACQUIRED ? FIRST : 0;
        depth = d + 1;
    }

    /** Ends the innermost section, which must be on {@code o} alone. */
    void exit(ObjectHeader o) {
        int d = depth - 1;
        if (d < 0 || firsts[d] != o || seconds[d] != null) {
            throw outOfOrder();
        }
        if ((holds[d] & FIRST) != 0) {
            ObjectLocks.unlock(o, this);
        }
        pop(d);
    }

    // ------------------------------------------------------------------ two objects

    /** Begins a section on {@code a} and {@code b}, locked in the stable order. */
    void enter(ObjectHeader a, ObjectHeader b) {
        if (a == b) {
            enter(a);
            seconds[depth - 1] = b;
            return;
        }
        int d = depth;
        if (d == firsts.length) {
            grow();
        }
        boolean aFirst = locks.lockedBefore(a, b);
        ObjectHeader lo = aFirst ? a : b;
        ObjectHeader hi = aFirst ? b : a;
        byte held;
        int rLo = ObjectLocks.tryLock(lo, this);
        int rHi = rLo == ObjectLocks.BUSY ? ObjectLocks.BUSY : ObjectLocks.tryLock(hi, this);
        if (rHi != ObjectLocks.BUSY) {
            held = (byte) ((rLo == ObjectLocks.ACQUIRED ? (aFirst ? FIRST : SECOND) : 0)
                    | (rHi == ObjectLocks.ACQUIRED ? (aFirst ? SECOND : FIRST) : 0));
        } else {
            if (rLo == ObjectLocks.ACQUIRED) {
                ObjectLocks.unlock(lo, this);
            }
            // Wait holding nothing but lo, which precedes hi in the stable order.
            suspendAll();
            locks.lock(lo, this);
            locks.lock(hi, this);
            held = FIRST | SECOND;
        }
        firsts[d] = a;
        seconds[d] = b;
        holds[d] = held;
        depth = d + 1;
    }

    /** Ends the innermost section, which must be on {@code a} and {@code b}, named in that order. */
    void exit(ObjectHeader a, ObjectHeader b) {
        int d = depth - 1;
        if (d < 0 || firsts[d] != a || seconds[d] != b) {
            throw outOfOrder();
        }
        byte h = holds[d];
        if ((h & SECOND) != 0) {
            ObjectLocks.unlock(b, this);
        }
        if ((h & FIRST) != 0) {
            ObjectLocks.unlock(a, this);
        }
        pop(d);
    }

    // ------------------------------------------------------------------ suspension

    /**
     * Releases the locks of every section the thread is in, before it waits. Compare CPython
     * {@code _PyCriticalSection_SuspendAll}.
     */
    void suspendAll() {
        if (suspended == depth) {
            return;
        }
        for (int i = depth - 1; i >= suspended; i--) {
            byte h = holds[i];
            if ((h & SECOND) != 0) {
                ObjectLocks.unlock(seconds[i], this);
            }
            if ((h & FIRST) != 0) {
                ObjectLocks.unlock(firsts[i], this);
            }
            holds[i] = 0;
        }
        suspended = depth;
        locks.countSuspension();
    }

    /**
     * Re-takes the innermost section's locks if they were suspended, when the thread goes on after
     * waiting. Compare CPython {@code _PyCriticalSection_Resume}.
     */
    void resume() {
        if (depth > 0 && suspended == depth) {
            resumeTop();
        }
    }

    /**
     * Releases every lock before a storage operation calls back into Python code (a key's
     * {@code __eq__}), and keeps them released until {@link #endCallback}: a marker entry, holding
     * nothing, stops sections that the Python code begins and ends from resuming those below it.
     */
    void beginCallback() {
        suspendAll();
        int d = depth;
        if (d == firsts.length) {
            grow();
        }
        firsts[d] = null;
        seconds[d] = null;
        holds[d] = 0;
        depth = d + 1;
    }

    /** Ends what {@link #beginCallback} began: re-takes the locks of the section below the marker. */
    void endCallback() {
        int d = depth - 1;
        if (d < 0 || firsts[d] != null) {
            throw outOfOrder();
        }
        pop(d);
    }

    /** Takes the top entry's locks; every entry below is suspended, so the thread holds nothing else. */
    private void resumeTop() {
        int t = depth - 1;
        ObjectHeader a = firsts[t];
        ObjectHeader b = seconds[t];
        if (a == null) {
            // a callback marker: nothing to take
        } else if (b == null || b == a) {
            locks.lock(a, this);
            holds[t] = FIRST;
        } else if (locks.lockedBefore(a, b)) {
            locks.lock(a, this);
            locks.lock(b, this);
            holds[t] = FIRST | SECOND;
        } else {
            locks.lock(b, this);
            locks.lock(a, this);
            holds[t] = FIRST | SECOND;
        }
        suspended = t;
    }

    private void pop(int d) {
        firsts[d] = null;
        seconds[d] = null;
        holds[d] = 0;
        depth = d;
        if (d == 0) {
            if (releaseCount != 0) {
                flushReleases();
            }
        } else if (suspended == d) {
            resumeTop();
        }
    }

    // ------------------------------------------------------------------ released references

    /**
     * Gives back a reference a storage operation dropped: now if the thread is in no section, else
     * once it has left the outermost one.
     */
    void release(ObjectHeader o) {
        if (depth == 0) {
            memory.decref(o);
            return;
        }
        if (releaseCount == releases.length) {
            releases = Arrays.copyOf(releases, releaseCount * 2);
        }
        releases[releaseCount++] = o;
    }

    /**
     * Gives back what was released, in order. Each release completes before the next begins, as
     * when the plain storage releases them: a finalizer run by one of them that drops references
     * inside its own sections flushes only those, into a fresh buffer.
     */
    private void flushReleases() {
        ObjectHeader[] batch = releases;
        int n = releaseCount;
        releases = spare != null ? spare : new ObjectHeader[8];
        spare = null;
        releaseCount = 0;
        for (int i = 0; i < n; i++) {
            ObjectHeader o = batch[i];
            batch[i] = null;
            memory.decref(o);
        }
        if (spare == null && batch.length <= 1024) {
            spare = batch;
        }
    }

    // ------------------------------------------------------------------ housekeeping

    /**
     * Releases whatever is still held when the thread ends (a section a bug left open); returns how
     * many sections were open.
     */
    int abandon() {
        int open = depth;
        suspendAll();
        Arrays.fill(firsts, null);
        Arrays.fill(seconds, null);
        depth = 0;
        suspended = 0;
        if (releaseCount != 0) {
            flushReleases();
        }
        return open;
    }

    private void grow() {
        int n = firsts.length * 2;
        firsts = Arrays.copyOf(firsts, n);
        seconds = Arrays.copyOf(seconds, n);
        holds = Arrays.copyOf(holds, n);
    }

    private InterpreterError outOfOrder() {
        return new InterpreterError("critical sections ended out of order on thread " + thread.getName());
    }

    @Override
    public String toString() {
        return "CriticalSections[" + thread.getName() + ", depth " + depth + ", suspended " + suspended + "]";
    }
}
