package dev.interlock.vm.objects;

import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import java.util.ArrayList;
import java.util.List;

/**
 * Classes written in Python: creating them ({@code class} statements, {@code type(name, bases,
 * dict)}) and calling them to make instances. Compare CPython's {@code type_new} and
 * {@code type_call} in {@code Objects/typeobject.c}.
 */
public final class HeapTypes {

    private HeapTypes() {
    }

    /** {@code type(name, bases, dict)}. */
    static PyObject typeCall(PyObject[] a, int s, PyTuple kwnames) {
        if (!(a[s] instanceof PyStr name)) {
            throw Errors.typeError("type.__new__() argument 1 must be str, not " + a[s].typeName());
        }
        if (!(a[s + 1] instanceof PyTuple bases)) {
            throw Errors.typeError("type.__new__() argument 2 must be tuple, not " + a[s + 1].typeName());
        }
        if (!(a[s + 2] instanceof PyDict ns)) {
            throw Errors.typeError("type.__new__() argument 3 must be dict, not " + a[s + 2].typeName());
        }
        return create(name.value(), bases, ns, kwnames, a, s + 3);
    }

    /**
     * Creates a class: checks the bases, copies the namespace, fills in {@code __module__} and
     * {@code __qualname__}, sets the {@code __class__} cell for zero-argument {@code super()},
     * calls {@code __set_name__} on the attributes that define it and the parent's
     * {@code __init_subclass__}.
     *
     * @param kwnames keyword arguments of the class statement (passed to {@code __init_subclass__})
     * @param kwvalues their values, from {@code kwvalues[kwstart]}
     */
    public static PyType create(String name, PyTuple basesTuple, PyDict namespace, PyTuple kwnames, PyObject[] kwvalues,
            int kwstart) {
        PyType[] bases = new PyType[basesTuple.size()];
        for (int i = 0; i < bases.length; i++) {
            PyObject b = basesTuple.get(i);
            if (!(b instanceof PyType t)) {
                throw Errors.typeError("bases must be types");
            }
            if (!t.acceptsSubclasses()) {
                throw Errors.typeError("type '" + t.name() + "' is not an acceptable base type");
            }
            bases[i] = t;
        }
        PyType solid = solidBase(bases);
        PyDict dict = namespace.copy();
        java.util.List<String> slotNames = slotNames(name, dict);
        PyType type;
        try {
            PyObject module = dict.getItemOrNull("__module__");
            if (module == null) {
                module = callerModuleName();
                dict.setItem("__module__", module);
            }
            String qualname = name;
            PyObject q = dict.pop(PyStrs.QUALNAME);
            if (q != null) {
                if (!(q instanceof PyStr qs)) {
                    Refs.decref(q);
                    Refs.decref(module);
                    throw Errors.typeError("type __qualname__ must be a str, not " + q.typeName());
                }
                qualname = qs.value();
                Refs.decref(q);
            }
            PyObject cell = dict.pop(PyStrs.CLASSCELL);
            wrapImplicitMethods(dict);
            type = new PyType(name, module.str(), bases, dict, solid);
            type.setQualname(qualname);
            Refs.decref(module);
            if (cell != null) {
                if (cell instanceof PyCell c) {
                    Refs.incref(type);
                    c.setSteal(type);
                }
                Refs.decref(cell);
            }
        } finally {
            Refs.decref(dict);
        }
        try {
            layOutSlots(type, bases, solid, slotNames);
            setNames(type);
            initSubclass(type, kwnames, kwvalues, kwstart);
        } catch (RuntimeException | Error e) {
            Refs.decref(type);
            throw e;
        }
        return type;
    }

    /**
     * The {@code __name__} of the calling frame's globals (a new reference): the module a class
     * made by {@code type(name, bases, dict)} belongs to when the dict does not say.
     */
    private static PyObject callerModuleName() {
        dev.interlock.vm.eval.Frame f = dev.interlock.vm.runtime.PyThreadState.current().frame;
        PyObject name = f == null ? null : f.globals().getItemOrNull("__name__");
        return name != null ? name : PyStr.of("builtins");
    }

