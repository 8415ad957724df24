package dev.interlock.vm.stdlib.collections;

import dev.interlock.api.LockingStrategy;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.HeapDispatch;
import dev.interlock.vm.objects.Iteration;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNotImplemented;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.RepeatableSequence;
import dev.interlock.vm.objects.ReprGuard;
import dev.interlock.vm.objects.Sequences;
import dev.interlock.vm.objects.Slot;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.runtime.Interpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code collections.deque}: a double-ended queue with an optional maximum length, kept in a ring
 * buffer. Python classes may derive from it; their overrides of special methods win over the
 * Java behaviour, as for {@code list}.
 *
 * <h2>Concurrency</h2>
 * The ring (its array, head, size, maximum length and modification state) is only read or
 * changed inside the locking strategy's critical section on this deque
 * ({@link LockingStrategy#enterCriticalSection(dev.interlock.api.memory.ObjectHeader)}): empty
 * under a GIL, a lock under strategies that run threads in parallel. So every single operation
 * ({@code append}, {@code popleft}, {@code rotate}, an index, ...) is atomic, the ring is never
 * seen half-updated, and no Java exception can come out of concurrent use; {@code append} and
 * {@code popleft} from different threads are thread-safe, as CPython documents. No Python code
 * runs inside a section: comparisons ({@code count}, {@code index}, {@code remove}, {@code in})
 * take one item out at a time and compare it outside, then check the modification state, which
 * is how CPython detects "deque mutated during iteration"; references dropped by an operation are
 * released after the section ends. Compound operations ({@code extend} from an iterator,
 * comparisons of whole deques, {@code repr}) are a sequence of atomic steps, or work on a
 * snapshot, and may interleave with other threads' operations, as in CPython.
 */
public final class PyDeque extends PyObject implements RepeatableSequence {

    public static final PyType TYPE = DequeType.define();

    private static final PyObject[] NO_ITEMS = new PyObject[0];
    private static final int MIN_CAPACITY = 8;
    private static final PyStr EXTEND = PyStr.immortal("extend");

    private final LockingStrategy strategy;
    private final PyType type;
    private PyDict dict;

    // ---- guarded by the critical section on this deque
    /** The ring; its length is zero or a power of two. */
    private PyObject[] ring = NO_ITEMS;
    /** Index in {@link #ring} of the leftmost item. */
    private int head;
    /** The number of items. */
    private int size;
    /** The maximum length, or -1 for none. */
    private long maxlen = -1;
    /** Counts changes that invalidate iterators (items added or removed, rotations). */
    private long state;

    private PyDeque(PyType type) {
        this.strategy = Interpreter.current().strategy();
        this.type = type == TYPE ? TYPE : Refs.newRef(type);
    }

    /** A new empty deque without a maximum length. */
    public static PyDeque create() {
        return new PyDeque(TYPE);
    }

    /** A blank instance of {@code type} (deque or a class derived from it); {@code __init__} fills it. */
    static PyDeque allocate(PyType type) {
        return new PyDeque(type);
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public String typeName() {
        return type.isHeapType() ? type.name() : type.qualifiedName();
    }

    /** True for a plain deque, not an instance of a Python subclass. */
    public boolean isExact() {
        return type == TYPE;
    }

    @Override
    public PyDict instanceDict() {
        if (type == TYPE || !type.instancesHaveDict()) {
            return null;
        }
        if (dict == null) {
            dict = PyDict.createNamespace(Interpreter.current());
        }
        return dict;
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return type == TYPE || type.lookupSlot(Slot.GETATTRIBUTE) == null;
    }

    @Override
    public PyObject getAttribute(PyStr name) {
        if (type != TYPE) {
            return HeapDispatch.getAttribute(this, type, name);
        }
        return genericGetAttribute(name);
    }

    // ------------------------------------------------------------------ the ring (call inside a section)

    private int physical(int i) {
        return (head + i) & (ring.length - 1);
    }

    private void ensureRoom() {
        if (size < ring.length) {
            return;
        }
        int capacity = ring.length == 0 ? MIN_CAPACITY : ring.length * 2;
        if (capacity < 0) {
            throw Errors.memoryError();
        }
        resize(capacity);
    }

    private void resize(int capacity) {
        PyObject[] next = new PyObject[capacity];
        for (int i = 0; i < size; i++) {
            next[i] = ring[physical(i)];
        }
        ring = next;
        head = 0;
    }

    /** Gives back memory after many pops, keeping a quarter free. */
    private void maybeShrink() {
        if (ring.length > 64 && size < ring.length / 4) {
            resize(ring.length / 2);
        }
    }

    /** Adds {@code x} (a reference the ring takes over) on the right; returns the item evicted, if any. */
    private PyObject pushRightLocked(PyObject x) {
        state++;
        if (maxlen == 0) {
            return x;
        }
        ensureRoom();
        ring[physical(size)] = x;
        size++;
        return maxlen >= 0 && size > maxlen ? popLeftLocked() : null;
    }

    /** Adds {@code x} (a reference the ring takes over) on the left; returns the item evicted, if any. */
    private PyObject pushLeftLocked(PyObject x) {
        state++;
        if (maxlen == 0) {
            return x;
        }
        ensureRoom();
        head = (head - 1) & (ring.length - 1);
        ring[head] = x;
        size++;
        return maxlen >= 0 && size > maxlen ? popRightLocked() : null;
    }

    private PyObject popLeftLocked() {
        if (size == 0) {
            return null;
        }
        PyObject x = ring[head];
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
        state++;
        return x;
    }

    private PyObject popRightLocked() {
        if (size == 0) {
            return null;
        }
        int p = physical(size - 1);
        PyObject x = ring[p];
        ring[p] = null;
        size--;
        state++;
        return x;
    }

    /** Rotates right by {@code k} steps, {@code 0 <= k < size}, without counting a change. */
    private void rotateRightLocked(int k) {
        if (k == 0) {
            return;
        }
        if (size == ring.length) {
            head = (head - k) & (ring.length - 1);
            return;
        }
        int mask = ring.length - 1;
        if (k <= size / 2) {
            for (int j = 0; j < k; j++) {
                int last = (head + size - 1) & mask;
                PyObject x = ring[last];
                ring[last] = null;
                head = (head - 1) & mask;
                ring[head] = x;
            }
        } else {
            for (int j = 0; j < size - k; j++) {
                PyObject x = ring[head];
                ring[head] = null;
                head = (head + 1) & mask;
                ring[(head + size - 1) & mask] = x;
            }
        }
    }

    private PyObject[] drainLocked() {
        PyObject[] out = new PyObject[size];
        for (int i = 0; i < size; i++) {
            int p = physical(i);
            out[i] = ring[p];
            ring[p] = null;
        }
        if (size > 0) {
            state++;
        }
        size = 0;
        head = 0;
        if (ring.length > 64) {
            ring = NO_ITEMS;
        }
        return out;
    }

    private void enter() {
        strategy.enterCriticalSection(this);
    }

    private void exit() {
        strategy.exitCriticalSection(this);
    }

    // ------------------------------------------------------------------ atomic operations

    /** The number of items. */
    public int size() {
        enter();
        try {
            return size;
        } finally {
            exit();
        }
    }

    /** The maximum length, or -1 for none. */
    public long maxlen() {
        enter();
        try {
            return maxlen;
        } finally {
            exit();
        }
    }

    /** The modification count iterators compare against. */
    long state() {
        enter();
        try {
            return state;
        } finally {
            exit();
        }
    }

    /** The modification state and the size, read together. */
    long[] stateAndSize() {
        enter();
        try {
            return new long[] {state, size};
        } finally {
            exit();
        }
    }

    /** Appends a borrowed value on the right, evicting from the left when full. */
    public void append(PyObject x) {
        Refs.incref(x);
        PyObject evicted;
        enter();
        try {
            evicted = pushRightLocked(x);
        } finally {
            exit();
        }
        Refs.xdecref(evicted);
    }

    /** Appends a borrowed value on the left, evicting from the right when full. */
    public void appendLeft(PyObject x) {
        Refs.incref(x);
        PyObject evicted;
        enter();
        try {
            evicted = pushLeftLocked(x);
        } finally {
            exit();
        }
        Refs.xdecref(evicted);
    }

    /** Appends items whose references the deque takes over, in one step. */
    private void pushAllSteal(PyObject[] items, boolean left) {
        List<PyObject> evicted = null;
        enter();
        try {
            for (PyObject x : items) {
                PyObject e = left ? pushLeftLocked(x) : pushRightLocked(x);
                if (e != null) {
                    if (evicted == null) {
                        evicted = new ArrayList<>();
                    }
                    evicted.add(e);
                }
            }
        } finally {
            exit();
        }
        if (evicted != null) {
            for (PyObject e : evicted) {
                Refs.decref(e);
            }
        }
    }

    /** Removes and returns the rightmost item (a new reference), or null if empty. */
    public PyObject popRight() {
        enter();
        try {
            PyObject x = popRightLocked();
            maybeShrink();
            return x;
        } finally {
            exit();
        }
    }

    /** Removes and returns the leftmost item (a new reference), or null if empty. */
    public PyObject popLeft() {
        enter();
        try {
            PyObject x = popLeftLocked();
            maybeShrink();
            return x;
        } finally {
            exit();
        }
    }

    /** Item {@code i} (a new reference), or null if {@code i} is out of range now. */
    public PyObject getNew(long i) {
        enter();
        try {
            if (i < 0 || i >= size) {
                return null;
            }
            PyObject x = ring[physical((int) i)];
            Refs.incref(x);
            return x;
        } finally {
            exit();
        }
    }

    /**
     * Item {@code i} (a new reference) if the deque is still in modification state
     * {@code expected}; null past the end; {@link #MUTATED} if it has changed.
     */
    PyObject getIfUnchanged(long expected, long i) {
        enter();
        try {
            if (state != expected) {
                return MUTATED;
            }
            if (i < 0 || i >= size) {
                return null;
            }
            PyObject x = ring[physical((int) i)];
            Refs.incref(x);
            return x;
        } finally {
            exit();
        }
    }

    /** Returned by {@link #getIfUnchanged} when the deque changed; never seen by Python code. */
    static final PyObject MUTATED = PyStr.immortal("<deque mutated>");

    /** Removes every item. */
    public void clear() {
        PyObject[] old;
        enter();
        try {
            old = drainLocked();
        } finally {
            exit();
        }
        Refs.decrefAll(old);
    }

    /** New references to all items, left to right. */
    public PyObject[] snapshot() {
        enter();
        try {
            PyObject[] out = new PyObject[size];
            for (int i = 0; i < size; i++) {
                PyObject x = ring[physical(i)];
                Refs.incref(x);
                out[i] = x;
            }
            return out;
        } finally {
            exit();
        }
    }

    // ------------------------------------------------------------------ Python methods

    /** {@code extend} or {@code extendleft}: appends every item of {@code iterable}. */
    void extend(PyObject iterable, boolean left) {
        if (iterable == this || (iterable instanceof PyList l && l.isExact())
                || (iterable instanceof PyTuple t && t.isExact())) {
            PyObject[] items = iterable == this ? snapshot() : Iteration.toArray(iterable);
            pushAllSteal(items, left);
            return;
        }
        PyObject it = iterable.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                PyObject evicted;
                enter();
                try {
                    evicted = left ? pushLeftLocked(x) : pushRightLocked(x);
                } finally {
                    exit();
                }
                Refs.xdecref(evicted);
            }
        } finally {
            Refs.decref(it);
        }
    }

    /** {@code __init__(iterable=(), maxlen=None)}: empties the deque, sets the maximum length, fills it. */
    void init(PyObject iterable, PyObject maxlenArg) {
        long m = parseMaxlen(maxlenArg);
        PyObject[] old;
        enter();
        try {
            old = drainLocked();
            maxlen = m;
        } finally {
            exit();
        }
        Refs.decrefAll(old);
        if (iterable != null) {
            extend(iterable, false);
        }
    }

    static long parseMaxlen(PyObject m) {
        if (m == null || m == dev.interlock.vm.objects.PyNone.INSTANCE) {
            return -1;
        }
        if (!(m instanceof PyInt i)) {
            throw Errors.typeError("an integer is required");
        }
        if (!i.isSmall()) {
            throw Errors.overflowError("Python int too large to convert to C ssize_t");
        }
        long v = i.longValue();
        if (v < 0) {
            throw Errors.valueError("maxlen must be non-negative");
        }
        return v;
    }

    /** {@code rotate(n)}: right by {@code n} steps, left for negative {@code n}. */
    void rotate(long n) {
        enter();
        try {
            if (size <= 1) {
                return;
            }
            state++;
            int k = (int) Math.floorMod(n, (long) size);
            rotateRightLocked(k);
        } finally {
            exit();
        }
    }

    /** {@code reverse()}: in place; iterators carry on from their position. */
    void reverse() {
        enter();
        try {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                int pi = physical(i);
                int pj = physical(j);
                PyObject t = ring[pi];
                ring[pi] = ring[pj];
                ring[pj] = t;
            }
        } finally {
            exit();
        }
    }

    /**
     * Compares item after item with {@code x} from {@code start} to {@code stop}, as CPython's
     * deque methods do: one item out at a time, compared outside the section, then the
     * modification state checked. Returns the index of the first equal item, or -1.
     *
     * @param mutationIsIndexError {@code remove} reports a change as IndexError, the others as RuntimeError
     */
    private long find(PyObject x, long start, long stop, boolean mutationIsIndexError) {
        long expected = state();
        for (long i = start; i < stop; i++) {
            PyObject item = getIfUnchanged(expected, i);
            if (item == MUTATED) {
                throw mutated(mutationIsIndexError);
            }
            if (item == null) {
                return -1;
            }
            boolean eq;
            try {
                eq = item == x || Compare.isEqual(item, x);
            } finally {
                Refs.decref(item);
            }
            if (state() != expected) {
                throw mutated(mutationIsIndexError);
            }
            if (eq) {
                return i;
            }
        }
        return -1;
    }

    private static PyException mutated(boolean indexError) {
        return indexError ? Errors.indexError("deque mutated during iteration")
                : Errors.runtimeError("deque mutated during iteration");
    }

    /** {@code count(x)}. */
    long count(PyObject x) {
        long expected = state();
        long n = 0;
        for (long i = 0; ; i++) {
            PyObject item = getIfUnchanged(expected, i);
            if (item == MUTATED) {
                throw mutated(false);
            }
            if (item == null) {
                return n;
            }
            boolean eq;
            try {
                eq = item == x || Compare.isEqual(item, x);
            } finally {
                Refs.decref(item);
            }
            if (state() != expected) {
                throw mutated(false);
            }
            if (eq) {
                n++;
            }
        }
    }

    /** {@code index(x[, start[, stop]])}, with bounds clamped like a slice. */
    long index(PyObject x, PyObject startArg, PyObject stopArg) {
        int n = size();
        long start = startArg == null ? 0 : sliceIndex(startArg);
        long stop = stopArg == null ? n : sliceIndex(stopArg);
        if (start < 0) {
            start = Math.max(0, start + n);
        }
        if (stop < 0) {
            stop = Math.max(0, stop + n);
        }
        stop = Math.min(stop, n);
        long i = start < stop ? find(x, start, stop, false) : -1;
        if (i < 0) {
            throw Errors.valueError(x.repr() + " is not in deque");
        }
        return i;
    }

    /** {@code _PyEval_SliceIndex}: an int or an object with {@code __index__}, clamped to a long. */
    private static long sliceIndex(PyObject v) {
        PyInt i;
        if (v instanceof PyInt direct) {
            i = Refs.newRef(direct);
        } else {
            try {
                i = v.asIndex();
            } catch (PyException e) {
                if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                    e.release();
                    throw Errors.typeError("slice indices must be integers or have an __index__ method");
                }
                throw e;
            }
        }
        try {
            if (i.isSmall()) {
                return i.longValue();
            }
            return i.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        } finally {
            Refs.decref(i);
        }
    }

    /** {@code remove(x)}: the first equal item. */
    void remove(PyObject x) {
        long expected = state();
        long i = find(x, 0, Long.MAX_VALUE, true);
        if (i < 0) {
            throw Errors.valueError(x.repr() + " is not in deque");
        }
        PyObject removed;
        enter();
        try {
            if (state != expected) {
                removed = MUTATED;
            } else {
                removed = removeAtLocked((int) i);
            }
        } finally {
            exit();
        }
        if (removed == MUTATED) {
            throw mutated(true);
        }
        Refs.xdecref(removed);
    }

    private PyObject removeAtLocked(int i) {
        if (i < 0 || i >= size) {
            return null;
        }
        int mask = ring.length - 1;
        PyObject x = ring[physical(i)];
        if (i < size / 2) {
            for (int j = i; j > 0; j--) {
                ring[(head + j) & mask] = ring[(head + j - 1) & mask];
            }
            ring[head] = null;
            head = (head + 1) & mask;
        } else {
            for (int j = i; j < size - 1; j++) {
                ring[(head + j) & mask] = ring[(head + j + 1) & mask];
            }
            ring[(head + size - 1) & mask] = null;
        }
        size--;
        state++;
        return x;
    }

    /** {@code insert(i, x)}, positions as {@code list.insert}; IndexError when at the maximum length. */
    void insert(long i, PyObject x) {
        Refs.incref(x);
        boolean full;
        enter();
        try {
            full = maxlen >= 0 && size >= maxlen;
            if (!full) {
                long n = size;
                if (i < 0) {
                    i = Math.max(0, i + n);
                }
                int at = (int) Math.min(i, n);
                ensureRoom();
                int mask = ring.length - 1;
                if (at < size / 2) {
                    head = (head - 1) & mask;
                    for (int j = 0; j < at; j++) {
                        ring[(head + j) & mask] = ring[(head + j + 1) & mask];
                    }
                } else {
                    for (int j = size; j > at; j--) {
                        ring[(head + j) & mask] = ring[(head + j - 1) & mask];
                    }
                }
                ring[(head + at) & mask] = x;
                size++;
                state++;
            }
        } finally {
            exit();
        }
        if (full) {
            Refs.decref(x);
            throw Errors.indexError("deque already at its maximum size");
        }
    }

    /** {@code copy()}: a deque of the same type and maximum length. */
    PyObject copyDeque() {
        if (type == TYPE) {
            PyDeque out = new PyDeque(TYPE);
            PyObject[] items = snapshot();
            out.maxlen = maxlen();
            out.pushAllSteal(items, false);
            return out;
        }
        long m = maxlen();
        if (m < 0) {
            return type.call(new PyObject[] {this}, 0, 1, null);
        }
        PyInt ml = PyInt.of(m);
        try {
            return type.call(new PyObject[] {this, ml}, 0, 2, null);
        } finally {
            Refs.decref(ml);
        }
    }

    /** {@code self *= n} with n already an index. */
    void repeatInPlace(long n) {
        PyObject[] items = snapshot();
        try {
            int len = items.length;
            if (n <= 0 || len == 0) {
                if (len > 0) {
                    clear();
                }
                return;
            }
            if (n == 1) {
                return;
            }
            long m = maxlen();
            long total;
            try {
                total = Math.multiplyExact(n, (long) len);
            } catch (ArithmeticException e) {
                total = Long.MAX_VALUE;
            }
            // Appending (n-1) more copies keeps, with a maximum length, only the last m items.
            long appended = total - len;
            long keepAppended = m >= 0 ? Math.min(appended, m) : appended;
            if (keepAppended > Integer.MAX_VALUE - 16) {
                throw Errors.memoryError();
            }
            PyObject[] extra = new PyObject[(int) keepAppended];
            long first = appended - keepAppended;
            for (int k = 0; k < extra.length; k++) {
                PyObject x = items[(int) ((first + k) % len)];
                Refs.incref(x);
                extra[k] = x;
            }
            pushAllSteal(extra, false);
        } finally {
            Refs.decrefAll(items);
        }
    }

    /** The repetition count of {@code d * n}: an index, with CPython's OverflowError for huge values. */
    static long repeatCount(PyObject n) {
        PyInt i = n.asIndex();
        try {
            if (!i.isSmall()) {
                throw Errors.overflowError("cannot fit 'int' into an index-sized integer");
            }
            return i.longValue();
        } finally {
            Refs.decref(i);
        }
    }

    // ------------------------------------------------------------------ protocol

    @Override
    public boolean hasLength() {
        return true;
    }

    @Override
    public int length() {
        if (type != TYPE) {
            int n = HeapDispatch.length(this, type);
            if (n >= 0) {
                return n;
            }
        }
        return size();
    }

    @Override
    public boolean isTrue() {
        if (type != TYPE) {
            Boolean b = HeapDispatch.isTrue(this, type);
            if (b != null) {
                return b;
            }
        }
        return size() != 0;
    }

    @Override
    public boolean isHashable() {
        return type != TYPE && type.lookupSlot(Slot.HASH) != null
                && type.lookupSlot(Slot.HASH) != dev.interlock.vm.objects.PyNone.INSTANCE;
    }

    @Override
    public long hash() {
        if (type != TYPE) {
            Long h = HeapDispatch.hash(this, type);
            if (h != null) {
                return h;
            }
        }
        throw Errors.typeError("unhashable type: '" + typeName() + "'");
    }

    /** A subscript as CPython's {@code sq_item} path converts it. */
    private long subscript(PyObject key) {
        if (key instanceof PyInt i) {
            if (!i.isSmall()) {
                throw Errors.indexError("cannot fit 'int' into an index-sized integer");
            }
            return i.longValue();
        }
        PyInt i;
        try {
            i = key.asIndex();
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                e.release();
                throw Errors.typeError("sequence index must be integer, not '" + key.typeName() + "'");
            }
            throw e;
        }
        try {
            if (!i.isSmall()) {
                throw Errors.indexError("cannot fit 'int' into an index-sized integer");
            }
            return i.longValue();
        } finally {
            Refs.decref(i);
        }
    }

    /** An index as the {@code __getitem__}-style method wrappers convert it ({@code PyNumber_AsSsize_t}). */
    static long methodIndex(PyObject key) {
        PyInt i = key.asIndex();
        try {
            if (!i.isSmall()) {
                throw Errors.overflowError("Python int too large to convert to C ssize_t");
            }
            return i.longValue();
        } finally {
            Refs.decref(i);
        }
    }

    @Override
    public PyObject getItem(PyObject key) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.getItem(this, type, key);
            if (r != null) {
                return r;
            }
        }
        return getIndex(subscript(key));
    }

    /** {@code d[i]} for an index already converted; negative counts from the right. */
    PyObject getIndex(long i) {
        if (i < 0) {
            i += size();
        }
        PyObject x = getNew(i);
        if (x == null) {
            throw Errors.indexError("deque index out of range");
        }
        return x;
    }

    @Override
    public void setItem(PyObject key, PyObject value) {
        if (type != TYPE && HeapDispatch.setItem(this, type, key, value)) {
            return;
        }
        setIndex(subscript(key), value);
    }

    /** {@code d[i] = value}; does not disturb iterators, as in CPython. */
    void setIndex(long i, PyObject value) {
        Refs.incref(value);
        PyObject old;
        enter();
        try {
            if (i < 0) {
                i += size;
            }
            if (i < 0 || i >= size) {
                old = null;
            } else {
                int p = physical((int) i);
                old = ring[p];
                ring[p] = value;
            }
        } finally {
            exit();
        }
        if (old == null) {
            Refs.decref(value);
            throw Errors.indexError("deque index out of range");
        }
        Refs.decref(old);
    }

    @Override
    public void deleteItem(PyObject key) {
        if (type != TYPE && HeapDispatch.deleteItem(this, type, key)) {
            return;
        }
        deleteIndex(subscript(key));
    }

    /** {@code del d[i]}. */
    void deleteIndex(long i) {
        PyObject old;
        enter();
        try {
            if (i < 0) {
                i += size;
            }
            old = i < 0 || i >= size ? null : removeAtLocked((int) i);
        } finally {
            exit();
        }
        if (old == null) {
            throw Errors.indexError("deque index out of range");
        }
        Refs.decref(old);
    }

    @Override
    public boolean contains(PyObject item) {
        if (type != TYPE) {
            Boolean b = HeapDispatch.contains(this, type, item);
            if (b != null) {
                return b;
            }
        }
        return find(item, 0, Long.MAX_VALUE, false) >= 0;
    }

    @Override
    public PyObject iter() {
        if (type != TYPE) {
            PyObject r = HeapDispatch.iter(this, type);
            if (r != null) {
                return r;
            }
        }
        return new DequeIterator(this, false);
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.richCompare(this, type, other, op);
            if (r != null) {
                return r;
            }
        }
        if (!(other instanceof PyDeque o)) {
            return PyNotImplemented.INSTANCE;
        }
        PyObject[] a = snapshot();
        PyObject[] b = o == this ? a : o.snapshot();
        try {
            return Sequences.compare(a, a.length, b, b.length, op);
        } finally {
            Refs.decrefAll(a);
            if (b != a) {
                Refs.decrefAll(b);
            }
        }
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.binaryOp(this, type, op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.ADD) {
            return concat(other);
        }
        if (op == BinaryOp.MUL && repeatsBy(other)) {
            return repeat(repeatCount(other));
        }
        return PyNotImplemented.INSTANCE;
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.reflected(this, type, op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.MUL && repeatsBy(other)) {
            return repeat(repeatCount(other));
        }
        return PyNotImplemented.INSTANCE;
    }

    /**
     * True when {@code d * other} is a repetition: an int, or an object with {@code __index__}
     * that has no {@code __rmul__} of its own to try first (CPython tries the number protocol
     * before the sequence's repeat).
     */
    private static boolean repeatsBy(PyObject other) {
        if (other instanceof PyInt) {
            return true;
        }
        PyType t = other.type();
        if (!t.isHeapType() || t.lookupSlot(Slot.INDEX) == null) {
            return false;
        }
        PyObject rmul = t.lookup(BinaryOp.MUL.reflectedName());
        if (rmul != null) {
            Refs.decref(rmul);
            return false;
        }
        return true;
    }

    @Override
    public PyObject inplaceOp(BinaryOp op, PyObject other) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.inplace(this, type, op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.ADD) {
            extend(other, false);
            return Refs.newRef(this);
        }
        if (op == BinaryOp.MUL && repeatsBy(other)) {
            repeatInPlace(repeatCount(other));
            return Refs.newRef(this);
        }
        return PyNotImplemented.INSTANCE;
    }

    /** {@code d + other}: a copy (same type and maximum length) extended by another deque. */
    PyObject concat(PyObject other) {
        if (!(other instanceof PyDeque)) {
            throw Errors.typeError("can only concatenate deque (not \"" + other.typeName() + "\") to deque");
        }
        PyObject out = copyDeque();
        try {
            if (out instanceof PyDeque d) {
                d.extend(other, false);
            } else {
                PyObject extend = out.getAttribute(EXTEND);
                try {
                    Refs.decref(extend.call(new PyObject[] {other}, 0, 1, null));
                } finally {
                    Refs.decref(extend);
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    /** {@code d * n}: a copy repeated in place. */
    PyObject repeat(long n) {
        PyObject out = copyDeque();
        try {
            if (out instanceof PyDeque d) {
                d.repeatInPlace(n);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    @Override
    public String repr() {
        if (type != TYPE) {
            String r = HeapDispatch.repr(this, type);
            if (r != null) {
                return r;
            }
        }
        return builtinRepr();
    }

    /** {@code deque.__repr__}: {@code deque([1, 2])}, {@code deque([1], maxlen=3)}, {@code [...]} when recursive. */
    String builtinRepr() {
        if (!ReprGuard.enter(this)) {
            return "[...]";
        }
        try {
            PyObject[] items = snapshot();
            StringBuilder b = new StringBuilder(type.name()).append("([");
            try {
                for (int i = 0; i < items.length; i++) {
                    if (i > 0) {
                        b.append(", ");
                    }
                    b.append(items[i].repr());
                }
            } finally {
                Refs.decrefAll(items);
            }
            b.append(']');
            long m = maxlen();
            if (m >= 0) {
                b.append(", maxlen=").append(m);
            }
            return b.append(')').toString();
        } finally {
            ReprGuard.exit(this);
        }
    }

    @Override
    public String str() {
        if (type != TYPE) {
            String r = HeapDispatch.str(this, type);
            if (r != null) {
                return r;
            }
        }
        return repr();
    }

    // ------------------------------------------------------------------ references

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (int i = 0; i < size; i++) {
            visitor.visit(ring[physical(i)]);
        }
        if (type != TYPE) {
            visitor.visit(type);
            if (dict != null) {
                visitor.visit(dict);
            }
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyObject[] items = drainLocked();
        for (PyObject x : items) {
            memory.decref(x);
        }
        if (type != TYPE) {
            PyDict d = dict;
            dict = null;
            if (d != null) {
                memory.decref(d);
            }
            memory.decref(type);
        }
    }
}
