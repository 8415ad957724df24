package dev.interlock.lock.finegrained;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The sequence number that lets a container be read without its lock, as a base class of the
 * locked storages (a field of theirs, not one more object per container): writers, which hold the
 * lock, make it odd while they change the container and even again after; a reader notes it,
 * reads, and accepts what it read only if the number was even and has not changed. A reader that
 * overlapped a change reads again under the lock. Compare the version checks of CPython's
 * lock-free {@code list[i]} and {@code d[k]}, and {@link java.util.concurrent.locks.StampedLock}'s
 * optimistic reads.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Ordering, after Boehm's "Can seqlocks get along with programming language memory models?":
 * the writer stores the odd number with release semantics, then a store-store fence, then its
 * changes, then the even number with release semantics; the reader loads the number with acquire semantics, then the
 * data, then a load-load fence, then the number again. A reader that saw any store of a change
 * therefore sees the odd number, or a later one, at its second load. Readers may see a torn
 * container, so what they run between {@link #beginRead} and {@link #validate} must tolerate any state
 * (the plain storages' {@code peek} methods read each array once and never throw) and touch no
 * reference count: an item is counted with a try-increment only after validation.
 *
 * <h2>Costs</h2>
 * A writer adds two plain stores and a compiler-only fence on x86 (a {@code dmb} on ARM) to the
 * lock it holds anyway. A reader pays two loads and no atomic instruction at all, instead of the two
 * compare-and-sets of the lock.
 *
 * <p>Only one writer may be between {@link #beginWrite} and {@link #endWrite} at a time: the
 * container's lock guarantees it, provided the change between them never releases the lock (a
 * change that calls back into Python code does; see {@link LockedMapStorage}).
 */
abstract class Seqlock {

    private static final VarHandle SEQ;

    static {
        try {
            SEQ = MethodHandles.lookup().findVarHandle(Seqlock.class, "seq", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through SEQ
    private long seq;

    /** A reader begins: the number to validate against. */
    final long beginRead() {
        return (long) SEQ.getAcquire(this);
    }

    /** True when no writer was changing the container as {@code s} was read. */
    static boolean isStable(long s) {
        return (s & 1) == 0;
    }

    /** True when the reads since {@link #beginRead} returned {@code s} saw no change. */
    final boolean validate(long s) {
        VarHandle.loadLoadFence();
        return (long) SEQ.getOpaque(this) == s;
    }

    /** A writer, holding the lock, begins a change; returns what {@link #endWrite} needs. */
    final long beginWrite() {
        long s = (long) SEQ.get(this);
        // release: a reader that sees this number also sees what the writer saw before it
        SEQ.setRelease(this, s + 1);
        VarHandle.storeStoreFence();
        return s;
    }

    /** The writer's change is complete. */
    final void endWrite(long s) {
        SEQ.setRelease(this, s + 2);
    }
}
