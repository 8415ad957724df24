package dev.interlock.lock.nogil.storage;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ListStorage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A list's items for threads that run in parallel: writers take the list's lock, readers take
 * none.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Compare free-threaded CPython's {@code Objects/listobject.c}: mutations run under the
 * list's per-object lock, while {@code list[i]}, {@code len} and iteration read
 * {@code ob_item} without it, take a reference with {@code _Py_TryIncrefCompare} and fall back to
 * the lock when that fails ({@code list_get_item_ref}). Here:
 *
 * <ul>
 *   <li><b>Writers</b> ({@code append}, {@code pop}, assignment, ...) hold the monitor of this
 *       storage. They never call Python code and never release a reference inside it: what they
 *       drop is given back after the monitor is left, because a release can run a
 *       {@code __del__} that touches this list.</li>
 *   <li><b>Publication.</b> The array and the size are read with acquire and written with release
 *       semantics ({@link VarHandle}), and so is every array slot. An array is changed in place
 *       only one slot at a time (append into spare room, item assignment, pop from the end
 *       clearing the last slot); anything that moves items (insert, pop from the middle, slice
 *       assignment, reverse, growth) builds a new array and publishes it. So a reader holding an
 *       old array sees, at each index, an item that was really there at some moment during its
 *       read.</li>
 *   <li><b>Readers</b> ({@link #getNew}, {@link #size}) load the size, the array and the slot,
 *       then {@link MemoryManager#tryIncref} the item: that refuses an item another thread removed
 *       and freed meanwhile (on the JVM its memory is never reused, so the attempt itself is
 *       safe). A null slot or a refused item sends the read to the locked path, which cannot
 *       fail.</li>
 *   <li><b>A sequence number</b> guards the changes that publish a new array and a new size at
 *       once (insert or pop away from the end, slice changes, reverse): the size and the array are
 *       two stores, and a reader that saw the new array and then the old size, or the reverse,
 *       would report a state the list was never in. The writer makes the number odd before and
 *       even after; a reader that sees it odd or changed takes the locked path, as with
 *       {@link java.util.concurrent.locks.StampedLock}'s optimistic reads. Lincheck's model
 *       checker found that interleaving before the number was added (an insert at 0 racing
 *       {@code lst[2]} and {@code len(lst)}). Appends, item assignment and pops from the end
 *       change one slot and then the size, which no reader can see halfway, and need no
 *       number.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * Every operation is linearizable; none throws on a concurrent change; an appended item is never
 * lost; a reader never returns an item that was not in the list at some moment of its call. A
 * list iterator reading by index during mutation may skip or repeat items, never invent one.
 *
 * <h2>Costs</h2>
 * A read is three acquire loads and one compare-and-set on the item's count (none for an
 * immortal item); a write is one uncontended monitor enter/exit plus the count change. Inserting
 * or popping anywhere but the end copies the array, O(n) as CPython's {@code memmove}.
 *
 * @param <E> the element type
 */
public final class ConcurrentListStorage<E extends ObjectHeader> implements ListStorage<E> {

    private static final ObjectHeader[] EMPTY = new ObjectHeader[0];
    private static final VarHandle ITEMS;
    private static final VarHandle SIZE;
    private static final VarHandle SEQUENCE;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(ObjectHeader[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ITEMS = lookup.findVarHandle(ConcurrentListStorage.class, "items", ObjectHeader[].class);
            SIZE = lookup.findVarHandle(ConcurrentListStorage.class, "size", int.class);
            SEQUENCE = lookup.findVarHandle(ConcurrentListStorage.class, "sequence", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MemoryManager memory;
    /** Taken first when two lists locked together have the same identity hash ({@link #extendFrom}). */
    private final Object tieLock;
    @SuppressWarnings("unused") // accessed through ITEMS
    private ObjectHeader[] items;
    @SuppressWarnings("unused") // accessed through SIZE
    private int size;
    /** Odd while a new array and size are being published; see the notes. */
    @SuppressWarnings("unused") // accessed through SEQUENCE
    private int sequence;

    /**
     * @param memory counts the references this storage holds
     * @param capacity items expected, a hint
     * @param tieLock a lock shared by every list storage that may be locked together with this one
     */
    public ConcurrentListStorage(MemoryManager memory, int capacity, Object tieLock) {
        this.memory = requireNonNull(memory, "memory is null");
        this.tieLock = requireNonNull(tieLock, "tieLock is null");
        this.items = capacity <= 0 ? EMPTY : new ObjectHeader[capacity];
    }

    private ObjectHeader[] array() {
        return (ObjectHeader[]) ITEMS.getAcquire(this);
    }

    /** Publishes a new array and size together, under the lock: readers never mix old and new. */
    private void publish(ObjectHeader[] a, int n) {
        int seq = (int) SEQUENCE.getOpaque(this);
        SEQUENCE.setOpaque(this, seq + 1);
        VarHandle.storeStoreFence();
        ITEMS.setRelease(this, a);
        SIZE.setRelease(this, n);
        SEQUENCE.setRelease(this, seq + 2);
    }

    /** True if no {@link #publish} ran since {@code seq} was read (the reads in between were consistent). */
    private boolean unchangedSince(int seq) {
        VarHandle.loadLoadFence();
        return (int) SEQUENCE.getAcquire(this) == seq;
    }

    private int sizeLocked() {
        return (int) SIZE.getOpaque(this);
    }

    @Override
    public int size() {
        int seq = (int) SEQUENCE.getAcquire(this);
        int n = (int) SIZE.getAcquire(this);
        if ((seq & 1) == 0 && unchangedSince(seq)) {
            return n;
        }
        synchronized (this) {
            return sizeLocked();
        }
    }

    // ------------------------------------------------------------------ reads without the lock

    @Override
    @SuppressWarnings("unchecked")
    public E getNew(int index) {
        int seq = (int) SEQUENCE.getAcquire(this);
        int n = (int) SIZE.getAcquire(this);
        if ((seq & 1) == 0) {
            if (index < 0 || (index >= n && unchangedSince(seq))) {
                return null; // out of range at the moment the size was read
            }
            ObjectHeader[] a = array();
            if (index < n && index < a.length) {
                ObjectHeader o = (ObjectHeader) SLOT.getAcquire(a, index);
                if (o != null && memory.tryIncref(o)) {
                    if (unchangedSince(seq)) {
                        return (E) o;
                    }
                    memory.decref(o); // the array was replaced meanwhile: ask again under the lock
                }
            }
        }
        return index < 0 ? null : getNewLocked(index); // a slot cleared, an item freed, or a publication under way
    }

    @SuppressWarnings("unchecked")
    private synchronized E getNewLocked(int index) {
        if (index >= sizeLocked()) {
            return null;
        }
        ObjectHeader o = array()[index];
        memory.incref(o); // the list holds a reference, so the count is above zero
        return (E) o;
    }

    // ------------------------------------------------------------------ single-slot writes

    @Override
    @SuppressWarnings("unchecked")
    public E replace(int index, E value) {
        memory.incref(value);
        ObjectHeader old;
        synchronized (this) {
            if (index < 0 || index >= sizeLocked()) {
                old = null;
            } else {
                ObjectHeader[] a = array();
                old = a[index];
                SLOT.setRelease(a, index, value);
            }
        }
        if (old == null) {
            memory.decref(value);
        }
        return (E) old;
    }

    @Override
    public void append(E value) {
        memory.incref(value);
        synchronized (this) {
            appendLocked(value);
        }
    }

    private void appendLocked(ObjectHeader value) {
        int n = sizeLocked();
        ObjectHeader[] a = array();
        if (n == a.length) {
            a = Arrays.copyOf(a, grownCapacity(n + 1));
            ITEMS.setRelease(this, a);
        }
        SLOT.setRelease(a, n, value);
        SIZE.setRelease(this, n + 1);
    }

    /** CPython's over-allocation ({@code list_resize}): newsize + newsize/8 + 6. */
    private static int grownCapacity(int needed) {
        return Math.max(4, needed + (needed >> 3) + 6);
    }

    @Override
    public void insert(int index, E value) {
        memory.incref(value);
        synchronized (this) {
            int n = sizeLocked();
            int at = Math.max(0, Math.min(index, n));
            if (at == n) {
                appendLocked(value);
                return;
            }
            ObjectHeader[] a = array();
            ObjectHeader[] b = new ObjectHeader[n + 1 > a.length ? grownCapacity(n + 1) : a.length];
            System.arraycopy(a, 0, b, 0, at);
            b[at] = value;
            System.arraycopy(a, at, b, at + 1, n - at);
            publish(b, n + 1);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E pop(int index) {
        synchronized (this) {
            int n = sizeLocked();
            int i = index < 0 ? index + n : index;
            if (i < 0 || i >= n) {
                return null;
            }
            ObjectHeader[] a = array();
            ObjectHeader old = a[i];
            if (i == n - 1) {
                SLOT.setRelease(a, i, null);
                SIZE.setRelease(this, n - 1);
            } else {
                ObjectHeader[] b = new ObjectHeader[a.length];
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, n - i - 1);
                publish(b, n - 1);
            }
            return (E) old;
        }
    }

    // ------------------------------------------------------------------ whole-list operations

    @Override
    public void clear() {
        ObjectHeader[] old;
        int n;
        synchronized (this) {
            old = array();
            n = sizeLocked();
            publish(EMPTY, 0);
        }
        releaseAll(old, 0, n);
    }

    private void releaseAll(ObjectHeader[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            memory.decref(a[i]);
        }
    }

    @Override
    public synchronized ObjectHeader[] snapshot(int start, int stop, int step) {
        return snapshotLocked(start, stop, step);
    }

    private ObjectHeader[] snapshotLocked(int start, int stop, int step) {
        int n = sizeLocked();
        ObjectHeader[] a = array();
        int lo;
        int count;
        if (step > 0) {
            int hi = Math.min(stop, n);
            lo = Math.max(start, 0);
            count = lo >= hi ? 0 : (hi - lo - 1) / step + 1;
        } else {
            int hi = Math.min(start, n - 1);
            int low = Math.max(stop, -1);
            lo = hi;
            count = hi <= low ? 0 : (hi - low - 1) / (-step) + 1;
        }
        if (count == 0) {
            return EMPTY;
        }
        ObjectHeader[] out = new ObjectHeader[count];
        for (int k = 0, i = lo; k < count; k++, i += step) {
            ObjectHeader o = a[i];
            memory.incref(o);
            out[k] = o;
        }
        return out;
    }

    @Override
    public void extend(ObjectHeader[] values) {
        for (ObjectHeader o : values) {
            memory.incref(o);
        }
        synchronized (this) {
            appendAllLocked(values);
        }
    }

    /** Appends references the caller has already taken. */
    private void appendAllLocked(ObjectHeader[] values) {
        int n = sizeLocked();
        ObjectHeader[] a = array();
        if (n + values.length > a.length) {
            a = Arrays.copyOf(a, grownCapacity(n + values.length));
            ITEMS.setRelease(this, a);
        }
        for (int i = 0; i < values.length; i++) {
            SLOT.setRelease(a, n + i, values[i]);
        }
        SIZE.setRelease(this, n + values.length);
    }

    /**
     * Locks this list and {@code other} in the order of their identity hashes, so that two threads
     * extending each list with the other cannot deadlock (equal hashes take the shared tie lock
     * first), and appends a consistent snapshot of {@code other}.
     */
    @Override
    public void extendFrom(ListStorage<E> other) {
        if (other == this || !(other instanceof ConcurrentListStorage<E> o)) {
            ObjectHeader[] source = other.snapshot(); // new references, handed over below
            synchronized (this) {
                appendAllLocked(source);
            }
            return;
        }
        int mine = System.identityHashCode(this);
        int theirs = System.identityHashCode(o);
        if (mine == theirs) {
            synchronized (tieLock) {
                extendLockedInOrder(this, o, o);
            }
        } else {
            extendLockedInOrder(mine < theirs ? this : o, mine < theirs ? o : this, o);
        }
    }

    private void extendLockedInOrder(ConcurrentListStorage<E> first, ConcurrentListStorage<E> second,
            ConcurrentListStorage<E> source) {
        synchronized (first) {
            synchronized (second) {
                appendAllLocked(source.snapshotLocked(0, Integer.MAX_VALUE, 1));
            }
        }
    }

    @Override
    public void replaceRange(int start, int stop, ObjectHeader[] values) {
        for (ObjectHeader o : values) {
            memory.incref(o);
        }
        ObjectHeader[] removed;
        synchronized (this) {
            int n = sizeLocked();
            int lo = Math.max(0, Math.min(start, n));
            int hi = Math.max(lo, Math.min(stop, n));
            ObjectHeader[] a = array();
            removed = Arrays.copyOfRange(a, lo, hi);
            int newSize = n - (hi - lo) + values.length;
            ObjectHeader[] b = new ObjectHeader[Math.max(newSize, Math.min(a.length, grownCapacity(newSize)))];
            System.arraycopy(a, 0, b, 0, lo);
            System.arraycopy(values, 0, b, lo, values.length);
            System.arraycopy(a, hi, b, lo + values.length, n - hi);
            publish(b, newSize);
        }
        releaseAll(removed, 0, removed.length);
    }

    @Override
    public boolean replaceStrided(int start, int step, ObjectHeader[] values) {
        ObjectHeader[] removed = new ObjectHeader[values.length];
        synchronized (this) {
            int n = sizeLocked();
            int last = start + (values.length - 1) * step;
            if (values.length > 0 && (start < 0 || start >= n || last < 0 || last >= n)) {
                return false;
            }
            ObjectHeader[] a = array();
            for (int k = 0, i = start; k < values.length; k++, i += step) {
                memory.incref(values[k]);
                removed[k] = a[i];
                SLOT.setRelease(a, i, values[k]);
            }
        }
        releaseAll(removed, 0, removed.length);
        return true;
    }

    @Override
    public void deleteRange(int start, int stop, int step) {
        ObjectHeader[] removed;
        int k = 0;
        synchronized (this) {
            int n = sizeLocked();
            int hi = Math.min(stop, n);
            int lo = Math.max(0, start);
            if (lo >= hi) {
                return;
            }
            removed = new ObjectHeader[(hi - lo - 1) / step + 1];
            ObjectHeader[] a = array();
            ObjectHeader[] b = new ObjectHeader[a.length];
            int write = 0;
            for (int read = 0; read < n; read++) {
                if (read >= lo && read < hi && (read - lo) % step == 0) {
                    removed[k++] = a[read];
                } else {
                    b[write++] = a[read];
                }
            }
            publish(b, write);
        }
        releaseAll(removed, 0, k);
    }

    @Override
    public synchronized void reverse() {
        int n = sizeLocked();
        ObjectHeader[] a = array();
        ObjectHeader[] b = new ObjectHeader[a.length];
        for (int i = 0; i < n; i++) {
            b[i] = a[n - 1 - i];
        }
        publish(b, n);
    }

    @Override
    public synchronized ObjectHeader[] takeAll() {
        ObjectHeader[] out = Arrays.copyOf(array(), sizeLocked());
        publish(EMPTY, 0);
        return out;
    }

    @Override
    public synchronized boolean restoreIfEmpty(ObjectHeader[] values) {
        if (sizeLocked() != 0) {
            return false;
        }
        publish(values.clone(), values.length);
        return true;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        int n = size();
        ObjectHeader[] a = array();
        for (int i = 0; i < n && i < a.length; i++) {
            ObjectHeader o = a[i];
            if (o != null) {
                visitor.visit(o);
            }
        }
    }
}
