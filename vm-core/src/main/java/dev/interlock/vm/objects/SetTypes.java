package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;

/** The methods of {@code set} and {@code frozenset}, with CPython's names and messages. */
final class SetTypes {

    private SetTypes() {
    }

    private static PyType.Builder common(PyType.Builder b) {
        return b
                .method(positional("union", 0, Integer.MAX_VALUE, (PyAnySet self, PyObject[] a, int s, int n) -> {
                    PyAnySet r = self.emptyLike();
                    r.elements.addAll(self.elements);
                    for (int i = 0; i < n; i++) {
                        r.addAllFrom(a[s + i]);
                    }
                    return r;
                }))
                .method(positional("intersection", 0, Integer.MAX_VALUE, (PyAnySet self, PyObject[] a, int s, int n) -> {
                    PyAnySet r = self.emptyLike();
                    r.elements.addAll(self.elements);
                    for (int i = 0; i < n; i++) {
                        PyAnySet next = r.intersection(a[s + i]);
                        Refs.decref(r);
                        r = next;
                    }
                    return r;
                }))
                .method(positional("difference", 0, Integer.MAX_VALUE, (PyAnySet self, PyObject[] a, int s, int n) -> {
                    PyAnySet r = self.emptyLike();
                    r.elements.addAll(self.elements);
                    for (int i = 0; i < n; i++) {
                        PyAnySet next = r.difference(a[s + i]);
                        Refs.decref(r);
                        r = next;
                    }
                    return r;
                }))
                .method(oneArg("symmetric_difference", (PyAnySet self, PyObject o) -> self.symmetricDifference(o)))
                .method(oneArg("issubset", (PyAnySet self, PyObject o) -> {
                    PyAnySet other = asSet(o);
                    try {
                        return PyBool.of(self.isSubsetOf(other));
                    } finally {
                        Refs.decref(other);
                    }
                }))
                .method(oneArg("issuperset", (PyAnySet self, PyObject o) -> {
                    PyAnySet other = asSet(o);
                    try {
                        return PyBool.of(other.isSubsetOf(self));
                    } finally {
                        Refs.decref(other);
                    }
                }))
                .method(oneArg("isdisjoint", (PyAnySet self, PyObject o) -> PyBool.of(self.isDisjoint(o))))
                .method(noArgs("copy", (PyAnySet self) -> {
                    if (self.frozen() && self.type() == PyFrozenSet.TYPE) {
                        return Refs.newRef(self);
                    }
                    return self.copyLike();
                }));
    }

    private static PyAnySet asSet(PyObject o) {
        if (o instanceof PyAnySet s) {
            return Refs.newRef(s);
        }
        return PyFrozenSet.fromIterable(o);
    }

    static PyType defineSet() {
        return common(PyType.builtin("set", PyType.OBJECT)
                .doc("set() -> new empty set object")
                .constructor((t, a, s, n, kw) -> {
                    if (kw != null && kw.size() > 0) {
                        throw Errors.typeError("set() takes no keyword arguments");
                    }
                    BuiltinDef.checkPositional("set", n, 0, 1);
                    return n == 0 ? PySet.create() : PySet.fromIterable(a[s]);
                }))
                .method(oneArg("add", (PySet self, PyObject x) -> {
                    self.add(x);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("remove", (PySet self, PyObject x) -> {
                    if (!self.discard(x)) {
                        throw Errors.keyError(x);
                    }
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("discard", (PySet self, PyObject x) -> {
                    self.discard(x);
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("pop", (PySet self) -> {
                    PyObject k = self.elements.pop();
                    if (k == null) {
                        throw Errors.keyError("pop from an empty set");
                    }
                    return k;
                }))
                .method(noArgs("clear", (PySet self) -> {
                    self.elements.clear();
                    return PyNone.INSTANCE;
                }))
                .method(positional("update", 0, Integer.MAX_VALUE, (PySet self, PyObject[] a, int s, int n) -> {
                    for (int i = 0; i < n; i++) {
                        self.update(a[s + i]);
                    }
                    return PyNone.INSTANCE;
                }))
                .method(positional("intersection_update", 0, Integer.MAX_VALUE, (PySet self, PyObject[] a, int s, int n) -> {
                    for (int i = 0; i < n; i++) {
                        replaceWith(self, self.intersection(a[s + i]));
                    }
                    return PyNone.INSTANCE;
                }))
                .method(positional("difference_update", 0, Integer.MAX_VALUE, (PySet self, PyObject[] a, int s, int n) -> {
                    for (int i = 0; i < n; i++) {
                        self.discardAll(a[s + i]);
                    }
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("symmetric_difference_update", (PySet self, PyObject o) -> {
                    self.toggleAll(o);
                    return PyNone.INSTANCE;
                }))
                .genericAlias()
                .slotWrappers(PySet.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.AND, dev.interlock.vm.ops.BinaryOp.OR, dev.interlock.vm.ops.BinaryOp.XOR, dev.interlock.vm.ops.BinaryOp.SUB))
                .build();
    }

    private static void replaceWith(PySet self, PyAnySet result) {
        try {
            self.elements.clear();
            self.elements.addAll(result.elements);
        } finally {
            Refs.decref(result);
        }
    }

    static PyType defineFrozenSet() {
        return common(PyType.builtin("frozenset", PyType.OBJECT)
                .doc("frozenset() -> empty frozenset object")
                .constructor((t, a, s, n, kw) -> {
                    if (kw != null && kw.size() > 0) {
                        throw Errors.typeError("frozenset() takes no keyword arguments");
                    }
                    BuiltinDef.checkPositional("frozenset", n, 0, 1);
                    if (n == 1 && a[s] instanceof PyFrozenSet f && f.type() == PyFrozenSet.TYPE) {
                        return Refs.newRef(f);
                    }
                    return n == 0 ? new PyFrozenSet(0) : PyFrozenSet.fromIterable(a[s]);
                }))
                .genericAlias()
                .slotWrappers(PyFrozenSet.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.AND, dev.interlock.vm.ops.BinaryOp.OR, dev.interlock.vm.ops.BinaryOp.XOR, dev.interlock.vm.ops.BinaryOp.SUB))
                .build();
    }
}
