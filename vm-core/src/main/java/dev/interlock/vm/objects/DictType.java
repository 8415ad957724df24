package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;

/** The methods of {@code dict}, with CPython's signatures and messages. */
final class DictType {

    private DictType() {
    }

    static PyType define() {
        return PyType.builtin("dict", PyType.OBJECT)
                .doc("dict() -> new empty dictionary")
                .constructor((t, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("dict", n, 0, 1);
                    PyDict d = PyDict.create();
                    try {
                        if (n == 1) {
                            update(d, a[s]);
                        }
                        addKeywords(d, a, s + n, kw);
                    } catch (RuntimeException | Error e) {
                        Refs.decref(d);
                        throw e;
                    }
                    return d;
                })
                .allocator((t, a, s, n, kw) -> PyDict.withType(t))
                .method(keywords("__init__", (self, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("dict", n, 0, 1);
                    if (n == 1) {
                        update((PyDict) self, a[s]);
                    }
                    addKeywords((PyDict) self, a, s + n, kw);
                    return PyNone.INSTANCE;
                }))
                .method(positional("get", 1, 2, (PyDict self, PyObject[] a, int s, int n) -> {
                    PyObject v = self.getItemOrNull(a[s]);
                    if (v != null) {
                        return v;
                    }
                    return n > 1 ? Refs.newRef(a[s + 1]) : PyNone.INSTANCE;
                }))
                .method(positional("setdefault", 1, 2, (PyDict self, PyObject[] a, int s, int n) ->
                        self.setDefault(a[s], n > 1 ? a[s + 1] : PyNone.INSTANCE)))
                .method(positional("pop", 1, 2, (PyDict self, PyObject[] a, int s, int n) -> {
                    PyObject v = self.pop(a[s]);
                    if (v != null) {
                        return v;
                    }
                    if (n > 1) {
                        return Refs.newRef(a[s + 1]);
                    }
                    throw Errors.keyError(a[s]);
                }))
                .method(noArgs("popitem", (PyDict self) -> {
                    MapStorage.Entry<PyObject, PyObject> e = self.storage().popLast();
                    if (e == null) {
                        throw Errors.keyError(PyStr.of("popitem(): dictionary is empty"));
                    }
                    return PyTuple.steal(new PyObject[] {e.key(), e.value()});
                }))
                .method(keywords("update", (self, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("update", n, 0, 1);
                    if (n == 1) {
                        update((PyDict) self, a[s]);
                    }
                    addKeywords((PyDict) self, a, s + n, kw);
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("keys", (PyDict self) -> new PyDictView(self, PyDictView.Kind.KEYS)))
                .method(noArgs("values", (PyDict self) -> new PyDictView(self, PyDictView.Kind.VALUES)))
                .method(noArgs("items", (PyDict self) -> new PyDictView(self, PyDictView.Kind.ITEMS)))
                .method(noArgs("copy", PyDict::copy))
                .method(oneArg("__getitem__", (PyDict self, PyObject k) -> self.builtinGetItem(k)))
                .method(positional("__setitem__", 2, 2, (PyDict self, PyObject[] a, int s, int n) -> {
                    self.putItem(a[s], a[s + 1]);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("__delitem__", (PyDict self, PyObject k) -> {
                    self.builtinDeleteItem(k);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("__contains__", (PyDict self, PyObject k) ->
                        PyBool.of(self.storage().containsKey(k, PyDict.hashOf(k)))))
                .method(noArgs("__len__", (PyDict self) -> PyInt.of(self.size())))
                .method(noArgs("__repr__", (PyDict self) -> PyStr.of(self.dictRepr())))
                .method(noArgs("__iter__", (PyDict self) -> new DictIterator(self, DictIterator.Kind.KEYS)))
                .classMethod(keywords("fromkeys", (cls, a, s, n, kw) -> fromKeys((PyType) cls, a, s, n, kw)))
                .method(noArgs("__reversed__", (PyDict self) -> PyDictView.reversedIterator(self, PyDictView.Kind.KEYS)))
                .method(noArgs("clear", (PyDict self) -> {
                    self.clear();
                    return PyNone.INSTANCE;
                }))
                .build();
    }

    /**
     * {@code dict.fromkeys(iterable, value=None)}: {@code cls()} with every key mapped to value,
     * stored through {@code __setitem__} unless the result is a plain dict.
     */
    private static PyObject fromKeys(PyType cls, PyObject[] a, int s, int n, PyTuple kw) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("dict.fromkeys() takes no keyword arguments");
        }
        BuiltinDef.checkPositional("fromkeys", n, 1, 2);
        PyObject value = n > 1 ? a[s + 1] : PyNone.INSTANCE;
        PyObject out = cls.call(new PyObject[0], 0, 0, null);
        try {
            PyObject it = a[s].iter();
            try {
                for (PyObject k = it.next(); k != null; k = it.next()) {
                    try {
                        if (out instanceof PyDict d && d.isExact()) {
                            d.putItem(k, value);
                        } else {
                            out.setItem(k, value);
                        }
                    } finally {
                        Refs.decref(k);
                    }
                }
            } finally {
                Refs.decref(it);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(out);
            throw e;
        }
        return out;
    }

    /** {@code d.update(other)}: a mapping, an object with {@code keys()}, or an iterable of pairs. */
    static void update(PyDict d, PyObject other) {
        if (other instanceof PyDict o) {
            d.updateFrom(o);
            return;
        }
        PyObject it = other.iter();
        try {
            int index = 0;
            for (PyObject item = it.next(); item != null; item = it.next(), index++) {
                try {
                    PyObject[] pair;
                    try {
                        pair = Iteration.toArray(item);
                    } catch (PyException e) {
                        if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                            e.release();
                            throw Errors.typeError("cannot convert dictionary update sequence element #" + index
                                    + " to a sequence");
                        }
                        throw e;
                    }
                    try {
                        if (pair.length != 2) {
                            throw Errors.valueError("dictionary update sequence element #" + index + " has length "
                                    + pair.length + "; 2 is required");
                        }
                        d.putItem(pair[0], pair[1]);
                    } finally {
                        Refs.decrefAll(pair);
                    }
                } finally {
                    Refs.decref(item);
                }
            }
        } finally {
            Refs.decref(it);
        }
    }

    private static void addKeywords(PyDict d, PyObject[] a, int valuesStart, PyTuple kwnames) {
        if (kwnames == null) {
            return;
        }
        for (int k = 0; k < kwnames.size(); k++) {
            d.putItem(kwnames.get(k), a[valuesStart + k]);
        }
    }
}
