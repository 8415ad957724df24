package dev.interlock.api.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The header every Python object carries: its reference-count words and the slot a locking
 * strategy may use for a per-object lock.
 *
 * <p>Notes about the layout. CPython's free-threaded build gives each object an owner thread
 * id, a local count, a shared count and a one-byte mutex (PEP 703). The header here has the
 * same four slots so that every {@link MemoryManager} and every locking strategy can work on
 * any object without side tables:
 *
 * <ul>
 *   <li>{@code refLocal}: the whole count under the {@code plain} and {@code atomic} managers;
 *       the owner thread's non-atomic count under {@code biased}. A new object starts at 1, the
 *       reference its creator holds.</li>
 *   <li>{@code refShared}: the count other threads keep atomically under {@code biased}.</li>
 *   <li>{@code owner}: the thread that allocated the object (used by {@code biased}).</li>
 *   <li>{@code lockWord}: empty until a strategy installs its lock for this object.</li>
 * </ul>
 *
 * <p>Two values of {@code refLocal} are reserved: counts at or above {@link #IMMORTAL} mark
 * objects that are never counted (None, True, False, small ints, interned strings), and
 * {@link #FREED} marks an object whose count reached zero and that was deallocated. A memory
 * manager that meets a freed object where a live one is required raises {@link FatalError}.
 *
 * <p>The fields are read and written only by the memory manager and the locking strategy in
 * use, through the accessors and {@link VarHandle}s below; the object model never touches them.
 */
public abstract class ObjectHeader {

    /** Counts at or above this value are immortal: increments and decrements are skipped. */
    public static final int IMMORTAL = 0x4000_0000;

    /** The count of a deallocated object. Any further use of the object is a fatal error. */
    public static final int FREED = Integer.MIN_VALUE / 2;

    /** Atomic access to {@code refLocal}, for managers that count with atomics. */
    public static final VarHandle REF_LOCAL;
    /** Atomic access to {@code refShared}, for the shared half of biased counting. */
    public static final VarHandle REF_SHARED;
    /** Compare-and-set access to the lock word, for strategies that inflate locks lazily. */
    public static final VarHandle LOCK_WORD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            REF_LOCAL = lookup.findVarHandle(ObjectHeader.class, "refLocal", int.class);
            REF_SHARED = lookup.findVarHandle(ObjectHeader.class, "refShared", int.class);
            LOCK_WORD = lookup.findVarHandle(ObjectHeader.class, "lockWord", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private int refLocal = 1;
    private int refShared;
    private Thread owner = Thread.currentThread();
    @SuppressWarnings("unused") // accessed through LOCK_WORD
    private Object lockWord;
    private boolean finalized;
    private boolean deallocated;

    /** The local (or only) count, read plainly. */
    public final int refLocal() {
        return refLocal;
    }

    /** Sets the local (or only) count plainly: correct only while one thread counts at a time. */
    public final void setRefLocal(int value) {
        refLocal = value;
    }

    /** The shared count of biased counting, read plainly. */
    public final int refShared() {
        return refShared;
    }

    /** Sets the shared count plainly. */
    public final void setRefShared(int value) {
        refShared = value;
    }

    /** The thread that allocated this object (its owner under biased counting). */
    public final Thread owner() {
        return owner;
    }

    /** Gives the object a new owner, as biased counting does when the owner thread exits. */
    public final void setOwner(Thread thread) {
        owner = thread;
    }

    /** The lock word, read with acquire semantics. */
    public final Object lockWord() {
        return LOCK_WORD.getAcquire(this);
    }

    /** Installs a lock word if none is present; returns whichever lock word is installed after. */
    public final Object installLockWord(Object lock) {
        Object witness = LOCK_WORD.compareAndExchange(this, (Object) null, lock);
        return witness == null ? lock : witness;
    }

    /** True once the object has been deallocated. */
    public final boolean isFreedPlain() {
        return refLocal == FREED;
    }

    /**
     * True once the finalizer has run. As PEP 442 requires, a finalizer runs at most once, even if
     * the object is resurrected and its count reaches zero again.
     */
    public final boolean isFinalized() {
        return finalized;
    }

    /** Records that the finalizer has run. */
    public final void markFinalized() {
        finalized = true;
    }

    /**
     * True once the object has been deallocated: its count reached zero, its finalizer (if any)
     * did not resurrect it, and it released what it held. Unlike the {@link #FREED} count, which
     * a racing non-atomic increment can overwrite, this flag is only ever set, so containers,
     * the reference-count audit and the deallocation protocol itself can rely on it.
     */
    public final boolean isDeallocated() {
        return deallocated;
    }

    /** Records that the object has been deallocated; set once, by the deallocation protocol. */
    public final void markDeallocated() {
        deallocated = true;
    }

    // ---- what a memory manager needs from the object model ----

    /** The Python type name, for error messages such as use-after-free reports. */
    public abstract String typeName();

    /**
     * Calls {@code visitor} once for every counted reference this object holds (its list items,
     * dict keys and values, attribute values...). Used by the reference-count audit and by
     * deallocation. The default holds no references.
     */
    public void traverse(ReferenceVisitor visitor) {
        // a leaf object: no references
    }

    /**
     * Drops every counted reference this object holds, as deallocation does once the count has
     * reached zero. The default drops what {@link #traverse} reports; containers whose storage
     * must also be emptied override it.
     */
    public void releaseReferences(MemoryManager memory) {
        traverse(memory::decref);
    }

    /**
     * True when deallocation must run a finalizer first (a Python {@code __del__}).
     */
    public boolean hasFinalizer() {
        return false;
    }

    /**
     * Runs the finalizer ({@code __del__}). Called with the object temporarily resurrected
     * (count 1); exceptions it raises are reported and swallowed, as CPython does.
     */
    public void runFinalizer() {
        // no finalizer by default
    }
}
