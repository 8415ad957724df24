package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python type. Built-in types are created once per JVM, are immutable and immortal, and keep
 * their attributes in a Java map filled when the type is built; their instances are Java objects
 * of the corresponding {@code Py*} class. Classes defined by Python code ("heap types") keep their
 * attributes in a {@link PyDict} like any namespace.
 *
 * <p>Attribute lookup walks the method resolution order ({@code __mro__}), computed with C3
 * linearization as CPython's {@code mro_implementation} does.
 */
public class PyType extends PyObject {

    /** How a built-in type makes instances: {@code __new__} and {@code __init__} in one. */
    @FunctionalInterface
    public interface Constructor {
        PyObject construct(PyType type, PyObject[] args, int start, int nargs, PyTuple kwnames);
    }

    /**
     * How a built-in type that Python classes may derive from makes a blank instance of such a
     * class ({@code object.__new__}, {@code list.__new__}...); {@code __init__} runs after.
     */
    @FunctionalInterface
    public interface Allocator {
        PyObject allocate(PyType subtype, PyObject[] args, int start, int nargs, PyTuple kwnames);
    }

    /** Marks a value absent from a lookup cache (never seen by Python code); immortal, as it is shared by interpreters. */
    private static final PyObject NOT_FOUND = immortalSentinel();

    private static PyObject immortalSentinel() {
        PyObject o = new PyBaseObject();
        o.setRefLocal(IMMORTAL);
        return o;
    }

    /** {@code object}: the root of every type. */
    public static final PyType OBJECT = new PyType("object", null, true, (t, a, s, n, kw) -> {
        if (n != 0 || (kw != null && kw.size() > 0)) {
            throw Errors.typeError("object() takes no arguments");
        }
        return new PyBaseObject();
    });
    /** {@code type}: the type of every type. */
    public static final PyType TYPE = new PyType("type", OBJECT, false, null);

    static {
        ObjectType.install(OBJECT, TYPE);
    }

    private final String name;
    private String module;
    private final PyType base;
    private final PyType[] bases;
    private PyType[] mro;
    private boolean acceptsSubclasses;
    private final Map<String, PyObject> builtinDict;
    private final PyDict heapDict;
    private Constructor constructor;
    private Allocator allocator;
    private String doc;
    private String qualname;
    /** Heap types: slots of {@code __slots__} in instances (this class's and its bases'). */
    private int slotCount;
    /** Heap types: whether instances have a {@code __dict__} ({@code __slots__} without it say no). */
    private boolean instancesHaveDict = true;

    // ---- heap types only: lookup caches, valid for one version of the class and its bases.
    // Compare CPython's type version tags (Objects/typeobject.c, assign_version_tag): a change to a
    // class in the MRO bumps the version of the class and of every class derived from it, and a
    // cache entry is used only while its version is current. Threads running in parallel can fill
    // a cache while another changes the class: an entry computed before the change carries the old
    // version and is never used after it. Entries borrow their values from the class dicts; a
    // reader takes its reference with tryIncref, which refuses a value replaced and freed since.
    private record CacheEntry(long version, PyObject value) {
    }

    private record SlotCache(long version, PyObject[] slots) {
    }

