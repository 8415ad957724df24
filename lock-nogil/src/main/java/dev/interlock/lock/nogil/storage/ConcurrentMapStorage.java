package dev.interlock.lock.nogil.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.MapStorage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dict's or namespace's entries for threads that run in parallel: an insertion-ordered hash
 * table whose lookups take no lock, whose value updates are a compare-and-set, and whose key
 * insertions and removals take the map's lock briefly, never while Python code runs.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p><b>Why not a {@code ConcurrentHashMap}.</b> Jython backs dicts with one, keyed by objects
 * whose Java {@code equals} is Python's {@code ==}. That runs {@code __eq__} inside the map's bin
 * locks, where it can block, re-enter the same map or deadlock against another lock (Jython's
 * known import-lock deadlocks); and it loses insertion order, which Python 3.7 guarantees, and
 * boxes every hash. This table keeps what a concurrent map gives, lock-free reads and short
 * writer sections, without those costs.
 *
 * <p><b>Layout.</b> CPython's compact dict ({@code Objects/dictobject.c}): a sparse index table
 * of entry numbers probed with CPython's perturbation, and a dense array of entries in insertion
 * order. An entry is a {@link Node}: the key and its hash, final, and the value, which a
 * {@code put} to a present key swaps with a compare-and-set. A null value marks a removed node.
 *
 * <p><b>Publication.</b> A table is written only under the lock, one slot at a time with release
 * stores: the entry first, then the index slot that points at it, then the count of entries. An
 * entry slot is written once per table, and an index slot only goes from empty to an entry and
 * from an entry to a tombstone. Growth and compaction build a new table and publish it; old tables
 * are never written again. Readers load the table, the slots and the value with acquire loads, so
 * a reader sees, for each slot, a value that was really there.
 *
 * <p><b>Readers</b> ({@link #getNew}, {@link #containsKey}, cursors) probe without a lock and take
 * a reference to a value with {@link MemoryManager#tryIncref}, re-reading the node when the value
 * was replaced and freed meanwhile: free-threaded CPython's {@code _Py_TryIncrefCompare} in
 * {@code _Py_dict_lookup_threadsafe}.
 *
 * <p><b>Python equality outside every lock.</b> Keys whose comparison cannot run Python code
 * (strings, numbers, tuples of them: {@link KeyOps#mayCallBack}) are compared wherever needed,
 * inside the lock included. A comparison that may run {@code __eq__} is made only outside the
 * lock, after taking a reference to the stored key (a concurrent removal must not free it
 * under {@code __eq__}); as in CPython's {@code lookdict}, the lookup starts over if the map changed
 * meanwhile. A writer that needs such a comparison makes it before taking the lock, notes the
 * map's structural {@link #version()}, and under the lock trusts the result only if the version is
 * unchanged; otherwise it starts again.
 *
 * <h2>Invariants</h2>
 * Each operation is linearizable (a bulk {@link #putAll} is a sequence of puts); no key is
 * invented or dropped by concurrent single operations; a value reference is handed out only while
 * its count is above zero; cursors never throw, may miss entries added or removed during the
 * iteration, and never return a removed entry's freed key or value.
 *
 * <h2>Costs</h2>
 * A lookup is a few acquire loads (plain loads on x86) plus a compare-and-set on the value's
 * count (none for an immortal value); replacing a present key's value is one compare-and-set; an
 * insertion or removal is an uncontended monitor enter/exit. Tables grow like CPython's; removed
 * entries are dropped when the table is rebuilt.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConcurrentMapStorage<K extends ObjectHeader, V extends ObjectHeader> implements MapStorage<K, V> {

    private static final int EMPTY = -1;
    private static final int DUMMY = -2;
    private static final int MIN_SIZE = 8;
    private static final VarHandle INDEX = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(Node[].class);
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Node.class, "value", ObjectHeader.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One entry. The value is null once the entry has been removed. */
    static final class Node {
        final ObjectHeader key;
        final long hash;
        @SuppressWarnings("unused") // accessed through VALUE
        private volatile ObjectHeader value;

        Node(ObjectHeader key, long hash, ObjectHeader value) {
            this.key = key;
            this.hash = hash;
            this.value = value;
        }

        ObjectHeader value() {
            return value;
        }
    }

    /** A lookup result meaning: a comparison ran Python code that changed the map; look again. */
    private static final Node RESTART = new Node(null, 0, null);
    /** A lookup result meaning: the next comparison could run Python code, which the caller forbids. */
    private static final Node NEEDS_CALLBACK = new Node(null, 0, null);

    /** One published table. Written only under the map's lock; never written once replaced. */
    private static final class Table {
        final int[] indices;
        final Node[] entries;
        /** Entries written, removed ones included: {@code entries[0, used)} are non-null. */
        volatile int used;

        Table(int tableSize) {
            indices = new int[tableSize];
            Arrays.fill(indices, EMPTY);
            entries = new Node[usable(tableSize)];
        }

        Node entry(int i) {
            return (Node) ENTRY.getAcquire(entries, i);
        }
    }

    private static int usable(int tableSize) {
        return (tableSize << 1) / 3;
    }

    private final MemoryManager memory;
    private final KeyOps<K> keyOps;
    private volatile Table table;
    private volatile int size;
    private volatile long version;

    /**
     * @param memory counts the references the map holds
     * @param keyOps Python key equality
     * @param capacity entries expected, a hint
     */
    public ConcurrentMapStorage(MemoryManager memory, KeyOps<K> keyOps, int capacity) {
        this.memory = requireNonNull(memory, "memory is null");
        this.keyOps = requireNonNull(keyOps, "keyOps is null");
        this.table = new Table(tableSizeFor(capacity));
    }

    private static int tableSizeFor(int entries) {
        int tableSize = MIN_SIZE;
        while (usable(tableSize) < entries) {
            tableSize <<= 1;
        }
        return tableSize;
    }

    /** The memory manager that counts this map's references. */
    MemoryManager memory() {
        return memory;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long version() {
        return version;
    }

    // ------------------------------------------------------------------ lookup

    /**
     * The node for {@code key} in {@code t}, removed or not, or null if there is none. With
     * {@code callbacks} false, returns {@link #NEEDS_CALLBACK} instead of making a comparison that
     * could run Python code; with it true, may return {@link #RESTART}.
     */
    @SuppressWarnings("unchecked")
    private Node find(Table t, K key, long hash, boolean callbacks) {
        int[] indices = t.indices;
        int mask = indices.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        for (;;) {
            int ix = (int) INDEX.getAcquire(indices, i);
            if (ix == EMPTY) {
                return null;
            }
            if (ix >= 0) {
                Node n = t.entry(ix);
                K k = (K) n.key;
                if (k == key) {
                    return n;
                }
                if (n.hash == hash) {
                    if (!keyOps.mayCallBack(k) && !keyOps.mayCallBack(key)) {
                        if (keyOps.equal(k, key)) {
                            return n;
                        }
                    } else if (!callbacks) {
                        return NEEDS_CALLBACK;
                    } else {
                        Node r = compareCallingBack(t, n, key);
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            perturb >>>= 5;
            i = (int) (i * 5L + perturb + 1) & mask;
        }
    }

    /**
     * Compares a stored key that may run Python code with the probe: {@code n} if equal, null if
     * not, {@link #RESTART} if the map changed meanwhile. Holds a reference to the stored key
     * across the call, so a concurrent removal cannot free it while its {@code __eq__} runs.
     */
    @SuppressWarnings("unchecked")
    private Node compareCallingBack(Table t, Node n, K key) {
        K k = (K) n.key;
        if (!memory.tryIncref(k)) {
            return null; // removed and freed: not the key we look for any more
        }
        long before = version;
        boolean eq;
        try {
            eq = keyOps.equal(k, key);
        } finally {
            memory.decref(k);
        }
        if (version != before || table != t) {
            return RESTART; // Compare CPython's lookdict: the comparison mutated the dict
        }
        return eq ? n : null;
    }

    /** {@link #find} in the current table with callbacks allowed, repeated until it needs no restart. */
    private Node lookup(K key, long hash) {
        for (;;) {
            Node n = find(table, key, hash, true);
            if (n != RESTART) {
                return n;
            }
        }
    }

    /** A new reference to the value of a live node, or null once the node has been removed. */
    private ObjectHeader valueNew(Node n) {
        for (;;) {
            ObjectHeader v = n.value();
            if (v == null || memory.tryIncref(v)) {
                return v;
            }
            if (n.value() == v) {
                // freed yet still stored, which only corrupted counts (plain counts without a GIL)
                // can do: the increment reports the use after free instead of this loop spinning
                memory.incref(v);
                return v;
            }
            // replaced and freed between the load and the increment: load the new value
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getNew(K key, long hash) {
        Node n = lookup(key, hash);
        return n == null ? null : (V) valueNew(n);
    }

    @Override
    public boolean containsKey(K key, long hash) {
        Node n = lookup(key, hash);
        return n != null && n.value() != null;
    }

    // ------------------------------------------------------------------ updates

    @Override
    public void put(K key, long hash, V value) {
        memory.incref(value);
        ObjectHeader old = putOwned(key, hash, value, false);
        if (old != null) {
            memory.decref(old);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V putIfAbsent(K key, long hash, V value) {
        memory.incref(value);
        ObjectHeader present = putOwned(key, hash, value, true);
        if (present != null) {
            memory.decref(value);
        }
        return (V) present;
    }

    /**
     * Stores {@code value}, whose reference the caller has taken. Returns the replaced value
     * (the caller's to release), or with {@code ifAbsent} a new reference to the present value
     * (and nothing stored); null when a new entry was inserted.
     */
    private ObjectHeader putOwned(K key, long hash, ObjectHeader value, boolean ifAbsent) {
        // both become readable without the lock: a biased manager must let other threads count them
        memory.share(key);
        memory.share(value);
        for (;;) {
            long seen = version;
            Node n = lookup(key, hash);
            if (n != null) {
                ObjectHeader old = n.value();
                if (old != null) {
                    if (ifAbsent) {
                        if (memory.tryIncref(old)) {
                            return old;
                        }
                        if (n.value() == old) {
                            memory.incref(old); // freed yet still stored: reports the use after free
                            return old;
                        }
                        continue; // replaced and freed meanwhile: look again
                    }
                    if (VALUE.compareAndSet(n, old, value)) {
                        return old;
                    }
                    continue; // another thread replaced or removed it: look again
                }
                // removed meanwhile: insert a new entry
            }
            synchronized (this) {
                Node present = find(table, key, hash, false);
                if (present == NEEDS_CALLBACK) {
                    if (version != seen) {
                        continue; // keys came or went since the comparison outside the lock
                    }
                    present = n != null && n.value() != null ? n : null;
                }
                if (present != null && present.value() != null) {
                    continue; // it is there after all: replace without the lock
                }
                memory.incref(key);
                insertLocked(key, hash, value);
                return null;
            }
        }
    }

    private void insertLocked(ObjectHeader key, long hash, ObjectHeader value) {
        Table t = table;
        int n = t.used;
        if (n >= t.entries.length) {
            t = rebuildLocked(size + 1);
            n = t.used;
        }
        ENTRY.setRelease(t.entries, n, new Node(key, hash, value));
        INDEX.setRelease(t.indices, freeSlot(t.indices, hash), n);
        t.used = n + 1;
        size = size + 1;
        version = version + 1;
    }

    /** The first empty index slot on the probe path of {@code hash} (tombstones are not reused). */
    private static int freeSlot(int[] indices, long hash) {
        int mask = indices.length - 1;
        long perturb = hash;
        int i = (int) hash & mask;
        while (indices[i] != EMPTY) {
            perturb >>>= 5;
            i = (int) (i * 5L + perturb + 1) & mask;
        }
        return i;
    }

    /**
     * Publishes a new table holding the live entries in order, sized as CPython grows a dict
     * ({@code GROWTH_RATE}: three times the entries in use).
     */
    private Table rebuildLocked(int minEntries) {
        Table old = table;
        Table t = new Table(tableSizeFor(Math.max(minEntries, size * 3)));
        int n = 0;
        for (int i = 0; i < old.used; i++) {
            Node e = old.entries[i];
            if (e.value() != null) {
                t.entries[n] = e;
                t.indices[freeSlot(t.indices, e.hash)] = n;
                n++;
            }
        }
        t.used = n;
        table = t; // volatile: publishes the plain stores above
        version = version + 1;
        return t;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(K key, long hash) {
        for (;;) {
            long seen = version;
            Node n = lookup(key, hash);
            if (n == null || n.value() == null) {
                return null;
            }
            ObjectHeader old;
            Node removed;
            synchronized (this) {
                Node present = find(table, key, hash, false);
                if (present == NEEDS_CALLBACK) {
                    if (version != seen) {
                        continue;
                    }
                    present = n;
                }
                if (present == null) {
                    return null;
                }
                old = unlinkLocked(present);
                if (old == null) {
                    return null; // removed by another thread since we found it
                }
                removed = present;
            }
            memory.decref(removed.key); // the stored key, not the probe
            return (V) old;
        }
    }

    /**
     * Removes a node found in the current table: a tombstone in its index slot, a null value.
     * Returns the value (the caller's reference now), or null if the node was already removed.
     */
    private ObjectHeader unlinkLocked(Node n) {
        ObjectHeader v = (ObjectHeader) VALUE.getAndSet(n, (ObjectHeader) null);
        if (v == null) {
            return null;
        }
        Table t = table;
        int[] indices = t.indices;
        int mask = indices.length - 1;
        long perturb = n.hash;
        int i = (int) n.hash & mask;
        for (;;) {
            int ix = indices[i];
            if (ix >= 0 && t.entries[ix] == n) {
                INDEX.setRelease(indices, i, DUMMY);
                break;
            }
            if (ix == EMPTY) {
                break; // not in this table: a node of a table replaced meanwhile
            }
            perturb >>>= 5;
            i = (int) (i * 5L + perturb + 1) & mask;
        }
        size = size - 1;
        version = version + 1;
        return v;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Entry<K, V> popLast() {
        Node n;
        ObjectHeader v;
        synchronized (this) {
            Table t = table;
            v = null;
            n = null;
            for (int i = t.used - 1; i >= 0 && v == null; i--) {
                n = t.entries[i];
                v = unlinkLocked(n);
            }
        }
        if (v == null) {
            return null;
        }
        return new Entry<>((K) n.key, (V) v, n.hash);
    }

    @Override
    public void clear() {
        List<ObjectHeader> released = new ArrayList<>();
        synchronized (this) {
            Table old = table;
            table = new Table(MIN_SIZE);
            for (int i = 0; i < old.used; i++) {
                Node n = old.entries[i];
                ObjectHeader v = (ObjectHeader) VALUE.getAndSet(n, (ObjectHeader) null);
                if (v != null) {
                    released.add(n.key);
                    released.add(v);
                }
            }
            size = 0;
            version = version + 1;
        }
        for (ObjectHeader o : released) {
            memory.decref(o);
        }
    }

    /** Puts every entry of {@code other}, one at a time: not atomic as a whole, each put is. */
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

    // ------------------------------------------------------------------ iteration

    /**
     * A cursor over the table current when it was made. A table replaced later is still read to
     * its end; entries inserted after the replacement are not seen, removed ones are skipped.
     */
    @Override
    public Cursor<K, V> cursor() {
        Table t = table;
        return new Cursor<>() {
            private int position;

            @Override
            @SuppressWarnings("unchecked")
            public Entry<K, V> next() {
                for (;;) {
                    // Threads sharing one iterator race on the position: each checks its own
                    // copy against the entries written, so a lost update repeats an entry, never
                    // reads past the end.
                    int p = position;
                    if (p >= t.used) {
                        return null;
                    }
                    position = p + 1;
                    Node n = t.entry(p);
                    ObjectHeader k = n.key;
                    if (n.value() == null || !memory.tryIncref(k)) {
                        continue; // removed
                    }
                    ObjectHeader v = valueNew(n);
                    if (v == null) {
                        memory.decref(k);
                        continue; // removed after the check
                    }
                    return new Entry<>((K) k, (V) v, n.hash);
                }
            }
        };
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        Table t = table;
        for (int i = 0; i < t.used; i++) {
            Node n = t.entries[i];
            ObjectHeader v = n.value();
            if (v != null) {
                visitor.visit(n.key);
                visitor.visit(v);
            }
        }
    }
}
