package dev.interlock.api.storage;

import dev.interlock.api.memory.ObjectHeader;

/**
 * What a locking strategy supplies to back Python's containers: the GIL can use plain
 * structures, a strategy without a GIL concurrent or locked ones. The interpreter asks for one
 * storage per container when the container is created and uses nothing else to hold its items.
 */
public interface ContainerStorage {

    /**
     * Storage for a new list.
     *
     * @param owner the list object, whose header carries its lock word if the strategy needs one
     * @param capacity items expected, a hint
     */
    <E extends ObjectHeader> ListStorage<E> newList(ObjectHeader owner, int capacity);

    /**
     * Storage for a new dict.
     *
     * @param owner the dict object
     * @param keys Python hashing semantics
     * @param capacity entries expected, a hint
     */
    <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> newMap(ObjectHeader owner, KeyOps<K> keys, int capacity);

    /**
     * Storage for a new set or frozenset.
     *
     * @param owner the set object
     * @param keys Python hashing semantics
     * @param capacity elements expected, a hint
     */
    <K extends ObjectHeader> SetStorage<K> newSet(ObjectHeader owner, KeyOps<K> keys, int capacity);

    /**
     * Storage for a namespace: module globals, class and instance attributes. Keys are strings.
     * Defaults to {@link #newMap}.
     */
    default <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> newNamespace(ObjectHeader owner, KeyOps<K> keys) {
        return newMap(owner, keys, 8);
    }
}
