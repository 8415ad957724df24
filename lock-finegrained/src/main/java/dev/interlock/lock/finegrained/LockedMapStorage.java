package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.storage.PlainMapStorage;

/**
 * A dict's or namespace's entries in plain storage, every operation inside a critical section on
 * the dict object (its owner), as free-threaded CPython's {@code dictobject.c}; {@link #putAll}
 * locks both dicts in the stable order. Key comparisons that can run Python code release the
 * locks ({@link SuspendingKeyOps}) and the plain storage re-validates; dropped references are given
 * back after the outermost section ends ({@link ReleaseAfterUnlock}). A cursor takes the lock for
 * each step, so iteration sees each entry's key and value together, and never throws on a change.
 *
 * <p>Missing: CPython's lock-free {@code d[k]}, {@code in} and {@code get} (a read of the table
 * validated by a version, with keys freed only after readers are done); reads here take the lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LockedMapStorage<K extends ObjectHeader, V extends ObjectHeader> implements MapStorage<K, V> {

    private final ObjectHeader owner;
    private final PlainMapStorage<K, V> entries;
    private final SectionStacks stacks;

    LockedMapStorage(ObjectHeader owner, PlainMapStorage<K, V> entries, SectionStacks stacks) {
        this.owner = requireNonNull(owner, "owner is null");
        this.entries = requireNonNull(entries, "entries is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
    }

    @Override
    public int size() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.size();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public V getNew(K key, long hash) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.getNew(key, hash);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public boolean containsKey(K key, long hash) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.containsKey(key, hash);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void put(K key, long hash, V value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            entries.put(key, hash, value);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public V putIfAbsent(K key, long hash, V value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.putIfAbsent(key, hash, value);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public V remove(K key, long hash) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.remove(key, hash);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public Entry<K, V> popLast() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.popLast();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void clear() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            entries.clear();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void putAll(MapStorage<K, V> other) {
        CriticalSections cs = stacks.current();
        if (other instanceof LockedMapStorage<K, V> o && o != this) {
            cs.enter(owner, o.owner);
            try {
                entries.putAll(o.entries);
            } finally {
                cs.exit(owner, o.owner);
            }
            return;
        }
        cs.enter(owner);
        try {
            entries.putAll(other == this ? entries : other);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public Cursor<K, V> cursor() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        Cursor<K, V> inner;
        try {
            inner = entries.cursor();
        } finally {
            cs.exit(owner);
        }
        return () -> {
            CriticalSections c = stacks.current();
            c.enter(owner);
            try {
                return inner.next();
            } finally {
                c.exit(owner);
            }
        };
    }

    @Override
    public long version() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return entries.version();
        } finally {
            cs.exit(owner);
        }
    }

    /** No lock: the contract calls this only when no other thread can reach the map. */
    @Override
    public void traverse(ReferenceVisitor visitor) {
        entries.traverse(visitor);
    }
}
