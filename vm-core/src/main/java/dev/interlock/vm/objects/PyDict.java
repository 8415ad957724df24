package dev.interlock.vm.objects;

import dev.interlock.api.LockingStrategy;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.memory.FreedStorage;
import dev.interlock.vm.memory.UseAfterFree;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.runtime.Interpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code dict}, insertion ordered. Its entries live in a {@link MapStorage} supplied by
 * the locking strategy; module globals and instance attributes use the same class with namespace
 * storage. Hashes are computed here, before the storage is called, so the storage never runs a
 * {@code __hash__}.
 */
public class PyDict extends PyObject {

    public static final PyType TYPE = DictType.define();

    /** The entries; replaced by a {@link FreedStorage} when the dict is deallocated. */
    private MapStorage<PyObject, PyObject> entries;
    private final PyType type;
    private PyDict attributes;
    private static final java.lang.invoke.VarHandle ATTRIBUTES = SharedFields.handle(
            java.lang.invoke.MethodHandles.lookup(), PyDict.class, "attributes", PyDict.class);

    private PyDict(Interpreter interp, int capacity, boolean namespace) {
        this.entries = namespace
                ? interp.storage().newNamespace(this, interp.keyOps())
                : interp.storage().newMap(this, interp.keyOps(), capacity);
        this.type = TYPE;
    }

    private PyDict(Interpreter interp, PyType subtype) {
        this.entries = interp.storage().newMap(this, interp.keyOps(), 0);
        this.type = Refs.newRef(subtype);
    }

    /**
     * A dict of a built-in subtype defined in Java ({@code collections.defaultdict}), or of a
     * Python class derived from one.
     */
    protected PyDict(PyType subtype) {
        this(Interpreter.current(), subtype);
    }

    /** A blank instance of a Python class derived from dict. */
    static PyDict withType(PyType subtype) {
        return new PyDict(Interpreter.current(), subtype);
    }

    /** True for a plain dict, whose behaviour no Python code overrides. */
    public boolean isExact() {
        return type == TYPE;
    }

    /** A new empty dict. */
    public static PyDict create() {
        return new PyDict(Interpreter.current(), 0, false);
    }

    /** A new empty dict with room for {@code capacity} entries. */
    public static PyDict create(int capacity) {
        return new PyDict(Interpreter.current(), capacity, false);
    }

