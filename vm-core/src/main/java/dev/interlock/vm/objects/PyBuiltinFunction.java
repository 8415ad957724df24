package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

/**
 * A built-in function ({@code len}), or a built-in method bound to its instance
 * ({@code [].append}): CPython's {@code builtin_function_or_method}.
 */
public final class PyBuiltinFunction extends PyObject {

    public static final PyType TYPE = PyType.builtin("builtin_function_or_method", PyType.OBJECT).finalType().build();

    private final BuiltinDef def;
    private final PyObject self;
    private final String qualifier;
    private final String module;

    /** A module-level function; {@code module} is its {@code __module__}. */
    public PyBuiltinFunction(BuiltinDef def, String module) {
        this.def = requireNonNull(def, "def is null");
        this.self = null;
        // CPython names a module function in argument errors as module.name (but not builtins')
        this.qualifier = module == null || module.equals("builtins") ? "" : module + ".";
        this.module = module;
    }

    /** A method bound to {@code self}, which this object holds a reference to. */
    PyBuiltinFunction(BuiltinDef def, PyObject self, String qualifier) {
        this.def = requireNonNull(def, "def is null");
        this.self = requireNonNull(self, "self is null");
        this.qualifier = qualifier;
        this.module = null;
        Refs.incref(self);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The function's name. */
    public String name() {
        return def.name();
    }

    /** The bound instance, or null for a plain function. */
    public PyObject self() {
        return self;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        return def.invoke(qualifier, self, args, start, nargs, kwnames);
    }

    @Override
    public PyObject getAttribute(PyStr name) {
        switch (name.value()) {
            case "__name__":
                return PyStr.of(def.name());
            case "__qualname__":
                return PyStr.of(self == null ? def.name() : self.typeName() + "." + def.name());
            case "__doc__":
                return def.doc() == null ? PyNone.INSTANCE : PyStr.of(def.doc());
            case "__module__":
                return module == null ? PyNone.INSTANCE : PyStr.of(module);
            case "__self__":
                if (self == null) {
                    return PyNone.INSTANCE;
                }
                Refs.incref(self);
                return self;
            default:
                return super.getAttribute(name);
        }
    }

    @Override
    public String repr() {
        if (self == null || self instanceof PyModule) {
            return "<built-in function " + def.name() + ">";
        }
        return "<built-in method " + def.name() + " of " + self.typeName() + " object at " + Identity.address(self) + ">";
    }

    @Override
    public void traverse(dev.interlock.api.memory.ReferenceVisitor visitor) {
        if (self != null) {
            visitor.visit(self);
        }
    }
}
