package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.vm.storage.PlainListStorage;

/**
 * A list's items in plain storage, every change inside a critical section on the list object
 * (its owner), as free-threaded CPython's {@code listobject.c} wraps each method in
 * {@code Py_BEGIN_CRITICAL_SECTION}. {@link #extendFrom} locks both lists in the stable order.
 * References the plain storage drops are given back after the outermost section ends
 * ({@link ReleaseAfterUnlock}).
 *
 * <p>{@code list[i]} (and so iteration) and {@code len} read without the lock, as in CPython:
 * see {@link Seqlock}. No list operation calls back into Python code, so a change never releases
 * the lock halfway and the sequence number brackets every change.
 *
 * @param <E> the element type
 */
final class LockedListStorage<E extends ObjectHeader> extends Seqlock implements ListStorage<E> {

    private final ObjectHeader owner;
    private final PlainListStorage<E> items;
    private final SectionStacks stacks;
    private final MemoryManager memory;

    LockedListStorage(ObjectHeader owner, PlainListStorage<E> items, SectionStacks stacks, MemoryManager memory) {
        this.owner = requireNonNull(owner, "owner is null");
        this.items = requireNonNull(items, "items is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    /** Without the lock: an int is read whole, and the acquire makes it no older than the last change. */
    @Override
    public int size() {
        beginRead();
        return items.size();
    }

    /**
     * Without the lock when possible: peek at the item, check no change ran meanwhile, then count
     * it with a try-increment (refused if it is being freed); otherwise under the lock. Compare
     * CPython {@code list_get_item_ref}.
     */
    @Override
    @SuppressWarnings("unchecked")
    public E getNew(int index) {
        long s = beginRead();
        if (isStable(s)) {
            ObjectHeader o = items.peek(index);
            if (validate(s) && (o == null || memory.tryIncref(o))) {
                return (E) o;
            }
        }
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.getNew(index);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public E replace(int index, E value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return items.replace(index, value);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void append(E value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.append(value);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void insert(int index, E value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.insert(index, value);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public E pop(int index) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return items.pop(index);
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
            items.clear();
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public ObjectHeader[] snapshot(int start, int stop, int step) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.snapshot(start, stop, step);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void extend(ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.extend(values);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void extendFrom(ListStorage<E> other) {
        CriticalSections cs = stacks.current();
        if (other instanceof LockedListStorage<E> o && o != this) {
            cs.enter(owner, o.owner);
            long s = beginWrite();
            try {
                items.extendFrom(o.items);
            } finally {
                endWrite(s);
                cs.exit(owner, o.owner);
            }
            return;
        }
        // the list extended by itself, or by a storage that guards itself: one lock
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.extendFrom(other == this ? items : other);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void replaceRange(int start, int stop, ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.replaceRange(start, stop, values);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public boolean replaceStrided(int start, int step, ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return items.replaceStrided(start, step, values);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void deleteRange(int start, int stop, int step) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.deleteRange(start, stop, step);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public void reverse() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            items.reverse();
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public ObjectHeader[] takeAll() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return items.takeAll();
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    @Override
    public boolean restoreIfEmpty(ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        long s = beginWrite();
        try {
            return items.restoreIfEmpty(values);
        } finally {
            endWrite(s);
            cs.exit(owner);
        }
    }

    /** No lock: the contract calls this only when no other thread can reach the list. */
    @Override
    public void traverse(ReferenceVisitor visitor) {
        items.traverse(visitor);
    }
}
