package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;
import dev.interlock.vm.storage.PlainListStorage;
import dev.interlock.vm.storage.PlainMapStorage;
import dev.interlock.vm.storage.PlainSetStorage;

/**
 * Container storage for the {@code finegrained} strategy: vm-core's plain storage, with CPython's
 * layouts, guarded by the container's own lock. The plain storage counts through
 * {@link ReleaseAfterUnlock} and compares keys through {@link SuspendingKeyOps}, so that neither a
 * finalizer nor a key's {@code __eq__} runs with the lock held.
 */
final class FinegrainedStorage implements ContainerStorage {

    private final SectionStacks stacks;
    private final MemoryManager memory;
    private final MemoryManager releasing;
    /** The wrapper of the last key semantics seen: an interpreter passes the same ones for every dict. */
    private volatile SuspendingKeyOps<?> lastKeys;

    FinegrainedStorage(MemoryManager memory, SectionStacks stacks) {
        this.memory = requireNonNull(memory, "memory is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
        this.releasing = new ReleaseAfterUnlock(memory, stacks);
    }

    @Override
    public <E extends ObjectHeader> ListStorage<E> newList(ObjectHeader owner, int capacity) {
        return new LockedListStorage<>(owner, new PlainListStorage<>(releasing, capacity), stacks, memory);
    }

    @Override
    public <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> newMap(ObjectHeader owner, KeyOps<K> keys, int capacity) {
        SuspendingKeyOps<K> wrapped = suspending(keys);
        return new LockedMapStorage<>(owner, new PlainMapStorage<>(releasing, wrapped, capacity), wrapped, stacks, memory);
    }

    @Override
    public <K extends ObjectHeader> SetStorage<K> newSet(ObjectHeader owner, KeyOps<K> keys, int capacity) {
        return new LockedSetStorage<>(owner, new PlainSetStorage<>(releasing, suspending(keys), capacity), stacks);
    }

    @SuppressWarnings("unchecked")
    private <K extends ObjectHeader> SuspendingKeyOps<K> suspending(KeyOps<K> keys) {
        SuspendingKeyOps<?> last = lastKeys;
        if (last != null && last.keys() == keys) {
            return (SuspendingKeyOps<K>) last;
        }
        SuspendingKeyOps<K> wrapped = new SuspendingKeyOps<>(keys, stacks, memory);
        lastKeys = wrapped;
        return wrapped;
    }
}
