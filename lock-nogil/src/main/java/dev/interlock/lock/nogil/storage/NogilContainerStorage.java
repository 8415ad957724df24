package dev.interlock.lock.nogil.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;

/**
 * Storage for every container of an interpreter without a GIL: lists with locked writes and
 * lock-free reads, insertion-ordered maps (dicts and namespaces alike) and sets with lock-free
 * lookups and Python equality outside every lock. Nothing here is shared between containers
 * except the tie-breaking lock two lists take when their identity hashes collide, so creating a
 * container touches no shared counter.
 */
public final class NogilContainerStorage implements ContainerStorage {

    private final MemoryManager memory;
    private final Object listTieLock = new Object();

    public NogilContainerStorage(MemoryManager memory) {
        this.memory = requireNonNull(memory, "memory is null");
    }

    @Override
    public <E extends ObjectHeader> ListStorage<E> newList(ObjectHeader owner, int capacity) {
        return new ConcurrentListStorage<>(memory, capacity, listTieLock);
    }

    @Override
    public <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> newMap(ObjectHeader owner, KeyOps<K> keys,
            int capacity) {
        return new ConcurrentMapStorage<>(memory, keys, capacity);
    }

    @Override
    public <K extends ObjectHeader> SetStorage<K> newSet(ObjectHeader owner, KeyOps<K> keys, int capacity) {
        return new LockedSetStorage<>(memory, keys, capacity);
    }
}
