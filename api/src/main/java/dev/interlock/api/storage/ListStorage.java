package dev.interlock.api.storage;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;

/**
 * The items of one Python {@code list}, as a locking strategy chooses to store them.
 *
 * <p>Contract. Every method is atomic with respect to every other method on the same storage,
 * by whatever means the strategy picks: none needed under a GIL, a lock or a concurrent
 * structure without one. The storage holds counted references: it increments the count of what
 * it stores and, for what it drops, either hands the reference to the caller (methods documented
 * as returning an owned reference) or releases it itself after leaving any lock it holds, since
 * a release can run a finalizer. No method calls back into Python code. No method throws on a
 * concurrent modification: an index that is out of range at the moment of the call yields
 * {@code null} (or {@code false}) and the caller raises the Python error.
 *
 * @param <E> the element type
 */
public interface ListStorage<E extends ObjectHeader> {

    /** The number of items now. */
    int size();

    /** A new reference to item {@code index}, or null if {@code index} is not in range now. */
    E getNew(int index);

    /**
     * Stores {@code value} at {@code index} (taking a reference to it) and returns the item it
     * replaced, whose reference now belongs to the caller; null, storing nothing, if the index is
     * out of range.
     */
    E replace(int index, E value);

    /** Appends {@code value}, taking a reference to it. */
    void append(E value);

    /** Inserts {@code value} before {@code index}, clamped to {@code [0, size]}. */
    void insert(int index, E value);

    /**
     * Removes item {@code index} (negative counts from the end, resolved atomically) and returns
     * it, the reference now the caller's; null if the list is empty or the index out of range.
     */
    E pop(int index);

    /** Removes every item. */
    void clear();

    /**
     * New references to the items {@code start, start+step, ...} up to but excluding
     * {@code stop}, for a positive or negative {@code step}, with indices already resolved as a
     * slice resolves them and clamped to the current size.
     */
    ObjectHeader[] snapshot(int start, int stop, int step);

    /** New references to all items, in order. */
    default ObjectHeader[] snapshot() {
        return snapshot(0, Integer.MAX_VALUE, 1);
    }

    /** Appends the given items, taking a reference to each. */
    void extend(ObjectHeader[] items);

    /**
     * Appends the items of {@code other} as one operation on both lists, so that no concurrent
     * change to either is seen halfway: {@code a.extend(b)}, {@code a + b}. A storage locks the
     * two in a stable order; {@code other} may be this storage.
     */
    void extendFrom(ListStorage<E> other);

    /** Replaces the items {@code [start, stop)} (clamped) with {@code items}, taking references to them. */
    void replaceRange(int start, int stop, ObjectHeader[] items);

    /**
     * Replaces the items at {@code start, start+step, ...} with {@code items}, one for one.
     * Returns false, changing nothing, if the list no longer has those positions.
     */
    boolean replaceStrided(int start, int step, ObjectHeader[] items);

    /** Deletes the items at {@code start, start+step, ...} before {@code stop} (clamped). */
    void deleteRange(int start, int stop, int step);

    /** Reverses the items in place. */
    void reverse();

    /**
     * Empties the list and returns its items, the references now the caller's: the first half of
     * an in-place sort that must not hold a lock while it calls key functions and {@code __lt__}.
     */
    ObjectHeader[] takeAll();

    /**
     * The second half of a sort: if the list is still empty, makes {@code items} its content
     * (taking over the caller's references) and returns true; otherwise leaves it unchanged and
     * returns false (CPython: {@code ValueError: list modified during sort}).
     */
    boolean restoreIfEmpty(ObjectHeader[] items);

    /**
     * Visits every held reference without taking new ones: for the reference-count audit and
     * for deallocation, when no other thread can reach the list.
     */
    void traverse(ReferenceVisitor visitor);
}
