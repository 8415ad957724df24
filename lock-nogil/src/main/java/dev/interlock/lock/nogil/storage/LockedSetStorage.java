package dev.interlock.lock.nogil.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.SetStorage;
import dev.interlock.vm.storage.PlainSetStorage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A set's elements for threads that run in parallel: CPython's own table (a
 * {@link PlainSetStorage}) behind one lock per set, so a set iterates, prints and pops in exactly
 * the order CPython's would, whatever the strategy.
 *
 * <h2>Notes about the implementation</h2>
 * <ul>
 *   <li><b>Why a lock and not a concurrent map.</b> Python leaves set order unspecified, yet every
 *       program that prints a set shows it, and CPython's order follows its open-addressing
 *       table (hash, probe sequence, deleted slots, resizes). A concurrent hash map cannot
 *       reproduce it; the plain table can. Sets are rarely the hot shared container (dicts and
 *       lists are), so each operation takes the set's lock, as free-threaded CPython's
 *       {@code setobject.c} takes the set's critical section.</li>
 *   <li><b>No Python code under the lock.</b> A comparison that can run {@code __eq__}
 *       ({@link KeyOps#mayCallBack}) runs with the lock fully released and the stored element
 *       kept alive by a reference of its own; the plain table notices a change made meanwhile and
 *       restarts its probe, as CPython's {@code set_lookkey} does.</li>
 *   <li><b>Two sets never locked together.</b> {@link #addAll} copies the other set's table under
 *       that set's lock alone, then merges the copy under this one's, so threads merging two sets
 *       in opposite directions cannot deadlock.</li>
 *   <li><b>Iteration</b> takes the lock for each step: a set changed by another thread meanwhile
 *       yields what the table holds at each step, never a freed element.</li>
 * </ul>
 * Missing: a {@code __del__} run by {@link #clear} or {@link #remove} runs under the lock; one
 * that waits for another thread using the same set would deadlock.
 *
 * @param <K> the element type
 */
public final class LockedSetStorage<K extends ObjectHeader> implements SetStorage<K> {

    private final ReentrantLock lock = new ReentrantLock();
    private final MemoryManager memory;
    private final PlainSetStorage<K> elements;

    /**
     * @param memory counts the references the set holds
     * @param keyOps Python key equality
     * @param capacity elements expected, a hint
     */
    public LockedSetStorage(MemoryManager memory, KeyOps<K> keyOps, int capacity) {
        this.memory = requireNonNull(memory, "memory is null");
        this.elements = new PlainSetStorage<>(memory, new Unlocking<>(requireNonNull(keyOps, "keyOps is null"), lock, memory), capacity);
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return elements.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean add(K key, long hash) {
        lock.lock();
        try {
            return elements.add(key, hash);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean contains(K key, long hash) {
        lock.lock();
        try {
            return elements.contains(key, hash);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean remove(K key, long hash) {
        lock.lock();
        try {
            return elements.remove(key, hash);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public K pop() {
        lock.lock();
        try {
            return elements.pop();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            elements.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addAll(SetStorage<K> other) {
        if (other == this) {
            return;
        }
        PlainSetStorage<K> copy = other instanceof LockedSetStorage<K> o ? o.copyTable() : null;
        SetStorage<K> source = copy != null ? copy : other;
        try {
            lock.lock();
            try {
                elements.addAll(source);
            } finally {
                lock.unlock();
            }
        } finally {
            if (copy != null) {
                copy.clear(); // gives back the copy's references
            }
        }
    }

    private PlainSetStorage<K> copyTable() {
        lock.lock();
        try {
            return elements.copyTable();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cursor<K> cursor() {
        Cursor<K> inner = elements.cursor();
        return new Cursor<>() {
            private long hash;

            @Override
            public K next() {
                lock.lock();
                try {
                    K k = inner.next();
                    hash = inner.hash();
                    return k;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public long hash() {
                return hash;
            }
        };
    }

    @Override
    public long[] hashes() {
        lock.lock();
        try {
            return elements.hashes();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        lock.lock();
        try {
            elements.traverse(visitor);
        } finally {
            lock.unlock();
        }
    }

    /** Key equality that never holds the set's lock while Python code runs. */
    private static final class Unlocking<K extends ObjectHeader> implements KeyOps<K> {

        private final KeyOps<K> keys;
        private final ReentrantLock lock;
        private final MemoryManager memory;

        Unlocking(KeyOps<K> keys, ReentrantLock lock, MemoryManager memory) {
            this.keys = keys;
            this.lock = lock;
            this.memory = memory;
        }

        @Override
        public boolean equal(K stored, K probe) {
            if (!keys.mayCallBack(stored) && !keys.mayCallBack(probe)) {
                return keys.equal(stored, probe);
            }
            memory.incref(stored); // another thread may remove it while __eq__ runs
            int holds = lock.getHoldCount();
            for (int i = 0; i < holds; i++) {
                lock.unlock();
            }
            try {
                return keys.equal(stored, probe);
            } finally {
                try {
                    memory.decref(stored);
                } finally {
                    for (int i = 0; i < holds; i++) {
                        lock.lock();
                    }
                }
            }
        }

        @Override
        public boolean mayCallBack(K key) {
            return keys.mayCallBack(key);
        }
    }
}
