package dev.interlock.api.storage;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;

/**
 * The entries of one Python {@code dict} or namespace (module globals, instance and class
 * attributes), kept in insertion order as Python 3.7+ requires.
 *
 * <p>Contract. Each method is atomic with respect to the others on the same storage. The
 * storage holds counted references to its keys and values; it takes references to what it
 * inserts and releases what it drops itself, after leaving any lock it holds, except where a
 * method returns the dropped reference to the caller. Key equality comes from {@link KeyOps} and
 * may run Python code and throw; a storage that holds a lock releases it around such calls and
 * re-validates afterwards. Iteration never throws on a concurrent change: it may miss entries
 * added or removed meanwhile, never invents one.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface MapStorage<K extends ObjectHeader, V extends ObjectHeader> {

    /** The number of entries now. */
    int size();

    /** A new reference to the value for {@code key}, or null if absent. */
    V getNew(K key, long hash);

    /** True if {@code key} is present. */
    boolean containsKey(K key, long hash);

    /** Maps {@code key} to {@code value}; a present key keeps its original key object. */
    void put(K key, long hash, V value);

    /**
     * Inserts {@code key -> value} unless the key is present. Returns a new reference to the
     * present value, or null when {@code value} was inserted.
     */
    V putIfAbsent(K key, long hash, V value);

    /** Removes {@code key}; returns its value, the reference now the caller's, or null if absent. */
    V remove(K key, long hash);

    /** Removes and returns the most recently inserted entry (both references the caller's), or null if empty. */
    Entry<K, V> popLast();

    /** Removes every entry. */
    void clear();

    /** Inserts every entry of {@code other} as one operation on both maps ({@code d.update(e)}). */
    void putAll(MapStorage<K, V> other);

    /** A cursor over the entries in insertion order. */
    Cursor<K, V> cursor();

    /** Counts modifications that add or remove keys; lets iterators report a change of size. */
    long version();

    /**
     * Visits every held key and value without taking new references: for the reference-count
     * audit and for deallocation, when no other thread can reach the map.
     */
    void traverse(ReferenceVisitor visitor);

    /**
     * One key/value pair, both counted references owned by whoever received the entry, with the
     * key's hash as stored (so entries can be copied to another map without hashing again).
     *
     * @param key the key
     * @param value the value
     * @param hash the key's hash
     */
    record Entry<K, V>(K key, V value, long hash) {
    }

    /** Iterates over entries in insertion order, tolerating concurrent change. */
    interface Cursor<K, V> {

        /** The next entry, as new references to its key and value, or null at the end. */
        Entry<K, V> next();
    }
}