    private static final java.lang.invoke.VarHandle CACHE_VERSION = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyType.class, "cacheVersion", long.class);
    private final java.util.concurrent.ConcurrentHashMap<String, CacheEntry> lookupCache;
    private volatile SlotCache slotCache;
    @SuppressWarnings("unused") // accessed through CACHE_VERSION
    private volatile long cacheVersion;
    private final java.util.List<java.lang.ref.WeakReference<PyType>> subclasses =
            java.util.Collections.synchronizedList(new ArrayList<>());
    private final PyType solidBase;

    private PyType(String name, PyType base, boolean acceptsSubclasses, Constructor constructor) {
        this.name = name;
        this.module = "builtins";
        this.base = base;
        this.bases = base == null ? new PyType[0] : new PyType[] {base};
        this.acceptsSubclasses = acceptsSubclasses;
        this.builtinDict = new LinkedHashMap<>();
        this.heapDict = null;
        this.constructor = constructor;
        this.lookupCache = null;
        this.solidBase = null;
        PyType[] mroArray = new PyType[base == null ? 1 : base.mro.length + 1];
        mroArray[0] = this;
        if (base != null) {
            System.arraycopy(base.mro, 0, mroArray, 1, base.mro.length);
        }
        this.mro = mroArray;
        makeStaticImmortal();
    }

    /**
     * A heap type: a class statement or a three-argument {@code type()} call. {@code dict} is the
     * class namespace, which the type keeps (taking its own reference); bases must have been
     * checked with {@link HeapTypes#solidBase}.
     */
    PyType(String name, String module, PyType[] bases, PyDict dict, PyType solidBase) {
        this.name = requireNonNull(name, "name is null");
        this.module = requireNonNull(module, "module is null");
        this.bases = bases.length == 0 ? new PyType[] {OBJECT} : bases.clone();
        this.base = this.bases[0];
        this.acceptsSubclasses = true;
        this.builtinDict = null;
        this.heapDict = requireNonNull(dict, "dict is null");
        this.constructor = null;
        this.lookupCache = new java.util.concurrent.ConcurrentHashMap<>();
        this.solidBase = requireNonNull(solidBase, "solidBase is null");
        this.mro = Mro.compute(this, this.bases);
        Refs.incref(dict);
        for (PyType b : this.bases) {
            Refs.incref(b);
            b.subclasses.add(new java.lang.ref.WeakReference<>(this));
        }
        Refs.deferred(this);
    }

    // ---- completing object and type, which exist before the Builder can be used on them

    void installMethod(BuiltinDef def) {
        builtinDict.put(def.name(), new PyMethodDescriptor(this, def));
    }

    void installAttribute(String attr, PyObject value) {
        value.makeStaticImmortal();
        builtinDict.put(attr, value);
    }

    void installGetter(String attr, PyGetSetDescriptor.Getter getter) {
        builtinDict.put(attr, new PyGetSetDescriptor(this, attr, getter, null));
    }

    void installAllocator(Allocator a) {
        this.allocator = a;
    }

    /** The classes that derive directly from this one and are still alive. */
    PyObject[] liveSubclasses() {
        java.util.List<PyObject> out = new ArrayList<>();
        synchronized (subclasses) {
            for (java.lang.ref.WeakReference<PyType> r : subclasses) {
                PyType t = r.get();
                if (t != null && Refs.tryIncref(t)) { // a class being freed by another thread is skipped
                    out.add(t);
                }
            }
        }
        return out.toArray(new PyObject[0]);
    }

    /** Starts the definition of a built-in type. */
    public static Builder builtin(String name, PyType base) {
        return new Builder(name, requireNonNull(base, "base is null"));
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** {@code __name__}. */
    public String name() {
        return name;
    }

    /** {@code __qualname__}. */
    public String qualname() {
        return qualname == null ? name : qualname;
    }

    /** The number of {@code __slots__} values an instance of this class holds. */
    int slotCount() {
        return slotCount;
    }

    /**
     * False for classes whose {@code __slots__} (and bases') leave out {@code __dict__}, and for
     * built-in types whose instances have none (so a subclass with {@code __slots__ = ()} has none).
     */
    public boolean instancesHaveDict() {
        return instancesHaveDict;
    }

    void setSlotLayout(int count, boolean hasDict) {
        this.slotCount = count;
        this.instancesHaveDict = hasDict;
    }

    void setQualname(String q) {
        this.qualname = q;
    }

    /** {@code __module__}: "builtins" for built-in types. */
    public String module() {
        return module;
    }

    /** The name as tracebacks and reprs qualify it: no prefix for builtins and {@code __main__}. */
    public String qualifiedName() {
        return module.equals("builtins") || module.equals("__main__") ? name : module + "." + name;
    }

    /** The first base ({@code __base__}); null only for {@code object}. */
    public PyType base() {
        return base;
    }

    /** {@code __bases__}. */
    public List<PyType> bases() {
        return Collections.unmodifiableList(Arrays.asList(bases));
    }

    /** {@code __mro__}. */
    public List<PyType> mro() {
        return Collections.unmodifiableList(Arrays.asList(mro));
    }

    /** True for classes created by Python code. */
    public boolean isHeapType() {
        return heapDict != null;
    }

    /** The class namespace of a heap type; null for built-in types. */
    public PyDict heapDict() {
        return heapDict;
    }

    /** True if Python classes may derive from this type. */
    public boolean acceptsSubclasses() {
        return acceptsSubclasses;
    }

    /** {@code __doc__} of a built-in type. */
    public String doc() {
        return doc;
    }

    /** True if this type is {@code other} or derives from it. */
    public boolean isSubtypeOf(PyType other) {
        if (this == other) {
            return true;
        }
        for (PyType t : mro) {
            if (t == other) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds {@code name} along the MRO without invoking descriptors: a new reference, or null.
     * Compare CPython's {@code _PyType_Lookup}.
     */
    public PyObject lookup(PyStr name) {
        if (lookupCache != null) {
            long version = cacheVersion;
            CacheEntry cached = lookupCache.get(name.value());
            if (cached != null && cached.version() == version) {
                PyObject v = cached.value();
                if (v == NOT_FOUND) {
                    return null;
                }
                if (Refs.tryIncref(v)) {
                    return v;
                }
            }
            PyObject found = lookupUncached(name); // a new reference, or null
            // the cache borrows from the class dicts, which hold the value
            lookupCache.put(name.value(), new CacheEntry(version, found == null ? NOT_FOUND : found));
            return found;
        }
        return lookupUncached(name);
    }

    private PyObject lookupUncached(PyStr name) {
        for (PyType t : mro) {
            PyObject found = t.getOwn(name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The special method {@code slot} as defined by a class written in Python somewhere in this
     * type's MRO (borrowed), or null when only built-in types provide it and the Java behaviour
     * of the instance applies. Cached per type.
     *
     * <p>Missing: a reference of its own for the caller. Without a GIL, a thread calling a special
     * method found here while another thread replaces it on the class ({@code C.__eq__ = f}) relies
     * on the old method staying alive; it does when it is immortal, as functions defined at module
     * or class level are once a second thread has started (see {@code PyFunction}), not when it is
     * a nested function. Free-threaded CPython closes the gap with {@code _PyType_LookupRef}.
     */
    public PyObject lookupSlot(Slot slot) {
        if (heapDict == null) {
            return null;
        }
        long version = cacheVersion;
        SlotCache current = slotCache;
        if (current != null && current.version() == version) {
            return current.slots()[slot.ordinal()];
        }
        PyObject[] cache;
        {
            cache = new PyObject[Slot.values().length];
            for (Slot s : Slot.values()) {
                PyObject found = null;
                for (PyType t : mro) {
                    if (t.heapDict == null) {
                        continue;
                    }
                    found = t.heapDict.getItemOrNull(s.pyName());
                    if (found != null) {
                        Refs.decref(found); // borrowed from the class dict
                        break;
                    }
                }
                cache[s.ordinal()] = found;
            }
            slotCache = new SlotCache(version, cache);
        }
        return cache[slot.ordinal()];
    }

    /** Forgets cached lookups of this type and of every type derived from it. */
    void invalidateCaches() {
        if (lookupCache != null) {
            CACHE_VERSION.getAndAdd(this, 1L); // atomic: two concurrent changes must not collapse into one bump
            lookupCache.clear();
            slotCache = null;
        }
        synchronized (subclasses) {
            subclasses.removeIf(r -> r.get() == null);
            for (java.lang.ref.WeakReference<PyType> r : subclasses) {
                PyType t = r.get();
                if (t != null) {
                    t.invalidateCaches();
                }
            }
        }
    }

    /**
     * The built-in type whose instance layout this type's instances use: for a heap type the one
     * chosen at creation, for a built-in type the nearest ancestor (itself included) that can
     * allocate instances for subclasses ({@code BaseException} for every exception class).
     */
    public PyType solidBase() {
        if (solidBase != null) {
            return solidBase;
        }
        for (PyType t : mro) {
            if (t.allocator != null) {
                return t;
            }
        }
        return OBJECT;
    }

    /** The allocator of this built-in type, or null if Python classes cannot derive from it. */
    Allocator allocator() {
        return allocator;
    }

    /** The attribute defined on this very type, as a new reference, or null. */
    public PyObject getOwn(PyStr name) {
        if (heapDict != null) {
            return heapDict.getItemOrNull(name);
        }
        return builtinDict.get(name.value()); // immortal: no count to take
    }

    /** The names defined on a built-in type, in definition order (for {@code dir}). */
    public List<String> builtinNames() {
        return builtinDict == null ? List.of() : new ArrayList<>(builtinDict.keySet());
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return false;
    }

    @Override
    public PyObject getAttribute(PyStr attr) {
        // Compare CPython type_getattro: metatype data descriptors, then the MRO of this type.
        String n = attr.value();
        switch (n) {
            case "__name__":
                return PyStr.of(name);
            case "__qualname__":
                return PyStr.of(qualname == null ? name : qualname);
            case "__module__":
                if (heapDict == null) {
                    return PyStr.of(module);
                }
                break;
            case "__mro__":
                return PyTuple.ofBorrowed(mro);
            case "__bases__":
                return PyTuple.ofBorrowed(bases);
            case "__base__":
                if (base == null) {
                    return PyNone.INSTANCE;
                }
                Refs.incref(base);
                return base;
            case "__doc__":
                if (heapDict == null) {
                    return doc == null ? PyNone.INSTANCE : PyStr.of(doc);
                }
                break;
            case "__dict__":
                // Missing: a read-only mappingproxy; a snapshot instead
                if (heapDict != null) {
                    return heapDict.copy();
                }
                PyDict snapshot = PyDict.create();
                for (Map.Entry<String, PyObject> e : builtinDict.entrySet()) {
                    snapshot.setItem(e.getKey(), e.getValue());
                }
                return snapshot;
            default:
                break;
        }
        PyObject found = lookup(attr);
        if (found != null) {
            PyObject bound = found.descriptorGet(null, this);
            if (bound != null) {
                Refs.decref(found);
                return bound;
            }
            return found;
        }
        PyObject meta = TYPE.getOwn(attr);
        if (meta != null) {
            PyObject bound = meta.descriptorGet(this, TYPE);
            if (bound != null) {
                return bound;
            }
            return meta;
        }
        throw Errors.attributeError("type object '" + name + "' has no attribute '" + n + "'");
    }

    @Override
    public void setAttribute(PyStr attr, PyObject value) {
        if (heapDict == null) {
            throw Errors.typeError("cannot set '" + attr.value() + "' attribute of immutable type '" + name + "'");
        }
        heapDict.setItem(attr, value);
        if (value instanceof PyStr str && attr.value().equals("__module__")) {
            module = str.value();
        }
        invalidateCaches();
    }

    @Override
    public void deleteAttribute(PyStr attr) {
        if (heapDict == null) {
            throw Errors.typeError("cannot delete '" + attr.value() + "' attribute of immutable type '" + name + "'");
        }
        if (!heapDict.removeIfPresent(attr)) {
            throw Errors.attributeError(attr.value());
        }
        invalidateCaches();
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        if (this == TYPE && nargs == 1 && (kwnames == null || kwnames.size() == 0)) {
            PyType t = args[start].type();
            Refs.incref(t);
            return t;
        }
        if (this == TYPE && nargs == 3) {
            return HeapTypes.typeCall(args, start, kwnames);
        }
        if (this == TYPE) {
            throw Errors.typeError("type() takes 1 or 3 arguments");
        }
        if (heapDict != null) {
            return HeapTypes.instantiate(this, args, start, nargs, kwnames);
        }
        Constructor c = constructorFor();
        if (c == null) {
            throw Errors.typeError("cannot create '" + qualifiedName() + "' instances");
        }
        return c.construct(this, args, start, nargs, kwnames);
    }

    /** The constructor of this type or of its nearest built-in ancestor that has one. */
    protected Constructor constructorFor() {
        for (PyType t : mro) {
            if (t.constructor != null) {
                return t.constructor;
            }
        }
        return null;
    }

    /**
     * {@code cls[key]}: the class's {@code __class_getitem__} (PEP 560), which built-in generics
     * define to make {@code list[int]}; otherwise not subscriptable.
     */
    @Override
    public PyObject getItem(PyObject key) {
        PyObject m = lookup(PyStrs.CLASS_GETITEM);
        if (m == null) {
            if (this == TYPE) {
                return new PyGenericAlias(this, key);
            }
            throw Errors.typeError("type '" + qualifiedName() + "' is not subscriptable");
        }
        try {
            PyObject bound = m.descriptorGet(null, this);
            PyObject callable = bound != null ? bound : Refs.newRef(m);
            try {
                return callable.call(new PyObject[] {key}, 0, 1, null);
            } finally {
                Refs.decref(callable);
            }
        } finally {
            Refs.decref(m);
        }
    }

    @Override
    public String repr() {
        return "<class '" + (module.equals("builtins") ? qualname() : module + "." + qualname()) + "'>";
    }

    @Override
    public long hash() {
        return Identity.hash(this);
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        return Identity.compare(this, other, op);
    }

    @Override
    public void traverse(dev.interlock.api.memory.ReferenceVisitor visitor) {
        if (heapDict != null) {
            visitor.visit(heapDict);
            for (PyType b : bases) {
                visitor.visit(b);
            }
        }
    }

    @Override
    public boolean isHashable() {
        return true;
    }

    /** Builds a built-in type: name, base, constructor, methods and attributes. */
    public static final class Builder {
        private final PyType type;

        private Builder(String name, PyType base) {
            this.type = new PyType(name, base, true, null);
        }

        /** Marks the type final: Python classes cannot derive from it (like {@code bool}). */
        public Builder finalType() {
            type.acceptsSubclasses = false;
            return this;
        }

        /** How instances are made when the type is called. */
        public Builder constructor(Constructor c) {
            type.constructor = c;
            return this;
        }

        /**
         * Says instances have no {@code __dict__} (tuple, list, dict, deque): a Python subclass
         * that declares {@code __slots__ = ()} then has none either.
         */
        public Builder noInstanceDict() {
            type.instancesHaveDict = false;
            return this;
        }

        /** Lets Python classes derive from this type, making blank instances with {@code a}. */
        public Builder allocator(Allocator a) {
            type.allocator = a;
            return this;
        }

        /**
         * {@code __module__} of a type defined by a native module ({@code itertools.count}): its
         * repr and error messages then qualify the name with it, as CPython's {@code tp_name}.
         */
        public Builder module(String module) {
            type.module = requireNonNull(module, "module is null");
            return this;
        }

        /** {@code __doc__}. */
        public Builder doc(String doc) {
            type.doc = doc;
            return this;
        }

        /** Adds a method descriptor. */
        public Builder method(BuiltinDef def) {
            PyMethodDescriptor d = new PyMethodDescriptor(type, def);
            type.builtinDict.put(def.name(), d);
            return this;
        }

        /** Adds a class method: looked up through the type or an instance, it receives the type as self. */
        public Builder classMethod(BuiltinDef def) {
            type.builtinDict.put(def.name(), new PyClassMethodDescriptor(type, def));
            return this;
        }

        /**
         * Adds a static method ({@code str.maketrans}): a built-in function stored on the type,
         * which binds to nothing when looked up through an instance.
         */
        public Builder staticMethod(BuiltinDef def) {
            PyBuiltinFunction f = new PyBuiltinFunction(def, type.module);
            f.makeStaticImmortal();
            type.builtinDict.put(def.name(), f);
            return this;
        }

        /** Adds an attribute (a getset descriptor, a class method, a constant). It must be immortal. */
        public Builder attribute(String name, PyObject value) {
            if (value.refLocal() < IMMORTAL) {
                throw new IllegalArgumentException("built-in type attribute must be immortal: " + name);
            }
            type.builtinDict.put(name, value);
            return this;
        }

        /** Adds a read-only property computed from the instance. */
        public Builder getter(String name, PyGetSetDescriptor.Getter getter) {
            type.builtinDict.put(name, new PyGetSetDescriptor(type, name, getter, null));
            return this;
        }

        /** Adds a read-write property. */
        public Builder property(String name, PyGetSetDescriptor.Getter getter, PyGetSetDescriptor.Setter setter) {
            type.builtinDict.put(name, new PyGetSetDescriptor(type, name, getter, setter));
            return this;
        }

        /** The finished type. */
        /**
         * Adds the special methods ({@code __len__}, {@code __add__}, ...) that instances of
         * {@code javaClass} implement as Java protocol methods, as {@link SlotWrappers} makes
         * them; {@code binaryOps} lists the operators the type supports. Methods added explicitly
         * keep precedence.
         */
        public Builder slotWrappers(Class<? extends PyObject> javaClass, java.util.Set<dev.interlock.vm.ops.BinaryOp> binaryOps) {
            for (BuiltinDef def : SlotWrappers.definitionsFor(javaClass, binaryOps)) {
                type.builtinDict.putIfAbsent(def.name(), new PyMethodDescriptor(type, def));
            }
            return this;
        }

        /** {@link #slotWrappers(Class, java.util.Set)} for a type without binary operators. */
        public Builder slotWrappers(Class<? extends PyObject> javaClass) {
            return slotWrappers(javaClass, java.util.EnumSet.noneOf(dev.interlock.vm.ops.BinaryOp.class));
        }

        /**
         * Lets the type be subscripted for type hints ({@code list[int]}), as CPython's built-in
         * generics do with a {@code __class_getitem__} that makes a {@code types.GenericAlias}.
         */
        public Builder genericAlias() {
            return classMethod(BuiltinDef.oneArg("__class_getitem__",
                    (PyObject cls, PyObject args) -> new PyGenericAlias((PyType) cls, args)));
        }

        public PyType build() {
            return type;
        }
    }
}
