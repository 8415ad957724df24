package dev.interlock.vm.objects;

import dev.interlock.api.LockingStrategy;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.memory.FreedStorage;
import dev.interlock.vm.memory.UseAfterFree;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.runtime.Interpreter;

/**
 * Python's {@code list}. Its items live in a {@link ListStorage} supplied by the locking strategy,
 * which makes each storage operation atomic by its own means. This class adds Python's semantics
 * and error messages, and takes care never to run Python code (an {@code __eq__}, a sort key)
 * inside a storage operation: comparisons work on items taken out one at a time or on snapshots.
 */
public final class PyList extends PyObject {

    public static final PyType TYPE = ListType.define();

    /** The items; replaced by a {@link FreedStorage} when the list is deallocated. */
    private ListStorage<PyObject> items;
    private final PyType type;
    private PyDict dict;
    private static final java.lang.invoke.VarHandle DICT = SharedFields.handle(
            java.lang.invoke.MethodHandles.lookup(), PyList.class, "dict", PyDict.class);

    private PyList(Interpreter interp, int capacity) {
        this.items = interp.storage().newList(this, capacity);
        this.type = TYPE;
    }

    private PyList(Interpreter interp, PyType subtype) {
        this.items = interp.storage().newList(this, 0);
        this.type = Refs.newRef(subtype);
    }

    /** A blank instance of a Python class derived from list. */
    static PyList withType(PyType subtype) {
        return new PyList(Interpreter.current(), subtype);
    }

    /** True for a plain list (not an instance of a subclass), whose behaviour no Python code overrides. */
    public boolean isExact() {
        return type == TYPE;
    }

    /** A new empty list. */
    public static PyList create() {
        return new PyList(Interpreter.current(), 0);
    }

    /** A new empty list with room for {@code capacity} items. */
    public static PyList create(int capacity) {
        return new PyList(Interpreter.current(), capacity);
    }

    /** A new list holding the borrowed items (it takes its own references). */
    public static PyList of(PyObject... values) {
        PyList list = create(values.length);
        list.items.extend(values);
        return list;
    }

    /** A new list that takes over the references in {@code values}. */
    public static PyList steal(PyObject[] values) {
        PyList list = create(values.length);
        list.items.extend(values);
        Refs.decrefAll(values);
        return list;
    }

