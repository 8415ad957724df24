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
            .property("__doc__", self -> Refs.newRef(((PyFunction) self).doc), (self, v) -> ((PyFunction) self).replaceDoc(v))
            .property("__module__", self -> Refs.newRef(((PyFunction) self).module), (self, v) -> ((PyFunction) self).replaceModule(v))
            .getter("__code__", self -> Refs.newRef(((PyFunction) self).code))
            .getter("__globals__", self -> Refs.newRef(((PyFunction) self).globals))
            .property("__defaults__", self -> {
                PyTuple d = ((PyFunction) self).defaults;
                return d == null ? PyNone.INSTANCE : Refs.newRef(d);
            }, (self, v) -> ((PyFunction) self).replaceDefaults(v))
            .property("__kwdefaults__", self -> {
                PyDict d = ((PyFunction) self).kwdefaults;
                return d == null ? PyNone.INSTANCE : Refs.newRef(d);
            }, (self, v) -> ((PyFunction) self).replaceKwdefaults(v))
            .getter("__closure__", self -> {
                PyTuple c = ((PyFunction) self).closure;
                return c == null ? PyNone.INSTANCE : Refs.newRef(c);
            })
            .getter("__dict__", self -> Refs.newRef(((PyFunction) self).instanceDict()))
            .build();

    private final PyCode code;
    private final PyDict globals;
    private String name;
    private String qualname;
    private PyObject doc;
    private PyObject module;
    private PyTuple defaults;
    private PyDict kwdefaults;
    private final PyTuple closure;
    private PyDict dict;

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
        this.name = code.name();
        this.qualname = qualname;
        this.defaults = defaults == null || defaults.size() == 0 ? null : Refs.newRef(defaults);
        this.kwdefaults = kwdefaults == null ? null : Refs.newRef(kwdefaults);
        this.closure = closure == null ? null : Refs.newRef(closure);
        PyObject first = code.consts().size() > 0 ? code.consts().get(0) : PyNone.INSTANCE;
        this.doc = Refs.newRef(first instanceof PyStr ? first : PyNone.INSTANCE);
        PyObject mod = globals.getItemOrNull("__name__");
        this.module = mod == null ? PyNone.INSTANCE : mod;
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

    private void replaceDoc(PyObject v) {
        PyObject old = doc;
        doc = Refs.newRef(v == null ? PyNone.INSTANCE : v);
        Refs.decref(old);
    }

    /** {@code f.__defaults__ = v}: a tuple, or None (or deletion) for none. */
    private void replaceDefaults(PyObject v) {
        if (v != null && v != PyNone.INSTANCE && !(v instanceof PyTuple)) {
            throw Errors.typeError("__defaults__ must be set to a tuple object");
        }
        PyTuple old = defaults;
        defaults = v instanceof PyTuple t ? Refs.newRef(t) : null;
        Refs.xdecref(old);
    }

    /** {@code f.__kwdefaults__ = v}: a dict, or None (or deletion) for none. */
    private void replaceKwdefaults(PyObject v) {
        if (v != null && v != PyNone.INSTANCE && !(v instanceof PyDict)) {
            throw Errors.typeError("__kwdefaults__ must be set to a dict object");
        }
        PyDict old = kwdefaults;
        kwdefaults = v instanceof PyDict d ? Refs.newRef(d) : null;
        Refs.xdecref(old);
    }

    private void replaceModule(PyObject v) {
        PyObject old = module;
        module = Refs.newRef(v == null ? PyNone.INSTANCE : v);
        Refs.decref(old);
    }

    @Override
    public PyDict instanceDict() {
        if (dict == null) {
            dict = PyDict.create();
        }
        return dict;
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
