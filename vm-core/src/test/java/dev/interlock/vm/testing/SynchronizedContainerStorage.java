package dev.interlock.vm.testing;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;
import dev.interlock.vm.storage.PlainListStorage;
import dev.interlock.vm.storage.PlainMapStorage;
import dev.interlock.vm.storage.PlainSetStorage;

/**
 * The plain storage with every operation {@code synchronized} on the storage, as Jython's
 * {@code PyList} synchronizes its methods: enough to keep containers whole while threads run in
 * parallel ({@link ParallelStrategy}), nothing more. For tests only.
 *
 * <p>Simplifications a real strategy must not make: operations on two containers
 * ({@code extendFrom}, {@code putAll}, {@code addAll}) read the other container first and then
 * write this one, never holding both locks, so they are not atomic across the two; and a key's
 * {@code __eq__}, or a finalizer run by a released reference, runs with the storage's lock held.
 */
public final class SynchronizedContainerStorage implements ContainerStorage {

    private final MemoryManager memory;

    public SynchronizedContainerStorage(MemoryManager memory) {
        this.memory = requireNonNull(memory, "memory is null");
    }

    @Override
    public <E extends ObjectHeader> ListStorage<E> newList(ObjectHeader owner, int capacity) {
        return new SyncList<>(new PlainListStorage<>(memory, capacity), memory);
    }

    @Override
    public <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> newMap(ObjectHeader owner, KeyOps<K> keys,
            int capacity) {
        return new SyncMap<>(new PlainMapStorage<>(memory, keys, capacity), memory);
    }

    @Override
    public <K extends ObjectHeader> SetStorage<K> newSet(ObjectHeader owner, KeyOps<K> keys, int capacity) {
        return new SyncSet<>(new PlainSetStorage<>(memory, keys, capacity), memory);
    }

    private static final class SyncList<E extends ObjectHeader> implements ListStorage<E> {
        private final ListStorage<E> d;
        private final MemoryManager memory;

        SyncList(ListStorage<E> d, MemoryManager memory) {
            this.d = d;
            this.memory = memory;
        }

        @Override public synchronized int size() { return d.size(); }
        @Override public synchronized E getNew(int index) { return d.getNew(index); }
        @Override public synchronized E replace(int index, E value) { return d.replace(index, value); }
        @Override public synchronized void append(E value) { d.append(value); }
        @Override public synchronized void insert(int index, E value) { d.insert(index, value); }
        @Override public synchronized E pop(int index) { return d.pop(index); }
        @Override public synchronized void clear() { d.clear(); }
        @Override public synchronized ObjectHeader[] snapshot(int start, int stop, int step) { return d.snapshot(start, stop, step); }
        @Override public synchronized void extend(ObjectHeader[] items) { d.extend(items); }

        @Override
        public void extendFrom(ListStorage<E> other) {
            ObjectHeader[] items = other.snapshot(); // other's lock only
            try {
                extend(items); // then this one's
            } finally {
                for (ObjectHeader o : items) {
                    memory.decref(o);
                }
            }
        }

        @Override public synchronized void replaceRange(int start, int stop, ObjectHeader[] items) { d.replaceRange(start, stop, items); }
        @Override public synchronized boolean replaceStrided(int start, int step, ObjectHeader[] items) { return d.replaceStrided(start, step, items); }
        @Override public synchronized void deleteRange(int start, int stop, int step) { d.deleteRange(start, stop, step); }
        @Override public synchronized void reverse() { d.reverse(); }
        @Override public synchronized ObjectHeader[] takeAll() { return d.takeAll(); }
        @Override public synchronized boolean restoreIfEmpty(ObjectHeader[] items) { return d.restoreIfEmpty(items); }
        @Override public synchronized void traverse(ReferenceVisitor visitor) { d.traverse(visitor); }
    }

    private static final class SyncMap<K extends ObjectHeader, V extends ObjectHeader> implements MapStorage<K, V> {
        private final MapStorage<K, V> d;
        private final MemoryManager memory;

        SyncMap(MapStorage<K, V> d, MemoryManager memory) {
            this.d = d;
            this.memory = memory;
        }

        @Override public synchronized int size() { return d.size(); }
        @Override public synchronized V getNew(K key, long hash) { return d.getNew(key, hash); }
        @Override public synchronized boolean containsKey(K key, long hash) { return d.containsKey(key, hash); }
        @Override public synchronized void put(K key, long hash, V value) { d.put(key, hash, value); }
        @Override public synchronized V putIfAbsent(K key, long hash, V value) { return d.putIfAbsent(key, hash, value); }
        @Override public synchronized V remove(K key, long hash) { return d.remove(key, hash); }
        @Override public synchronized Entry<K, V> popLast() { return d.popLast(); }
        @Override public synchronized void clear() { d.clear(); }

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
            Cursor<K, V> c;
            synchronized (this) {
                c = d.cursor();
            }
            return () -> {
                synchronized (SyncMap.this) {
                    return c.next();
                }
            };
        }

        @Override public synchronized long version() { return d.version(); }
        @Override public synchronized void traverse(ReferenceVisitor visitor) { d.traverse(visitor); }
    }

    private static final class SyncSet<K extends ObjectHeader> implements SetStorage<K> {
        private final SetStorage<K> d;
        private final MemoryManager memory;

        SyncSet(SetStorage<K> d, MemoryManager memory) {
            this.d = d;
            this.memory = memory;
        }

        @Override public synchronized int size() { return d.size(); }
        @Override public synchronized boolean add(K key, long hash) { return d.add(key, hash); }
        @Override public synchronized boolean contains(K key, long hash) { return d.contains(key, hash); }
        @Override public synchronized boolean remove(K key, long hash) { return d.remove(key, hash); }
        @Override public synchronized K pop() { return d.pop(); }
        @Override public synchronized void clear() { d.clear(); }

        @Override
        public void addAll(SetStorage<K> other) {
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
            Cursor<K> c;
            synchronized (this) {
                c = d.cursor();
            }
            return new Cursor<>() {
                @Override
                public K next() {
                    synchronized (SyncSet.this) {
                        return c.next();
                    }
                }

                @Override
                public long hash() {
                    synchronized (SyncSet.this) {
                        return c.hash();
                    }
                }
            };
        }

        @Override public synchronized long[] hashes() { return d.hashes(); }
        @Override public synchronized void traverse(ReferenceVisitor visitor) { d.traverse(visitor); }
    }
}
