package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;

/** The methods of {@code list}, with CPython's signatures and messages. */
final class ListType {

    private static final ArgParser SORT = ArgParser.keywordsOnly("sort", "key", "reverse");

    private ListType() {
    }

    static PyType define() {
        return PyType.builtin("list", PyType.OBJECT).noInstanceDict()
                .doc("Built-in mutable sequence.")
                .constructor((t, a, s, n, kw) -> {
                    if (kw != null && kw.size() > 0) {
                        throw Errors.typeError("list() takes no keyword arguments");
                    }
                    BuiltinDef.checkPositional("list", n, 0, 1);
                    return n == 0 ? PyList.create() : PyList.fromIterable(a[s]);
                })
                .allocator((t, a, s, n, kw) -> PyList.withType(t))
                .method(BuiltinDef.keywords("__init__", (self, a, s, n, kw) -> {
                    if (kw != null && kw.size() > 0) {
                        throw Errors.typeError("list() takes no keyword arguments");
                    }
                    BuiltinDef.checkPositional("list", n, 0, 1);
                    PyList list = (PyList) self;
                    list.clear();
                    if (n == 1) {
                        list.extend(a[s]);
                    }
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("append", (PyList self, PyObject x) -> {
                    self.append(x);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("extend", (PyList self, PyObject x) -> {
                    self.extend(x);
                    return PyNone.INSTANCE;
                }))
                .method(positional("insert", 2, 2, (PyList self, PyObject[] a, int s, int n) -> {
                    self.insert(Sequences.index(a[s], "list"), a[s + 1]);
                    return PyNone.INSTANCE;
                }))
                .method(positional("pop", 0, 1, (PyList self, PyObject[] a, int s, int n) ->
                        self.pop(n == 0 ? -1 : indexArg(a[s]))))
                .method(oneArg("remove", (PyList self, PyObject x) -> {
                    self.remove(x);
                    return PyNone.INSTANCE;
                }))
                .method(positional("index", 1, 3, (PyList self, PyObject[] a, int s, int n) ->
                        PyInt.of(self.index(a[s], n > 1 ? a[s + 1] : null, n > 2 ? a[s + 2] : null))))
                .method(oneArg("count", (PyList self, PyObject x) -> PyInt.of(self.count(x))))
                .method(noArgs("reverse", (PyList self) -> {
                    self.reverse();
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("clear", (PyList self) -> {
                    self.clear();
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("copy", (PyList self) -> PyList.steal(self.snapshot())))
                .method(keywords("sort", (self, a, s, n, kw) -> {
                    PyObject[] p = SORT.parse(a, s, n, kw);
                    ((PyList) self).sort(p[0], p[1] != null && p[1].isTrue());
                    return PyNone.INSTANCE;
                }))
                .genericAlias()
                .slotWrappers(PyList.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.ADD, dev.interlock.vm.ops.BinaryOp.MUL))
                .build();
    }

    private static long indexArg(PyObject o) {
        PyInt i = o.asIndex();
        try {
            return i.toLong();
        } finally {
            Refs.decref(i);
        }
    }
}
