package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;

/** The methods of {@code dict}, with CPython's signatures and messages. */
final class DictType {

    private DictType() {
    }

    static PyType define() {
        return PyType.builtin("dict", PyType.OBJECT).noInstanceDict()
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
                .classMethod(positional("fromkeys", 1, 2, (PyObject cls, PyObject[] a, int s, int n) ->
                        fromkeys((PyType) cls, a[s], n > 1 ? a[s + 1] : PyNone.INSTANCE)))
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
                        throw Errors.keyError("popitem(): dictionary is empty");
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
                .method(noArgs("__reversed__", (PyDict self) -> PyDictView.reversedIterator(self, PyDictView.Kind.KEYS)))
                .method(noArgs("clear", (PyDict self) -> {
                    self.clear();
                    return PyNone.INSTANCE;
                }))
                .genericAlias()
                .slotWrappers(PyDict.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.OR))
                .build();
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

    /** {@code cls.fromkeys(iterable, value)}: a new dict, or a new {@code cls()} filled by item assignment. */
    private static PyObject fromkeys(PyType cls, PyObject iterable, PyObject value) {
        PyObject target = cls == PyDict.TYPE ? PyDict.create() : cls.call(new PyObject[0], 0, 0, null);
        try {
            PyObject it = iterable.iter();
            try {
                for (PyObject key = it.next(); key != null; key = it.next()) {
                    try {
                        target.setItem(key, value);
                    } finally {
                        Refs.decref(key);
                    }
                }
            } finally {
                Refs.decref(it);
            }
            return target;
        } catch (RuntimeException | Error e) {
            Refs.decref(target);
            throw e;
        }
    }
}