    /**
     * The names in the class body's {@code __slots__} (a string or an iterable of strings), private
     * names mangled as CPython mangles them; null when the class has no {@code __slots__}.
     */
    private static java.util.List<String> slotNames(String className, PyDict dict) {
        PyObject spec = dict.getItemOrNull("__slots__");
        if (spec == null) {
            return null;
        }
        try {
            java.util.List<PyObject> items = spec instanceof PyStr ? java.util.List.of(Refs.newRef(spec))
                    : Iteration.collect(spec);
            java.util.List<String> names = new java.util.ArrayList<>();
            try {
                for (PyObject item : items) {
                    if (!(item instanceof PyStr str)) {
                        throw Errors.typeError("__slots__ items must be strings, not '" + item.typeName() + "'");
                    }
                    String n = str.value();
                    if (!StrType.isIdentifier(n)) {
                        throw Errors.typeError("__slots__ must be identifiers");
                    }
                    if (n.startsWith("__") && !n.endsWith("__")) {
                        String stripped = className.replaceFirst("^_+", "");
                        n = stripped.isEmpty() ? n : "_" + stripped + n;
                    }
                    PyObject clash = n.equals("__dict__") || n.equals("__weakref__") ? null : dict.getItemOrNull(n);
                    if (clash != null) {
                        Refs.decref(clash);
                        throw Errors.valueError("'" + n + "' in __slots__ conflicts with class variable");
                    }
                    names.add(n);
                }
            } finally {
                Refs.decrefAll(items.toArray(new PyObject[0]));
            }
            return names;
        } finally {
            Refs.decref(spec);
        }
    }

    /**
     * Gives the class its instance layout: the slots of its bases (at most one base may have
     * some), then a member descriptor for each of its own {@code __slots__} names; and whether
     * instances have a {@code __dict__}. Compare {@code type_new_slots} in CPython's typeobject.c.
     */
    private static void layOutSlots(PyType type, PyType[] bases, PyType solid, java.util.List<String> own) {
        int inherited = 0;
        boolean baseHasDict = solid != PyType.OBJECT && solid.instancesHaveDict();
        PyType slotted = null;
        for (PyType b : bases) {
            if (b.isHeapType()) {
                if (b.slotCount() > 0) {
                    if (slotted != null && slotted.slotCount() > 0 && !b.isSubtypeOf(slotted) && !slotted.isSubtypeOf(b)) {
                        throw Errors.typeError("multiple bases have instance lay-out conflict");
                    }
                    if (b.slotCount() > inherited) {
                        inherited = b.slotCount();
                        slotted = b;
                    }
                }
                baseHasDict |= b.instancesHaveDict();
            }
        }
        if (own == null) {
            type.setSlotLayout(inherited, true);
            return;
        }
        int index = inherited;
        boolean wantsDict = false;
        for (String n : own) {
            if (n.equals("__dict__")) {
                wantsDict = true;
            } else if (!n.equals("__weakref__")) {
                if (solid != PyType.OBJECT) {
                    throw new NotSupportedError("__slots__ with names in a class derived from '" + solid.name() + "'");
                }
                type.heapDict().setItemSteal(n, new PyMemberDescriptor(type, n, index++));
            }
        }
        type.setSlotLayout(index, wantsDict || baseHasDict);
    }

    /** {@code __new__} is implicitly a staticmethod, {@code __init_subclass__} and {@code __class_getitem__} classmethods. */
    private static void wrapImplicitMethods(PyDict dict) {
        PyObject n = dict.getItemOrNull(PyStrs.NEW);
        if (n != null) {
            if (n instanceof PyFunction) {
                dict.setItemSteal("__new__", new Descriptors.StaticMethod(n));
            }
            Refs.decref(n);
        }
        for (String name : new String[] {"__init_subclass__", "__class_getitem__"}) {
            PyObject i = dict.getItemOrNull(name);
            if (i != null) {
                if (i instanceof PyFunction) {
                    dict.setItemSteal(name, new Descriptors.ClassMethod(i));
                }
                Refs.decref(i);
            }
        }
    }

    /**
     * The built-in type that decides the instance layout: the most derived solid base among the
     * bases' ones, which must all lie on one line of inheritance.
     */
    static PyType solidBase(PyType[] bases) {
        PyType winner = PyType.OBJECT;
        for (PyType b : bases) {
            PyType candidate = b.solidBase();
            if (candidate.allocator() == null) {
                throw new NotSupportedError("classes derived from the built-in type '" + b.name() + "'");
            }
            if (candidate.isSubtypeOf(winner)) {
                winner = candidate;
            } else if (!winner.isSubtypeOf(candidate)) {
                throw Errors.typeError("multiple bases have instance lay-out conflict");
            }
        }
        return winner;
    }

