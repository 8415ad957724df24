package dev.interlock.vm.testing;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.vm.storage.PlainContainerStorage;
import java.util.Map;

/**
 * A strategy that coordinates nothing: attached threads run in parallel and containers use plain,
 * unsynchronized storage. Only for tests of thread-safe memory managers whose threads share no
 * container (they count the same objects from several threads at once). Not a plug-in.
 */
public final class UnlockedStrategy implements LockingStrategy {

    private final ContainerStorage storage;

    public UnlockedStrategy(MemoryManager memory) {
        this.storage = new PlainContainerStorage(memory);
    }

    @Override
    public String name() {
        return "unlocked";
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
