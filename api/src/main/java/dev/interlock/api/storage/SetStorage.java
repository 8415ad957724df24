package dev.interlock.api.storage;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;

/**
 * The elements of one Python {@code set} or {@code frozenset}.
 *
 * <p>Contract, as for {@link MapStorage}: each method is atomic with respect to the others on the
 * same storage; the storage holds a counted reference to each element, takes one for what it adds
 * and releases what it removes itself (after leaving any lock), except where a method returns the
 * element to the caller. Equality comes from {@link KeyOps} and may run Python code. Iteration
 * never throws on a concurrent change.
 *
 * @param <K> the element type
 */
public interface SetStorage<K extends ObjectHeader> {

    /** The number of elements now. */
    int size();

    /** Adds {@code key}; returns false if an equal element was present (and nothing changed). */
    boolean add(K key, long hash);

    /** True if an equal element is present. */
    boolean contains(K key, long hash);

    /** Removes the equal element; returns false if there was none. */
    boolean remove(K key, long hash);

    /** Removes and returns some element (the caller owns the reference), or null if empty. */
    K pop();

    /** Removes every element. */
    void clear();

    /** Adds every element of {@code other} as one operation on both sets. */
    void addAll(SetStorage<K> other);

    /** A cursor over the elements in the storage's iteration order. */
    Cursor<K> cursor();

    /** The elements' hashes in storage order, for order-independent hashing ({@code frozenset}). */
    long[] hashes();

    /** Visits every held element without taking new references (audit and deallocation). */
    void traverse(ReferenceVisitor visitor);

    /** Iterates the elements, tolerating concurrent change. */
    interface Cursor<K> {

        /** A new reference to the next element, or null at the end. */
        K next();

        /** The hash of the element last returned. */
        long hash();
    }
}
