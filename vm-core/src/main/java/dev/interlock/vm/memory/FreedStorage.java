package dev.interlock.vm.memory;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;

/**
 * The storage a container is given when it is deallocated, in place of the one that held its
 * items: every operation, reads included, raises the use-after-free {@link dev.interlock.api.memory.FatalError}
 * naming the container. Without it a freed list would simply look empty, and a thread still holding
 * a stale reference (counts corrupted by a race, or a native bug) would go on silently with wrong
 * answers; with it, the first use stops the interpreter.
 *
 * <p>A freed container holds nothing, so even {@code traverse} is a use: the deallocation protocol
 * and the reference-count audit check {@link ObjectHeader#isDeallocated()} before they look inside
 * an object, and only a second deallocation (a count that reached zero again) ever gets here.
 *
 * <p>Costs: one small object per deallocated container, nothing on any path of a live one.
 */
public final class FreedStorage {

    private FreedStorage() {
    }

    /** Storage for a deallocated list. */
    public static <E extends ObjectHeader> ListStorage<E> list(ObjectHeader owner) {
        return new FreedList<>(owner);
    }

    /** Storage for a deallocated dict or namespace. */
    public static <K extends ObjectHeader, V extends ObjectHeader> MapStorage<K, V> map(ObjectHeader owner) {
        return new FreedMap<>(owner);
    }

    /** Storage for a deallocated set or frozenset. */
    public static <K extends ObjectHeader> SetStorage<K> set(ObjectHeader owner) {
        return new FreedSet<>(owner);
    }

    /** What every operation of a freed storage does. */
    private abstract static class Freed {
        private final ObjectHeader owner;

        Freed(ObjectHeader owner) {
            this.owner = requireNonNull(owner, "owner is null");
        }

        final dev.interlock.api.memory.FatalError used() {
            return UseAfterFree.used(owner);
        }
    }

    private static final class FreedList<E extends ObjectHeader> extends Freed implements ListStorage<E> {
        FreedList(ObjectHeader owner) {
            super(owner);
        }

        @Override
        public int size() {
            throw used();
        }

        @Override
        public E getNew(int index) {
            throw used();
        }

        @Override
        public E replace(int index, E value) {
            throw used();
        }

        @Override
        public void append(E value) {
            throw used();
        }

        @Override
        public void insert(int index, E value) {
            throw used();
        }

        @Override
        public E pop(int index) {
            throw used();
        }

        @Override
        public void clear() {
            throw used();
        }

        @Override
        public ObjectHeader[] snapshot(int start, int stop, int step) {
            throw used();
        }

        @Override
        public void extend(ObjectHeader[] items) {
            throw used();
        }

        @Override
        public void extendFrom(ListStorage<E> other) {
            throw used();
        }

        @Override
        public void replaceRange(int start, int stop, ObjectHeader[] items) {
            throw used();
        }

        @Override
        public boolean replaceStrided(int start, int step, ObjectHeader[] items) {
            throw used();
        }

        @Override
        public void deleteRange(int start, int stop, int step) {
            throw used();
        }

        @Override
        public void reverse() {
            throw used();
        }

        @Override
        public ObjectHeader[] takeAll() {
            throw used();
        }

        @Override
        public boolean restoreIfEmpty(ObjectHeader[] items) {
            throw used();
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            throw used();
        }
    }

    private static final class FreedMap<K extends ObjectHeader, V extends ObjectHeader> extends Freed
            implements MapStorage<K, V> {
        FreedMap(ObjectHeader owner) {
            super(owner);
        }

        @Override
        public int size() {
            throw used();
        }

        @Override
        public V getNew(K key, long hash) {
            throw used();
        }

        @Override
        public boolean containsKey(K key, long hash) {
            throw used();
        }

        @Override
        public void put(K key, long hash, V value) {
            throw used();
        }

        @Override
        public V putIfAbsent(K key, long hash, V value) {
            throw used();
        }

        @Override
        public V remove(K key, long hash) {
            throw used();
        }

        @Override
        public Entry<K, V> popLast() {
            throw used();
        }

        @Override
        public void clear() {
            throw used();
        }

        @Override
        public void putAll(MapStorage<K, V> other) {
            throw used();
        }

        @Override
        public Cursor<K, V> cursor() {
            throw used();
        }

        @Override
        public long version() {
            throw used();
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            throw used();
        }
    }

    private static final class FreedSet<K extends ObjectHeader> extends Freed implements SetStorage<K> {
        FreedSet(ObjectHeader owner) {
            super(owner);
        }

        @Override
        public int size() {
            throw used();
        }

        @Override
        public boolean add(K key, long hash) {
            throw used();
        }

        @Override
        public boolean contains(K key, long hash) {
            throw used();
        }

        @Override
        public boolean remove(K key, long hash) {
            throw used();
        }

        @Override
        public K pop() {
            throw used();
        }

        @Override
        public void clear() {
            throw used();
        }

        @Override
        public void addAll(SetStorage<K> other) {
            throw used();
        }

        @Override
        public Cursor<K> cursor() {
            throw used();
        }

        @Override
        public long[] hashes() {
            throw used();
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            throw used();
        }
    }
}
