package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.storage.PlainMapStorage;

/**
 * A dict's or namespace's entries in plain storage, every change inside a critical section on
 * the dict object (its owner), as free-threaded CPython's {@code dictobject.c}; {@link #putAll}
 * locks both dicts in the stable order. Key comparisons that can run Python code release the
 * locks ({@link SuspendingKeyOps}) and the plain storage re-validates; dropped references are given
 * back after the outermost section ends ({@link ReleaseAfterUnlock}). A cursor takes the lock for
 * each step, so iteration sees each entry's key and value together, and never throws on a change.
 *
 * <p>{@code d[k]}, {@code get}, {@code in} and {@code len} read without the lock ({@link Seqlock}),
 * as CPython's {@code _Py_dict_lookup_threadsafe} does: module globals, builtins and attribute
 * dicts are read far more often than written, by every thread. That needs every change to run
 * without releasing the lock, which holds until a key that can run Python code is stored or used
 * to change the dict: from then on (a dict keyed by instances of a Python class with
 * {@code __eq__}) this dict is read under the lock.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class LockedMapStorage<K extends ObjectHeader, V extends ObjectHeader> extends Seqlock implements MapStorage<K, V> {

    private final ObjectHeader owner;
    private final PlainMapStorage<K, V> entries;
    private final KeyOps<K> keys;
    private final SectionStacks stacks;
    private final MemoryManager memory;
    /** Set for good once a change may have released the lock halfway; lock-free reads stop then. */
    private volatile boolean callsBack;

    LockedMapStorage(ObjectHeader owner, PlainMapStorage<K, V> entries, KeyOps<K> keys, SectionStacks stacks,
            MemoryManager memory) {
        this.owner = requireNonNull(owner, "owner is null");
        this.entries = requireNonNull(entries, "entries is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    /** Before a change that uses {@code key}: one that can run Python code ends lock-free reads. */
    private void changingWith(K key) {
        if (!callsBack && keys.mayCallBack(key)) {
            callsBack = true;
        }
    }

    /**
     * The value for {@code key} read without the lock: a value (not yet counted), null for absent,
     * or {@link PlainMapStorage#UNKNOWN} when the reader must take the lock.
     */
    private Object peek(K key, long hash) {
        if (callsBack || keys.mayCallBack(key)) {
            return PlainMapStorage.UNKNOWN;
        }
        long s = beginRead();
        if (!isStable(s)) {
            return PlainMapStorage.UNKNOWN;
        }
        Object v = entries.peek(key, hash);
        // callsBack again: a change that began after it was set may not have kept the number odd
        return validate(s) && !callsBack ? v : PlainMapStorage.UNKNOWN;
    }

    /** Without the lock: an int is read whole, and the acquire makes it no older than the last change. */
    @Override
    public int size() {
        beginRead();
        return entries.size();
    }

    /** Without the lock when possible; compare CPython {@code _Py_dict_lookup_threadsafe}. */
    @Override
    @SuppressWarnings("unchecked")
    public V getNew(K key, long hash) {
        Object v = peek(key, hash);
        if (v == null) {
            return null;
        }
        if (v != PlainMapStorage.UNKNOWN && memory.tryIncref((ObjectHeader) v)) {
            return (V) v;
        }
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
        Object v = peek(key, hash);
        if (v != PlainMapStorage.UNKNOWN) {
            return v != null;
        }
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
        changingWith(key);
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            entries.put(key, hash, value);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public V putIfAbsent(K key, long hash, V value) {
        changingWith(key);
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return entries.putIfAbsent(key, hash, value);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public V remove(K key, long hash) {
        changingWith(key);
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return entries.remove(key, hash);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public Entry<K, V> popLast() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return entries.popLast();
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void clear() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            entries.clear();
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void putAll(MapStorage<K, V> other) {
        CriticalSections cs = stacks.current();
        if (other instanceof LockedMapStorage<K, V> o && o != this) {
            if (o.callsBack) {
                callsBack = true;
            }
            cs.enter(owner, o.owner);
            long s = beginWrite();
            try {
                entries.putAll(o.entries);
            } finally {
                endWrite(s);
                cs.exit(owner, o.owner);
            }
            return;
        }
        if (other != this) {
            callsBack = true; // keys of unknown kind
        }
        cs.enter(owner);
        long s = beginWrite();
        try {
            entries.putAll(other == this ? entries : other);
        } finally {
            endWrite(s);
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
