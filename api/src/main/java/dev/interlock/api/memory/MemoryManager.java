package dev.interlock.api.memory;

import dev.interlock.api.ThreadState;

/**
 * How Python objects are reference counted: the {@code plain}, {@code atomic}, {@code biased}
 * and {@code tracing} managers implement this, and one is chosen by name at start-up.
 *
 * <p>The contract, as CPython's {@code Py_INCREF}/{@code Py_DECREF}:
 * <ul>
 *   <li>Every counted reference (a value-stack slot, a fast local, a global, a container slot,
 *       an attribute) was taken with {@link #incref} or came from an allocation, and is given back
 *       exactly once with {@link #decref}.</li>
 *   <li>Immortal objects are never counted and never deallocated.</li>
 *   <li>When a count reaches zero the object is deallocated: its finalizer runs, it is marked
 *       freed, and the references it holds are released. Any later use of it raises
 *       {@link FatalError} naming its type and the thread: use-after-free is detected, never a
 *       silent corruption.</li>
 * </ul>
 *
 * <p>A manager whose {@link #isThreadSafe()} is false is correct only when the locking strategy
 * serializes bytecode; the runtime refuses the combination unless the user explicitly allows it.
 */
public interface MemoryManager {

    /** The name the user selects it by ({@code --memory NAME}). */
    String name();

    /** True when counts stay exact with threads running in parallel. */
    boolean isThreadSafe();

    /** False for {@code tracing}, which leaves reclamation to the JVM and keeps no counts. */
    boolean countsReferences();

    /** Takes a new reference. */
    void incref(ObjectHeader object);

    /** Gives a reference back; deallocates the object when it was the last one. */
    void decref(ObjectHeader object);

    /**
     * Takes a new reference unless the object is already being deallocated; the optimistic read
     * of free-threaded CPython (load, try-increment, re-check). Returns false if it was too late.
     */
    boolean tryIncref(ObjectHeader object);

    /** The count as {@code sys.getrefcount} reports it (shared and local halves merged). */
    long refcount(ObjectHeader object);

    /** Makes the object immortal: it is never counted or deallocated again. */
    void makeImmortal(ObjectHeader object);

    /** True for immortal objects. */
    boolean isImmortal(ObjectHeader object);

    /** True once the object has been deallocated. */
    boolean isFreed(ObjectHeader object);

    /**
     * Called at a check point when the thread's eval breaker carries
     * {@link dev.interlock.api.EvalBreaker#REFCOUNT_MERGE}: merge the counts queued for this
     * thread. Managers without deferred work do nothing.
     */
    default void handleMergeRequest(ThreadState thread) {
        // nothing queued by default
    }

    /**
     * Called on the thread that starts a new Python thread, just before {@code thread} runs (the
     * first call is for the interpreter's main thread). A manager that counts without atomics
     * while only one thread runs switches to atomics here, before the second thread starts: the
     * start orders the switch before everything the new thread does, and the thread making the
     * call is the only one that could have been counting.
     */
    default void threadStarting(Thread thread) {
        // nothing to prepare by default
    }

    /**
     * Marks an object that threads share and reach on every call: a function defined at module or
     * class level, a code object, a module, a class, a built-in function of a module. Free-threaded
     * CPython counts such objects lazily (deferred reference counting, PEP 703), and 3.13 makes them
     * immortal once a second thread starts ({@code _PyGC_ImmortalizeDeferredObjects}), so that
     * threads calling one function do not all write its count. A manager may do the same; by
     * default they are counted like any object, which keeps {@code sys.getrefcount} exact.
     */
    default void deferred(ObjectHeader object) {
        // counted like any other object by default
    }

    /**
     * Says that {@code object}, to which the caller holds a reference, has just been stored where
     * threads that do not own it read it without a lock and count it with {@link #tryIncref}: a
     * shared field, a concurrent container. A manager whose try-increment refuses objects that
     * no other thread has counted yet (biased counting) marks the object here so that those reads
     * can succeed. Compare CPython's {@code _PyObject_SetMaybeWeakref}. Nothing to do by default.
     */
    default void share(ObjectHeader object) {
        // every live object can be try-incremented by default
    }

    /** Called when a Python thread ends, so per-thread counting state can be handed over. */
    default void threadExited(ThreadState thread) {
        // no per-thread state by default
    }

    /**
     * Counters for statistics, when the manager was created to keep them
     * ({@link MemoryManagerPlugin#create(boolean)}); empty otherwise. The names are stable:
     * {@code increfs}, {@code decrefs} and {@code deallocations} (immortal objects are not
     * counted, as they are not counted at all); a manager may add its own (such as
     * {@code merges}).
     */
    default java.util.Map<String, Long> statistics() {
        return java.util.Map.of();
    }
}
