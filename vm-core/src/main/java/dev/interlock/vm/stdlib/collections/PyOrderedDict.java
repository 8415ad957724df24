package dev.interlock.vm.stdlib.collections;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.HeapDispatch;
import dev.interlock.vm.objects.Iteration;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyDictView;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyNotImplemented;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.ReprGuard;
import dev.interlock.vm.objects.Slot;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.runtime.Interpreter;
import java.util.List;

/**
 * {@code collections.OrderedDict}: a dict that remembers the order keys were inserted in (as
 * every dict does), with {@code move_to_end}, {@code popitem(last=False)}, order-sensitive
 * equality between OrderedDicts and CPython's repr. The order is the underlying dict storage's
 * insertion order: moving a key to the end re-inserts it; moving one to the front rebuilds the
 * storage, which costs time in proportion to the size (CPython keeps a linked list for that).
 * Iteration raises {@code OrderedDict mutated during iteration} once keys are added, removed or
 * moved. Entries live in the strategy's dict storage, so single operations are atomic; the
 * compound ones (moving to the front, equality, copying) may interleave with other threads'.
 */
public final class PyOrderedDict extends PyDict {

    private static final ArgParser MOVE_TO_END = new ArgParser("move_to_end", 1, 0, new String[] {"key", "last"});
    private static final ArgParser POPITEM = new ArgParser("popitem", 0, 0, new String[] {"last"});
    private static final PyStr KEYS = PyStr.immortal("keys");

    public static final PyType TYPE = PyType.builtin("OrderedDict", PyDict.TYPE).module("collections")
            .doc("Dictionary that remembers insertion order")
            .constructor((t, a, s, n, kw) -> {
                PyOrderedDict d = new PyOrderedDict(t);
                try {
                    d.update("OrderedDict", a, s, n, kw);
                } catch (RuntimeException | Error e) {
                    Refs.decref(d);
                    throw e;
                }
                return d;
            })
            .allocator((t, a, s, n, kw) -> new PyOrderedDict(t))
            .method(keywords("__init__", (self, a, s, n, kw) -> {
                ((PyOrderedDict) self).update("OrderedDict", a, s, n, kw);
                return PyNone.INSTANCE;
            }))
            .method(keywords("update", (self, a, s, n, kw) -> {
                ((PyOrderedDict) self).update("update", a, s, n, kw);
                return PyNone.INSTANCE;
            }))
            .method(keywords("move_to_end", (self, a, s, n, kw) -> {
                PyObject[] p = MOVE_TO_END.parse(a, s, n, kw);
                ((PyOrderedDict) self).moveToEnd(p[0], p[1] == null || p[1].isTrue());
                return PyNone.INSTANCE;
            }))
            .method(keywords("popitem", (self, a, s, n, kw) -> {
                PyObject[] p = POPITEM.parse(a, s, n, kw);
                return ((PyOrderedDict) self).popItem(p[0] == null || p[0].isTrue());
            }))
            .method(noArgs("keys", (PyOrderedDict self) -> PyDictView.ordered(self, PyDictView.Kind.KEYS)))
            .method(noArgs("values", (PyOrderedDict self) -> PyDictView.ordered(self, PyDictView.Kind.VALUES)))
            .method(noArgs("items", (PyOrderedDict self) -> PyDictView.ordered(self, PyDictView.Kind.ITEMS)))
            .method(noArgs("copy", PyOrderedDict::copyOrdered))
            .method(noArgs("__copy__", PyOrderedDict::copyOrdered))
            .method(noArgs("__reversed__", (PyOrderedDict self) -> new ODictIterator(self, ODictIterator.Kind.KEYS, true)))
            .method(noArgs("__iter__", (PyOrderedDict self) -> new ODictIterator(self, ODictIterator.Kind.KEYS, false)))
            .method(noArgs("__repr__", (PyOrderedDict self) -> PyStr.of(self.builtinRepr())))
            .method(noArgs("__reduce__", PyOrderedDict::reduce))
            .method(oneArg("__or__", (PyOrderedDict self, PyObject other) -> or(self, other)))
            .method(oneArg("__ror__", (PyOrderedDict self, PyObject other) -> or(other, self)))
            .method(oneArg("__ior__", (PyOrderedDict self, PyObject other) -> {
                self.updateFrom("update", other);
                return Refs.newRef(self);
            }))
            .classMethod(BuiltinDef.keywords("fromkeys", (cls, a, s, n, kw) -> fromKeys((PyType) cls, a, s, n, kw)))
            .getter("__dict__", self -> Refs.newRef(((PyOrderedDict) self).instanceDict()))
            .build();

