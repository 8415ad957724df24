package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.trace.Tracer;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * No global lock: each container has its own, as in free-threaded CPython (PEP 703).
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Compare CPython 3.13's {@code Include/internal/pycore_critical_section.h},
 * {@code Python/critical_section.c} and {@code Python/lock.c}.
 *
 * <ul>
 *   <li><b>Attached threads run bytecode in parallel.</b> Attach and detach take no lock; the
 *       eval loop runs strategy-blind and polls the breaker only for what other threads ask (a
 *       reference-count merge for the {@code biased} manager).</li>
 *   <li><b>A lock per object</b> lives in the object's header word ({@link ObjectLocks}): empty
 *       until first used, a thin lock taken with one compare-and-set, inflated to a parking
 *       {@link Monitor} only once contended.</li>
 *   <li><b>Every container operation is a critical section</b> on its container
 *       ({@link LockedListStorage}, {@link LockedMapStorage}, {@link LockedSetStorage}); a
 *       compound operation on two containers ({@code a.extend(b)}, {@code d.update(e)},
 *       {@code a == b}, {@code a + b}) is one section on both, locked in a stable order (identity
 *       hash, then a serial number). Sections nest; an object already locked by an enclosing
 *       section is re-entered without locking.</li>
 *   <li><b>Waiting suspends sections.</b> Deadlock is avoided as CPython avoids it, not by lock
 *       ordering alone: a thread about to wait — for a contended object lock, or in a blocking
 *       call ({@link #detach}) — first releases the locks of every section it is in, and re-takes
 *       its innermost section's locks when it goes on ({@link CriticalSections}). No thread ever
 *       waits while holding a container lock another thread could want, beyond the lower lock of
 *       the two-object section it is entering.</li>
 *   <li><b>No Python code under a container lock</b> from the storage: a key comparison that can
 *       run {@code __eq__} releases every lock around the call and the table is re-validated
 *       after ({@link SuspendingKeyOps}); references a storage operation drops are given back,
 *       possibly running {@code __del__}, only after the thread's outermost section has ended
 *       ({@link ReleaseAfterUnlock}).</li>
 * </ul>
 *
 * <p>Why both the Jython rule (never call Python code holding a container lock) and PEP 703's
 * suspension: the rule keeps lock hold times short and is what the storage contract asks, but
 * code that enters sections can still run Python code inside one in corner cases (the finalizer of
 * an element another thread removed while a comparison had the locks released; native code to
 * come); suspension makes the absence of deadlock a property of the strategy rather than of every
 * caller's care. See {@code docs/FINEGRAINED.md}.
 *
 * <h2>Invariants</h2>
 * A container is changed only by a thread holding its lock, so a list never loses an appended
 * item and a dict never invents or drops a key. A thread holds a lock only while it runs code; the
 * locks it holds while waiting are at most the lower one of a two-object section being entered.
 * A section is atomic as long as the code inside it does not wait (the PEP 703 caveat).
 *
 * <h2>Costs</h2>
 * Bytecode that touches no container pays nothing: no lock, no barrier. Each container operation
 * pays two compare-and-sets on the container's header (one to lock, one to unlock) and a push and
 * pop on the thread's section stack. Contention costs a bounded spin, then a monitor per contended
 * object (never deflated), then parking. Reads take the lock too (see the storages' notes).
 *
 * <p>Missing: stop-the-world pauses (no collector needs them here: {@link EvalBreaker#STOP_THE_WORLD}
 * is cleared unanswered); lock-free optimistic reads; the critical sections CPython takes inside
 * type and module machinery outside containers (attribute caches, imports).
 */
public final class FinegrainedLockingStrategy implements LockingStrategy {

    private final ObjectLocks locks;
    private final SectionStacks stacks;
    private final ContainerStorage storage;
    private final LongAdder threads = new LongAdder();
    private final LongAdder abandonedSections = new LongAdder();

    public FinegrainedLockingStrategy(MemoryManager memory, StrategyOptions options) {
        this(memory, options, Tracer.OFF);
    }

    @Inject
    public FinegrainedLockingStrategy(MemoryManager memory, StrategyOptions options, Tracer tracer) {
        requireNonNull(memory, "memory is null");
        requireNonNull(options, "options is null");
        this.locks = new ObjectLocks(requireNonNull(tracer, "tracer is null"));
        this.stacks = new SectionStacks(locks, memory);
        this.storage = new FinegrainedStorage(memory, stacks);
    }

    @Override
    public String name() {
        return FinegrainedPlugin.NAME;
    }

    @Override
    public CheckPoints checkPoints() {
        return CheckPoints.CALLS_AND_BACKWARD_JUMPS;
    }

    @Override
    public boolean serializesBytecode() {
        return false;
    }

    @Override
    public ContainerStorage storage() {
        return storage;
    }

    @Override
    public void threadStarted(ThreadState thread) {
        stacks.register(thread);
        threads.increment();
    }

    @Override
    public void threadExited(ThreadState thread) {
        int open = stacks.unregister(thread);
        if (open != 0) {
            abandonedSections.add(open);
        }
    }

    /** Goes on after a blocking call: re-takes the innermost critical section's locks. */
    @Override
    public void attach(ThreadState thread) {
        SectionStacks.of(thread).resume();
    }

    /** Before a blocking call: releases the locks of every critical section (PEP 703). */
    @Override
    public void detach(ThreadState thread) {
        SectionStacks.of(thread).suspendAll();
    }

    @Override
    public void handleEvalBreaker(ThreadState thread) {
        // Nothing here stops the world; a request from elsewhere needs no answer.
        thread.clearBreak(EvalBreaker.STRATEGY_MASK);
    }

    @Override
    public void enterCriticalSection(ObjectHeader object) {
        stacks.current().enter(object);
    }

    @Override
    public void exitCriticalSection(ObjectHeader object) {
        stacks.current().exit(object);
    }

    @Override
    public void enterCriticalSection(ObjectHeader first, ObjectHeader second) {
        stacks.current().enter(first, second);
    }

    @Override
    public void exitCriticalSection(ObjectHeader first, ObjectHeader second) {
        stacks.current().exit(first, second);
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> m = new LinkedHashMap<>(locks.statistics());
        m.put("threads", threads.sum());
        m.put("abandoned_sections", abandonedSections.sum());
        return m;
    }

    /** The lock protocol, for tests. */
    ObjectLocks locks() {
        return locks;
    }

    /** The calling thread's sections, for tests. */
    CriticalSections sections() {
        return stacks.current();
    }
}
