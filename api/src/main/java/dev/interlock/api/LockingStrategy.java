package dev.interlock.api;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import java.util.Map;

/**
 * How Python threads share one interpreter. The shared eval loop calls a strategy at a handful
 * of points and nowhere else; it never asks which strategy it runs.
 *
 * <h2>The calls</h2>
 * <ul>
 *   <li><b>attach / detach.</b> A thread attaches before it runs any bytecode (at thread start)
 *       and detaches when it ends. It also detaches around every blocking call ({@code time.sleep},
 *       {@code Thread.join}, a contended {@code Lock.acquire}, I/O) and attaches again after.
 *       Under a GIL these are take and drop. Between detach and attach a thread touches no
 *       Python object. Compare {@code Py_BEGIN_ALLOW_THREADS} in CPython.</li>
 *   <li><b>The eval breaker.</b> At each check point ({@link #checkPoints()}) the loop reads the
 *       thread's breaker word; when a bit of {@link EvalBreaker#STRATEGY_MASK} is set it calls
 *       {@link #handleEvalBreaker}. A strategy sets bits in other threads' words to ask them
 *       something (drop the GIL, stop the world).</li>
 *   <li><b>Critical sections.</b> Compound operations on one container, or on two at once,
 *       run inside {@link #enterCriticalSection}/{@link #exitCriticalSection}. Two objects are
 *       always locked in a stable order, so two threads naming them in opposite orders cannot
 *       deadlock. Under a GIL these are empty and the JIT removes them.</li>
 *   <li><b>Container storage.</b> {@link #storage()} backs every list, dict and namespace.</li>
 * </ul>
 *
 * <h2>Invariants every strategy keeps</h2>
 * No crash and no Java exception escaping to the user; no corrupted container (a list never
 * loses an appended item, a dict never invents or drops a key under concurrent single
 * operations); no deadlock introduced by the strategy itself. What may differ between strategies
 * is only what CPython, free-threaded CPython and Jython document: lost updates in compound
 * operations such as {@code n += 1}, the interleaving of output, and iteration over a container
 * another thread changes.
 */
public interface LockingStrategy extends AutoCloseable {

    /** The name the user selects it by ({@code --lock NAME}). */
    String name();

    /** Where the eval loop polls the breaker for this run. */
    CheckPoints checkPoints();

    /**
     * True when at most one thread runs bytecode at any moment, so that a memory manager that
     * counts without atomics stays correct.
     */
    boolean serializesBytecode();

    /** The storage that backs containers under this strategy. */
    ContainerStorage storage();

    /**
     * A Python thread begins: called on that thread before its first {@link #attach}.
     */
    void threadStarted(ThreadState thread);

    /** A Python thread has ended: called on that thread after its last {@link #detach}. */
    void threadExited(ThreadState thread);

    /** The calling thread enters the interpreter; may block (taking the GIL). */
    void attach(ThreadState thread);

    /** The calling thread leaves the interpreter, for a blocking call or for good. */
    void detach(ThreadState thread);

    /**
     * Handles the strategy's bits of the calling thread's breaker word and clears them. Called
     * only at check points, only when one of {@link EvalBreaker#STRATEGY_MASK} is set.
     */
    void handleEvalBreaker(ThreadState thread);

    /** Begins a critical section on one object. Sections nest; re-entering one object is allowed. */
    void enterCriticalSection(ObjectHeader object);

    /** Ends the section begun by the matching {@link #enterCriticalSection(ObjectHeader)}. */
    void exitCriticalSection(ObjectHeader object);

    /** Begins a critical section on two objects, locked in a stable order whatever order they are named in. */
    void enterCriticalSection(ObjectHeader first, ObjectHeader second);

    /** Ends the section begun by the matching {@link #enterCriticalSection(ObjectHeader, ObjectHeader)}. */
    void exitCriticalSection(ObjectHeader first, ObjectHeader second);

    /**
     * Counters describing this run so far (for example {@code switches}, {@code drop_requests},
     * {@code waits}, {@code wait_nanos}); names are stable, values monotonic.
     */
    Map<String, Long> statistics();

    /** Releases anything the strategy holds once the interpreter has shut down. */
    @Override
    default void close() {
        // nothing to release by default
    }
}
