package dev.interlock.vm.stdlib.functools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Compare;

/**
 * {@code functools.cmp_to_key(mycmp)} and the key objects it makes ({@code functools.KeyWrapper}).
 * The result of {@code cmp_to_key} is itself a KeyWrapper without an object; calling it wraps an
 * object, and wrapped objects compare by {@code mycmp(a, b) <op> 0}.
 */
public final class KeyWrapper extends PyObject {

    private static final ArgParser CALL = new ArgParser("K", 1, 0, new String[] {"obj"});

    public static final PyType TYPE = PyType.builtin("KeyWrapper", PyType.OBJECT).finalType()
            .module(FunctoolsTypes.MODULE)
            .getter("obj", self -> {
                PyObject o = ((KeyWrapper) self).obj;
                return o == null ? PyNone.INSTANCE : Refs.newRef(o);
            })
            .build();

    private final PyObject cmp;
    /** The wrapped object, or null for the factory {@code cmp_to_key} returns. */
    private final PyObject obj;

    /** Takes its own references to both. */
    public KeyWrapper(PyObject cmp, PyObject obj) {
        this.cmp = Refs.newRef(cmp);
        this.obj = obj == null ? null : Refs.newRef(obj);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String typeName() {
        return TYPE.qualifiedName();
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        if (nargs == 0 && (kwnames == null || !kwnames.strings().contains("obj"))) {
            throw Errors.typeError("K() missing required argument 'obj' (pos 1)"); // before any bad keyword, as CPython
        }
        PyObject[] p = CALL.parse(args, start, nargs, kwnames);
        return new KeyWrapper(cmp, p[0]);
    }

    @Override
    public boolean isHashable() {
        return false;
    }

    @Override
    public long hash() {
        throw Errors.typeError("unhashable type: '" + typeName() + "'");
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof KeyWrapper o)) {
            throw Errors.typeError("other argument must be K instance");
        }
        PyObject a = obj == null ? PyNone.INSTANCE : obj;
        PyObject b = o.obj == null ? PyNone.INSTANCE : o.obj;
        PyObject res = cmp.call(new PyObject[] {a, b}, 0, 2, null);
        try {
            return Compare.richCompare(res, PyInt.ZERO, op);
        } finally {
            Refs.decref(res);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(cmp);
        if (obj != null) {
            visitor.visit(obj);
        }
    }
}
