package dev.interlock.vm.builtins;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.Descriptors;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyEllipsis;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyNotImplemented;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyRange;
import dev.interlock.vm.objects.PySlice;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.Ascii;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.SpecialMethods;
import dev.interlock.vm.runtime.Interpreter;
import java.util.List;
import java.util.Map;

/** The {@code builtins} module: the functions, types, constants and exceptions every module sees. */
public final class BuiltinsModule {

    private static final ArgParser PRINT = ArgParser.keywordsOnly("print", "sep", "end", "file", "flush");
    private static final ArgParser SORTED = ArgParser.keywordsOnly("sort", "key", "reverse");
    private static final ArgParser MIN_KW = ArgParser.keywordsOnly("min", "key", "default");
    private static final ArgParser MAX_KW = ArgParser.keywordsOnly("max", "key", "default");
    private static final ArgParser ENUMERATE = new ArgParser("enumerate", 1, 0, new String[] {"iterable", "start"});
    private static final ArgParser SUM = new ArgParser("sum", 1, 1, new String[] {"iterable", "start"});
    private static final ArgParser ROUND = new ArgParser("round", 1, 0, new String[] {"number", "ndigits"});
    private static final ArgParser ZIP = ArgParser.keywordsOnly("zip", "strict");

    private BuiltinsModule() {
    }