    /** {@code list(iterable)}. */
    public static PyList fromIterable(PyObject iterable) {
        return steal(Iteration.toArray(iterable));
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict instanceDict() {
        if (type == TYPE || !type.instancesHaveDict()) {
            return null;
        }
        PyDict d = SharedFields.peek(DICT, this);
        if (d == null) {
            if (isDeallocated()) {
                throw UseAfterFree.used(this);
            }
            d = SharedFields.install(DICT, this, PyDict.createNamespace(Interpreter.current())); // two racing threads keep one dict
        }
        return d;
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

    /** The storage, for the eval loop's fast paths. */
    public ListStorage<PyObject> storage() {
        return items;
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    /** New references to all items, in order. */
    public PyObject[] snapshot() {
        ObjectHeader[] raw = items.snapshot();
        PyObject[] out = new PyObject[raw.length];
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }

    /** Item {@code i} as a new reference, or null if out of range. */
    public PyObject getNew(int i) {
        return items.getNew(i);
    }

    /** Appends a borrowed value. */
    public void append(PyObject value) {
        items.append(value);
    }

    /** Appends every item of {@code iterable}. */
    public void extend(PyObject iterable) {
        if (iterable instanceof PyList other) {
            items.extendFrom(other.items);
            return;
        }
        PyObject[] values = Iteration.toArray(iterable);
        items.extend(values);
        Refs.decrefAll(values);
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
        return items.size();
    }

    @Override
    public boolean isTrue() {
        if (type != TYPE) {
            Boolean b = HeapDispatch.isTrue(this, type);
            if (b != null) {
                return b;
            }
        }
        return items.size() != 0;
    }

    @Override
    public boolean isHashable() {
        return type != TYPE && type.lookupSlot(Slot.HASH) != null && type.lookupSlot(Slot.HASH) != PyNone.INSTANCE;
    }

    @Override
    public long hash() {
        if (type != TYPE) {
            Long h = HeapDispatch.hash(this, type);
            if (h != null) {
                return h;
            }
        }
        throw Errors.typeError("unhashable type: '" + type.name() + "'");
    }

    @Override
    public PyObject getItem(PyObject key) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.getItem(this, type, key);
            if (r != null) {
                return r;
            }
        }
        return builtinGetItem(key);
    }

    /** {@code list.__getitem__}: an index or a slice, whatever a subclass overrides. */
    public PyObject builtinGetItem(PyObject key) {
        if (key instanceof PyInt k && k.isSmall()) {
            return getIndex(k.longValue());
        }
        if (key instanceof PySlice slice) {
            PySlice.Indices ix = slice.indices(items.size());
            ObjectHeader[] raw = items.snapshot(ix.start(), ix.stop(), ix.step());
            PyList out = create(raw.length);
            out.items.extend(raw);
            Refs.decrefAll(raw);
            return out;
        }
        return getIndex(Sequences.index(key, "list"));
    }

    /** {@code self[i]} for an integer index. */
    public PyObject getIndex(long i) {
        if (i < 0) {
            i += items.size();
        }
        PyObject v = i < 0 || i > Integer.MAX_VALUE ? null : items.getNew((int) i);
        if (v == null) {
            throw Errors.indexError("list index out of range");
        }
        return v;
    }

    @Override
    public void setItem(PyObject key, PyObject value) {
        if (type != TYPE && HeapDispatch.setItem(this, type, key, value)) {
            return;
        }
        builtinSetItem(key, value);
    }

    /** {@code list.__setitem__}. */
    public void builtinSetItem(PyObject key, PyObject value) {
        if (key instanceof PySlice slice) {
            setSlice(slice, value);
            return;
        }
        long i = Sequences.index(key, "list");
        if (i < 0) {
            i += items.size();
        }
        PyObject old = i < 0 || i > Integer.MAX_VALUE ? null : items.replace((int) i, value);
        if (old == null) {
            throw Errors.indexError("list assignment index out of range");
        }
        Refs.decref(old);
    }

    private void setSlice(PySlice slice, PyObject value) {
        if (value instanceof PyList other && other != this && other.isExact()) {
            // Both lists in one critical section, as CPython's list_ass_slice for a list value.
            LockingStrategy strategy = Interpreter.current().strategy();
            strategy.enterCriticalSection(this, other);
            try {
                assignSlice(slice, other.snapshot());
            } finally {
                strategy.exitCriticalSection(this, other);
            }
            return;
        }
        PyObject[] values;
        if (value == this) {
            values = snapshot();
        } else {
            try {
                values = Iteration.toArray(value);
            } catch (dev.interlock.vm.errors.PyException e) {
                if (e.matches(ExceptionTypes.TYPE_ERROR) && !value.type().isSubtypeOf(PyList.TYPE)) {
                    e.release();
                    throw Errors.typeError("can only assign an iterable");
                }
                throw e;
            }
        }
        assignSlice(slice, values);
    }

    /** Stores {@code values} (new references, given back here) in the slice. */
    private void assignSlice(PySlice slice, PyObject[] values) {
        try {
            PySlice.Indices ix = slice.indices(items.size());
            if (ix.step() == 1) {
                items.replaceRange(ix.start(), Math.max(ix.start(), ix.stop()), values);
            } else {
                if (values.length != ix.length()) {
                    throw Errors.valueError("attempt to assign sequence of size " + values.length
                            + " to extended slice of size " + ix.length());
                }
                if (!items.replaceStrided(ix.start(), ix.step(), values)) {
                    throw Errors.valueError("list changed size during slice assignment");
                }
            }
        } finally {
            Refs.decrefAll(values);
        }
    }

    @Override
    public void deleteItem(PyObject key) {
        if (type != TYPE && HeapDispatch.deleteItem(this, type, key)) {
            return;
        }
        builtinDeleteItem(key);
    }

    /** {@code list.__delitem__}. */
    public void builtinDeleteItem(PyObject key) {
        if (key instanceof PySlice slice) {
            PySlice.Indices ix = slice.indices(items.size());
            if (ix.length() > 0) {
                if (ix.step() > 0) {
                    items.deleteRange(ix.start(), ix.stop(), ix.step());
                } else {
                    // delete the same positions walking forwards
                    int first = ix.start() + (ix.length() - 1) * ix.step();
                    items.deleteRange(first, ix.start() + 1, -ix.step());
                }
            }
            return;
        }
        long i = Sequences.index(key, "list");
        if (i < 0) {
            i += items.size();
        }
        PyObject old = i < 0 || i > Integer.MAX_VALUE ? null : items.pop((int) i);
        if (old == null) {
            throw Errors.indexError("list assignment index out of range");
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
        return builtinContains(item);
    }

    /** {@code list.__contains__}. */
    public boolean builtinContains(PyObject item) {
        for (int i = 0; ; i++) {
            PyObject x = items.getNew(i);
            if (x == null) {
                return false;
            }
            try {
                if (Compare.isEqual(x, item)) {
                    return true;
                }
            } finally {
                Refs.decref(x);
            }
        }
    }

    @Override
    public PyObject iter() {
        if (type != TYPE) {
            PyObject r = HeapDispatch.iter(this, type);
            if (r != null) {
                return r;
            }
        }
        return new ListIterator(this);
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.richCompare(this, type, other, op);
            if (r != null) {
                return r;
            }
        }
        if (!(other instanceof PyList o)) {
            return PyNotImplemented.INSTANCE;
        }
        PyObject[] a;
        PyObject[] b;
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, o);
        try {
            a = snapshot();
            b = o.snapshot();
        } finally {
            strategy.exitCriticalSection(this, o);
        }
        try {
            return Sequences.compare(a, a.length, b, b.length, op);
        } finally {
            Refs.decrefAll(a);
            Refs.decrefAll(b);
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
            if (!(other instanceof PyList o)) {
                throw Errors.typeError("can only concatenate list (not \"" + other.typeName() + "\") to list");
            }
            PyList out = create(items.size() + o.items.size());
            LockingStrategy strategy = Interpreter.current().strategy();
            strategy.enterCriticalSection(this, o);
            try {
                out.items.extendFrom(items);
                out.items.extendFrom(o.items);
            } finally {
                strategy.exitCriticalSection(this, o);
            }
            return out;
        }
        if (op == BinaryOp.MUL && other instanceof PyInt n) {
            return repeat(n);
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
        if (op == BinaryOp.MUL && other instanceof PyInt n) {
            return repeat(n);
        }
        return PyNotImplemented.INSTANCE;
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
            extend(other);
            return Refs.newRef(this);
        }
        if (op == BinaryOp.MUL && other instanceof PyInt n) {
            PyObject[] snap = snapshot();
            try {
                long count = Sequences.repeatCount(n, snap.length);
                if (count <= 0) {
                    clear();
                } else {
                    for (long k = 1; k < count; k++) {
                        items.extend(snap);
                    }
                }
            } finally {
                Refs.decrefAll(snap);
            }
            return Refs.newRef(this);
        }
        return PyNotImplemented.INSTANCE;
    }