    private PyDict attributes;

    private PyOrderedDict(PyType type) {
        super(type);
    }

    @Override
    public String typeName() {
        return type().isHeapType() ? type().name() : type().qualifiedName();
    }

    /** Unlike dict, an OrderedDict has an attribute dict (unless a subclass declares empty {@code __slots__}). */
    @Override
    public PyDict instanceDict() {
        if (type().isHeapType() && !type().instancesHaveDict()) {
            return null;
        }
        if (attributes == null) {
            attributes = PyDict.createNamespace(Interpreter.current());
        }
        return attributes;
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return type() == TYPE || type().lookupSlot(Slot.GETATTRIBUTE) == null;
    }

    @Override
    public PyObject getAttribute(PyStr name) {
        return HeapDispatch.getAttribute(this, type(), name);
    }

    // ------------------------------------------------------------------ update

    /** {@code MutableMapping.update(other=(), /, **kwds)}, each pair stored with {@code self[k] = v}. */
    private void update(String name, PyObject[] a, int s, int n, PyTuple kw) {
        if (n > 1) {
            if (name.equals("update")) {
                throw Errors.typeError("update() takes at most 1 positional argument (" + n + " given)");
            }
            throw Errors.typeError("expected at most 1 arguments, got " + n);
        }
        if (n == 1) {
            updateFrom(name, a[s]);
        }
        if (kw != null) {
            for (int k = 0; k < kw.size(); k++) {
                setItem(kw.get(k), a[s + n + k]);
            }
        }
    }

