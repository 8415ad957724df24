package dev.interlock.vm.objects;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.memory.AllocationLog;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.UnaryOp;
import dev.interlock.vm.runtime.PyThread;

/**
 * Every Python object. The protocol methods below are the type slots of CPython
 * ({@code tp_repr}, {@code nb_add}, {@code sq_item}...) as Java virtual methods; a type
 * implements the ones it supports and inherits an error for the rest.
 *
 * <p>Reference-count convention, as CPython's C API: arguments are borrowed (the caller keeps its
 * references), and a returned {@code PyObject} is a new reference the caller owns and must give
 * back. Methods that return Java values ({@code String}, {@code boolean}, {@code long}) hand out
 * no reference.
 */
public abstract class PyObject extends ObjectHeader {

    /**
     * Records the new object in its thread's allocation log for the reference-count audit, when
     * the JVM was started to keep such logs ({@link AllocationLog#TRACE_REFS}, a constant: when it
     * is false this constructor is empty once compiled).
     */
    protected PyObject() {
        if (AllocationLog.TRACE_REFS && owner() instanceof PyThread thread) {
            thread.logAllocation(this);
        }
    }

    /** The Python type of this object. */
    public abstract PyType type();

    @Override
    public String typeName() {
        return type().name();
    }

    /** Makes a statically created singleton immortal; it is never counted. */
    protected final void makeStaticImmortal() {
        setRefLocal(IMMORTAL);
    }

    // ------------------------------------------------------------------ representation

    /** {@code repr(self)}. */
    public String repr() {
        return "<" + typeName() + " object at " + Identity.address(this) + ">";
    }

    /** {@code str(self)}; by default the repr. */
    public String str() {
        return repr();
    }

    /** {@code format(self, spec)}; by default only the empty spec is accepted. */
    public String format(String spec) {
        if (!spec.isEmpty()) {
            throw Errors.typeError("unsupported format string passed to " + typeName() + ".__format__");
        }
        return str();
    }

    // ------------------------------------------------------------------ hashing and truth

    /** {@code hash(self)}; identity-based unless the type defines value equality. */
    public long hash() {
        return Identity.hash(this);
    }

    /** True if the type is hashable; containers that compare by value are not. */
    public boolean isHashable() {
        return true;
    }

    /** {@code bool(self)}. */
    public boolean isTrue() {
        return true;
    }

    // ------------------------------------------------------------------ comparison

    /**
     * Rich comparison with {@code op} one of {@link Compare#LT}..{@link Compare#GE}. Returns
     * {@link PyNotImplemented#INSTANCE} when this type cannot compare with {@code other}.
     */
    public PyObject richCompare(PyObject other, int op) {
        return PyNotImplemented.INSTANCE;
    }

    // ------------------------------------------------------------------ arithmetic

