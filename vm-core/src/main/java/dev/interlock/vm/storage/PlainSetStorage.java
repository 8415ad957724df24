package dev.interlock.vm.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.SetStorage;

/**
 * A set's elements in CPython's set table: open addressing with a few linear probes before each
 * perturbed jump, dummy entries for deletions, growth by four when two thirds... three fifths
 * full. Because the layout is CPython's, so is the iteration order: {@code {3, 1, 2}} iterates
 * 1, 2, 3 as it does in CPython. No synchronization. Compare CPython's {@code Objects/setobject.c}.
 *
 * @param <K> the element type
 */
public class PlainSetStorage<K extends ObjectHeader> implements SetStorage<K> {

    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    private static final Object DUMMY = new Object();

    private final MemoryManager memory;
    private final KeyOps<K> keyOps;
    private Object[] keys = new Object[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int fill; // active + dummy
    private int used; // active
    private int finger;

    public PlainSetStorage(MemoryManager memory, KeyOps<K> keyOps, int capacity) {
        this.memory = requireNonNull(memory, "memory is null");
        this.keyOps = requireNonNull(keyOps, "keyOps is null");
        if (capacity > MIN_SIZE * 3 / 5) {
            int size = MIN_SIZE;
            while (size * 3 <= capacity * 5) {
                size <<= 1;
            }
            keys = new Object[size];
            hashes = new long[size];
        }
    }

    @Override
    public int size() {
        return used;
    }

    /**
     * A new storage with this one's table exactly as it is (slots, deleted markers and the pop
     * finger), holding references of its own to every element: what a storage that guards a
     * plain table with a lock hands to another set's {@link #addAll}, which then behaves as
     * CPython's {@code set_merge} from this set would.
     */
    public PlainSetStorage<K> copyTable() {
        PlainSetStorage<K> copy = new PlainSetStorage<>(memory, keyOps, 0);
        copy.keys = keys.clone();
        copy.hashes = hashes.clone();
        copy.fill = fill;
        copy.used = used;
        copy.finger = finger;
        for (Object k : copy.keys) {
            if (k != null && k != DUMMY) {
                memory.incref((ObjectHeader) k);
            }
        }
        return copy;
    }

    /** The slot holding an element equal to {@code key}, or -1; restarts if a comparison changed the table. */
    @SuppressWarnings("unchecked")
    private int find(K key, long hash) {
        restart:
        for (;;) {
            Object[] table = keys;
            int mask = table.length - 1;
            long perturb = hash;
            int i = (int) hash & mask;
            for (;;) {
                int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
                for (int j = i; ; j++) {
                    Object k = table[j];
                    if (k == null) {
                        return -1;
                    }
                    if (k == key) {
                        return j;
                    }
                    if (k != DUMMY && hashes[j] == hash) {
                        boolean eq = keyOps.equal((K) k, key);
                        if (table != keys || keys[j] != k) {
                            continue restart;
                        }
                        if (eq) {
                            return j;
                        }
                    }
                    if (probes-- == 0) {
                        break;
                    }
                }
                perturb >>>= PERTURB_SHIFT;
                i = (int) ((i * 5L + 1 + perturb) & mask);
            }
        }
    }

    /** The slot where {@code hash} goes in a table known not to contain the key (fresh or after a miss). */
    private static int freeSlot(Object[] table, long hash) {
        int mask = table.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        for (;;) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; ; j++) {
                if (table[j] == null) {
                    return j;
                }
                if (probes-- == 0) {
                    break;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    @Override
    public boolean add(K key, long hash) {
        if (find(key, hash) >= 0) {
            return false;
        }
        memory.incref(key);
        insertNew(key, hash);
        return true;
    }

    private void insertNew(Object key, long hash) {
        // CPython reuses the first dummy on the probe path; inserting at the free slot keeps the
        // same iteration order for tables without deletions, and stays correct with them.
        int slot = dummyOrFree(hash);
        if (keys[slot] == null) {
            fill++;
        }
        keys[slot] = key;
        hashes[slot] = hash;
        used++;
        if (fill * 5 >= (keys.length - 1) * 3) {
            resize(used > 50000 ? used * 2 : used * 4);
        }
    }

    private int dummyOrFree(long hash) {
        int mask = keys.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        int freeslot = -1;
        for (;;) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            for (int j = i; ; j++) {
                Object k = keys[j];
                if (k == null) {
                    return freeslot >= 0 ? freeslot : j;
                }
                if (k == DUMMY && freeslot < 0) {
                    freeslot = j;
                }
                if (probes-- == 0) {
                    break;
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        Object[] oldKeys = keys;
        long[] oldHashes = hashes;
        Object[] newKeys = new Object[size];
        long[] newHashes = new long[size];
        for (int i = 0; i < oldKeys.length; i++) {
            Object k = oldKeys[i];
            if (k != null && k != DUMMY) {
                int slot = freeSlot(newKeys, oldHashes[i]);
                newKeys[slot] = k;
                newHashes[slot] = oldHashes[i];
            }
        }
        keys = newKeys;
        hashes = newHashes;
        fill = used;
    }

    @Override
    public boolean contains(K key, long hash) {
        return find(key, hash) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean remove(K key, long hash) {
        int slot = find(key, hash);
        if (slot < 0) {
            return false;
        }
        K old = (K) keys[slot];
        keys[slot] = DUMMY;
        hashes[slot] = -1;
        used--;
        memory.decref(old);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public K pop() {
        if (used == 0) {
            return null;
        }
        int mask = keys.length - 1;
        int i = finger & mask;
        while (keys[i] == null || keys[i] == DUMMY) {
            i = (i + 1) & mask;
        }
        K k = (K) keys[i];
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        finger = i + 1;
        return k;
    }

    @Override
    public void clear() {
        Object[] old = keys;
        keys = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        fill = 0;
        used = 0;
        for (Object k : old) {
            if (k != null && k != DUMMY) {
                memory.decref((ObjectHeader) k);
            }
        }
    }

    /**
     * Makes room for {@code extra} more elements at once, as CPython does before bulk insertions
     * ({@code set_merge}, and sets made from dicts).
     */
    public void presize(int extra) {
        if ((long) (fill + extra) * 5 >= (long) (keys.length - 1) * 3) {
            resize((used + extra) * 2);
        }
    }

    @Override
    public void addAll(SetStorage<K> other) {
        if (other == this || other.size() == 0) {
            return;
        }
        if (other instanceof PlainSetStorage<K> o) {
            // Compare CPython's set_merge: one resize up front, then copy the table as it is when
            // this one is empty and the same size, or insert without comparisons when it is empty.
            presize(o.used);
            if (fill == 0 && keys.length == o.keys.length && o.fill == o.used) {
                for (int i = 0; i < o.keys.length; i++) {
                    Object k = o.keys[i];
                    if (k != null) {
                        memory.incref((ObjectHeader) k);
                        keys[i] = k;
                        hashes[i] = o.hashes[i];
                    }
                }
                fill = o.fill;
                used = o.used;
                return;
            }
            if (fill == 0) {
                for (int i = 0; i < o.keys.length; i++) {
                    Object k = o.keys[i];
                    if (k != null && k != DUMMY) {
                        memory.incref((ObjectHeader) k);
                        int slot = freeSlot(keys, o.hashes[i]);
                        keys[slot] = k;
                        hashes[slot] = o.hashes[i];
                    }
                }
                fill = o.used;
                used = o.used;
                return;
            }
        }
        Cursor<K> c = other.cursor();
        for (K k = c.next(); k != null; k = c.next()) {
            try {
                add(k, c.hash());
            } finally {
                memory.decref(k);
            }
        }
    }

    @Override
    public Cursor<K> cursor() {
        return new Cursor<>() {
            private int position;
            private long lastHash;

            @Override
            @SuppressWarnings("unchecked")
            public K next() {
                Object[] table = keys;
                while (position < table.length) {
                    int i = position++;
                    Object k = table[i];
                    if (k != null && k != DUMMY) {
                        lastHash = hashes[i];
                        memory.incref((ObjectHeader) k);
                        return (K) k;
                    }
                }
                return null;
            }

            @Override
            public long hash() {
                return lastHash;
            }
        };
    }

    @Override
    public long[] hashes() {
        long[] out = new long[used];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && keys[i] != DUMMY) {
                out[n++] = hashes[i];
            }
        }
        return out;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (Object k : keys) {
            if (k != null && k != DUMMY) {
                visitor.visit((ObjectHeader) k);
            }
        }
    }
}
