package dev.interlock.vm.stdlib.functools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * The {@code cache_parameters()} function {@code lru_cache} stores in a wrapper's {@code __dict__}
 * (in CPython, a lambda closing over {@code maxsize} and {@code typed}): it returns
 * {@code {'maxsize': maxsize, 'typed': typed}}. It holds those two values only, so it makes no
 * reference cycle through the wrapper.
 */
final class CacheParameters extends PyObject {

    static final PyType TYPE = PyType.builtin("cache_parameters", PyType.OBJECT).finalType()
            .module(FunctoolsTypes.MODULE).build();

    private final PyObject maxsize;
    private final PyObject typed;
    private final PythonSignature signature;

    /**
     * Takes its own references; {@code viaDecorator} names it as CPython's lambda defined in
     * {@code decorating_function} rather than in {@code lru_cache} itself.
     */
    CacheParameters(PyObject maxsize, PyObject typed, boolean viaDecorator) {
        this.maxsize = Refs.newRef(maxsize);
        this.typed = Refs.newRef(typed);
        this.signature = new PythonSignature(viaDecorator ? "lru_cache.<locals>.decorating_function.<locals>.<lambda>"
                : "lru_cache.<locals>.<lambda>", new String[0], 0, 0);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        signature.bind(args, start, nargs, kwnames);
        PyDict d = PyDict.create();
        d.setItem("maxsize", maxsize);
        d.setItem("typed", typed);
        return d;
    }

    @Override
    public String repr() {
        return "<function " + signature.qualname() + " at " + Identity.address(this) + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(maxsize);
        visitor.visit(typed);
    }
}
