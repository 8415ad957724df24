package dev.interlock.vm.testing;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.vm.storage.PlainContainerStorage;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The simplest strategy that keeps the VM's invariants, for vm-core's own tests: one fair lock
 * held while a thread is attached. It never asks a thread to give the lock up, so a CPU-bound
 * thread runs until it blocks or ends; every thread still finishes. Not a plug-in.
 */
public final class SerialStrategy implements LockingStrategy {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final ContainerStorage storage;
    private final CheckPoints checkPoints;

    public SerialStrategy(MemoryManager memory, CheckPoints checkPoints) {
        this.storage = new PlainContainerStorage(memory);
        this.checkPoints = checkPoints;
    }

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public CheckPoints checkPoints() {
        return checkPoints;
    }

    @Override
    public boolean serializesBytecode() {
        return true;
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
        lock.lock();
    }

    @Override
    public void detach(ThreadState thread) {
        lock.unlock();
    }

    @Override
    public void handleEvalBreaker(ThreadState thread) {
        thread.clearBreak(dev.interlock.api.EvalBreaker.STRATEGY_MASK);
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