    /** Makes the module for one interpreter. */
    public static PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("builtins", d);
        Refs.decref(d);
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "builtins"));
        }
        PyType[] types = {PyType.OBJECT, PyType.TYPE, PyInt.TYPE, PyBool.TYPE, PyFloat.TYPE, PyStr.TYPE, PyList.TYPE,
            PyTuple.TYPE, PyDict.TYPE, PyRange.TYPE, PySlice.TYPE, Descriptors.Property.TYPE,
            Descriptors.StaticMethod.TYPE, Descriptors.ClassMethod.TYPE, Descriptors.Super.TYPE,
            dev.interlock.vm.objects.PySet.TYPE, dev.interlock.vm.objects.PyFrozenSet.TYPE};
        for (PyType t : types) {
            d.setItem(t.name(), t);
        }
        for (Map.Entry<String, PyType> e : ExceptionTypes.all().entrySet()) {
            d.setItem(e.getKey(), e.getValue());
        }
        d.setItem("None", PyNone.INSTANCE);
        d.setItem("Ellipsis", PyEllipsis.INSTANCE);
        d.setItem("NotImplemented", PyNotImplemented.INSTANCE);
        d.setItem("True", PyBool.TRUE);
        d.setItem("False", PyBool.FALSE);
        d.setItem("__debug__", PyBool.TRUE);
        return module;
    }

    private static List<BuiltinDef> functions() {
        return List.of(
                keywords("print", BuiltinsModule::print),
                keywords("__build_class__", ClassBuilder::buildClass),
                oneArg("len", (PyObject self, PyObject x) -> PyInt.of(x.length())),
                oneArg("repr", (PyObject self, PyObject x) -> PyStr.of(x.repr())),
                oneArg("ascii", (PyObject self, PyObject x) -> PyStr.of(Ascii.ascii(x.repr()))),
                positional("format", 1, 2, (PyObject self, PyObject[] a, int s, int n) -> {
                    String spec = n > 1 ? strArg("format", a[s + 1]) : "";
                    return PyStr.of(a[s].format(spec));
                }),
                oneArg("abs", (PyObject self, PyObject x) -> Arithmetic.abs(x)),
                oneArg("hash", (PyObject self, PyObject x) -> PyInt.of(PyDict.hashOf(x))),
                oneArg("id", (PyObject self, PyObject x) -> PyInt.of(Identity.id(x))),
                oneArg("callable", (PyObject self, PyObject x) -> PyBool.of(x.isCallable())),
                oneArg("ord", (PyObject self, PyObject x) -> ord(x)),
                oneArg("chr", (PyObject self, PyObject x) -> chr(x)),
                oneArg("hex", (PyObject self, PyObject x) -> PyStr.of(radix(x, 16, "0x"))),
                oneArg("oct", (PyObject self, PyObject x) -> PyStr.of(radix(x, 8, "0o"))),
                oneArg("bin", (PyObject self, PyObject x) -> PyStr.of(radix(x, 2, "0b"))),
                positional("divmod", 2, 2, (PyObject self, PyObject[] a, int s, int n) -> divmod(a[s], a[s + 1])),
                positional("pow", 2, 3, (PyObject self, PyObject[] a, int s, int n) ->
                        n == 3 && a[s + 2] != PyNone.INSTANCE ? powMod(a[s], a[s + 1], a[s + 2])
                                : Arithmetic.binary(BinaryOp.POW, a[s], a[s + 1])),
                keywords("round", (self, a, s, n, kw) -> {
                    PyObject[] p = ROUND.parse(a, s, n, kw);
                    return round(p[0], p[1]);
                }),
                positional("isinstance", 2, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        PyBool.of(TypeChecks.isInstance(a[s], a[s + 1]))),
                positional("issubclass", 2, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        PyBool.of(TypeChecks.isSubclass(a[s], a[s + 1]))),
                positional("getattr", 2, 3, (PyObject self, PyObject[] a, int s, int n) ->
                        getattr(a[s], a[s + 1], n > 2 ? a[s + 2] : null)),
                positional("setattr", 3, 3, (PyObject self, PyObject[] a, int s, int n) -> {
                    a[s].setAttribute(nameArg("setattr", a[s + 1]), a[s + 2]);
                    return PyNone.INSTANCE;
                }),
                positional("delattr", 2, 2, (PyObject self, PyObject[] a, int s, int n) -> {
                    a[s].deleteAttribute(nameArg("delattr", a[s + 1]));
                    return PyNone.INSTANCE;
                }),
                positional("hasattr", 2, 2, (PyObject self, PyObject[] a, int s, int n) -> hasattr(a[s], a[s + 1])),
                positional("iter", 1, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        n == 1 ? a[s].iter() : callableIterator(a[s], a[s + 1])),
                positional("next", 1, 2, (PyObject self, PyObject[] a, int s, int n) -> next(a[s], n > 1 ? a[s + 1] : null)),
                oneArg("any", (PyObject self, PyObject x) -> PyBool.of(anyAll(x, true))),
                oneArg("all", (PyObject self, PyObject x) -> PyBool.of(anyAll(x, false))),
                keywords("sum", (self, a, s, n, kw) -> {
                    PyObject[] p = SUM.parse(a, s, n, kw);
                    return sum(p[0], p[1]);
                }),
                keywords("min", (self, a, s, n, kw) -> minMax(a, s, n, kw, "min", Compare.LT)),
                keywords("max", (self, a, s, n, kw) -> minMax(a, s, n, kw, "max", Compare.GT)),
                keywords("sorted", (self, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("sorted", n, 1, 1);
                    PyObject[] p = SORTED.parse(a, s + 1, 0, kw);
                    PyList list = PyList.fromIterable(a[s]);
                    try {
                        PyObject sort = list.getAttribute(PyStr.immortal("sort"));
                        try {
                            PyObject r = sort.call(a, s + 1, 0, kw);
                            Refs.decref(r);
                        } finally {
                            Refs.decref(sort);
                        }
                    } catch (RuntimeException | Error e) {
                        Refs.decref(list);
                        throw e;
                    }
                    return list;
                }),
                keywords("enumerate", (self, a, s, n, kw) -> {
                    PyObject[] p = ENUMERATE.parse(a, s, n, kw);
                    PyInt start = p[1] == null ? PyInt.ZERO : p[1].asIndex();
                    return new Iterators.Enumerate(p[0].iter(), start);
                }),
                keywords("zip", (self, a, s, n, kw) -> {
                    PyObject[] p = ZIP.parse(a, s + n, 0, kw);
                    PyObject[] its = new PyObject[n];
                    try {
                        for (int i = 0; i < n; i++) {
                            its[i] = iterArg(a[s + i], "zip", i + 1);
                        }
                    } catch (RuntimeException | Error e) {
                        Refs.decrefAll(its);
                        throw e;
                    }
                    return new Iterators.Zip(its, p[0] != null && p[0].isTrue());
                }),
                positional("map", 2, Integer.MAX_VALUE, (PyObject self, PyObject[] a, int s, int n) -> {
                    PyObject[] its = new PyObject[n - 1];
                    try {
                        for (int i = 1; i < n; i++) {
                            its[i - 1] = a[s + i].iter();
                        }
                    } catch (RuntimeException | Error e) {
                        Refs.decrefAll(its);
                        throw e;
                    }
                    return new Iterators.MapIterator(a[s], its);
                }),
                positional("filter", 2, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        new Iterators.Filter(a[s], a[s + 1].iter())),
                oneArg("reversed", (PyObject self, PyObject x) -> reversed(x)),
                positional("globals", 0, 0, (PyObject self, PyObject[] a, int s, int n) -> Frames.globals()),
                positional("locals", 0, 0, (PyObject self, PyObject[] a, int s, int n) -> Frames.locals()),
                keywords("__import__", (self, a, s, n, kw) -> {
                    BuiltinDef.checkPositional("__import__", n, 1, 5);
                    return Interpreter.current().importModule(strArg("__import__", a[s]));
                }),
                keywords("compile", (self, a, s, n, kw) -> Exec.compile(a, s, n, kw)),
                keywords("exec", (self, a, s, n, kw) -> Exec.exec(a, s, n, kw)),
                keywords("eval", (self, a, s, n, kw) -> Exec.eval(a, s, n, kw)),
                positional("dir", 0, 1, (PyObject self, PyObject[] a, int s, int n) ->
                        n == 0 ? Dir.dirOfScope() : Dir.dir(a[s])),
                oneArg("vars", (PyObject self, PyObject x) -> {
                    PyDict d = x.instanceDict();
                    if (d == null) {
                        throw Errors.typeError("vars() argument must have __dict__ attribute");
                    }
                    return Refs.newRef(d);
                }));
    }

    // ------------------------------------------------------------------ print

    private static PyObject print(PyObject self, PyObject[] a, int s, int n, PyTuple kw) {
        PyObject[] p = PRINT.parse(a, s + n, 0, kw);
        String sep = optionalString(p[0], "sep", " ");
        String end = optionalString(p[1], "end", "\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(a[s + i].str());
        }
        b.append(end);
        PyObject file = p[2];
        if (file == null || file == PyNone.INSTANCE) {
            file = Interpreter.current().sysAttribute("stdout");
        } else {
            Refs.incref(file);
        }
        try {
            TextStreams.write(file, b.toString());
            if (p[3] != null && p[3].isTrue()) {
                TextStreams.flush(file);
            }
        } finally {
            Refs.decref(file);
        }
        return PyNone.INSTANCE;
    }

    private static String optionalString(PyObject o, String name, String dflt) {
        if (o == null || o == PyNone.INSTANCE) {
            return dflt;
        }
        if (o instanceof PyStr str) {
            return str.value();
        }
        throw Errors.typeError(name + " must be None or a string, not " + o.typeName());
    }

    // ------------------------------------------------------------------ conversions

    private static String strArg(String fn, PyObject o) {
        if (o instanceof PyStr s) {
            return s.value();
        }
        throw Errors.typeError(fn + "() argument must be str, not " + o.typeName());
    }

    private static PyStr nameArg(String fn, PyObject o) {
        if (o instanceof PyStr s) {
            return s;
        }
        throw Errors.typeError("attribute name must be string, not '" + o.typeName() + "'");
    }

    private static PyObject ord(PyObject x) {
        if (x instanceof PyStr s) {
            int len = s.codePointLength();
            if (len != 1) {
                throw Errors.typeError("ord() expected a character, but string of length " + len + " found");
            }
            return PyInt.of(s.codePointAt(0));
        }
        throw Errors.typeError("ord() expected string of length 1, but " + x.typeName() + " found");
    }

    private static PyObject chr(PyObject x) {
        PyInt i = x.asIndex();
        try {
            if (!i.isSmall() || i.longValue() < 0 || i.longValue() > 0x10FFFF) {
                if (!i.isSmall() || Math.abs(i.longValue()) > Integer.MAX_VALUE) {
                    throw Errors.overflowError("Python int too large to convert to C int");
                }
                throw Errors.valueError("chr() arg not in range(0x110000)");
            }
            return PyStr.ofCodePoint((int) i.longValue());
        } finally {
            Refs.decref(i);
        }
    }

    private static String radix(PyObject x, int radix, String prefix) {
        PyInt i = x.asIndex();
        try {
            java.math.BigInteger v = i.bigValue();
            String digits = v.abs().toString(radix);
            return (v.signum() < 0 ? "-" : "") + prefix + digits;
        } finally {
            Refs.decref(i);
        }
    }

    private static PyObject divmod(PyObject a, PyObject b) {
        if (a instanceof PyInt x && b instanceof PyInt y) {
            return PyInt.divmod(x, y);
        }
        if ((a instanceof PyFloat || a instanceof PyInt) && (b instanceof PyFloat || b instanceof PyInt)) {
            return PyFloat.divmod(PyFloat.toDouble(a), PyFloat.toDouble(b));
        }
        PyObject r = SpecialMethods.callBinary(a, "__divmod__", b);
        if (r != null && r != PyNotImplemented.INSTANCE) {
            return r;
        }
        throw Errors.unsupportedOperands("divmod()", a, b);
    }

    private static PyObject powMod(PyObject base, PyObject exp, PyObject mod) {
        if (base instanceof PyInt b && exp instanceof PyInt e && mod instanceof PyInt m) {
            return PyInt.powMod(b, e, m);
        }
        throw Errors.typeError("pow() 3rd argument not allowed unless all arguments are integers");
    }

    private static PyObject round(PyObject number, PyObject ndigits) {
        if (number instanceof PyFloat f) {
            if (ndigits == null || ndigits == PyNone.INSTANCE) {
                double v = f.value();
                if (Double.isNaN(v)) {
                    throw Errors.valueError("cannot convert float NaN to integer");
                }
                if (Double.isInfinite(v)) {
                    throw Errors.overflowError("cannot convert float infinity to integer");
                }
                return PyFloat.roundToInt(v);
            }
            PyInt nd = ndigits.asIndex();
            try {
                return PyFloat.of(PyFloat.round(f.value(), nd.isSmall() ? nd.longValue() : nd.signum() * Long.MAX_VALUE));
            } finally {
                Refs.decref(nd);
            }
        }
        if (number instanceof PyInt i) {
            if (ndigits == null || ndigits == PyNone.INSTANCE) {
                return i.asIndex();
            }
            PyInt nd = ndigits.asIndex();
            try {
                return i.round(nd.isSmall() ? (int) Math.max(Integer.MIN_VALUE, nd.longValue()) : nd.signum() > 0 ? 0 : Integer.MIN_VALUE);
            } finally {
                Refs.decref(nd);
            }
        }
        PyObject method = SpecialMethods.lookup(number, "__round__");
        if (method == null) {
            throw Errors.typeError("type " + number.typeName() + " doesn't define __round__ method");
        }
        try {
            if (ndigits == null) {
                return method.call(new PyObject[] {number}, 0, 1, null);
            }
            return method.call(new PyObject[] {number, ndigits}, 0, 2, null);
        } finally {
            Refs.decref(method);
        }
    }

    // ------------------------------------------------------------------ attributes

    private static PyObject getattr(PyObject o, PyObject name, PyObject dflt) {
        PyStr n = nameArg("getattr", name);
        if (dflt == null) {
            return o.getAttribute(n);
        }
        try {
            return o.getAttribute(n);
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                e.release();
                return Refs.newRef(dflt);
            }
            throw e;
        }
    }

    private static PyObject hasattr(PyObject o, PyObject name) {
        PyStr n = nameArg("hasattr", name);
        try {
            PyObject v = o.getAttribute(n);
            Refs.decref(v);
            return PyBool.TRUE;
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                e.release();
                return PyBool.FALSE;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ iteration

    private static PyObject iterArg(PyObject o, String fn, int position) {
        try {
            return o.iter();
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR) && !o.type().isHeapType()) {
                e.release();
                throw Errors.typeError(fn + "() argument #" + position + " must support iteration");
            }
            throw e;
        }
    }

    private static PyObject callableIterator(PyObject callable, PyObject sentinel) {
        if (!callable.isCallable()) {
            throw Errors.typeError("iter(v, w): v must be callable");
        }
        return new Iterators.CallableIterator(callable, sentinel);
    }

    private static PyObject next(PyObject it, PyObject dflt) {
        PyObject v = it.next();
        if (v != null) {
            return v;
        }
        if (dflt != null) {
            return Refs.newRef(dflt);
        }
        throw Errors.of(ExceptionTypes.STOP_ITERATION);
    }

    private static boolean anyAll(PyObject iterable, boolean any) {
        PyObject it = iterable.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                boolean t;
                try {
                    t = x.isTrue();
                } finally {
                    Refs.decref(x);
                }
                if (t == any) {
                    return any;
                }
            }
            return !any;
        } finally {
            Refs.decref(it);
        }
    }

    private static PyObject sum(PyObject iterable, PyObject start) {
        PyObject acc = start == null ? PyInt.ZERO : Refs.newRef(start);
        if (acc instanceof PyStr) {
            Refs.decref(acc);
            throw Errors.typeError("sum() can't sum strings [use ''.join(seq) instead]");
        }
        PyObject it = iterable.iter();
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                PyObject next;
                try {
                    next = acc instanceof PyInt a && x instanceof PyInt b ? PyInt.add(a, b)
                            : Arithmetic.binary(BinaryOp.ADD, acc, x);
                } finally {
                    Refs.decref(x);
                }
                Refs.decref(acc);
                acc = next;
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(acc);
            throw e;
        } finally {
            Refs.decref(it);
        }
        return acc;
    }

    /** {@code min}/{@code max}: one iterable or several arguments, with {@code key} and {@code default}. */
    private static PyObject minMax(PyObject[] a, int s, int n, PyTuple kw, String name, int op) {
        PyObject[] p = (op == Compare.LT ? MIN_KW : MAX_KW).parse(a, s + n, 0, kw);
        PyObject key = p[0] == PyNone.INSTANCE ? null : p[0];
        PyObject dflt = p[1];
        if (n == 0) {
            throw Errors.typeError(name + " expected at least 1 argument, got 0");
        }
        if (n > 1 && dflt != null) {
            throw Errors.typeError("Cannot specify a default for " + name + "() with multiple positional arguments");
        }
        PyObject it = n == 1 ? a[s].iter() : PyTuple.copyOf(a, s, n).iterSteal();
        PyObject best = null;
        PyObject bestKey = null;
        try {
            for (PyObject x = it.next(); x != null; x = it.next()) {
                PyObject k = key == null ? Refs.newRef(x) : key.call(new PyObject[] {x}, 0, 1, null);
                if (best == null || Compare.test(k, bestKey, op)) {
                    Refs.xdecref(best);
                    Refs.xdecref(bestKey);
                    best = x;
                    bestKey = k;
                } else {
                    Refs.decref(x);
                    Refs.decref(k);
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.xdecref(best);
            Refs.xdecref(bestKey);
            throw e;
        } finally {
            Refs.decref(it);
        }
        Refs.xdecref(bestKey);
        if (best == null) {
            if (dflt != null) {
                return Refs.newRef(dflt);
            }
            throw Errors.valueError(name + "() arg is an empty sequence");
        }
        return best;
    }

    private static PyObject reversed(PyObject x) {
        if (x instanceof PyList l && l.isExact()) {
            PyObject[] items = l.snapshot();
            for (int i = 0, j = items.length - 1; i < j; i++, j--) {
                PyObject t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
            return PyTuple.steal(items).iterSteal();
        }
        if (x instanceof PyTuple || x instanceof PyStr || x instanceof PyRange) {
            return new Iterators.Reversed(x);
        }
        PyObject method = SpecialMethods.lookup(x, "__reversed__");
        if (method != null) {
            try {
                return method.call(new PyObject[] {x}, 0, 1, null);
            } finally {
                Refs.decref(method);
            }
        }
        if (x.hasLength() && !(x instanceof PyDict)) {
            return new Iterators.Reversed(x);
        }
        throw Errors.typeError("'" + x.typeName() + "' object is not reversible");
    }

}
