package dev.interlock.vm.stdlib.collections;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/** The methods of {@code collections.deque}, with CPython 3.11's signatures and messages. */
final class DequeType {

    private static final ArgParser INIT = new ArgParser("deque", 0, 0, new String[] {"iterable", "maxlen"});

    private DequeType() {
    }

    static PyType define() {
        return PyType.builtin("deque", PyType.OBJECT).module("collections").noInstanceDict()
                .doc("deque([iterable[, maxlen]]) --> deque object\n\n"
                        + "A sequence with fast appends and pops at both ends, optionally bounded in length.")
                .constructor((t, a, s, n, kw) -> {
                    PyDeque d = PyDeque.allocate(t);
                    try {
                        init(d, a, s, n, kw);
                    } catch (RuntimeException | Error e) {
                        Refs.decref(d);
                        throw e;
                    }
                    return d;
                })
                .allocator((t, a, s, n, kw) -> PyDeque.allocate(t))
                .staticMethod(keywords("__new__", (self, a, s, n, kw) -> dequeNew(a, s, n)))
                .method(keywords("__init__", (self, a, s, n, kw) -> {
                    init((PyDeque) self, a, s, n, kw);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("append", (PyDeque self, PyObject x) -> {
                    self.append(x);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("appendleft", (PyDeque self, PyObject x) -> {
                    self.appendLeft(x);
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("pop", (PyDeque self) -> popped(self.popRight())))
                .method(noArgs("popleft", (PyDeque self) -> popped(self.popLeft())))
                .method(oneArg("extend", (PyDeque self, PyObject x) -> {
                    self.extend(x, false);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("extendleft", (PyDeque self, PyObject x) -> {
                    self.extend(x, true);
                    return PyNone.INSTANCE;
                }))
                .method(keywords("rotate", (self, a, s, n, kw) -> {
                    noKeywords("deque.rotate", kw);
                    BuiltinDef.checkPositional("deque.rotate", n, 0, 1);
                    ((PyDeque) self).rotate(n == 0 ? 1 : PyDeque.methodIndex(a[s]));
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("reverse", (PyDeque self) -> {
                    self.reverse();
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("count", (PyDeque self, PyObject x) -> PyInt.of(self.count(x))))
                .method(keywords("index", (self, a, s, n, kw) -> {
                    noKeywords("deque.index", kw);
                    if (n < 1) {
                        throw Errors.typeError("index() takes at least 1 argument (" + n + " given)");
                    }
                    if (n > 3) {
                        throw Errors.typeError("index() takes at most 3 arguments (" + n + " given)");
                    }
                    return PyInt.of(((PyDeque) self).index(a[s], n > 1 ? a[s + 1] : null, n > 2 ? a[s + 2] : null));
                }))
                .method(keywords("insert", (self, a, s, n, kw) -> {
                    noKeywords("deque.insert", kw);
                    if (n != 2) {
                        throw Errors.typeError("insert() takes exactly 2 arguments (" + n + " given)");
                    }
                    ((PyDeque) self).insert(PyDeque.methodIndex(a[s]), a[s + 1]);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("remove", (PyDeque self, PyObject x) -> {
                    self.remove(x);
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("clear", (PyDeque self) -> {
                    self.clear();
                    return PyNone.INSTANCE;
                }))
                .method(noArgs("copy", PyDeque::copyDeque))
                .method(noArgs("__copy__", PyDeque::copyDeque))
                .getter("maxlen", self -> {
                    long m = ((PyDeque) self).maxlen();
                    return m < 0 ? PyNone.INSTANCE : PyInt.of(m);
                })
                .method(noArgs("__len__", (PyDeque self) -> PyInt.of(self.size())))
                .method(oneArg("__getitem__", (PyDeque self, PyObject i) -> self.getIndex(PyDeque.methodIndex(i))))
                .method(BuiltinDef.positional("__setitem__", 2, 2, (PyDeque self, PyObject[] a, int s, int n) -> {
                    self.setIndex(PyDeque.methodIndex(a[s]), a[s + 1]);
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("__delitem__", (PyDeque self, PyObject i) -> {
                    self.deleteIndex(PyDeque.methodIndex(i));
                    return PyNone.INSTANCE;
                }))
                .method(oneArg("__contains__", (PyDeque self, PyObject x) -> PyBool.of(self.contains(x))))
                .method(noArgs("__iter__", (PyDeque self) -> new DequeIterator(self, false)))
                .method(noArgs("__reversed__", (PyDeque self) -> new DequeIterator(self, true)))
                .method(noArgs("__repr__", (PyDeque self) -> dev.interlock.vm.objects.PyStr.of(self.builtinRepr())))
                .method(oneArg("__add__", (PyDeque self, PyObject x) -> self.concat(x)))
                .method(oneArg("__mul__", (PyDeque self, PyObject x) -> self.repeat(PyDeque.repeatCount(x))))
                .method(oneArg("__rmul__", (PyDeque self, PyObject x) -> self.repeat(PyDeque.repeatCount(x))))
                .method(oneArg("__iadd__", (PyDeque self, PyObject x) -> {
                    self.extend(x, false);
                    return Refs.newRef(self);
                }))
                .method(oneArg("__imul__", (PyDeque self, PyObject x) -> {
                    self.repeatInPlace(PyDeque.repeatCount(x));
                    return Refs.newRef(self);
                }))
                .method(noArgs("__reduce__", DequeType::reduce))
                .genericAlias()
                .slotWrappers(PyDeque.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.ADD, dev.interlock.vm.ops.BinaryOp.MUL))
                .build();
    }

    /**
     * {@code deque.__new__(cls, *args, **kwargs)}: a blank deque of {@code cls}, which must derive
     * from deque; the arguments are left to {@code __init__}.
     */
    private static PyObject dequeNew(PyObject[] a, int s, int n) {
        if (n < 1) {
            throw Errors.typeError("collections.deque.__new__(): not enough arguments");
        }
        if (!(a[s] instanceof PyType cls)) {
            throw Errors.typeError("collections.deque.__new__(X): X is not a type object (" + a[s].typeName() + ")");
        }
        if (!cls.isSubtypeOf(PyDeque.TYPE)) {
            throw Errors.typeError("collections.deque.__new__(" + cls.name() + "): " + cls.name()
                    + " is not a subtype of collections.deque");
        }
        return PyDeque.allocate(cls);
    }

    private static void init(PyDeque d, PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = INIT.parse(a, s, n, kw);
        d.init(p[0], p[1]);
    }

    private static PyObject popped(PyObject x) {
        if (x == null) {
            throw Errors.indexError("pop from an empty deque");
        }
        return x;
    }

    private static void noKeywords(String name, PyTuple kw) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError(name + "() takes no keyword arguments");
        }
    }

    /** {@code (type, () or ((), maxlen), __dict__ or None, iter(d))}, as CPython pickles a deque. */
    private static PyObject reduce(PyDeque self) {
        long m = self.maxlen();
        PyObject args;
        if (m < 0) {
            args = PyTuple.EMPTY;
        } else {
            PyInt ml = PyInt.of(m);
            args = PyTuple.of(PyTuple.EMPTY, ml);
            Refs.decref(ml);
        }
        PyDict d = self.instanceDict();
        PyObject state = d == null || d.size() == 0 ? PyNone.INSTANCE : Refs.newRef(d);
        PyObject it = new DequeIterator(self, false);
        return PyTuple.steal(new PyObject[] {Refs.newRef(self.type()), args, state, it});
    }
}