    private PyObject repeat(PyInt n) {
        PyObject[] snap = snapshot();
        try {
            long count = Sequences.repeatCount(n, snap.length);
            PyList out = create((int) Math.max(0, count * snap.length));
            for (long k = 0; k < count; k++) {
                out.items.extend(snap);
            }
            return out;
        } finally {
            Refs.decrefAll(snap);
        }
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

    /** {@code list.__repr__}, whatever a subclass overrides. */
    public String builtinRepr() {
        if (items.size() == 0) {
            return "[]";
        }
        if (!ReprGuard.enter(this)) {
            return "[...]";
        }
        PyObject[] snap = snapshot();
        try {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < snap.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(snap[i].repr());
            }
            return b.append(']').toString();
        } finally {
            Refs.decrefAll(snap);
            ReprGuard.exit(this);
        }
    }

    // ------------------------------------------------------------------ methods

    /** {@code list.clear()}. */
    public void clear() {
        items.clear();
    }

    /** {@code list.insert(i, x)}. */
    void insert(long index, PyObject value) {
        int n = items.size();
        if (index < 0) {
            index = Math.max(0, index + n);
        }
        items.insert((int) Math.min(index, Integer.MAX_VALUE), value);
    }

    /** {@code list.pop(i)}: a new reference. */
    PyObject pop(long index) {
        if (items.size() == 0) {
            throw Errors.indexError("pop from empty list");
        }
        PyObject v = index < Integer.MIN_VALUE || index > Integer.MAX_VALUE ? null : items.pop((int) index);
        if (v == null) {
            throw Errors.indexError(items.size() == 0 ? "pop from empty list" : "pop index out of range");
        }
        return v;
    }

