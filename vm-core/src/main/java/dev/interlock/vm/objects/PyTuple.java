package dev.interlock.vm.objects;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import java.util.ArrayList;
import java.util.List;

/** Python's {@code tuple}: an immutable array of counted references. */
public final class PyTuple extends PyObject {

    public static final PyType TYPE = PyType.builtin("tuple", PyType.OBJECT).noInstanceDict()
            .doc("Built-in immutable sequence.")
            .constructor((t, a, s, n, kw) -> {
                if (kw != null && kw.size() > 0) {
                    throw Errors.typeError("tuple() takes no keyword arguments");
                }
                BuiltinDef.checkPositional("tuple", n, 0, 1);
                if (n == 0) {
                    return PyTuple.EMPTY;
                }
                if (a[s] instanceof PyTuple already && already.isExact() && !t.isHeapType()) {
                    return Refs.newRef(already);
                }
                return fromIterable(a[s]);
            })
            .allocator((t, a, s, n, kw) -> newInstance(t, n > 0 ? a[s] : null))
            .attribute("__new__", TupleNew.INSTANCE)
            .method(BuiltinDef.oneArg("count", (PyTuple self, PyObject x) -> PyInt.of(self.count(x))))
            .method(BuiltinDef.positional("index", 1, 3, (PyTuple self, PyObject[] a, int s, int n) ->
                    PyInt.of(self.index(a[s], n > 1 ? a[s + 1] : null, n > 2 ? a[s + 2] : null))))
            .genericAlias()
                .slotWrappers(PyTuple.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.ADD, dev.interlock.vm.ops.BinaryOp.MUL))
            .build();

    /** The empty tuple, immortal. */
    public static final PyTuple EMPTY = new PyTuple(new PyObject[0]);

    static {
        EMPTY.makeStaticImmortal();
    }

    private final PyObject[] items;
    private final PyType type;
    private PyDict dict;
    private static final java.lang.invoke.VarHandle DICT = SharedFields.handle(
            java.lang.invoke.MethodHandles.lookup(), PyTuple.class, "dict", PyDict.class);

    private PyTuple(PyObject[] items) {
        this.items = items;
        this.type = TYPE;
    }

    private PyTuple(PyObject[] items, PyType subtype) {
        this.items = items;
        this.type = Refs.newRef(subtype);
    }

    /** {@code tuple.__new__(subtype, iterable)}: an instance of a Python class derived from tuple. */
    static PyObject newInstance(PyType subtype, PyObject iterable) {
        PyObject[] values = iterable == null ? new PyObject[0] : Iteration.toArray(iterable);
        if (subtype == TYPE) {
            return steal(values);
        }
        return new PyTuple(values, subtype);
    }

    /** True for a plain tuple. */
    public boolean isExact() {
        return type == TYPE;
    }

    /** A tuple that takes over the references held in {@code items} (and the array itself). */
    public static PyTuple steal(PyObject[] items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    /** A tuple of borrowed items: it takes its own references. */
    public static PyTuple of(PyObject... items) {
        return ofBorrowed(items);
    }

    /** A tuple of borrowed items (copied): it takes its own references. */
    public static PyTuple ofBorrowed(PyObject[] items) {
        if (items.length == 0) {
            return EMPTY;
        }
        PyObject[] copy = items.clone();
        for (PyObject o : copy) {
            Refs.incref(o);
        }
        return new PyTuple(copy);
    }

    /** A tuple of the borrowed items {@code a[start .. start+n)}. */
    public static PyTuple copyOf(PyObject[] a, int start, int n) {
        if (n == 0) {
            return EMPTY;
        }
        PyObject[] copy = new PyObject[n];
        for (int i = 0; i < n; i++) {
            PyObject o = a[start + i];
            Refs.incref(o);
            copy[i] = o;
        }
        return new PyTuple(copy);
    }

    /** {@code tuple(iterable)}. */
    public static PyTuple fromIterable(PyObject iterable) {
        if (iterable instanceof PyTuple t && t.isExact()) {
            return Refs.newRef(t);
        }
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
                throw dev.interlock.vm.memory.UseAfterFree.used(this);
            }
            d = SharedFields.install(DICT, this, PyDict.createNamespace(dev.interlock.vm.runtime.Interpreter.current())); // two racing threads keep one dict
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

    /** The number of items. */
    public int size() {
        return items.length;
    }

    /** Item {@code i}, borrowed. */
    public PyObject get(int i) {
        return items[i];
    }

    /** The items array, borrowed; callers must not change it. */
    public PyObject[] array() {
        return items;
    }

    /** The items as Java strings, for tuples of names such as {@code co_varnames}. */
    public List<String> strings() {
        List<String> out = new ArrayList<>(items.length);
        for (PyObject o : items) {
            out.add(((PyStr) o).value());
        }
        return out;
    }

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
        return items.length;
    }

    @Override
    public boolean isTrue() {
        if (type != TYPE) {
            Boolean b = HeapDispatch.isTrue(this, type);
            if (b != null) {
                return b;
            }
        }
        return items.length != 0;
    }

    @Override
    public PyObject getItem(PyObject key) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.getItem(this, type, key);
            if (r != null) {
                return r;
            }
        }
        if (key instanceof PySlice slice) {
            PySlice.Indices ix = slice.indices(items.length);
            if (ix.step() == 1 && ix.length() == items.length && type == TYPE) {
                return Refs.newRef(this);
            }
            PyObject[] out = new PyObject[Math.max(0, ix.length())];
            for (int i = 0, p = ix.start(); i < out.length; i++, p += ix.step()) {
                out[i] = Refs.newRef(items[p]);
            }
            return steal(out);
        }
        long i = Sequences.index(key, "tuple");
        if (i < 0) {
            i += items.length;
        }
        if (i < 0 || i >= items.length) {
            throw Errors.indexError("tuple index out of range");
        }
        return Refs.newRef(items[(int) i]);
    }

    @Override
    public boolean contains(PyObject item) {
        if (type != TYPE) {
            Boolean b = HeapDispatch.contains(this, type, item);
            if (b != null) {
                return b;
            }
        }
        for (PyObject o : items) {
            if (Compare.isEqual(o, item)) {
                return true;
            }
        }
        return false;
    }

    int count(PyObject x) {
        int c = 0;
        for (PyObject o : items) {
            if (Compare.isEqual(o, x)) {
                c++;
            }
        }
        return c;
    }

    int index(PyObject x, PyObject start, PyObject stop) {
        int[] range = Sequences.searchRange(items.length, start, stop);
        for (int i = range[0]; i < range[1]; i++) {
            if (Compare.isEqual(items[i], x)) {
                return i;
            }
        }
        throw Errors.valueError("tuple.index(x): x not in tuple");
    }

    @Override
    public PyObject iter() {
        if (type != TYPE) {
            PyObject r = HeapDispatch.iter(this, type);
            if (r != null) {
                return r;
            }
        }
        return new SequenceIterator(this, TUPLE_ITERATOR);
    }

    /** An iterator over this tuple that takes over the caller's reference to the tuple. */
    public PyObject iterSteal() {
        PyObject it = iter();
        Refs.decref(this);
        return it;
    }

    static final PyType TUPLE_ITERATOR = PyType.builtin("tuple_iterator", PyType.OBJECT).finalType()
            .slotWrappers(SequenceIterator.class).build();

    @Override
    public long hash() {
        if (type != TYPE) {
            Long h = HeapDispatch.hash(this, type);
            if (h != null) {
                return h;
            }
        }
        // Compare CPython's tuplehash (an xxHash-style mix, 3.8+).
        final long prime1 = 0x9E3779B185EBCA87L;
        final long prime2 = 0xC2B2AE3D27D4EB4FL;
        final long prime5 = 0x27D4EB2F165667C5L;
        long acc = prime5;
        for (PyObject o : items) {
            long lane = o.hash();
            acc += lane * prime2;
            acc = Long.rotateLeft(acc, 31);
            acc *= prime1;
        }
        acc += items.length ^ (prime5 ^ 3527539L);
        return acc == -1 ? 1546275796L : acc;
    }

    private PyObject compareItems(PyObject other, int op) {
        if (!(other instanceof PyTuple o)) {
            return PyNotImplemented.INSTANCE;
        }
        return Sequences.compare(items, items.length, o.items, o.items.length, op);
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
            if (!(other instanceof PyTuple o)) {
                if (other instanceof PyList || other instanceof PyStr) {
                    throw Errors.typeError("can only concatenate tuple (not \"" + other.typeName() + "\") to tuple");
                }
                return PyNotImplemented.INSTANCE;
            }
            if (o.items.length == 0) {
                return Refs.newRef(this);
            }
            if (items.length == 0) {
                return Refs.newRef(o);
            }
            PyObject[] out = new PyObject[items.length + o.items.length];
            System.arraycopy(items, 0, out, 0, items.length);
            System.arraycopy(o.items, 0, out, items.length, o.items.length);
            for (PyObject x : out) {
                Refs.incref(x);
            }
            return new PyTuple(out);
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

    private PyObject repeat(PyInt n) {
        long count = Sequences.repeatCount(n, items.length);
        if (count <= 0 || items.length == 0) {
            return EMPTY;
        }
        if (count == 1) {
            return Refs.newRef(this);
        }
        PyObject[] out = new PyObject[(int) (count * items.length)];
        for (int i = 0; i < out.length; i++) {
            PyObject x = items[i % items.length];
            Refs.incref(x);
            out[i] = x;
        }
        return new PyTuple(out);
    }

    @Override
    public String repr() {
        if (type != TYPE) {
            String r = HeapDispatch.repr(this, type);
            if (r != null) {
                return r;
            }
        }
        if (items.length == 0) {
            return "()";
        }
        if (!ReprGuard.enter(this)) {
            return "(...)";
        }
        try {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < items.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(items[i].repr());
            }
            if (items.length == 1) {
                b.append(',');
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

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (type != TYPE) {
            PyObject r = HeapDispatch.richCompare(this, type, other, op);
            if (r != null) {
                return r;
            }
        }
        return compareItems(other, op);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (PyObject o : items) {
            visitor.visit(o);
        }
        if (type != TYPE) {
            visitor.visit(type);
            if (dict != null) {
                visitor.visit(dict);
            }
        }
    }

    @Override
    public void releaseReferences(dev.interlock.api.memory.MemoryManager memory) {
        for (PyObject o : items) {
            memory.decref(o);
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

    /** {@code tuple.__new__(cls, iterable=())}, what namedtuple classes call. */
    static final class TupleNew {
        static final PyObject INSTANCE = make();

        private static PyObject make() {
            PyBuiltinFunction f = new PyBuiltinFunction(BuiltinDef.keywords("__new__", (self, a, s, n, kw) -> {
                BuiltinDef.checkPositional("tuple.__new__", n, 1, 2);
                if (!(a[s] instanceof PyType cls) || !cls.isSubtypeOf(TYPE)) {
                    throw dev.interlock.vm.errors.Errors.typeError("tuple.__new__(X): X is not a subtype of tuple");
                }
                return newInstance(cls, n > 1 ? a[s + 1] : null);
            }), "builtins");
            f.makeStaticImmortal();
            Descriptors.StaticMethod sm = new Descriptors.StaticMethod(f);
            sm.makeStaticImmortal();
            return sm;
        }
    }
}
