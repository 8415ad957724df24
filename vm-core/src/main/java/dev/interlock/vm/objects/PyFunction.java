package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.eval.FunctionCalls;

/**
 * A function defined in Python: code, the globals it runs in, defaults, closure cells, and the
 * attributes Python exposes ({@code __name__}, {@code __doc__}, {@code __dict__}...).
 */
public final class PyFunction extends PyObject {

    public static final PyType TYPE = PyType.builtin("function", PyType.OBJECT).finalType()
            .property("__name__", self -> PyStr.of(((PyFunction) self).name), (self, v) -> ((PyFunction) self).name = stringAttr("__name__", v))
            .property("__qualname__", self -> PyStr.of(((PyFunction) self).qualname), (self, v) -> ((PyFunction) self).qualname = stringAttr("__qualname__", v))
            .property("__doc__", self -> SharedFields.loadNew(PyFunction.DOC, self), (self, v) -> ((PyFunction) self).replaceDoc(v))
            .property("__module__", self -> SharedFields.loadNew(PyFunction.MODULE, self), (self, v) -> ((PyFunction) self).replaceModule(v))
            .getter("__code__", self -> Refs.newRef(((PyFunction) self).code))
            .getter("__globals__", self -> Refs.newRef(((PyFunction) self).globals))
            .property("__defaults__", self -> {
                PyTuple d = SharedFields.loadNew(PyFunction.DEFAULTS, self);
                return d == null ? PyNone.INSTANCE : d;
            }, (self, v) -> ((PyFunction) self).replaceDefaults(v))
            .property("__kwdefaults__", self -> {
                PyDict d = SharedFields.loadNew(PyFunction.KWDEFAULTS, self);
                return d == null ? PyNone.INSTANCE : d;
            }, (self, v) -> ((PyFunction) self).replaceKwdefaults(v))
            .getter("__closure__", self -> {
                PyTuple c = ((PyFunction) self).closure;
                return c == null ? PyNone.INSTANCE : Refs.newRef(c);
            })
            .getter("__dict__", self -> Refs.newRef(((PyFunction) self).instanceDict()))
            .build();

