package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;

/** A module: a name and a namespace dict (its globals). */
public final class PyModule extends PyObject {

    public static final PyType TYPE = PyType.builtin("module", PyType.OBJECT).build();

    private final String name;
    private final PyDict dict;

    /** A module whose namespace is {@code dict} (this module takes its own reference). */
    public PyModule(String name, PyDict dict) {
        this.name = requireNonNull(name, "name is null");
        this.dict = requireNonNull(dict, "dict is null");
        Refs.incref(dict);
        dict.setItemSteal("__name__", PyStr.of(name));
        Refs.deferred(this);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** {@code __name__}. */
    public String name() {
        return name;
    }

    /** The namespace, borrowed. */
    public PyDict dict() {
        return dict;
    }

    @Override
    public PyDict instanceDict() {
        return dict;
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return false;
    }

    @Override
    public PyObject getAttribute(PyStr attr) {
        if (attr.value().equals("__dict__")) {
            return Refs.newRef(dict);
        }
        PyObject v = dict.getItemOrNull(attr);
        if (v != null) {
            return v;
        }
        throw Errors.noAttribute(this, attr);
    }

    @Override
    public void setAttribute(PyStr attr, PyObject value) {
        dict.setItem(attr, value);
    }

    @Override
    public String repr() {
        return "<module '" + name + "'>";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(dict);
    }
}
