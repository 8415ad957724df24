package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.runtime.PyThreadState;

/**
 * The built-in descriptor types of classes: {@code staticmethod}, {@code classmethod},
 * {@code property}, and {@code super}. Compare CPython's {@code Objects/funcobject.c},
 * {@code Objects/descrobject.c} and {@code super_getattro} in {@code Objects/typeobject.c}.
 */
public final class Descriptors {

    private Descriptors() {
    }

    private static final ArgParser PROPERTY = new ArgParser("property", 0, 0, new String[] {"fget", "fset", "fdel", "doc"});

    /** {@code staticmethod(f)}: the function itself, found through a class or an instance. */
    public static final class StaticMethod extends PyObject {
        public static final PyType TYPE = PyType.builtin("staticmethod", PyType.OBJECT)
                .constructor((t, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("staticmethod", n, 1, 1);
                    return new StaticMethod(a[s]);
                })
                .getter("__func__", self -> Refs.newRef(((StaticMethod) self).function))
                .build();

        private final PyObject function;

        public StaticMethod(PyObject function) {
            this.function = Refs.newRef(function);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject descriptorGet(PyObject instance, PyType owner) {
            return Refs.newRef(function);
        }

        @Override
        public boolean isCallable() {
            return true;
        }

        @Override
        public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
            return function.call(args, start, nargs, kwnames);
        }

        @Override
        public PyObject getAttribute(PyStr name) {
            if (name.value().equals("__doc__") || name.value().equals("__name__") || name.value().equals("__wrapped__")) {
                return function.getAttribute(name.value().equals("__wrapped__") ? PyStrs.NAME : name);
            }
            return super.getAttribute(name);
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(function);
        }
    }

    /** {@code classmethod(f)}: the function bound to the class. */
    public static final class ClassMethod extends PyObject {
        public static final PyType TYPE = PyType.builtin("classmethod", PyType.OBJECT)
                .constructor((t, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("classmethod", n, 1, 1);
                    return new ClassMethod(a[s]);
                })
                .getter("__func__", self -> Refs.newRef(((ClassMethod) self).function))
                .build();

        private final PyObject function;

        public ClassMethod(PyObject function) {
            this.function = Refs.newRef(function);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject descriptorGet(PyObject instance, PyType owner) {
            PyType cls = owner != null ? owner : instance.type();
            return new PyMethod(function, cls);
        }

        @Override
        public PyObject getAttribute(PyStr name) {
            if (name.value().equals("__doc__") || name.value().equals("__name__")) {
                return function.getAttribute(name);
            }
            return super.getAttribute(name);
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(function);
        }
    }

    /** {@code property(fget, fset, fdel, doc)}: a data descriptor computed by functions. */
    public static final class Property extends PyObject {
        public static final PyType TYPE = PyType.builtin("property", PyType.OBJECT)
                .constructor((t, a, s, n, kw) -> {
                    PyObject[] p = PROPERTY.parse(a, s, n, kw);
                    return new Property(p[0], p[1], p[2], p[3], null);
                })
                .method(oneArg("getter", (Property self, PyObject f) -> self.copy(f, self.fset, self.fdel)))
                .method(oneArg("setter", (Property self, PyObject f) -> self.copy(self.fget, f, self.fdel)))
                .method(oneArg("deleter", (Property self, PyObject f) -> self.copy(self.fget, self.fset, f)))
                .getter("fget", self -> orNone(((Property) self).fget))
                .getter("fset", self -> orNone(((Property) self).fset))
                .getter("fdel", self -> orNone(((Property) self).fdel))
                .getter("__doc__", self -> orNone(((Property) self).doc))
                .build();

        private final PyObject fget;
        private final PyObject fset;
        private final PyObject fdel;
        private final PyObject doc;
        private String name;

        Property(PyObject fget, PyObject fset, PyObject fdel, PyObject doc, String name) {
            this.fget = hold(fget);
            this.fset = hold(fset);
            this.fdel = hold(fdel);
            PyObject d = hold(doc);
            if (d == null && this.fget != null) {
                try {
                    PyObject fd = this.fget.getAttribute(PyStrs.DOC);
                    if (fd == PyNone.INSTANCE) {
                        Refs.decref(fd);
                    } else {
                        d = fd;
                    }
                } catch (dev.interlock.vm.errors.PyException e) {
                    e.release();
                }
            }
            this.doc = d;
            this.name = name;
        }

        private static PyObject hold(PyObject o) {
            return o == null || o == PyNone.INSTANCE ? null : Refs.newRef(o);
        }

        private static PyObject orNone(PyObject o) {
            return o == null ? PyNone.INSTANCE : Refs.newRef(o);
        }