    private void updateFrom(String name, PyObject other) {
        if (other instanceof PyDict d) {
            List<MapStorage.Entry<PyObject, PyObject>> entries = d.entryList();
            try {
                for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                    setItem(e.key(), e.value());
                }
            } finally {
                PyDict.release(entries);
            }
            return;
        }
        PyObject keys = other.type().lookup(KEYS);
        if (keys != null) {
            Refs.decref(keys);
            PyObject keyList = other.getAttribute(KEYS);
            PyObject ks;
            try {
                ks = keyList.call(new PyObject[0], 0, 0, null);
            } finally {
                Refs.decref(keyList);
            }
            try {
                for (PyObject k : Iteration.toArray(ks)) {
                    try {
                        PyObject v = other.getItem(k);
                        try {
                            setItem(k, v);
                        } finally {
                            Refs.decref(v);
                        }
                    } finally {
                        Refs.decref(k);
                    }
                }
            } finally {
                Refs.decref(ks);
            }
            return;
        }
        PyObject it = other.iter();
        try {
            for (PyObject item = it.next(); item != null; item = it.next()) {
                try {
                    PyObject[] pair = unpackPair(item);
                    try {
                        setItem(pair[0], pair[1]);
                    } finally {
                        Refs.decrefAll(pair);
                    }
                } finally {
                    Refs.decref(item);
                }
            }
        } finally {
            Refs.decref(it);
        }
    }

    /** A key/value pair from {@code update}'s iterable, with CPython's messages for bad ones. */
    private static PyObject[] unpackPair(PyObject item) {
        PyObject[] pair = Iteration.toArray(item);
        if (pair.length != 2) {
            Refs.decrefAll(pair);
            if (pair.length < 2) {
                throw Errors.valueError("need more than " + pair.length + " value" + (pair.length == 1 ? "" : "s")
                        + " to unpack");
            }
            throw Errors.valueError("too many values to unpack (expected 2)");
        }
        return pair;
    }

    // ------------------------------------------------------------------ order

    /** The key object stored for {@code key} (a new reference) and its value, or null if absent. */
    private MapStorage.Entry<PyObject, PyObject> storedEntry(PyObject key) {
        long hash = PyDict.hashOf(key);
        PyObject value = storage().getNew(key, hash);
        if (value == null) {
            return null;
        }
        if (key instanceof PyStr || key.type() == dev.interlock.vm.objects.PyInt.TYPE) {
            // an equal str or int is indistinguishable from the stored key except by identity
            return new MapStorage.Entry<>(Refs.newRef(key), value, hash);
        }
        MapStorage.Cursor<PyObject, PyObject> c = storage().cursor();
        for (MapStorage.Entry<PyObject, PyObject> e = c.next(); e != null; e = c.next()) {
            boolean same = e.hash() == hash && (e.key() == key || Compare.isEqual(e.key(), key));
            Refs.decref(e.value());
            if (same) {
                return new MapStorage.Entry<>(e.key(), value, hash);
            }
            Refs.decref(e.key());
        }
        return new MapStorage.Entry<>(Refs.newRef(key), value, hash);
    }

    /** {@code move_to_end(key, last=True)}. */
    void moveToEnd(PyObject key, boolean last) {
        MapStorage.Entry<PyObject, PyObject> e = storedEntry(key);
        if (e == null) {
            throw Errors.keyError(key);
        }
        try {
            if (last) {
                PyObject old = storage().remove(e.key(), e.hash());
                Refs.xdecref(old);
                storage().put(e.key(), e.hash(), e.value());
                return;
            }
            List<MapStorage.Entry<PyObject, PyObject>> all = entryList();
            try {
                storage().clear();
                storage().put(e.key(), e.hash(), e.value());
                for (MapStorage.Entry<PyObject, PyObject> x : all) {
                    if (x.key() != e.key()) {
                        storage().put(x.key(), x.hash(), x.value());
                    }
                }
            } finally {
                PyDict.release(all);
            }
        } finally {
            Refs.decref(e.key());
            Refs.decref(e.value());
        }
    }

    /** {@code popitem(last=True)}: the newest pair, or the oldest with {@code last=False}. */
    PyObject popItem(boolean last) {
        MapStorage.Entry<PyObject, PyObject> e;
        if (last) {
            e = storage().popLast();
        } else {
            e = storage().cursor().next();
            if (e != null) {
                PyObject v = storage().remove(e.key(), e.hash());
                Refs.decref(e.value());
                if (v == null) {
                    Refs.decref(e.key());
                    e = null;
                } else {
                    e = new MapStorage.Entry<>(e.key(), v, e.hash());
                }
            }
        }
        if (e == null) {
            throw Errors.keyError(PyStr.of("dictionary is empty"));
        }
        return PyTuple.steal(new PyObject[] {e.key(), e.value()});
    }

    // ------------------------------------------------------------------ protocol

    @Override
    public PyObject iter() {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.iter(this, type());
            if (r != null) {
                return r;
            }
        }
        return new ODictIterator(this, ODictIterator.Kind.KEYS, false);
    }

    /** Between two OrderedDicts equality also compares the order; with a dict it is dict's. */
    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.richCompare(this, type(), other, op);
            if (r != null) {
                return r;
            }
        }
        PyObject r = super.richCompare(other, op);
        if (!(other instanceof PyOrderedDict o) || (op != Compare.EQ && op != Compare.NE)) {
            return r;
        }
        boolean eq = r == PyBool.TRUE ^ op == Compare.NE;
        if (!eq) {
            return r;
        }
        PyObject[] mine = keys(this);
        PyObject[] theirs = keys(o);
        try {
            boolean sameOrder = mine.length == theirs.length;
            for (int i = 0; sameOrder && i < mine.length; i++) {
                sameOrder = mine[i] == theirs[i] || Compare.isEqual(mine[i], theirs[i]);
            }
            return PyBool.of(sameOrder ^ op == Compare.NE);
        } finally {
            Refs.decrefAll(mine);
            Refs.decrefAll(theirs);
        }
    }

    private static PyObject[] keys(PyDict d) {
        return PyDict.keysOf(d).toArray(new PyObject[0]);
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.binaryOp(this, type(), op, other);
            if (r != null) {
                return r;
            }
        }
        return op == BinaryOp.OR ? or(this, other) : PyNotImplemented.INSTANCE;
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.reflected(this, type(), op, other);
            if (r != null) {
                return r;
            }
        }
        return op == BinaryOp.OR ? or(other, this) : PyNotImplemented.INSTANCE;
    }

    @Override
    public PyObject inplaceOp(BinaryOp op, PyObject other) {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.inplace(this, type(), op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.OR) {
            updateFrom("update", other);
            return Refs.newRef(this);
        }
        return PyNotImplemented.INSTANCE;
    }

    /** {@code left | right}: {@code type(od)(left)} updated with {@code right}, od the OrderedDict operand. */
    private static PyObject or(PyObject left, PyObject right) {
        PyOrderedDict od = left instanceof PyOrderedDict l ? l : (PyOrderedDict) right;
        PyObject other = od == left ? right : left;
        if (!(other instanceof PyDict)) {
            return PyNotImplemented.INSTANCE;
        }
        PyObject out = od.type().call(new PyObject[] {left}, 0, 1, null);
        try {
            if (out instanceof PyOrderedDict o) {
                o.updateFrom("update", right);
            } else if (out instanceof PyDict d) {
                d.updateFrom((PyDict) right);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    /** {@code copy()}: {@code type(self)()} filled with {@code self}'s pairs in order. */
    private PyObject copyOrdered() {
        if (type() == TYPE) {
            PyOrderedDict out = new PyOrderedDict(TYPE);
            out.updateFrom(this);
            return out;
        }
        PyObject out = type().call(new PyObject[0], 0, 0, null);
        try {
            List<MapStorage.Entry<PyObject, PyObject>> entries = entryList();
            try {
                for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                    out.setItem(e.key(), e.value());
                }
            } finally {
                PyDict.release(entries);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    /** {@code OrderedDict.fromkeys(iterable, value=None)}: {@code cls()} with each key set to value. */
    private static PyObject fromKeys(PyType cls, PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = new ArgParser("fromkeys", 1, 0, new String[] {"iterable", "value"}).parse(a, s, n, kw);
        PyObject value = p[1] == null ? PyNone.INSTANCE : p[1];
        PyObject out = cls.call(new PyObject[0], 0, 0, null);
        try {
            PyObject it = p[0].iter();
            try {
                for (PyObject k = it.next(); k != null; k = it.next()) {
                    try {
                        out.setItem(k, value);
                    } finally {
                        Refs.decref(k);
                    }
                }
            } finally {
                Refs.decref(it);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    @Override
    public String repr() {
        if (type().lookupSlot(Slot.REPR) != null) {
            return super.repr();
        }
        return builtinRepr();
    }

    /** {@code OrderedDict([('a', 1)])}, {@code OrderedDict()} when empty, {@code ...} when recursive. */
    private String builtinRepr() {
        if (!ReprGuard.enter(this)) {
            return "...";
        }
        try {
            List<MapStorage.Entry<PyObject, PyObject>> entries = entryList();
            try {
                if (entries.isEmpty()) {
                    return type().name() + "()";
                }
                StringBuilder b = new StringBuilder(type().name()).append("([");
                boolean first = true;
                for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                    if (!first) {
                        b.append(", ");
                    }
                    first = false;
                    b.append('(').append(e.key().repr()).append(", ").append(e.value().repr()).append(')');
                }
                return b.append("])").toString();
            } finally {
                PyDict.release(entries);
            }
        } finally {
            ReprGuard.exit(this);
        }
    }

    /** {@code (type, (), __dict__ or None, None, iter(self.items()))}. */
    private PyObject reduce() {
        PyDict d = instanceDict();
        PyObject state = d == null || d.size() == 0 ? PyNone.INSTANCE : Refs.newRef(d);
        PyObject it = new ODictIterator(this, ODictIterator.Kind.ITEMS, false);
        return PyTuple.steal(new PyObject[] {Refs.newRef(type()), PyTuple.EMPTY, state, PyNone.INSTANCE, it});
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        super.traverse(visitor);
        if (attributes != null) {
            visitor.visit(attributes);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyDict a = attributes;
        attributes = null;
        if (a != null) {
            memory.decref(a);
        }
        super.releaseReferences(memory);
    }
}
