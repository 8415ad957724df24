package dev.interlock.vm.stdlib.collections;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.HeapDispatch;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyMethodDescriptor;
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

/**
 * {@code collections.defaultdict}: a dict whose {@code d[key]} for an absent key stores and
 * returns {@code default_factory()}. Everything else is dict's, entries included (so the
 * concurrency guarantees are those of the strategy's dict storage). Python classes may derive
 * from it.
 */
public final class PyDefaultDict extends PyDict {

    private static final PyStr INIT = PyStr.immortal("__init__");
    private static final PyStr ITEMS = PyStr.immortal("items");
    private static final PyStr UPDATE = PyStr.immortal("update");

    public static final PyType TYPE = PyType.builtin("defaultdict", PyDict.TYPE).module("collections").noInstanceDict()
            .doc("defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
                    + "Like dict, except that looking up an absent key calls default_factory() and stores\n"
                    + "and returns what it gives; without a factory that lookup raises KeyError.")
            .constructor((t, a, s, n, kw) -> {
                PyDefaultDict d = new PyDefaultDict(t);
                try {
                    d.init(a, s, n, kw);
                } catch (RuntimeException | Error e) {
                    Refs.decref(d);
                    throw e;
                }
                return d;
            })
            .allocator((t, a, s, n, kw) -> new PyDefaultDict(t))
            .method(keywords("__init__", (self, a, s, n, kw) -> {
                ((PyDefaultDict) self).init(a, s, n, kw);
                return PyNone.INSTANCE;
            }))
            .method(oneArg("__missing__", (PyDefaultDict self, PyObject key) -> self.fromFactory(key)))
            .method(noArgs("copy", PyDefaultDict::copyDefault))
            .method(noArgs("__copy__", PyDefaultDict::copyDefault))
            .method(noArgs("__repr__", (PyDefaultDict self) -> PyStr.of(self.builtinRepr())))
            .method(noArgs("__reduce__", PyDefaultDict::reduce))
            .method(oneArg("__or__", (PyDefaultDict self, PyObject other) -> self.or(self, other)))
            .method(oneArg("__ror__", (PyDefaultDict self, PyObject other) -> self.or(other, self)))
            .property("default_factory", self -> Refs.newRef(((PyDefaultDict) self).factory),
                    (self, v) -> ((PyDefaultDict) self).replaceFactory(v))
            .build();

    private PyObject factory = PyNone.INSTANCE;

    private PyDefaultDict(PyType type) {
        super(type);
    }

    @Override
    public String typeName() {
        return type().isHeapType() ? type().name() : type().qualifiedName();
    }

    /** {@code __init__(default_factory=None, /, *args, **kwargs)}: the rest goes to dict's. */
    private void init(PyObject[] a, int s, int n, PyTuple kw) {
        if (n > 0) {
            PyObject f = a[s];
            if (f != PyNone.INSTANCE && !f.isCallable()) {
                throw Errors.typeError("first argument must be callable or None");
            }
            replaceFactory(f);
            s++;
            n--;
        }
        PyObject dictInit = PyDict.TYPE.getOwn(INIT);
        ((PyMethodDescriptor) dictInit).callWithSelf(this, a, s, n, kw);
    }

    private void replaceFactory(PyObject v) {
        PyObject old = factory;
        factory = Refs.newRef(v == null ? PyNone.INSTANCE : v);
        Refs.decref(old);
    }

    /** {@code __missing__}: a Python subclass's, else the factory's value, stored under {@code key}. */
    @Override
    protected PyObject missing(PyObject key) {
        if (type() != TYPE) {
            PyObject r = super.missing(key);
            if (r != null) {
                return r;
            }
        }
        return fromFactory(key);
    }

    private PyObject fromFactory(PyObject key) {
        PyObject f = factory;
        if (f == PyNone.INSTANCE) {
            throw Errors.keyError(key);
        }
        PyObject value = f.call(new PyObject[0], 0, 0, null);
        try {
            setItem(key, value);
        } catch (RuntimeException | Error e) {
            Refs.decref(value);
            throw e;
        }
        return value;
    }

    /** {@code type(self)(self.default_factory, arg)}: how CPython copies and merges defaultdicts. */
    private PyObject sameKind(PyObject arg) {
        return type().call(new PyObject[] {factory, arg}, 0, 2, null);
    }

    private PyObject copyDefault() {
        return sameKind(this);
    }

    /** {@code left | right} where this defaultdict is one of them: a new one of this type. */
    private PyObject or(PyObject left, PyObject right) {
        PyObject other = left == this ? right : left;
        if (!(other instanceof PyDict)) {
            return PyNotImplemented.INSTANCE;
        }
        PyObject out = sameKind(left);
        try {
            PyObject update = out.getAttribute(UPDATE);
            try {
                Refs.decref(update.call(new PyObject[] {right}, 0, 1, null));
            } finally {
                Refs.decref(update);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.binaryOp(this, type(), op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.OR) {
            return or(this, other);
        }
        return PyNotImplemented.INSTANCE;
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (type() != TYPE) {
            PyObject r = HeapDispatch.reflected(this, type(), op, other);
            if (r != null) {
                return r;
            }
        }
        if (op == BinaryOp.OR) {
            return or(other, this);
        }
        return PyNotImplemented.INSTANCE;
    }

    @Override
    public String repr() {
        if (type().lookupSlot(Slot.REPR) != null) {
            return super.repr();
        }
        return builtinRepr();
    }

    /** {@code defaultdict(<class 'list'>, {...})}, named after the instance's class. */
    private String builtinRepr() {
        String factoryRepr;
        if (factory == PyNone.INSTANCE) {
            factoryRepr = "None";
        } else if (!ReprGuard.enter(factory)) {
            factoryRepr = "...";
        } else {
            try {
                factoryRepr = factory.repr();
            } finally {
                ReprGuard.exit(factory);
            }
        }
        return type().name() + "(" + factoryRepr + ", " + dictRepr() + ")";
    }

    /** {@code (type, (default_factory,) or (), None, None, iter(self.items()))}. */
    private PyObject reduce() {
        PyObject args = factory == PyNone.INSTANCE ? PyTuple.EMPTY : PyTuple.of(factory);
        PyObject items = null;
        PyObject it;
        try {
            PyObject method = getAttribute(ITEMS);
            try {
                items = method.call(new PyObject[0], 0, 0, null);
            } finally {
                Refs.decref(method);
            }
            it = items.iter();
        } catch (RuntimeException | Error e) {
            Refs.decref(args);
            throw e;
        } finally {
            Refs.xdecref(items);
        }
        return PyTuple.steal(new PyObject[] {Refs.newRef(type()), args, PyNone.INSTANCE, PyNone.INSTANCE, it});
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        super.traverse(visitor);
        visitor.visit(factory);
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyObject f = factory;
        factory = PyNone.INSTANCE;
        memory.decref(f);
        super.releaseReferences(memory);
    }
}
