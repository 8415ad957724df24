package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.memory.UseAfterFree;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.UnaryOp;

/**
 * An instance of a class written in Python whose layout is plain {@code object}: a class pointer
 * and an attribute dict. Every protocol method looks for the class's special method
 * ({@link PyType#lookupSlot}) and falls back to {@code object}'s behaviour, with CPython's
 * checks on what the special method returns.
 */
public class PyInstance extends PyObject {

    private static final java.lang.invoke.VarHandle SLOT =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(PyObject[].class);

    private final PyType type;
    private PyDict dict;
    private static final java.lang.invoke.VarHandle DICT = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyInstance.class, "dict", PyDict.class);
    /** The values of the class's {@code __slots__}, or null when it has none; null entries are unset. */
    private final PyObject[] slots;

    public PyInstance(PyType type) {
        this.type = requireNonNull(type, "type is null");
        Refs.incref(type);
        int n = type.slotCount();
        this.slots = n == 0 ? null : new PyObject[n];
    }

    /** A new reference to slot {@code index}, or null if it is unset. */
    PyObject slotGetNew(int index) {
        // Read and count as one step would need a lock; instead retry if a writer freed it meanwhile.
        while (true) {
            PyObject v = (PyObject) SLOT.getVolatile(slots, index);
            if (v == null) {
                return null;
            }
            boolean counted = Refs.memory().tryIncref(v);
            boolean still = (PyObject) SLOT.getVolatile(slots, index) == v;
            if (counted && still) {
                return v;
            }
            if (counted) {
                Refs.decref(v);
            } else if (still) {
                Refs.incref(v); // freed yet still stored: reports the use after free
                return v;
            }
        }
    }

    /** Stores {@code value} (a reference the slot takes over) and returns the old one (now the caller's). */
    PyObject slotSwap(int index, PyObject value) {
        if (value != null) {
            Refs.memory().share(value); // read by other threads with tryIncref (slotGetNew)
        }
        return (PyObject) SLOT.getAndSet(slots, index, value);
    }

    /**
     * A new instance of {@code type}: plain, or, when the class has {@code __del__} and the memory
     * manager keeps no counts that would say when to call it, one the JVM's collector finalizes
     * ({@link FinalizableInstance}).
     */
    static PyInstance allocate(PyType type) {
        if (type.lookupSlot(Slot.DEL) != null) {
            dev.interlock.vm.runtime.Finalizers finalizers = dev.interlock.vm.runtime.Interpreter.current().finalizers();
            if (finalizers != null) {
                return new FinalizableInstance(type, finalizers);
            }
        }
        return new PyInstance(type);
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyDict instanceDict() {
        PyDict d = SharedFields.peek(DICT, this);
        if (d == null) {
            if (!type.instancesHaveDict()) {
                return null;
            }
            if (isDeallocated()) {
                // released with the instance: a stale reference must not get a fresh, empty dict
                throw UseAfterFree.used(this);
            }
            // Two threads setting the first attributes at once keep one dict: compare the racing
            // creation of instance dicts in CPython's Lib/test/test_free_threading.
            d = SharedFields.install(DICT, this, PyDict.createNamespace(dev.interlock.vm.runtime.Interpreter.current()));
        }
        return d;
    }

    // ------------------------------------------------------------------ attributes

    @Override
    public boolean usesGenericGetAttribute() {
        return type.lookupSlot(Slot.GETATTRIBUTE) == null;
    }

    @Override
    public PyObject getAttribute(PyStr name) {
        PyObject custom = type.lookupSlot(Slot.GETATTRIBUTE);
        try {
            if (custom != null) {
                return SlotCalls.call(custom, this, name);
            }
            if (name.value().equals("__dict__")) {
                PyDict d = instanceDict();
                if (d == null) {
                    throw Errors.noAttribute(this, name);
                }
                return Refs.newRef(d);
            }
            return genericGetAttribute(name);
        } catch (PyException e) {
            PyObject fallback = type.lookupSlot(Slot.GETATTR);
            if (fallback == null || !e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return SlotCalls.call(fallback, this, name);
        }
    }

    @Override
    public void setAttribute(PyStr name, PyObject value) {
        PyObject custom = type.lookupSlot(Slot.SETATTR);
        if (custom != null) {
            Refs.decref(SlotCalls.call(custom, this, name, value));
            return;
        }
        genericSetAttribute(name, value);
    }

    /** {@code object.__setattr__}: data descriptors on the class, else the instance dict. */
    public void genericSetAttribute(PyStr name, PyObject value) {
        PyObject descr = type.lookup(name);
        if (descr != null) {
            try {
                if (descr.isDataDescriptor()) {
                    descr.descriptorSet(this, value);
                    return;
                }
            } finally {
                Refs.decref(descr);
            }
        }
        PyDict d = instanceDict();
        if (d == null) {
            throw Errors.noAttribute(this, name);
        }
        d.setItem(name, value);
    }

    @Override
    public void deleteAttribute(PyStr name) {
        PyObject custom = type.lookupSlot(Slot.DELATTR);
        if (custom != null) {
            Refs.decref(SlotCalls.call(custom, this, name));
            return;
        }
        genericDeleteAttribute(name);
    }

    /** {@code object.__delattr__}. */
    public void genericDeleteAttribute(PyStr name) {
        PyObject descr = type.lookup(name);
        if (descr != null) {
            try {
                if (descr.isDataDescriptor()) {
                    descr.descriptorSet(this, null);
                    return;
                }
            } finally {
                Refs.decref(descr);
            }
        }
        if (dict == null || !dict.removeIfPresent(name)) {
            throw Errors.noAttribute(this, name);
        }
    }

    // ------------------------------------------------------------------ representation

    @Override
    public String repr() {
        PyObject m = type.lookupSlot(Slot.REPR);
        if (m == null) {
            return defaultRepr();
        }
        return stringResult(SlotCalls.call(m, this), "__repr__");
    }

    /** {@code object.__repr__}: {@code <module.Class object at 0x...>}. */
    public String defaultRepr() {
        return "<" + type.module() + "." + type.qualname() + " object at " + Identity.address(this) + ">";
    }

    @Override
    public String str() {
        PyObject m = type.lookupSlot(Slot.STR);
        if (m == null) {
            return repr();
        }
        return stringResult(SlotCalls.call(m, this), "__str__");
    }

    static String stringResult(PyObject r, String method) {
        try {
            if (!(r instanceof PyStr s)) {
                throw Errors.typeError(method + " returned non-string (type " + r.typeName() + ")");
            }
            return s.value();
        } finally {
            Refs.decref(r);
        }
    }

    @Override
    public String format(String spec) {
        PyObject m = type.lookupSlot(Slot.FORMAT);
        if (m == null) {
            if (!spec.isEmpty()) {
                throw Errors.typeError("unsupported format string passed to " + type.name() + ".__format__");
            }
            return str();
        }
        PyStr s = PyStr.of(spec);
        try {
            PyObject r = SlotCalls.call(m, this, s);
            try {
                if (!(r instanceof PyStr str)) {
                    throw Errors.typeError("__format__ must return a str, not " + r.typeName());
                }
                return str.value();
            } finally {
                Refs.decref(r);
            }
        } finally {
            Refs.decref(s);
        }
    }

    // ------------------------------------------------------------------ hashing, truth, comparison

    @Override
    public boolean isHashable() {
        PyObject m = type.lookupSlot(Slot.HASH);
        if (m == null) {
            return type.lookupSlot(Slot.EQ) == null; // defining __eq__ without __hash__ makes it unhashable
        }
        return m != PyNone.INSTANCE;
    }

    @Override
    public long hash() {
        PyObject m = type.lookupSlot(Slot.HASH);
        if (m == null) {
            if (type.lookupSlot(Slot.EQ) != null) {
                throw Errors.typeError("unhashable type: '" + type.name() + "'");
            }
            return Identity.hash(this);
        }
        if (m == PyNone.INSTANCE) {
            throw Errors.typeError("unhashable type: '" + type.name() + "'");
        }
        PyObject r = SlotCalls.call(m, this);
        try {
            if (!(r instanceof PyInt i)) {
                throw Errors.typeError("__hash__ method should return an integer");
            }
            long h = i.isSmall() ? i.longValue() : i.hash();
            return h == -1 ? -2 : h;
        } finally {
            Refs.decref(r);
        }
    }

    @Override
    public boolean isTrue() {
        PyObject m = type.lookupSlot(Slot.BOOL);
        if (m != null) {
            PyObject r = SlotCalls.call(m, this);
            try {
                if (!(r instanceof PyBool b)) {
                    throw Errors.typeError("__bool__ should return bool, returned " + r.typeName());
                }
                return b == PyBool.TRUE;
            } finally {
                Refs.decref(r);
            }
        }
        if (type.lookupSlot(Slot.LEN) != null) {
            return length() != 0;
        }
        return true;
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        PyObject m = type.lookupSlot(Slot.forCompare(op));
        if (m != null) {
            return SlotCalls.call(m, this, other);
        }
        if (op == dev.interlock.vm.ops.Compare.NE) {
            // object.__ne__: the inverse of __eq__, unless that is NotImplemented
            PyObject eq = type.lookupSlot(Slot.EQ);
            if (eq != null) {
                PyObject r = SlotCalls.call(eq, this, other);
                if (r == PyNotImplemented.INSTANCE) {
                    return r;
                }
                try {
                    return PyBool.of(!r.isTrue());
                } finally {
                    Refs.decref(r);
                }
            }
        }
        return Identity.compare(this, other, op);
    }

    // ------------------------------------------------------------------ arithmetic

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        return callNumeric(op.methodName(), other);
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        return callNumeric(op.reflectedName(), other);
    }

    @Override
    public PyObject inplaceOp(BinaryOp op, PyObject other) {
        return callNumeric(op.inplaceName(), other);
    }

    private PyObject callNumeric(PyStr name, PyObject other) {
        PyObject m = type.lookup(name);
        if (m == null) {
            return PyNotImplemented.INSTANCE;
        }
        try {
            return SlotCalls.call(m, this, other);
        } finally {
            Refs.decref(m);
        }
    }

    @Override
    public PyObject unaryOp(UnaryOp op) {
        Slot slot = op == UnaryOp.NEGATIVE ? Slot.NEG : op == UnaryOp.POSITIVE ? Slot.POS : Slot.INVERT;
        PyObject m = type.lookupSlot(slot);
        if (m == null) {
            return super.unaryOp(op);
        }
        return SlotCalls.call(m, this);
    }

    @Override
    public PyInt asIndex() {
        PyObject m = type.lookupSlot(Slot.INDEX);
        if (m == null) {
            return super.asIndex();
        }
        PyObject r = SlotCalls.call(m, this);
        if (!(r instanceof PyInt i)) {
            String got = r.typeName();
            Refs.decref(r);
            throw Errors.typeError("__index__ returned non-int (type " + got + ")");
        }
        return i;
    }

    // ------------------------------------------------------------------ containers

    @Override
    public boolean hasLength() {
        return type.lookupSlot(Slot.LEN) != null;
    }

    @Override
    public int length() {
        PyObject m = type.lookupSlot(Slot.LEN);
        if (m == null) {
            return super.length();
        }
        PyObject r = SlotCalls.call(m, this);
        try {
            if (!(r instanceof PyInt i)) {
                throw Errors.typeError("'" + r.typeName() + "' object cannot be interpreted as an integer");
            }
            if (i.signum() < 0) {
                throw Errors.valueError("__len__() should return >= 0");
            }
            if (!i.isSmall() || i.longValue() > Integer.MAX_VALUE) {
                throw Errors.overflowError("cannot fit 'int' into an index-sized integer");
            }
            return (int) i.longValue();
        } finally {
            Refs.decref(r);
        }
    }

    @Override
    public PyObject getItem(PyObject key) {
        PyObject m = type.lookupSlot(Slot.GETITEM);
        if (m == null) {
            return super.getItem(key);
        }
        return SlotCalls.call(m, this, key);
    }

    @Override
    public void setItem(PyObject key, PyObject value) {
        PyObject m = type.lookupSlot(Slot.SETITEM);
        if (m == null) {
            super.setItem(key, value);
            return;
        }
        Refs.decref(SlotCalls.call(m, this, key, value));
    }

    @Override
    public void deleteItem(PyObject key) {
        PyObject m = type.lookupSlot(Slot.DELITEM);
        if (m == null) {
            super.deleteItem(key);
            return;
        }
        Refs.decref(SlotCalls.call(m, this, key));
    }

    @Override
    public boolean contains(PyObject item) {
        PyObject m = type.lookupSlot(Slot.CONTAINS);
        if (m == null) {
            return super.contains(item);
        }
        PyObject r = SlotCalls.call(m, this, item);
        try {
            return r.isTrue();
        } finally {
            Refs.decref(r);
        }
    }

    // ------------------------------------------------------------------ iteration

    @Override
    public PyObject iter() {
        PyObject m = type.lookupSlot(Slot.ITER);
        if (m == null) {
            if (type.lookupSlot(Slot.GETITEM) != null) {
                return new SequenceProtocolIterator(this);
            }
            return super.iter();
        }
        PyObject it = SlotCalls.call(m, this);
        if (!isIterator(it)) {
            String got = it.typeName();
            Refs.decref(it);
            throw Errors.typeError("iter() returned non-iterator of type '" + got + "'");
        }
        return it;
    }

    private static boolean isIterator(PyObject o) {
        if (o instanceof PyInstance i) {
            return i.type.lookupSlot(Slot.NEXT) != null;
        }
        return !(o instanceof PyInt || o instanceof PyStr || o instanceof PyList || o instanceof PyTuple
                || o instanceof PyDict || o instanceof PyFloat || o == PyNone.INSTANCE);
    }

    @Override
    public PyObject next() {
        PyObject m = type.lookupSlot(Slot.NEXT);
        if (m == null) {
            return super.next();
        }
        try {
            return SlotCalls.call(m, this);
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.STOP_ITERATION)) {
                e.release();
                return null;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ calls and descriptors

    @Override
    public boolean isCallable() {
        return type.lookupSlot(Slot.CALL) != null;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        PyObject m = type.lookupSlot(Slot.CALL);
        if (m == null) {
            return super.call(args, start, nargs, kwnames);
        }
        int nkw = kwnames == null ? 0 : kwnames.size();
        PyObject[] all = new PyObject[nargs + nkw + 1];
        all[0] = this;
        System.arraycopy(args, start, all, 1, nargs + nkw);
        if (m instanceof PyFunction f) {
            return f.call(all, 0, nargs + 1, kwnames);
        }
        PyObject bound = m.descriptorGet(this, type);
        try {
            return (bound != null ? bound : m).call(all, 1, nargs, kwnames);
        } finally {
            Refs.xdecref(bound);
        }
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType owner) {
        PyObject m = type.lookupSlot(Slot.GET);
        if (m == null) {
            return null;
        }
        return SlotCalls.call(m, this, instance == null ? PyNone.INSTANCE : instance, owner);
    }

    @Override
    public boolean isDataDescriptor() {
        return type.lookupSlot(Slot.SET) != null || type.lookupSlot(Slot.DELETE) != null;
    }

    @Override
    public void descriptorSet(PyObject instance, PyObject value) {
        if (value == null) {
            PyObject m = type.lookupSlot(Slot.DELETE);
            if (m == null) {
                throw Errors.attributeError("__delete__");
            }
            Refs.decref(SlotCalls.call(m, this, instance));
            return;
        }
        PyObject m = type.lookupSlot(Slot.SET);
        if (m == null) {
            throw Errors.attributeError("__set__");
        }
        Refs.decref(SlotCalls.call(m, this, instance, value));
    }

    // ------------------------------------------------------------------ life cycle

    @Override
    public boolean hasFinalizer() {
        return type.lookupSlot(Slot.DEL) != null;
    }

    @Override
    public void runFinalizer() {
        PyObject m = type.lookupSlot(Slot.DEL);
        if (m == null) {
            return;
        }
        try {
            Refs.decref(SlotCalls.call(m, this));
        } catch (PyException e) {
            Unraisable.report(m, e);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(type);
        if (dict != null) {
            visitor.visit(dict);
        }
        if (slots != null) {
            for (PyObject v : slots) {
                if (v != null) {
                    visitor.visit(v);
                }
            }
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyDict d = dict;
        dict = null;
        if (d != null) {
            memory.decref(d);
        }
        if (slots != null) {
            for (int i = 0; i < slots.length; i++) {
                PyObject v = slotSwap(i, null);
                if (v != null) {
                    memory.decref(v);
                }
            }
        }
        memory.decref(type);
    }

    /** Iterates an object that has {@code __getitem__} but no {@code __iter__}: items 0, 1, ... until IndexError. */
    static final class SequenceProtocolIterator extends PyObject {
        static final PyType TYPE = PyType.builtin("iterator", PyType.OBJECT).finalType().build();

        private PyObject seq;
        private long index;

        SequenceProtocolIterator(PyObject seq) {
            this.seq = Refs.newRef(seq);
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
            if (seq == null) {
                return null;
            }
            PyInt i = PyInt.of(index++);
            try {
                return seq.getItem(i);
            } catch (PyException e) {
                if (e.matches(ExceptionTypes.INDEX_ERROR) || e.matches(ExceptionTypes.STOP_ITERATION)) {
                    e.release();
                    PyObject s = seq;
                    seq = null;
                    Refs.decref(s);
                    return null;
                }
                throw e;
            } finally {
                Refs.decref(i);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (seq != null) {
                visitor.visit(seq);
            }
        }
    }
}
