package dev.interlock.vm.objects;

import dev.interlock.api.LockingStrategy;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.SetStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.memory.FreedStorage;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.runtime.Interpreter;

/**
 * What {@code set} and {@code frozenset} share: elements in a {@link SetStorage} supplied by the
 * locking strategy, the algebra ({@code | & - ^}), the subset comparisons and the CPython repr.
 * Results take the type of the left operand, as in CPython.
 */
public abstract class PyAnySet extends PyObject {

    /** The elements; replaced by a {@link FreedStorage} when the set is deallocated. */
    SetStorage<PyObject> elements;

    PyAnySet(int capacity) {
        Interpreter interp = Interpreter.current();
        this.elements = interp.storage().newSet(this, interp.keyOps(), capacity);
    }

    /** An empty set of the same kind as this one. */
    abstract PyAnySet emptyLike();

    /** True for frozenset. */
    abstract boolean frozen();

    /** The storage, for iteration by other set code. */
    public SetStorage<PyObject> storage() {
        return elements;
    }

    public int size() {
        return elements.size();
    }

    /** Adds a borrowed element (hashing it first). */
    void addElement(PyObject key) {
        elements.add(key, PyDict.hashOf(key));
    }

    /** Adds every element of an iterable. */
    void addAllFrom(PyObject iterable) {
        if (iterable instanceof PyAnySet s) {
            elements.addAll(s.elements);
            return;
        }
        if (iterable instanceof PyDict d && d.isExact()) {
            if (elements instanceof dev.interlock.vm.storage.PlainSetStorage<PyObject> plain) {
                plain.presize(d.size());
            }
            for (PyObject k : PyDict.keysOf(d)) {
                try {
                    addElement(k);
                } finally {
                    Refs.decref(k);
                }
            }
            return;
        }
        PyObject it = iterable.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                try {
                    addElement(x);
                } finally {
                    Refs.decref(x);
                }
            }
        } finally {
            Refs.decref(it);
        }
    }

    /** The hash of a set element; a set is looked up as the frozenset of the same elements. */
    static long elementHash(PyObject key) {
        if (key instanceof PySet s) {
            return PyFrozenSet.hashOfElements(s.elements);
        }
        return PyDict.hashOf(key);
    }

    @Override
    public boolean contains(PyObject item) {
        return elements.contains(item, elementHash(item));
    }

    @Override
    public boolean hasLength() {
        return true;
    }

    @Override
    public int length() {
        return elements.size();
    }

    @Override
    public boolean isTrue() {
        return elements.size() != 0;
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return true;
    }

    @Override
    public PyObject iter() {
        return new SetIterator(this);
    }

    // ------------------------------------------------------------------ algebra

    /** Elements of this set in iteration order, as new references. */
    PyObject[] snapshot() {
        PyObject[] out = new PyObject[elements.size()];
        SetStorage.Cursor<PyObject> c = elements.cursor();
        int n = 0;
        for (PyObject k = c.next(); k != null; k = c.next()) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2 + 1);
            }
            out[n++] = k;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    static boolean isSet(PyObject o) {
        return o instanceof PyAnySet;
    }

    PyAnySet union(PyObject other) {
        PyAnySet out = copyLike();
        try {
            out.addAllFrom(other);
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    PyAnySet intersection(PyObject other) {
        if (other instanceof PyAnySet o) {
            return intersectionWithSet(o);
        }
        PyAnySet out = emptyLike();
        PyObject[] mine = snapshot();
        try {
            PyAnySet tmp = emptyLike();
            try {
                tmp.addAllFrom(other);
                for (PyObject k : mine) {
                    if (tmp.contains(k)) {
                        out.addElement(k);
                    }
                }
            } finally {
                Refs.decref(tmp);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        } finally {
            Refs.decrefAll(mine);
        }
        return out;
    }

    /**
     * {@code self & o} for two sets, in one critical section on both: CPython iterates the smaller
     * set and probes the other with the stored hashes ({@code set_intersection}).
     */
    private PyAnySet intersectionWithSet(PyAnySet o) {
        PyAnySet out = emptyLike();
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, o);
        try {
            PyAnySet small = o.size() < size() ? o : this;
            PyAnySet large = small == this ? o : this;
            SetStorage.Cursor<PyObject> c = small.elements.cursor();
            for (PyObject k = c.next(); k != null; k = c.next()) {
                try {
                    if (large.elements.contains(k, c.hash())) {
                        out.elements.add(k, c.hash());
                    }
                } finally {
                    Refs.decref(k);
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        } finally {
            strategy.exitCriticalSection(this, o);
        }
        return out;
    }

    /** A copy with the same table layout, as CPython's {@code set_copy}. */
    PyAnySet copyLike() {
        PyAnySet out = emptyLike();
        out.elements.addAll(elements);
        return out;
    }

    /**
     * {@code self - other}, as CPython's {@code set_difference}: a copy with other's elements
     * discarded when this set is much larger (or other is not a set), else the elements of this
     * set that other lacks.
     */
    PyAnySet difference(PyObject other) {
        if (!(other instanceof PyAnySet o)) {
            PyAnySet out = copyLike();
            try {
                out.discardAll(other);
            } catch (RuntimeException | Error e) {
                Refs.decref(out);
                throw e;
            }
            return out;
        }
        // Both sets in one critical section, probing with the stored hashes.
        PyAnySet out = null;
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, o);
        try {
            if ((size() >> 2) > o.size()) {
                out = copyLike();
                SetStorage.Cursor<PyObject> c = o.elements.cursor();
                for (PyObject k = c.next(); k != null; k = c.next()) {
                    try {
                        out.elements.remove(k, c.hash());
                    } finally {
                        Refs.decref(k);
                    }
                }
            } else {
                out = emptyLike();
                SetStorage.Cursor<PyObject> c = elements.cursor();
                for (PyObject k = c.next(); k != null; k = c.next()) {
                    try {
                        if (!o.elements.contains(k, c.hash())) {
                            out.elements.add(k, c.hash());
                        }
                    } finally {
                        Refs.decref(k);
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.xdecref(out);
            throw e;
        } finally {
            strategy.exitCriticalSection(this, o);
        }
        return out;
    }

    /** Discards every element of {@code iterable} in place ({@code difference_update}). */
    void discardAll(PyObject iterable) {
        if (iterable == this) {
            elements.clear();
            return;
        }
        PyObject it = iterable.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                try {
                    elements.remove(x, elementHash(x));
                } finally {
                    Refs.decref(x);
                }
            }
        } finally {
            Refs.decref(it);
        }
    }

    /** Toggles every element of {@code iterable} in place ({@code symmetric_difference_update}). */
    void toggleAll(PyObject iterable) {
        if (iterable == this) {
            elements.clear();
            return;
        }
        PyAnySet other = iterable instanceof PyAnySet s ? Refs.newRef(s) : PyFrozenSet.fromIterable(iterable);
        PyObject[] items = other.snapshot();
        try {
            for (PyObject x : items) {
                long h = elementHash(x);
                if (!elements.remove(x, h)) {
                    elements.add(x, h);
                }
            }
        } finally {
            Refs.decrefAll(items);
            Refs.decref(other);
        }
    }

    /** {@code self ^ other}, as CPython: a copy of other with this set's elements toggled. */
    PyAnySet symmetricDifference(PyObject other) {
        PyAnySet out = emptyLike();
        try {
            // As CPython: a copy of this set, then the other's elements toggled in, so a storage
            // that iterates in insertion order (nogil's) lists this set's elements first.
            out.addAllFrom(this);
            out.toggleAll(other);
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    /** {@code self <= other}: both sets in one critical section, as CPython's {@code set_issubset}. */
    boolean isSubsetOf(PyAnySet other) {
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, other);
        try {
            return subsetLockHeld(this, other);
        } finally {
            strategy.exitCriticalSection(this, other);
        }
    }

    /** Whether every element of {@code a} is in {@code b}, probing with the stored hashes; the caller holds both. */
    private static boolean subsetLockHeld(PyAnySet a, PyAnySet b) {
        if (a.size() > b.size()) {
            return false;
        }
        SetStorage.Cursor<PyObject> c = a.elements.cursor();
        for (PyObject k = c.next(); k != null; k = c.next()) {
            try {
                if (!b.elements.contains(k, c.hash())) {
                    return false;
                }
            } finally {
                Refs.decref(k);
            }
        }
        return true;
    }

    /** A comparison of two sets ({@code == != < <= > >=}), in one critical section on both. */
    private boolean compareSets(PyAnySet o, int op) {
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, o);
        try {
            switch (op) {
                case Compare.EQ:
                    return size() == o.size() && subsetLockHeld(this, o);
                case Compare.NE:
                    return !(size() == o.size() && subsetLockHeld(this, o));
                case Compare.LE:
                    return subsetLockHeld(this, o);
                case Compare.LT:
                    return size() < o.size() && subsetLockHeld(this, o);
                case Compare.GE:
                    return subsetLockHeld(o, this);
                default:
                    return size() > o.size() && subsetLockHeld(o, this);
            }
        } finally {
            strategy.exitCriticalSection(this, o);
        }
    }

    boolean isDisjoint(PyObject other) {
        if (other instanceof PyAnySet o) {
            // both sets in one critical section, as CPython's set_isdisjoint
            LockingStrategy strategy = Interpreter.current().strategy();
            strategy.enterCriticalSection(this, o);
            try {
                PyAnySet small = o.size() < size() ? o : this;
                PyAnySet large = small == this ? o : this;
                SetStorage.Cursor<PyObject> c = small.elements.cursor();
                for (PyObject k = c.next(); k != null; k = c.next()) {
                    try {
                        if (large.elements.contains(k, c.hash())) {
                            return false;
                        }
                    } finally {
                        Refs.decref(k);
                    }
                }
                return true;
            } finally {
                strategy.exitCriticalSection(this, o);
            }
        }
        PyObject it = other.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                try {
                    if (contains(x)) {
                        return false;
                    }
                } finally {
                    Refs.decref(x);
                }
            }
            return true;
        } finally {
            Refs.decref(it);
        }
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (!(other instanceof PyAnySet)) {
            return PyNotImplemented.INSTANCE;
        }
        switch (op) {
            case OR:
                return union(other);
            case AND:
                return intersection(other);
            case SUB:
                return difference(other);
            case XOR:
                return symmetricDifference(other);
            default:
                return PyNotImplemented.INSTANCE;
        }
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyAnySet o)) {
            return PyNotImplemented.INSTANCE;
        }
        return PyBool.of(compareSets(o, op));
    }

    @Override
    public String repr() {
        String name = type().name();
        boolean plainSet = !frozen() && type() == PySet.TYPE;
        if (elements.size() == 0) {
            return name + "()";
        }
        if (!ReprGuard.enter(this)) {
            return name + "(...)";
        }
        PyObject[] items = snapshot();
        try {
            StringBuilder b = new StringBuilder();
            if (!plainSet) {
                b.append(name).append('(');
            }
            b.append('{');
            for (int i = 0; i < items.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(items[i].repr());
            }
            b.append('}');
            if (!plainSet) {
                b.append(')');
            }
            return b.toString();
        } finally {
            Refs.decrefAll(items);
            ReprGuard.exit(this);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        elements.traverse(visitor);
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        SetStorage<PyObject> held = elements;
        elements = FreedStorage.set(this);
        held.clear();
    }

    /** Iterates a set; a change of size meanwhile is an error, as in CPython. */
    static final class SetIterator extends PyObject {
        static final PyType TYPE = PyType.builtin("set_iterator", PyType.OBJECT).finalType().build();

        private static final java.lang.invoke.VarHandle SET = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
                SetIterator.class, "set", PyAnySet.class);
        private volatile PyAnySet set;
        private final SetStorage.Cursor<PyObject> cursor;
        private final int size;

        SetIterator(PyAnySet set) {
            this.set = Refs.newRef(set);
            Refs.memory().share(set); // threads sharing the iterator count it with tryIncref
            this.cursor = set.elements.cursor();
            this.size = set.elements.size();
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
            // end and give the set back (possibly its last reference) while this one reads it.
            PyAnySet s = SharedFields.loadNew(SET, this);
            if (s == null) {
                return null;
            }
            try {
                if (s.elements.size() != size) {
                    if (set == null) {
                        return null; // another thread sharing this iterator reached the end and gave the set back
                    }
                    throw Errors.runtimeError("Set changed size during iteration");
                }
                PyObject k = cursor.next();
                if (k == null && SET.compareAndSet(this, s, null)) { // exactly one of the threads sharing it gives the set back
                    Refs.decref(s);
                }
                return k;
            } finally {
                Refs.decref(s);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (set != null) {
                visitor.visit(set);
            }
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            PyAnySet s = SharedFields.exchange(SET, this, null);
            if (s != null) {
                memory.decref(s);
            }
        }
    }
}