    /** A new namespace: module globals, class or instance attributes. */
    public static PyDict createNamespace(Interpreter interp) {
        return new PyDict(interp, 8, true);
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
        PyDict d = SharedFields.peek(ATTRIBUTES, this);
        if (d == null) {
            if (isDeallocated()) {
                throw UseAfterFree.used(this);
            }
            d = SharedFields.install(ATTRIBUTES, this, createNamespace(Interpreter.current())); // two racing threads keep one dict
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

    /** The storage (for the eval loop's global lookups). */
    public MapStorage<PyObject, PyObject> storage() {
        return entries;
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** The hash of a key, with CPython's error for unhashable keys. */
    public static long hashOf(PyObject key) {
        if (key instanceof PyStr s) {
            return s.hash();
        }
        if (!key.isHashable()) {
            throw Errors.typeError("unhashable type: '" + key.typeName() + "'");
        }
        return key.hash();
    }

    /** {@code self.get(key)}: a new reference, or null if absent. */
    public PyObject getItemOrNull(PyObject key) {
        return entries.getNew(key, hashOf(key));
    }

    /** The value for a string key, or null (a new reference). */
    public PyObject getItemOrNull(String key) {
        PyStr k = PyStr.of(key);
        try {
            return getItemOrNull(k);
        } finally {
            Refs.decref(k);
        }
    }

    /** {@code self[key] = value} with borrowed arguments, through a subclass's {@code __setitem__}. */
    @Override
    public void setItem(PyObject key, PyObject value) {
        if (type != TYPE && HeapDispatch.setItem(this, type, key, value)) {
            return;
        }
        entries.put(key, hashOf(key), value);
    }

    /** Stores an entry directly, as dict's own methods do (never through a subclass's {@code __setitem__}). */
    public void putItem(PyObject key, PyObject value) {
        entries.put(key, hashOf(key), value);
    }

    /** {@code self[name] = value} for a string key. */
    public void setItem(String key, PyObject value) {
        PyStr k = PyStr.of(key);
        try {
            setItem(k, value);
        } finally {
            Refs.decref(k);
        }
    }

    /** {@code self[name] = value} that takes over the caller's reference to {@code value}. */
    public void setItemSteal(String key, PyObject value) {
        try {
            setItem(key, value);
        } finally {
            Refs.decref(value);
        }
    }

    /** Removes {@code key} if present; returns whether it was. */
    public boolean removeIfPresent(PyObject key) {
        PyObject old = entries.remove(key, hashOf(key));
        if (old == null) {
            return false;
        }
        Refs.decref(old);
        return true;
    }

    /** Removes {@code key}, returning its value (a new reference) or null if absent. */
    public PyObject pop(PyObject key) {
        return entries.remove(key, hashOf(key));
    }

    /** {@code setdefault}: the present value, or {@code value} after inserting it; a new reference. */
    public PyObject setDefault(PyObject key, PyObject value) {
        PyObject present = entries.putIfAbsent(key, hashOf(key), value);
        return present != null ? present : Refs.newRef(value);
    }

    /** The entries as new references, in insertion order. */
    public List<MapStorage.Entry<PyObject, PyObject>> entryList() {
        List<MapStorage.Entry<PyObject, PyObject>> out = new ArrayList<>(entries.size());
        MapStorage.Cursor<PyObject, PyObject> c = entries.cursor();
        for (MapStorage.Entry<PyObject, PyObject> e = c.next(); e != null; e = c.next()) {
            out.add(e);
        }
        return out;
    }

    /** New references to the keys, in insertion order. */
    public static java.util.List<PyObject> keysOf(PyDict d) {
        java.util.List<PyObject> out = new ArrayList<>(d.size());
        for (MapStorage.Entry<PyObject, PyObject> e : d.entryList()) {
            out.add(e.key());
            Refs.decref(e.value());
        }
        return out;
    }

    /** Gives back the references held by entries from {@link #entryList}. */
    public static void release(List<MapStorage.Entry<PyObject, PyObject>> list) {
        for (MapStorage.Entry<PyObject, PyObject> e : list) {
            Refs.decref(e.key());
            Refs.decref(e.value());
        }
    }

    /** {@code self.update(other)} for a dict argument, atomically over both dicts. */
    public void updateFrom(PyDict other) {
        if (other == this) {
            return;
        }
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, other);
        try {
            entries.putAll(other.entries);
        } finally {
            strategy.exitCriticalSection(this, other);
        }
    }

    /** Removes every entry. */
    public void clear() {
        entries.clear();
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
        return entries.size();
    }

    @Override
    public boolean isTrue() {
        if (type != TYPE) {
            Boolean b = HeapDispatch.isTrue(this, type);
            if (b != null) {
                return b;
            }
        }
        return entries.size() != 0;
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

    /** {@code dict.__getitem__}: the entry, else a subtype's {@code __missing__}, else KeyError. */
    public PyObject builtinGetItem(PyObject key) {
        PyObject v = getItemOrNull(key);
        if (v == null) {
            if (type != TYPE) {
                PyObject m = missing(key);
                if (m != null) {
                    return m;
                }
            }
            throw Errors.keyError(key);
        }
        return v;
    }

    /**
     * {@code __missing__} for {@code self[key]} of an absent key: the value (a new reference), or
     * null to raise KeyError. By default a Python subclass's method; Java subtypes supply their own.
     */
    protected PyObject missing(PyObject key) {
        return HeapDispatch.missing(this, type, key);
    }

    @Override
    public void deleteItem(PyObject key) {
        if (type != TYPE && HeapDispatch.deleteItem(this, type, key)) {
            return;
        }
        builtinDeleteItem(key);
    }

    /** {@code dict.__delitem__}. */
    public void builtinDeleteItem(PyObject key) {
        if (!removeIfPresent(key)) {
            throw Errors.keyError(key);
        }
    }

    @Override
    public boolean contains(PyObject key) {
        if (type != TYPE) {
            Boolean b = HeapDispatch.contains(this, type, key);
            if (b != null) {
                return b;
            }
        }
        return entries.containsKey(key, hashOf(key));
    }

    @Override
    public PyObject iter() {
        if (type != TYPE) {
            PyObject r = HeapDispatch.iter(this, type);
            if (r != null) {
                return r;
            }
        }
        return new DictIterator(this, DictIterator.Kind.KEYS);
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.richCompare(this, type, other, op);
            if (r != null) {
                return r;
            }
        }
        if (!(other instanceof PyDict o) || (op != Compare.EQ && op != Compare.NE)) {
            return PyNotImplemented.INSTANCE;
        }
        boolean eq = equalTo(o);
        return PyBool.of(op == Compare.EQ ? eq : !eq);
    }

    /**
     * {@code self == o}. As CPython's {@code dict_richcompare}, both dicts are read in one critical
     * section: this dict's entries and the other's values for the same keys, looked up with the
     * stored hashes, up to the first key the other lacks. The values are compared after the
     * section, in order, since {@code __eq__} runs Python code.
     */
    private boolean equalTo(PyDict o) {
        List<MapStorage.Entry<PyObject, PyObject>> mine;
        PyObject[] theirs;
        int found = 0;
        LockingStrategy strategy = Interpreter.current().strategy();
        strategy.enterCriticalSection(this, o);
        try {
            if (entries.size() != o.entries.size()) {
                return false;
            }
            mine = entryList();
            theirs = new PyObject[mine.size()];
            try {
                while (found < theirs.length) {
                    MapStorage.Entry<PyObject, PyObject> e = mine.get(found);
                    PyObject v = o.entries.getNew(e.key(), e.hash());
                    if (v == null) {
                        break;
                    }
                    theirs[found++] = v;
                }
            } catch (RuntimeException | Error e) {
                release(mine);
                Refs.decrefAll(theirs);
                throw e;
            }
        } finally {
            strategy.exitCriticalSection(this, o);
        }
        try {
            for (int i = 0; i < found; i++) {
                if (!Compare.isEqual(mine.get(i).value(), theirs[i])) {
                    return false;
                }
            }
            return found == theirs.length;
        } finally {
            release(mine);
            Refs.decrefAll(theirs);
        }
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.reflected(this, type, op, other);
            if (r != null) {
                return r;
            }
        }
        return PyNotImplemented.INSTANCE;
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.binaryOp(this, type, op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.OR && other instanceof PyDict o) {
            PyDict out = copy();
            out.updateFrom(o);
            return out;
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
        if (op == BinaryOp.OR) {
            DictType.update(this, other);
            return Refs.newRef(this);
        }
        return PyNotImplemented.INSTANCE;
    }

    /** {@code self.copy()}. */
    public PyDict copy() {
        PyDict out = create(entries.size());
        out.updateFrom(this);
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
        return dictRepr();
    }

    /** {@code dict.__repr__}, whatever the type: {@code {'a': 1}}, {@code {...}} when recursive. */
    protected final String dictRepr() {
        if (entries.size() == 0) {
            return "{}";
        }
        if (!ReprGuard.enter(this)) {
            return "{...}";
        }
        List<MapStorage.Entry<PyObject, PyObject>> list = entryList();
        try {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (MapStorage.Entry<PyObject, PyObject> e : list) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(e.key().repr()).append(": ").append(e.value().repr());
            }
            return b.append('}').toString();
        } finally {
            release(list);
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

    @Override
    public void traverse(ReferenceVisitor visitor) {
        entries.traverse(visitor);
        if (type != TYPE) {
            visitor.visit(type);
            if (attributes != null) {
                visitor.visit(attributes);
            }
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        MapStorage<PyObject, PyObject> held = entries;
        entries = FreedStorage.map(this);
        held.clear();
        if (type != TYPE) {
            PyDict a = attributes;
            attributes = null;
            if (a != null) {
                memory.decref(a);
            }
            memory.decref(type);
        }
    }
}
