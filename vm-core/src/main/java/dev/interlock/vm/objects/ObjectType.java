package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.Compare;

/**
 * The methods of {@code object} that Python code calls explicitly ({@code super().__init__()},
 * {@code object.__setattr__(self, name, value)}, {@code object.__new__(cls)}) and the allocator of
 * plain instances. Compare {@code object_init}, {@code object_new} in CPython's typeobject.c.
 */
final class ObjectType {

    private ObjectType() {
    }

    static void install(PyType object, PyType type) {
        object.installAllocator((subtype, a, s, n, kw) -> PyInstance.allocate(subtype));
        object.installMethod(keywords("__init__", (self, a, s, n, kw) -> {
            boolean excess = n > 0 || (kw != null && kw.size() > 0);
            if (excess) {
                PyType t = self.type();
                if (t.lookupSlot(Slot.INIT) != null) {
                    throw Errors.typeError("object.__init__() takes exactly one argument (the instance to initialize)");
                }
                if (t.lookupSlot(Slot.NEW) == null) {
                    throw Errors.typeError(t.name() + "() takes no arguments");
                }
            }
            return PyNone.INSTANCE;
        }));
        object.installAttribute("__new__", new Descriptors.StaticMethod(immortal(new PyBuiltinFunction(
                keywords("__new__", (self, a, s, n, kw) -> objectNew(a, s, n, kw)), "builtins"))));
        object.installMethod(noArgs("__repr__", (PyObject self) -> PyStr.of(defaultRepr(self))));
        object.installMethod(noArgs("__str__", (PyObject self) -> PyStr.of(self.repr())));
        object.installMethod(oneArg("__eq__", (PyObject self, PyObject o) -> Identity.compare(self, o, Compare.EQ)));
        object.installMethod(oneArg("__ne__", (PyObject self, PyObject o) -> self == o ? PyBool.FALSE : PyNotImplemented.INSTANCE));
        object.installMethod(noArgs("__hash__", (PyObject self) -> PyInt.of(Identity.hash(self))));
        object.installMethod(oneArg("__getattribute__", (PyObject self, PyObject name) -> self.genericGetAttribute(nameOf(name))));
        object.installMethod(positional("__setattr__", 2, 2, (PyObject self, PyObject[] a, int s, int n) -> {
            PyStr name = nameOf(a[s]);
            if (self instanceof PyInstance i) {
                i.genericSetAttribute(name, a[s + 1]);
            } else {
                self.setAttribute(name, a[s + 1]);
            }
            return PyNone.INSTANCE;
        }));
        object.installMethod(oneArg("__delattr__", (PyObject self, PyObject name) -> {
            if (self instanceof PyInstance i) {
                i.genericDeleteAttribute(nameOf(name));
            } else {
                self.deleteAttribute(nameOf(name));
            }
            return PyNone.INSTANCE;
        }));
        object.installMethod(oneArg("__format__", (PyObject self, PyObject spec) -> {
            if (!(spec instanceof PyStr s)) {
                throw Errors.typeError("__format__() argument must be str, not " + spec.typeName());
            }
            if (!s.value().isEmpty()) {
                throw Errors.typeError("unsupported format string passed to " + self.typeName() + ".__format__");
            }
            return PyStr.of(self.str());
        }));
        object.installAttribute("__init_subclass__", new Descriptors.ClassMethod(immortal(new PyBuiltinFunction(
                keywords("__init_subclass__", (self, a, s, n, kw) -> {
                    if (n > 1 || (kw != null && kw.size() > 0)) {
                        throw Errors.typeError(((PyType) a[s]).name() + ".__init_subclass__() takes no keyword arguments");
                    }
                    return PyNone.INSTANCE;
                }), "builtins"))));
        object.installGetter("__class__", self -> Refs.newRef(self.type()));
        type.installMethod(noArgs("mro", (PyType self) -> PyList.of(self.mro().toArray(new PyObject[0]))));
        type.installMethod(noArgs("__subclasses__", (PyType self) -> PyList.steal(self.liveSubclasses())));
    }

    private static PyObject immortal(PyObject o) {
        o.makeStaticImmortal();
        return o;
    }

    private static PyStr nameOf(PyObject o) {
        if (o instanceof PyStr s) {
            return s;
        }
        throw Errors.typeError("attribute name must be string, not '" + o.typeName() + "'");
    }

    /** {@code object.__repr__}. */
    static String defaultRepr(PyObject self) {
        PyType t = self.type();
        String qualified = t.module().equals("builtins") ? t.qualname() : t.module() + "." + t.qualname();
        return "<" + qualified + " object at " + Identity.address(self) + ">";
    }

    /** {@code object.__new__(cls, *args)}. */
    private static PyObject objectNew(PyObject[] a, int s, int n, PyTuple kw) {
        if (n < 1) {
            throw Errors.typeError("object.__new__(): not enough arguments");
        }
        if (!(a[s] instanceof PyType cls)) {
            throw Errors.typeError("object.__new__(X): X is not a type object (" + a[s].typeName() + ")");
        }
        boolean excess = n > 1 || (kw != null && kw.size() > 0);
        if (excess && cls.lookupSlot(Slot.NEW) == null) {
            throw Errors.typeError(cls.name() + "() takes no arguments");
        }
        if (excess && cls.lookupSlot(Slot.INIT) == null) {
            throw Errors.typeError(cls.name() + "() takes no arguments");
        }
        PyType solid = cls.solidBase();
        if (solid.allocator() == null) {
            throw Errors.typeError("object.__new__(" + cls.name() + ") is not safe, use " + solid.name() + ".__new__()");
        }
        return solid.allocator().allocate(cls, a, s + 1, 0, null);
    }
}