        private Property copy(PyObject get, PyObject set, PyObject del) {
            return new Property(get, set, del, doc, name);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject descriptorGet(PyObject instance, PyType owner) {
            if (instance == null) {
                return Refs.newRef(this);
            }
            if (fget == null) {
                throw Errors.attributeError("property " + quotedName() + "of '" + instance.typeName()
                        + "' object has no getter");
            }
            return fget.call(new PyObject[] {instance}, 0, 1, null);
        }

        @Override
        public boolean isDataDescriptor() {
            return true;
        }

        @Override
        public void descriptorSet(PyObject instance, PyObject value) {
            if (value == null) {
                if (fdel == null) {
                    throw Errors.attributeError("property " + quotedName() + "of '" + instance.typeName()
                            + "' object has no deleter");
                }
                Refs.decref(fdel.call(new PyObject[] {instance}, 0, 1, null));
                return;
            }
            if (fset == null) {
                throw Errors.attributeError("property " + quotedName() + "of '" + instance.typeName()
                        + "' object has no setter");
            }
            Refs.decref(fset.call(new PyObject[] {instance, value}, 0, 2, null));
        }

        private String quotedName() {
            String n = name;
            if (n == null && fget != null) {
                try {
                    PyObject fn = fget.getAttribute(PyStrs.NAME);
                    try {
                        n = fn.str();
                    } finally {
                        Refs.decref(fn);
                    }
                } catch (dev.interlock.vm.errors.PyException e) {
                    e.release();
                }
            }
            return n == null ? "" : "'" + n + "' ";
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (fget != null) {
                visitor.visit(fget);
            }
            if (fset != null) {
                visitor.visit(fset);
            }
            if (fdel != null) {
                visitor.visit(fdel);
            }
            if (doc != null) {
                visitor.visit(doc);
            }
        }
    }

    /** {@code super(type, obj)} and zero-argument {@code super()}. */
    public static final class Super extends PyObject {
        public static final PyType TYPE = PyType.builtin("super", PyType.OBJECT)
                .constructor((t, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("super", n, 0, 2);
                    if (n == 0) {
                        return zeroArgument();
                    }
                    if (!(a[s] instanceof PyType type)) {
                        throw Errors.typeError("super() argument 1 must be a type, not " + a[s].typeName());
                    }
                    if (n == 1) {
                        throw new dev.interlock.vm.errors.NotSupportedError("unbound super objects (super(type))");
                    }
                    return new Super(type, a[s + 1]);
                })
                .getter("__thisclass__", self -> Refs.newRef(((Super) self).thisType))
                .getter("__self__", self -> Refs.newRef(((Super) self).object))
                .build();

        private final PyType thisType;
        private final PyObject object;
        private final PyType startType;

        Super(PyType thisType, PyObject object) {
            PyType start;
            if (object instanceof PyType t && t.isSubtypeOf(thisType)) {
                start = t;
            } else if (object.type().isSubtypeOf(thisType)) {
                start = object.type();
            } else {
                throw Errors.typeError("super(type, obj): obj must be an instance or subtype of type");
            }
            this.thisType = Refs.newRef(thisType);
            this.object = Refs.newRef(object);
            this.startType = start;
        }

        /** {@code super()} inside a method: the {@code __class__} cell and the first argument of the caller. */
        private static Super zeroArgument() {
            Frame f = PyThreadState.current().frame;
            if (f == null) {
                throw Errors.runtimeError("super(): no current frame");
            }
            PyCode code = f.code();
            if (code.argCount() == 0 && !code.hasFlag(PyCode.CO_VARARGS)) {
                throw Errors.runtimeError("super(): no arguments");
            }
            PyObject first = f.slot(0);
            if (first == null) {
                // the first argument was moved into a cell (it is captured by a closure)
                int[] cell2arg = code.cell2arg();
                for (int i = 0; i < cell2arg.length; i++) {
                    if (cell2arg[i] == 0) {
                        PyObject c = f.slot(code.localCount() + i);
                        if (c instanceof PyCell cell) {
                            PyObject v = cell.getNew();
                            if (v != null) {
                                Refs.decref(v);
                                first = v;
                            }
                        }
                    }
                }
            }
            if (first == null) {
                throw Errors.runtimeError("super(): arg[0] deleted");
            }
            int index = code.freevars().strings().indexOf("__class__");
            if (index < 0) {
                throw Errors.runtimeError("super(): __class__ cell not found");
            }
            PyObject cell = f.slot(code.localCount() + code.cellvars().size() + index);
            PyObject cls = cell instanceof PyCell c ? c.getNew() : null;
            if (cls == null) {
                throw Errors.runtimeError("super(): empty __class__ cell");
            }
            try {
                if (!(cls instanceof PyType type)) {
                    throw Errors.runtimeError("super(): __class__ is not a type (" + cls.typeName() + ")");
                }
                return new Super(type, first);
            } finally {
                Refs.decref(cls);
            }
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject getAttribute(PyStr name) {
            if (!name.value().equals("__class__")) {
                java.util.List<PyType> mro = startType.mro();
                int i = mro.indexOf(thisType);
                for (int k = i + 1; k < mro.size(); k++) {
                    PyObject found = mro.get(k).getOwn(name);
                    if (found != null) {
                        PyObject bound = found.descriptorGet(object == startType ? null : object, startType);
                        if (bound != null) {
                            Refs.decref(found);
                            return bound;
                        }
                        return found;
                    }
                }
            }
            return super.getAttribute(name);
        }

        @Override
        public String repr() {
            return "<super: <class '" + thisType.name() + "'>, <" + object.typeName() + " object>>";
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(thisType);
            visitor.visit(object);
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            memory.decref(thisType);
            memory.decref(object);
        }
    }
}