    private static void setNames(PyType type) {
        List<MapStorage.Entry<PyObject, PyObject>> entries = type.heapDict().entryList();
        try {
            for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                PyObject setName = e.value().type().lookupSlot(Slot.SET_NAME);
                if (setName != null) {
                    Refs.decref(setName.call(new PyObject[] {e.value(), type, e.key()}, 0, 3, null));
                }
            }
        } finally {
            PyDict.release(entries);
        }
    }

    /** Calls the parent's {@code __init_subclass__} (object's accepts no keyword arguments). */
    private static void initSubclass(PyType type, PyTuple kwnames, PyObject[] kwvalues, int kwstart) {
        PyObject method = null;
        List<PyType> mro = type.mro();
        for (int i = 1; i < mro.size() && method == null; i++) {
            PyDict d = mro.get(i).heapDict();
            if (d != null) {
                method = d.getItemOrNull(Slot.INIT_SUBCLASS.pyName());
            }
        }
        int nkw = kwnames == null ? 0 : kwnames.size();
        if (method == null) {
            if (nkw > 0) {
                throw Errors.typeError(type.name() + ".__init_subclass__() takes no keyword arguments");
            }
            return;
        }
        try {
            PyObject bound = method.descriptorGet(null, type);
            PyObject callable = bound != null ? bound : Refs.newRef(method);
            try {
                PyObject[] args = new PyObject[nkw];
                System.arraycopy(kwvalues, kwstart, args, 0, nkw);
                Refs.decref(callable.call(args, 0, 0, nkw == 0 ? null : kwnames));
            } finally {
                Refs.decref(callable);
            }
        } finally {
            Refs.decref(method);
        }
    }

    /**
     * Calls a class to make an instance: {@code __new__} (or the layout's allocator), then
     * {@code __init__} if the result is an instance of the class. Compare {@code type_call}.
     */
    static PyObject instantiate(PyType type, PyObject[] a, int s, int n, PyTuple kw) {
        boolean hasArgs = n > 0 || (kw != null && kw.size() > 0);
        PyObject newMethod = type.lookupSlot(Slot.NEW);
        PyObject initOverride = type.lookupSlot(Slot.INIT);
        PyObject obj;
        if (newMethod != null) {
            PyObject[] args = new PyObject[n + 1 + (kw == null ? 0 : kw.size())];
            args[0] = type;
            System.arraycopy(a, s, args, 1, args.length - 1);
            PyObject callable = newMethod.descriptorGet(null, type);
            try {
                obj = (callable != null ? callable : newMethod).call(args, 0, n + 1, kw);
            } finally {
                Refs.xdecref(callable);
            }
        } else {
            PyType solid = type.solidBase();
            if (solid == PyType.OBJECT && hasArgs && initOverride == null) {
                throw Errors.typeError(type.name() + "() takes no arguments");
            }
            obj = solid.allocator().allocate(type, a, s, n, kw);
        }
        if (!obj.type().isSubtypeOf(type)) {
            return obj;
        }
        try {
            PyObject init = initOverride != null ? Refs.newRef(initOverride) : builtinInit(type);
            if (init != null) {
                try {
                    PyObject[] args = new PyObject[n + 1 + (kw == null ? 0 : kw.size())];
                    args[0] = obj;
                    System.arraycopy(a, s, args, 1, args.length - 1);
                    PyObject r = init.call(args, 0, n + 1, kw);
                    if (r != PyNone.INSTANCE) {
                        String got = r.typeName();
                        Refs.decref(r);
                        throw Errors.typeError("__init__() should return None, not '" + got + "'");
                    }
                } finally {
                    Refs.decref(init);
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(obj);
            throw e;
        }
        return obj;
    }

    /** The {@code __init__} of the nearest built-in base, or null for object's (which does nothing). */
    private static PyObject builtinInit(PyType type) {
        for (PyType t : type.mro()) {
            if (t.isHeapType()) {
                continue;
            }
            if (t == PyType.OBJECT) {
                return null;
            }
            PyObject init = t.getOwn(PyStrs.INIT);
            if (init != null) {
                return Refs.newRef(init);
            }
        }
        return null;
    }

    /** The names in a class namespace, for {@code dir()}-like helpers. */
    static List<String> names(PyType type) {
        List<String> out = new ArrayList<>();
        for (PyType t : type.mro()) {
            if (t.heapDict() != null) {
                for (MapStorage.Entry<PyObject, PyObject> e : t.heapDict().entryList()) {
                    out.add(e.key().str());
                    Refs.decref(e.key());
                    Refs.decref(e.value());
                }
            } else {
                out.addAll(t.builtinNames());
            }
        }
        return out;
    }
}
