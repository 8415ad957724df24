package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import java.util.Map;

/**
 * The memory manager as the plain storages inside the locked ones see it: every decrement is
 * deferred until the thread has left its outermost critical section ({@link CriticalSections#release}),
 * since a decrement can free an object and run its finalizer, which must not run with a container
 * lock held. Everything else goes straight to the interpreter's manager.
 */
final class ReleaseAfterUnlock implements MemoryManager {

    private final MemoryManager memory;
    private final SectionStacks stacks;

    ReleaseAfterUnlock(MemoryManager memory, SectionStacks stacks) {
        this.memory = requireNonNull(memory, "memory is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
    }

    @Override
    public void decref(ObjectHeader object) {
        if (object.refLocal() < ObjectHeader.IMMORTAL) {
            stacks.current().release(object);
        }
    }

    @Override
    public void incref(ObjectHeader object) {
        memory.incref(object);
    }

    @Override
    public String name() {
        return memory.name();
    }

    @Override
    public boolean isThreadSafe() {
        return memory.isThreadSafe();
    }

    @Override
    public boolean countsReferences() {
        return memory.countsReferences();
    }

    @Override
    public boolean tryIncref(ObjectHeader object) {
        return memory.tryIncref(object);
    }

    @Override
    public long refcount(ObjectHeader object) {
        return memory.refcount(object);
    }

    @Override
    public void makeImmortal(ObjectHeader object) {
        memory.makeImmortal(object);
    }

    @Override
    public boolean isImmortal(ObjectHeader object) {
        return memory.isImmortal(object);
    }

    @Override
    public boolean isFreed(ObjectHeader object) {
        return memory.isFreed(object);
    }

    @Override
    public void handleMergeRequest(ThreadState thread) {
        memory.handleMergeRequest(thread);
    }

    @Override
    public void threadExited(ThreadState thread) {
        memory.threadExited(thread);
    }

    @Override
    public Map<String, Long> statistics() {
        return memory.statistics();
    }
}
