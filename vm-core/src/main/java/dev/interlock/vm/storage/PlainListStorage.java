package dev.interlock.vm.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ListStorage;
import java.util.Arrays;

/**
 * A list's items in a growable array with no synchronization at all: CPython's
 * {@code PyListObject}. Each operation is atomic only because the caller guarantees that no other
 * thread touches the list meanwhile, as a GIL does, or because a strategy wraps it in its own lock.
 *
 * <p>Released references are given back after the array is in a consistent state, so a finalizer
 * that runs during the release sees a well-formed list.
 *
 * @param <E> the element type
 */
public class PlainListStorage<E extends ObjectHeader> implements ListStorage<E> {

    private static final ObjectHeader[] EMPTY = new ObjectHeader[0];

    /** The memory manager that counts the references this storage holds. */
    protected final MemoryManager memory;
    private ObjectHeader[] items;
    private int size;

    public PlainListStorage(MemoryManager memory, int capacity) {
        this.memory = requireNonNull(memory, "memory is null");
        this.items = capacity <= 0 ? EMPTY : new ObjectHeader[capacity];
    }

    private void ensureCapacity(int needed) {
        if (needed > items.length) {
            // CPython's over-allocation: newsize + newsize/8 + 6, rounded
            int grown = needed + (needed >> 3) + 6;
            items = Arrays.copyOf(items, Math.max(grown, 4));
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E getNew(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        ObjectHeader o = items[index];
        memory.incref(o);
        return (E) o;
    }

    /**
     * Item {@code index} without taking a reference, or null if out of range, for a strategy's
     * lock-free reader running while another thread may change the list: it reads the array and the
     * size once each and never throws. The answer is only as good as the reader's validation (a
     * sequence number the writers bump, see {@code lock-finegrained}'s {@code LockedListStorage}),
     * and the item must be counted with {@code MemoryManager.tryIncref} before use.
     */
    public final ObjectHeader peek(int index) {
        ObjectHeader[] a = items;
        int n = size;
        return index >= 0 && index < n && index < a.length ? a[index] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E replace(int index, E value) {
        if (index < 0 || index >= size) {
            return null;
        }
        memory.incref(value);
        ObjectHeader old = items[index];
        items[index] = value;
        return (E) old;
    }

    @Override
    public void append(E value) {
        memory.incref(value);
        ensureCapacity(size + 1);
        items[size++] = value;
    }

    @Override
    public void insert(int index, E value) {
        memory.incref(value);
        int at = Math.max(0, Math.min(index, size));
        ensureCapacity(size + 1);
        System.arraycopy(items, at, items, at + 1, size - at);
        items[at] = value;
        size++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E pop(int index) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            return null;
        }
        ObjectHeader old = items[i];
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        items[--size] = null;
        return (E) old;
    }

    @Override
    public void clear() {
        ObjectHeader[] old = items;
        int n = size;
        items = EMPTY;
        size = 0;
        releaseAll(old, 0, n);
    }

    /** Gives back the references in {@code a[from, to)}. */
    protected final void releaseAll(ObjectHeader[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            memory.decref(a[i]);
        }
    }

    @Override
    public ObjectHeader[] snapshot(int start, int stop, int step) {
        int n = size;
        if (step > 0) {
            int hi = Math.min(stop, n);
            int lo = Math.max(start, 0);
            if (lo >= hi) {
                return EMPTY;
            }
            int count = (hi - lo - 1) / step + 1;
            ObjectHeader[] out = new ObjectHeader[count];
            for (int k = 0, i = lo; k < count; k++, i += step) {
                ObjectHeader o = items[i];
                memory.incref(o);
                out[k] = o;
            }
            return out;
        }
        int hi = Math.min(start, n - 1);
        int lo = Math.max(stop, -1);
        if (hi <= lo) {
            return EMPTY;
        }
        int count = (hi - lo - 1) / (-step) + 1;
        ObjectHeader[] out = new ObjectHeader[count];
        for (int k = 0, i = hi; k < count; k++, i += step) {
            ObjectHeader o = items[i];
            memory.incref(o);
            out[k] = o;
        }
        return out;
    }

    @Override
    public void extend(ObjectHeader[] values) {
        ensureCapacity(size + values.length);
        for (ObjectHeader o : values) {
            memory.incref(o);
            items[size++] = o;
        }
    }

    @Override
    public void extendFrom(ListStorage<E> other) {
        ObjectHeader[] source = other.snapshot();
        extend(source);
        releaseAll(source, 0, source.length);
    }

    @Override
    public void replaceRange(int start, int stop, ObjectHeader[] values) {
        int lo = Math.max(0, Math.min(start, size));
        int hi = Math.max(lo, Math.min(stop, size));
        ObjectHeader[] removed = Arrays.copyOfRange(items, lo, hi);
        int delta = values.length - (hi - lo);
        ensureCapacity(size + Math.max(delta, 0));
        System.arraycopy(items, hi, items, hi + delta, size - hi);
        for (int i = 0; i < values.length; i++) {
            memory.incref(values[i]);
            items[lo + i] = values[i];
        }
        int newSize = size + delta;
        for (int i = newSize; i < size; i++) {
            items[i] = null;
        }
        size = newSize;
        releaseAll(removed, 0, removed.length);
    }

    @Override
    public boolean replaceStrided(int start, int step, ObjectHeader[] values) {
        int last = start + (values.length - 1) * step;
        if (values.length > 0 && (start < 0 || start >= size || last < 0 || last >= size)) {
            return false;
        }
        ObjectHeader[] removed = new ObjectHeader[values.length];
        for (int k = 0, i = start; k < values.length; k++, i += step) {
            memory.incref(values[k]);
            removed[k] = items[i];
            items[i] = values[k];
        }
        releaseAll(removed, 0, removed.length);
        return true;
    }

    @Override
    public void deleteRange(int start, int stop, int step) {
        int hi = Math.min(stop, size);
        int lo = Math.max(0, start);
        if (lo >= hi) {
            return;
        }
        int count = (hi - lo - 1) / step + 1;
        ObjectHeader[] removed = new ObjectHeader[count];
        int write = lo;
        int k = 0;
        for (int read = lo; read < size; read++) {
            if (read < hi && (read - lo) % step == 0) {
                removed[k++] = items[read];
            } else {
                items[write++] = items[read];
            }
        }
        for (int i = write; i < size; i++) {
            items[i] = null;
        }
        size = write;
        releaseAll(removed, 0, k);
    }

    @Override
    public void reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            ObjectHeader t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
    }

    @Override
    public ObjectHeader[] takeAll() {
        ObjectHeader[] out = Arrays.copyOf(items, size);
        items = EMPTY;
        size = 0;
        return out;
    }

    @Override
    public boolean restoreIfEmpty(ObjectHeader[] values) {
        if (size != 0) {
            return false;
        }
        items = values.clone();
        size = values.length;
        return true;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (int i = 0; i < size; i++) {
            visitor.visit(items[i]);
        }
    }
}
