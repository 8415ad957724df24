package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.ops.Compare;

/** A function bound to an instance: {@code obj.method} evaluated without calling it. */
public final class PyMethod extends PyObject {

    public static final PyType TYPE = PyType.builtin("method", PyType.OBJECT).finalType()
            .getter("__func__", self -> Refs.newRef(((PyMethod) self).function))
            .getter("__self__", self -> Refs.newRef(((PyMethod) self).self))
            .getter("__name__", self -> ((PyMethod) self).function.getAttribute(PyStr.immortal("__name__")))
            .getter("__doc__", self -> ((PyMethod) self).function.getAttribute(PyStr.immortal("__doc__")))
            .getter("__qualname__", self -> ((PyMethod) self).function.getAttribute(PyStr.immortal("__qualname__")))
            .build();

    private final PyObject function;
    private final PyObject self;

    /** Binds borrowed {@code function} to borrowed {@code self}. */
    public PyMethod(PyObject function, PyObject self) {
        this.function = Refs.newRef(requireNonNull(function, "function is null"));
        this.self = Refs.newRef(requireNonNull(self, "self is null"));
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** {@code __func__}, borrowed. */
    public PyObject function() {
        return function;
    }

    /** {@code __self__}, borrowed. */
    public PyObject self() {
        return self;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        int extra = kwnames == null ? 0 : kwnames.size();
        PyObject[] all = new PyObject[nargs + extra + 1];
        all[0] = self;
        System.arraycopy(args, start, all, 1, nargs + extra);
        return function.call(all, 0, nargs + 1, kwnames);
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyMethod o) || (op != Compare.EQ && op != Compare.NE)) {
            return PyNotImplemented.INSTANCE;
        }
        boolean eq = function == o.function && self == o.self;
        return PyBool.of(op == Compare.EQ ? eq : !eq);
    }

    @Override
    public long hash() {
        return Identity.hash(self) ^ function.hash();
    }

    @Override
    public String repr() {
        String name = function instanceof PyFunction f ? f.qualname() : function.repr();
        return "<bound method " + name + " of " + self.repr() + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(function);
        visitor.visit(self);
    }
}