    /** {@code list.remove(x)}. */
    void remove(PyObject x) {
        for (int i = 0; ; i++) {
            PyObject item = items.getNew(i);
            if (item == null) {
                throw Errors.valueError("list.remove(x): x not in list");
            }
            boolean eq;
            try {
                eq = Compare.isEqual(item, x);
            } finally {
                Refs.decref(item);
            }
            if (eq) {
                PyObject removed = items.pop(i);
                Refs.xdecref(removed);
                return;
            }
        }
    }

    /** {@code list.index(x, start, stop)}. */
    int index(PyObject x, PyObject start, PyObject stop) {
        int[] range = Sequences.searchRange(items.size(), start, stop);
        for (int i = range[0]; i < range[1]; i++) {
            PyObject item = items.getNew(i);
            if (item == null) {
                break;
            }
            try {
                if (Compare.isEqual(item, x)) {
                    return i;
                }
            } finally {
                Refs.decref(item);
            }
        }
        throw Errors.valueError(x.repr() + " is not in list");
    }

    /** {@code list.count(x)}. */
    int count(PyObject x) {
        int c = 0;
        for (int i = 0; ; i++) {
            PyObject item = items.getNew(i);
            if (item == null) {
                return c;
            }
            try {
                if (Compare.isEqual(item, x)) {
                    c++;
                }
            } finally {
                Refs.decref(item);
            }
        }
    }

    /** {@code list.reverse()}. */
    void reverse() {
        items.reverse();
    }

    /**
     * {@code list.sort(key=None, reverse=False)}: stable, using only {@code <}. As in CPython the
     * list is empty while it sorts, and a change made meanwhile is an error.
     */
    void sort(PyObject key, boolean reverse) {
        ObjectHeader[] raw = items.takeAll();
        PyObject[] values = new PyObject[raw.length];
        System.arraycopy(raw, 0, values, 0, raw.length);
        try {
            Sorting.sort(values, key, reverse);
        } catch (RuntimeException | Error e) {
            if (!items.restoreIfEmpty(values)) {
                Refs.decrefAll(values);
            }
            throw e;
        }
        if (!items.restoreIfEmpty(values)) {
            Refs.decrefAll(values);
            throw Errors.valueError("list modified during sort");
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

    @Override
    public void traverse(ReferenceVisitor visitor) {
        items.traverse(visitor);
        if (type != TYPE) {
            visitor.visit(type);
            if (dict != null) {
                visitor.visit(dict);
            }
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        ListStorage<PyObject> held = items;
        items = FreedStorage.list(this);
        held.clear();
        if (type != TYPE) {
            PyDict d = dict;
            dict = null;
            if (d != null) {
                memory.decref(d);
            }
            memory.decref(type);
        }
    }

    /**
     * Iterates a list by index, as CPython's {@code listiterator}: never throws on a concurrent
     * change, and gives the list back when exhausted. Threads may share one iterator: the position
     * is read once per step (a lost update repeats an item, never skips one), exactly one of them
     * gives the list back, and one still reading the list after that finds it empty, which is the
     * end it was about to reach.
     */
    static final class ListIterator extends PyObject {
        static final PyType TYPE = PyType.builtin("list_iterator", PyType.OBJECT).finalType()
                .slotWrappers(ListIterator.class).build();

        private static final java.lang.invoke.VarHandle LIST = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
                ListIterator.class, "list", PyList.class);
        private volatile PyList list;
        private int index;

        ListIterator(PyList list) {
            this.list = list;
            Refs.incref(list);
            Refs.memory().share(list); // threads sharing the iterator count it with tryIncref
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject iter() {
            return Refs.newRef(this);
        }

        @Override
        public PyObject next() {
            // A reference of this call's own: another thread sharing the iterator may reach the
            // end and give the list back (possibly its last reference) while this one reads it.
            PyList l = SharedFields.loadNew(LIST, this);
            if (l == null) {
                return null;
            }
            try {
                int i = index;
                PyObject v = l.items.getNew(i);
                if (v == null) {
                    if (LIST.compareAndSet(this, l, null)) { // exactly one of the threads sharing it gives the list back
                        Refs.decref(l);
                    }
                    return null;
                }
                index = i + 1;
                return v;
            } finally {
                Refs.decref(l);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            PyList l = list;
            if (l != null) {
                visitor.visit(l);
            }
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            PyList l = SharedFields.exchange(LIST, this, null);
            if (l != null) {
                memory.decref(l);
            }
        }
    }
}
