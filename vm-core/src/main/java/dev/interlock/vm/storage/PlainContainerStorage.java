package dev.interlock.vm.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;

/**
 * Unsynchronized storage for every container: what a strategy that serializes bytecode (a GIL)
 * needs, and the base a per-object-lock strategy wraps.
 */
public final class PlainContainerStorage implements ContainerStorage {

    private final MemoryManager memory;

    public PlainContainerStorage(MemoryManager memory) {
        this.memory = requireNonNull(memory, "memory is null");
    }

    @Override
    public <E extends ObjectHeader> ListStorage<E> newList(ObjectHeader owner, int capacity) {
        return new PlainListStorage<>(memory, capacity);
    }

    @Override
    public <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> newMap(ObjectHeader owner, KeyOps<K> keys, int capacity) {
        return new PlainMapStorage<>(memory, keys, capacity);
    }

    @Override
    public <K extends ObjectHeader> SetStorage<K> newSet(ObjectHeader owner, KeyOps<K> keys, int capacity) {
        return new PlainSetStorage<>(memory, keys, capacity);
    }
}