    private final PyCode code;
    private final PyDict globals;
    /** The builtins namespace, found once at creation as CPython 3.10+ does ({@code func_builtins}). */
    private final PyDict builtins;
    private String name;
    private String qualname;
    private volatile PyObject doc;
    private volatile PyObject module;
    private static final java.lang.invoke.VarHandle DOC = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyFunction.class, "doc", PyObject.class);
    private static final java.lang.invoke.VarHandle MODULE = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyFunction.class, "module", PyObject.class);
    // Replaceable from Python (f.__defaults__ = ...): swapped atomically, read with tryIncref.
    // Missing: a call in another thread borrows the old tuple while it is swapped out; CPython
    // without the GIL defers that release, Interlock does not yet.
    private volatile PyTuple defaults;
    private volatile PyDict kwdefaults;
    private static final java.lang.invoke.VarHandle DEFAULTS = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyFunction.class, "defaults", PyTuple.class);
    private static final java.lang.invoke.VarHandle KWDEFAULTS = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyFunction.class, "kwdefaults", PyDict.class);
    private final PyTuple closure;
    private PyDict dict;
    private static final java.lang.invoke.VarHandle DICT = SharedFields.handle(
            java.lang.invoke.MethodHandles.lookup(), PyFunction.class, "dict", PyDict.class);

    /**
     * A new function. All object arguments are borrowed; the function takes its own references.
     *
     * @param code the code to run
     * @param globals the module namespace it runs in
     * @param qualname {@code __qualname__}
     * @param defaults positional defaults, or null
     * @param kwdefaults keyword-only defaults, or null
     * @param closure the cells of the free variables, or null
     */
    public PyFunction(PyCode code, PyDict globals, String qualname, PyTuple defaults, PyDict kwdefaults, PyTuple closure) {
        this.code = Refs.newRef(requireNonNull(code, "code is null"));
        this.globals = Refs.newRef(requireNonNull(globals, "globals is null"));
        this.builtins = Refs.newRef(builtinsOf(globals));
        this.name = code.name();
        this.qualname = qualname;
        this.defaults = defaults == null || defaults.size() == 0 ? null : Refs.newRef(defaults);
        this.kwdefaults = kwdefaults == null ? null : Refs.newRef(kwdefaults);
        this.closure = closure == null ? null : Refs.newRef(closure);
        PyObject first = code.consts().size() > 0 ? code.consts().get(0) : PyNone.INSTANCE;
        this.doc = Refs.newRef(first instanceof PyStr ? first : PyNone.INSTANCE);
        PyObject mod = globals.getItemOrNull("__name__");
        this.module = mod == null ? PyNone.INSTANCE : mod;
        if (!code.hasFlag(PyCode.CO_NESTED)) {
            Refs.deferred(this); // module- and class-level functions, as CPython's func_new
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    public PyCode code() {
        return code;
    }

    public PyDict globals() {
        return globals;
    }

    /** The builtins namespace calls of this function use, borrowed. */
    public PyDict builtins() {
        return builtins;
    }

    /**
     * The builtins namespace of a module's globals: {@code __builtins__} as a module or dict, else
     * the interpreter's. Compare CPython's {@code _PyEval_BuiltinsFromGlobals}. Borrowed.
     */
    public static PyDict builtinsOf(PyDict globals) {
        PyObject b = globals.getItemOrNull(PyStrs.BUILTINS);
        if (b == null) {
            return dev.interlock.vm.runtime.Interpreter.current().builtins().dict();
        }
        try {
            if (b instanceof PyModule m) {
                return m.dict();
            }
            if (b instanceof PyDict d) {
                return d;
            }
            return dev.interlock.vm.runtime.Interpreter.current().builtins().dict();
        } finally {
            Refs.decref(b);
        }
    }

    public String name() {
        return name;
    }

    public String qualname() {
        return qualname;
    }

    /** Positional defaults, or null. */
    public PyTuple defaults() {
        return defaults;
    }

    /** Keyword-only defaults, or null. */
    public PyDict kwdefaults() {
        return kwdefaults;
    }

    /** Closure cells, or null. */
    public PyTuple closure() {
        return closure;
    }

    private static String stringAttr(String attr, PyObject v) {
        if (!(v instanceof PyStr s)) {
            throw Errors.typeError(attr + " must be set to a string object");
        }
        return s.value();
    }

    // __doc__ and __module__ may be replaced by one thread while another reads them: swapped
    // atomically, read with tryIncref (see SharedFields)
    private void replaceDoc(PyObject v) {
        Refs.decref(SharedFields.<PyObject>exchange(DOC, this, Refs.newRef(v == null ? PyNone.INSTANCE : v)));
    }

    /** {@code f.__defaults__ = v}: a tuple, or None (or deletion) for none. */
    private void replaceDefaults(PyObject v) {
        if (v != null && v != PyNone.INSTANCE && !(v instanceof PyTuple)) {
            throw Errors.typeError("__defaults__ must be set to a tuple object");
        }
        Refs.xdecref(SharedFields.<PyTuple>exchange(DEFAULTS, this, v instanceof PyTuple t ? Refs.newRef(t) : null));
    }

    /** {@code f.__kwdefaults__ = v}: a dict, or None (or deletion) for none. */
    private void replaceKwdefaults(PyObject v) {
        if (v != null && v != PyNone.INSTANCE && !(v instanceof PyDict)) {
            throw Errors.typeError("__kwdefaults__ must be set to a dict object");
        }
        Refs.xdecref(SharedFields.<PyDict>exchange(KWDEFAULTS, this, v instanceof PyDict d ? Refs.newRef(d) : null));
    }

    private void replaceModule(PyObject v) {
        Refs.decref(SharedFields.<PyObject>exchange(MODULE, this, Refs.newRef(v == null ? PyNone.INSTANCE : v)));
    }

    @Override
    public PyDict instanceDict() {
        PyDict d = SharedFields.peek(DICT, this);
        if (d == null) {
            d = SharedFields.install(DICT, this, PyDict.create()); // two racing threads keep one dict
        }
        return d;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        return FunctionCalls.call(this, args, start, nargs, kwnames);
    }

    @Override
    public boolean isMethodDescriptor() {
        return true;
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType owner) {
        if (instance == null) {
            return Refs.newRef(this);
        }
        return new PyMethod(this, instance);
    }

    @Override
    public String repr() {
        return "<function " + qualname + " at " + Identity.address(this) + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(code);
        visitor.visit(globals);
        visitor.visit(builtins);
        visitor.visit(doc);
        visitor.visit(module);
        if (defaults != null) {
            visitor.visit(defaults);
        }
        if (kwdefaults != null) {
            visitor.visit(kwdefaults);
        }
        if (closure != null) {
            visitor.visit(closure);
        }
        if (dict != null) {
            visitor.visit(dict);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        super.releaseReferences(memory);
        dict = null;
    }
}
