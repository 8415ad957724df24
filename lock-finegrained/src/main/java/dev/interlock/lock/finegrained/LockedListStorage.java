package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.vm.storage.PlainListStorage;

/**
 * A list's items in plain storage, every operation inside a critical section on the list object
 * (its owner), as free-threaded CPython's {@code listobject.c} wraps each method in
 * {@code Py_BEGIN_CRITICAL_SECTION}. {@link #extendFrom} locks both lists in the stable order.
 * References the plain storage drops are given back after the outermost section ends
 * ({@link ReleaseAfterUnlock}).
 *
 * <p>Missing: CPython's lock-free reads ({@code list[i]}, iteration, {@code len}), which need
 * the item array published with release stores and freed only after readers are done (QSBR);
 * reads here take the lock.
 *
 * @param <E> the element type
 */
final class LockedListStorage<E extends ObjectHeader> implements ListStorage<E> {

    private final ObjectHeader owner;
    private final PlainListStorage<E> items;
    private final SectionStacks stacks;

    LockedListStorage(ObjectHeader owner, PlainListStorage<E> items, SectionStacks stacks) {
        this.owner = requireNonNull(owner, "owner is null");
        this.items = requireNonNull(items, "items is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
    }

    @Override
    public int size() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.size();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public E getNew(int index) {
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
        try {
            return items.replace(index, value);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void append(E value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            items.append(value);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void insert(int index, E value) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            items.insert(index, value);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public E pop(int index) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.pop(index);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void clear() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            items.clear();
        } finally {
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
        try {
            items.extend(values);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void extendFrom(ListStorage<E> other) {
        CriticalSections cs = stacks.current();
        if (other instanceof LockedListStorage<E> o && o != this) {
            cs.enter(owner, o.owner);
            try {
                items.extendFrom(o.items);
            } finally {
                cs.exit(owner, o.owner);
            }
            return;
        }
        // the list extended by itself, or by a storage that guards itself: one lock
        cs.enter(owner);
        try {
            items.extendFrom(other == this ? items : other);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void replaceRange(int start, int stop, ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            items.replaceRange(start, stop, values);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public boolean replaceStrided(int start, int step, ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.replaceStrided(start, step, values);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void deleteRange(int start, int stop, int step) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            items.deleteRange(start, stop, step);
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public void reverse() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            items.reverse();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public ObjectHeader[] takeAll() {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.takeAll();
        } finally {
            cs.exit(owner);
        }
    }

    @Override
    public boolean restoreIfEmpty(ObjectHeader[] values) {
        CriticalSections cs = stacks.current();
        cs.enter(owner);
        try {
            return items.restoreIfEmpty(values);
        } finally {
            cs.exit(owner);
        }
    }

    /** No lock: the contract calls this only when no other thread can reach the list. */
    @Override
    public void traverse(ReferenceVisitor visitor) {
        items.traverse(visitor);
    }
}
