package dev.interlock.vm.builtins;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.eval.FunctionCalls;
import dev.interlock.vm.objects.HeapTypes;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFunction;

import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code __build_class__(body, name, *bases, metaclass=None, **kwds)}: what a {@code class}
 * statement calls. Runs the body in a fresh namespace, then creates the class. Compare
 * {@code builtin___build_class__} in CPython's {@code Python/bltinmodule.c}.
 */
final class ClassBuilder {

    private ClassBuilder() {
    }

    static PyObject buildClass(PyObject self, PyObject[] a, int s, int n, PyTuple kw) {
        if (n < 2) {
            throw Errors.typeError("__build_class__: not enough arguments");
        }
        if (!(a[s] instanceof PyFunction body)) {
            throw Errors.typeError("__build_class__: func must be a function");
        }
        if (!(a[s + 1] instanceof PyStr name)) {
            throw Errors.typeError("__build_class__: name is not a string");
        }
        PyTuple bases = PyTuple.copyOf(a, s + 2, n - 2);
        try {
            List<PyObject> kwNames = new ArrayList<>();
            List<PyObject> kwValues = new ArrayList<>();
            int nkw = kw == null ? 0 : kw.size();
            for (int i = 0; i < nkw; i++) {
                PyStr k = (PyStr) kw.get(i);
                PyObject v = a[s + n + i];
                if (k.value().equals("metaclass")) {
                    if (v != PyType.TYPE) {
                        throw new NotSupportedError("metaclasses other than type (metaclass=" + v.repr() + ")");
                    }
                    continue;
                }
                kwNames.add(k);
                kwValues.add(v);
            }
            for (PyObject b : bases.array()) {
                if (b.type() != PyType.TYPE) {
                    throw new NotSupportedError("metaclasses other than type (base " + b.repr() + ")");
                }
            }
            PyDict namespace = PyDict.create();
            try {
                PyObject result = FunctionCalls.runClassBody(body, namespace);
                Refs.decref(result);
                PyTuple names = kwNames.isEmpty() ? null : PyTuple.of(kwNames.toArray(new PyObject[0]));
                try {
                    return HeapTypes.create(name.value(), bases, namespace, names, kwValues.toArray(new PyObject[0]), 0);
                } finally {
                    Refs.xdecref(names);
                }
            } finally {
                Refs.decref(namespace);
            }
        } finally {
            Refs.decref(bases);
        }
    }

}
