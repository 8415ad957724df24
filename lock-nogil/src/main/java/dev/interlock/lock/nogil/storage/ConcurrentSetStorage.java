package dev.interlock.lock.nogil.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;
import java.util.Arrays;

/**
 * A set's elements for threads that run in parallel: the keys of a {@link ConcurrentMapStorage}
 * whose values are all one immortal marker, so a set inherits the map's lock-free lookups, its
 * short writer sections and its rule that Python equality never runs inside a lock.
 *
 * <h2>Notes about the implementation</h2>
 * Free-threaded CPython guards its set table with the set's per-object lock; the map's design
 * gives the same guarantees with lock-free membership tests. The marker is immortal, so storing
 * it costs no count and a thread reading it never writes its cache line.
 *
 * <p>Missing: CPython's set iteration order. Elements iterate in insertion order here (CPython's
 * order follows its hash table layout, so {@code {3, 1, 2}} prints as {@code {1, 2, 3}} there),
 * which Python leaves unspecified; {@code pop} removes the most recently added element.
 *
 * @param <K> the element type
 */
public final class ConcurrentSetStorage<K extends ObjectHeader> implements SetStorage<K> {

    /** The value of every entry: immortal, never counted, never seen by Python code. */
    private static final class Present extends ObjectHeader {
        Present() {
            setRefLocal(IMMORTAL);
        }

        @Override
        public String typeName() {
            return "set-entry";
        }
    }

    private final ObjectHeader present = new Present();
    private final ConcurrentMapStorage<K, ObjectHeader> map;

    /**
     * @param memory counts the references the set holds
     * @param keyOps Python key equality
     * @param capacity elements expected, a hint
     */
    public ConcurrentSetStorage(MemoryManager memory, KeyOps<K> keyOps, int capacity) {
        this.map = new ConcurrentMapStorage<>(requireNonNull(memory, "memory is null"), keyOps, capacity);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean add(K key, long hash) {
        return map.putIfAbsent(key, hash, present) == null;
    }

    @Override
    public boolean contains(K key, long hash) {
        return map.containsKey(key, hash);
    }

    @Override
    public boolean remove(K key, long hash) {
        return map.remove(key, hash) != null;
    }

    @Override
    public K pop() {
        MapStorage.Entry<K, ObjectHeader> e = map.popLast();
        return e == null ? null : e.key();
    }

    @Override
    public void clear() {
        map.clear();
    }

    /** Adds every element of {@code other}, one at a time: each addition is atomic, the whole is not. */
    @Override
    public void addAll(SetStorage<K> other) {
        if (other == this) {
            return;
        }
        Cursor<K> c = other.cursor();
        for (K k = c.next(); k != null; k = c.next()) {
            try {
                add(k, c.hash());
            } finally {
                map.memory().decref(k);
            }
        }
    }

    @Override
    public Cursor<K> cursor() {
        MapStorage.Cursor<K, ObjectHeader> c = map.cursor();
        return new Cursor<>() {
            private long hash;

            @Override
            public K next() {
                MapStorage.Entry<K, ObjectHeader> e = c.next();
                if (e == null) {
                    return null;
                }
                hash = e.hash();
                return e.key(); // the value is the immortal marker: nothing to give back
            }

            @Override
            public long hash() {
                return hash;
            }
        };
    }

    @Override
    public long[] hashes() {
        long[] out = new long[Math.max(4, map.size())];
        int n = 0;
        Cursor<K> c = cursor();
        for (K k = c.next(); k != null; k = c.next()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, 2 * n);
            }
            out[n++] = c.hash();
            map.memory().decref(k);
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        map.traverse(o -> {
            if (o != present) {
                visitor.visit(o);
            }
        });
    }
}
