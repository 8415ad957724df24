package dev.interlock.vm.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.MapStorage;
import java.util.Arrays;

/**
 * An insertion-ordered hash table with no synchronization: the layout of CPython's compact dict
 * (3.6+), a sparse index table pointing into a dense array of entries in insertion order. Probing
 * follows CPython's perturbation scheme, so keys whose hashes collide in the low bits still
 * spread out.
 *
 * <p>A key comparison may run Python code that changes this very table. As CPython's
 * {@code lookdict} does, a lookup that called back into Python re-checks that the table was not
 * changed meanwhile and starts over if it was.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class PlainMapStorage<K extends ObjectHeader, V extends ObjectHeader> implements MapStorage<K, V> {

    /** What {@link #peek} answers when it cannot tell without the lock. */
    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "UNKNOWN";
        }
    };

    private static final int EMPTY = -1;
    private static final int DUMMY = -2;
    private static final int MIN_SIZE = 8;

    /** The memory manager that counts the references this storage holds. */
    protected final MemoryManager memory;
    private final KeyOps<K> keyOps;

    private int[] indices;
    private long[] hashes;
    private ObjectHeader[] keys;
    private ObjectHeader[] values;
    private int entryCount; // entries used, including deleted ones
    private int size; // live entries
    private long version;

    public PlainMapStorage(MemoryManager memory, KeyOps<K> keyOps, int capacity) {
        this.memory = requireNonNull(memory, "memory is null");
        this.keyOps = requireNonNull(keyOps, "keyOps is null");
        int tableSize = MIN_SIZE;
        while (usable(tableSize) < capacity) {
            tableSize <<= 1;
        }
        allocate(tableSize);
    }

    private static int usable(int tableSize) {
        return (tableSize << 1) / 3;
    }

    private void allocate(int tableSize) {
        indices = new int[tableSize];
        Arrays.fill(indices, EMPTY);
        int n = usable(tableSize);
        hashes = new long[n];
        keys = new ObjectHeader[n];
        values = new ObjectHeader[n];
        entryCount = 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long version() {
        return version;
    }

    /** The entry index of {@code key}, or -1; may run Python code and start over if the table changed. */
    @SuppressWarnings("unchecked")
    private int find(K key, long hash) {
        restart:
        for (;;) {
            int[] table = indices;
            int mask = table.length - 1;
            long perturb = hash;
            int i = (int) hash & mask;
            for (;;) {
                int ix = table[i];
                if (ix == EMPTY) {
                    return -1;
                }
                if (ix >= 0) {
                    ObjectHeader k = keys[ix];
                    if (k == key) {
                        return ix;
                    }
                    if (hashes[ix] == hash && k != null) {
                        long before = version;
                        ObjectHeader[] keyArray = keys;
                        boolean eq = keyOps.equal((K) k, key);
                        if (version != before || keyArray != keys || keys[ix] != k) {
                            continue restart; // the comparison changed the table
                        }
                        if (eq) {
                            return ix;
                        }
                    }
                }
                perturb >>>= 5;
                i = (int) (i * 5L + perturb + 1) & mask;
            }
        }
    }

    /** The first free index slot for {@code hash}. */
    private int emptySlot(long hash) {
        int mask = indices.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        while (indices[i] >= 0) {
            perturb >>>= 5;
            i = (int) (i * 5L + perturb + 1) & mask;
        }
        return i;
    }

    private void insertNew(ObjectHeader key, long hash, ObjectHeader value) {
        if (entryCount >= keys.length) {
            resize(Math.max(MIN_SIZE, size * 3));
        }
        int slot = emptySlot(hash);
        int ix = entryCount++;
        indices[slot] = ix;
        hashes[ix] = hash;
        keys[ix] = key;
        values[ix] = value;
        size++;
        version++;
    }

    /** Rebuilds the table for at least {@code minUsed} entries, dropping deleted entries. */
    private void resize(int minUsed) {
        int tableSize = MIN_SIZE;
        while (usable(tableSize) < minUsed) {
            tableSize <<= 1;
        }
        long[] oldHashes = hashes;
        ObjectHeader[] oldKeys = keys;
        ObjectHeader[] oldValues = values;
        int oldCount = entryCount;
        allocate(tableSize);
        for (int i = 0; i < oldCount; i++) {
            if (oldKeys[i] != null) {
                int ix = entryCount++;
                hashes[ix] = oldHashes[i];
                keys[ix] = oldKeys[i];
                values[ix] = oldValues[i];
                indices[emptySlot(oldHashes[i])] = ix;
            }
        }
    }

    /**
     * The value for {@code key} without taking a reference, null if absent, or {@link #UNKNOWN},
     * for a strategy's lock-free reader running while another thread may change the table: it
     * reads each array once, bounds its probing, never throws, and never compares keys that could
     * run Python code ({@link KeyOps#mayCallBack}), answering {@link #UNKNOWN} instead. The answer
     * is only as good as the reader's validation (a sequence number the writers bump, see
     * {@code lock-finegrained}'s {@code LockedMapStorage}), and a value must be counted with
     * {@code MemoryManager.tryIncref} before use. Compare CPython's {@code _Py_dict_lookup_threadsafe}.
     */
    @SuppressWarnings("unchecked")
    public final Object peek(K key, long hash) {
        int[] table = indices;
        long[] hs = hashes;
        ObjectHeader[] ks = keys;
        ObjectHeader[] vs = values;
        int mask = table.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        for (int probes = 0; probes <= mask; probes++) {
            int ix = table[i];
            if (ix == EMPTY) {
                return null;
            }
            if (ix >= 0) {
                if (ix >= ks.length || ix >= hs.length || ix >= vs.length) {
                    return UNKNOWN; // arrays from two generations of the table
                }
                ObjectHeader k = ks[ix];
                if (k != null && (k == key || (hs[ix] == hash && equalWithoutCallback((K) k, key)))) {
                    ObjectHeader v = vs[ix];
                    return v != null ? v : UNKNOWN;
                }
                if (k != null && hs[ix] == hash && (keyOps.mayCallBack((K) k) || keyOps.mayCallBack(key))) {
                    return UNKNOWN;
                }
            }
            perturb >>>= 5;
            i = (int) (i * 5L + perturb + 1) & mask;
        }
        return UNKNOWN;
    }

    private boolean equalWithoutCallback(K stored, K probe) {
        return !keyOps.mayCallBack(stored) && !keyOps.mayCallBack(probe) && keyOps.equal(stored, probe);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getNew(K key, long hash) {
        int ix = find(key, hash);
        if (ix < 0) {
            return null;
        }
        ObjectHeader v = values[ix];
        memory.incref(v);
        return (V) v;
    }

    @Override
    public boolean containsKey(K key, long hash) {
        return find(key, hash) >= 0;
    }

    @Override
    public void put(K key, long hash, V value) {
        int ix = find(key, hash);
        memory.incref(value);
        if (ix >= 0) {
            ObjectHeader old = values[ix];
            values[ix] = value;
            memory.decref(old);
            return;
        }
        memory.incref(key);
        insertNew(key, hash, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V putIfAbsent(K key, long hash, V value) {
        int ix = find(key, hash);
        if (ix >= 0) {
            ObjectHeader v = values[ix];
            memory.incref(v);
            return (V) v;
        }
        memory.incref(key);
        memory.incref(value);
        insertNew(key, hash, value);
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(K key, long hash) {
        int ix = find(key, hash);
        if (ix < 0) {
            return null;
        }
        return (V) removeEntry(ix, hash, true);
    }

    /** Unlinks entry {@code ix}; releases its key (if asked) and returns its value, now the caller's. */
    private ObjectHeader removeEntry(int ix, long hash, boolean releaseKey) {
        int mask = indices.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        while (indices[i] != ix) {
            perturb >>>= 5;
            i = (int) (i * 5L + perturb + 1) & mask;
        }
        indices[i] = DUMMY;
        ObjectHeader k = keys[ix];
        ObjectHeader v = values[ix];
        keys[ix] = null;
        values[ix] = null;
        size--;
        version++;
        if (releaseKey) {
            memory.decref(k);
        }
        return v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Entry<K, V> popLast() {
        for (int ix = entryCount - 1; ix >= 0; ix--) {
            if (keys[ix] != null) {
                ObjectHeader k = keys[ix];
                long h = hashes[ix];
                ObjectHeader v = removeEntry(ix, h, false);
                entryCount = ix; // as CPython, the slot is reused by the next insertion
                return new Entry<>((K) k, (V) v, h);
            }
        }
        return null;
    }

    @Override
    public void clear() {
        ObjectHeader[] oldKeys = keys;
        ObjectHeader[] oldValues = values;
        int oldCount = entryCount;
        allocate(MIN_SIZE);
        size = 0;
        version++;
        for (int i = 0; i < oldCount; i++) {
            if (oldKeys[i] != null) {
                memory.decref(oldKeys[i]);
                memory.decref(oldValues[i]);
            }
        }
    }

    @Override
    public void putAll(MapStorage<K, V> other) {
        Cursor<K, V> c = other.cursor();
        for (Entry<K, V> e = c.next(); e != null; e = c.next()) {
            try {
                put(e.key(), e.hash(), e.value());
            } finally {
                memory.decref(e.key());
                memory.decref(e.value());
            }
        }
    }

    @Override
    public Cursor<K, V> cursor() {
        return new Cursor<>() {
            private int position;

            @Override
            @SuppressWarnings("unchecked")
            public Entry<K, V> next() {
                while (position < entryCount) {
                    int ix = position++;
                    ObjectHeader k = keys[ix];
                    if (k != null) {
                        ObjectHeader v = values[ix];
                        memory.incref(k);
                        memory.incref(v);
                        return new Entry<>((K) k, (V) v, hashes[ix]);
                    }
                }
                return null;
            }
        };
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (int i = 0; i < entryCount; i++) {
            if (keys[i] != null) {
                visitor.visit(keys[i]);
                visitor.visit(values[i]);
            }
        }
    }
}
