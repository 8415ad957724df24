package dev.interlock.vm.testing;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.vm.storage.PlainContainerStorage;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A strategy that lets every thread run bytecode at once, for vm-core's own tests: no interpreter
 * lock at all, containers kept whole by {@link SynchronizedContainerStorage}. Paired with the
 * {@code plain} memory manager it is the unsafe combination of the reference-count race: counts
 * are changed by several threads with plain loads and stores, so updates are lost. Not a plug-in
 * (the conformance module would otherwise run the corpus under it); a stand-in until the
 * {@code nogil} strategy is available to vm-core's tests.
 *
 * <h2>Notes about the implementation</h2>
 * Attach and detach do nothing; the eval breaker only ever carries the interpreter's own bits
 * (a fatal stop) and strategy bits are cleared; critical sections are empty because each storage
 * operation holds its storage's monitor.
 */
public final class ParallelStrategy implements LockingStrategy {

    private final String name;
    private final ContainerStorage storage;

    @Inject
    public ParallelStrategy(MemoryManager memory) {
        this("parallel", new SynchronizedContainerStorage(requireNonNull(memory, "memory is null")));
    }

    private ParallelStrategy(String name, ContainerStorage storage) {
        this.name = name;
        this.storage = storage;
    }

    /**
     * The same strategy over plain, unsynchronized container storage: nothing at all is
     * coordinated. Only for tests of thread-safe memory managers whose threads share no container
     * (they count the same objects from several threads at once).
     */
    public static ParallelStrategy unlocked(MemoryManager memory) {
        return new ParallelStrategy("unlocked", new PlainContainerStorage(requireNonNull(memory, "memory is null")));
    }

    @Override
    public String name() {
        return name;
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
    }

    @Override
    public void threadExited(ThreadState thread) {
    }

    @Override
    public void attach(ThreadState thread) {
    }

    @Override
    public void detach(ThreadState thread) {
    }

    @Override
    public void handleEvalBreaker(ThreadState thread) {
        thread.clearBreak(EvalBreaker.STRATEGY_MASK);
    }

    @Override
    public void enterCriticalSection(ObjectHeader object) {
    }

    @Override
    public void exitCriticalSection(ObjectHeader object) {
    }

    @Override
    public void enterCriticalSection(ObjectHeader first, ObjectHeader second) {
    }

    @Override
    public void exitCriticalSection(ObjectHeader first, ObjectHeader second) {
    }

    @Override
    public Map<String, Long> statistics() {
        return Map.of();
    }
}