    /** {@code self <op> other}, or NotImplemented. */
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        return PyNotImplemented.INSTANCE;
    }

    /** {@code other <op> self} with this object on the right ({@code __radd__}...), or NotImplemented. */
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        return PyNotImplemented.INSTANCE;
    }

    /** {@code self <op>= other} when the type updates in place ({@code __iadd__}...), or NotImplemented. */
    public PyObject inplaceOp(BinaryOp op, PyObject other) {
        return PyNotImplemented.INSTANCE;
    }

    /** {@code -self}, {@code +self}, {@code ~self}. */
    public PyObject unaryOp(UnaryOp op) {
        throw Errors.typeError("bad operand type for unary " + op.symbol() + ": '" + typeName() + "'");
    }

    /** {@code operator.index(self)}: the object as an exact int, for indexing and slicing. */
    public PyInt asIndex() {
        throw Errors.typeError("'" + typeName() + "' object cannot be interpreted as an integer");
    }

    // ------------------------------------------------------------------ attributes

    /**
     * {@code getattr(self, name)}: CPython's {@code PyObject_GenericGetAttr}. Data descriptors on
     * the type win over the instance dict, which wins over other type attributes.
     */
    public PyObject getAttribute(PyStr name) {
        return genericGetAttribute(name);
    }

    /** {@code object.__getattribute__}: the generic algorithm, whatever the type overrides. */
    public final PyObject genericGetAttribute(PyStr name) {
        PyType type = type();
        PyObject descr = type.lookup(name);
        try {
            if (descr != null && descr.isDataDescriptor()) {
                return descr.descriptorGet(this, type);
            }
            PyDict dict = instanceDict();
            if (dict != null) {
                PyObject value = dict.getItemOrNull(name);
                if (value != null) {
                    return value;
                }
            }
            if (descr != null) {
                PyObject bound = descr.descriptorGet(this, type);
                if (bound != null) {
                    return bound;
                }
                Refs.incref(descr);
                return descr;
            }
        } finally {
            if (descr != null) {
                Refs.decref(descr);
            }
        }
        throw Errors.noAttribute(this, name);
    }

    /**
     * True when attribute lookup is {@link #genericGetAttribute}, so LOAD_METHOD may look the method
     * up on the type directly and skip making a bound method (CPython checks {@code tp_getattro}).
     * False by default, which is always correct; types that keep the generic lookup say so.
     */
    public boolean usesGenericGetAttribute() {
        return false;
    }

    /** {@code setattr(self, name, value)}: data descriptors first, then the instance dict. */
    public void setAttribute(PyStr name, PyObject value) {
        PyType type = type();
        PyObject descr = type.lookup(name);
        try {
            if (descr != null && descr.isDataDescriptor()) {
                descr.descriptorSet(this, value);
                return;
            }
        } finally {
            if (descr != null) {
                Refs.decref(descr);
            }
        }
        PyDict dict = instanceDict();
        if (dict == null) {
            if (descr != null) {
                throw Errors.attributeError("'" + typeName() + "' object attribute '" + name.value() + "' is read-only");
            }
            throw Errors.attributeError("'" + typeName() + "' object has no attribute '" + name.value() + "'");
        }
        dict.setItem(name, value);
    }

    /** {@code delattr(self, name)}: a data descriptor's {@code __delete__}, else the instance dict. */
    public void deleteAttribute(PyStr name) {
        PyObject descr = type().lookup(name);
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
        PyDict dict = instanceDict();
        if (dict == null || !dict.removeIfPresent(name)) {
            throw Errors.noAttribute(this, name);
        }
    }

    /** The instance {@code __dict__}, or null for objects without one. */
    public PyDict instanceDict() {
        return null;
    }

    // ------------------------------------------------------------------ descriptors

    /**
     * {@code __get__}: what this object, found on a type, gives for an attribute lookup on
     * {@code instance} (null for a lookup on the type itself). Returns null when this object is
     * not a descriptor, so the lookup returns it unchanged.
     */
    public PyObject descriptorGet(PyObject instance, PyType owner) {
        return null;
    }

    /** True for data descriptors ({@code __set__} or {@code __delete__} defined). */
    public boolean isDataDescriptor() {
        return false;
    }

    /** {@code __set__} of a data descriptor. */
    public void descriptorSet(PyObject instance, PyObject value) {
        throw Errors.attributeError("'" + typeName() + "' object is not a data descriptor");
    }

    /**
     * True when this object, found on a type, is a plain method: a call through an instance may
     * pass the instance as the first argument without creating a bound method (LOAD_METHOD).
     */
    public boolean isMethodDescriptor() {
        return false;
    }

    // ------------------------------------------------------------------ containers

    /** {@code len(self)}. */
    public int length() {
        throw Errors.typeError("object of type '" + typeName() + "' has no len()");
    }

    /** True if the type defines {@code __len__}. */
    public boolean hasLength() {
        return false;
    }

    /** {@code self[key]}. */
    public PyObject getItem(PyObject key) {
        throw Errors.typeError("'" + typeName() + "' object is not subscriptable");
    }

    /** {@code self[key] = value}. */
    public void setItem(PyObject key, PyObject value) {
        throw Errors.typeError("'" + typeName() + "' object does not support item assignment");
    }

    /** {@code del self[key]}. */
    public void deleteItem(PyObject key) {
        throw Errors.typeError("'" + typeName() + "' object doesn't support item deletion");
    }

    /** {@code item in self}; by default by iteration. */
    public boolean contains(PyObject item) {
        PyObject it;
        try {
            it = iter();
        } catch (dev.interlock.vm.errors.PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                e.release();
                throw Errors.typeError("argument of type '" + typeName() + "' is not iterable");
            }
            throw e;
        }
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                boolean eq;
                try {
                    eq = x == item || dev.interlock.vm.ops.Compare.isEqual(x, item);
                } finally {
                    Refs.decref(x);
                }
                if (eq) {
                    return true;
                }
            }
            return false;
        } finally {
            Refs.decref(it);
        }
    }

    // ------------------------------------------------------------------ iteration

    /** {@code iter(self)}: a new reference to an iterator. */
    public PyObject iter() {
        throw Errors.typeError("'" + typeName() + "' object is not iterable");
    }

    /**
     * {@code next(self)} for iterators: a new reference to the next item, or null when exhausted.
     * Exhaustion is not signalled with an exception, so a {@code for} loop costs no throw.
     */
    public PyObject next() {
        throw Errors.typeError("'" + typeName() + "' object is not an iterator");
    }

    // ------------------------------------------------------------------ calls

    /**
     * Calls this object, vectorcall style: positional arguments are
     * {@code args[start .. start+nargs)}, followed by one value per name in {@code kwnames} (may be
     * null). All are borrowed.
     */
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        throw Errors.typeError("'" + typeName() + "' object is not callable");
    }

    /** True if calling this object is possible ({@code callable(self)}). */
    public boolean isCallable() {
        return false;
    }

    @Override
    public String toString() {
        return repr();
    }
}
