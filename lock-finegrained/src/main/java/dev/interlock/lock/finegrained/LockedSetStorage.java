package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.SetStorage;
import dev.interlock.vm.storage.PlainSetStorage;

/**
 * A set's elements in plain storage, every operation inside a critical section on the set object
 * (its owner), as free-threaded CPython's {@code setobject.c}; {@link #addAll} locks both sets in
 * the stable order. Comparisons that can run Python code release the locks
 * ({@link SuspendingKeyOps}); dropped references are given back after the outermost section ends.
 *
 * @param <K> the element type
 */
final class LockedSetStorage<K extends ObjectHeader> implements SetStorage<K> {

    private final ObjectHeader owner;
    private final PlainSetStorage<K> elements;
    private final SectionStacks stacks;

    LockedSetStorage(ObjectHeader owner, PlainSetStorage<K> elements, SectionStacks stacks) {
        this.owner = requireNonNull(owner, "owner is null");
        this.elements = requireNonNull(elements, "elements is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
    }

    @Override
    public int size() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return elements.size();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public boolean add(K key, long hash) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return elements.add(key, hash);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public boolean contains(K key, long hash) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return elements.contains(key, hash);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public boolean remove(K key, long hash) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return elements.remove(key, hash);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public K pop() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return elements.pop();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void clear() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            elements.clear();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void addAll(SetStorage<K> other) {
        CriticalSections cs = stacks.current();
        if (other instanceof LockedSetStorage<K> o && o != this) {
            cs.enter(owner, o.owner);
            try {
                elements.addAll(o.elements);
            } finally {
                cs.exit(owner, o.owner);
            }
            return;
        }
        cs.enter(owner);
        try {
            elements.addAll(other == this ? elements : other);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public Cursor<K> cursor() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        Cursor<K> inner;
        try {
            inner = elements.cursor();
        } finally {
            cs.exit(owner);
        }
        return new Cursor<>() {
            @Override
            public K next() {
                CriticalSections c = stacks.current();
                c.enter(owner);
                try {
                    return inner.next();
                } finally {
                    c.exit(owner);
                }
            }

            @Override
            public long hash() {
                return inner.hash();
            }
        };
    }

    @Override
    public long[] hashes() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return elements.hashes();
        } finally {
            cs.exit(owner);
        }
    }

    /** No lock: the contract calls this only when no other thread can reach the set. */
    @Override
    public void traverse(ReferenceVisitor visitor) {
        elements.traverse(visitor);
    }
}
