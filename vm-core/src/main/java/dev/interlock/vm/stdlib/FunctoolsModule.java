package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.stdlib.functools.FunctoolsTypes;
import dev.interlock.vm.stdlib.functools.KeyWrapper;
import dev.interlock.vm.stdlib.functools.LruCache;
import dev.interlock.vm.stdlib.functools.PythonSignature;
import dev.interlock.vm.stdlib.functools.TotalOrdering;
import dev.interlock.vm.stdlib.functools.Wrappers;
import java.util.List;

/**
 * The {@code functools} module of CPython 3.11, the parts that need no class statement:
 * {@code reduce}, {@code partial}, {@code cmp_to_key}, {@code lru_cache} and {@code cache},
 * {@code update_wrapper} and {@code wraps} (with {@code WRAPPER_ASSIGNMENTS} and
 * {@code WRAPPER_UPDATES}) and {@code total_ordering}. The types are in package
 * {@code stdlib.functools}.
 */
public final class FunctoolsModule implements NativeModule {

    private static final PythonSignature LRU_CACHE = new PythonSignature("lru_cache", new String[] {"maxsize", "typed"}, 0, 0);
    private static final PythonSignature CACHE = new PythonSignature("cache", new String[] {"user_function"}, 1, 1);
    private static final PythonSignature TOTAL_ORDERING = new PythonSignature("total_ordering", new String[] {"cls"}, 1, 0);
    private static final ArgParser CMP_TO_KEY = new ArgParser("cmp_to_key", 1, 0, new String[] {"mycmp"});

    @Override
    public String name() {
        return "functools";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("functools", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of("functools.py - Tools for working with functions and callable objects"));
        d.setItem("WRAPPER_ASSIGNMENTS", Wrappers.ASSIGNMENTS);
        d.setItem("WRAPPER_UPDATES", Wrappers.UPDATES);
        for (PyType type : FunctoolsTypes.exposed()) {
            d.setItem(type.name(), type);
        }
        // Immortal (it holds no references), so that wraps can use it whatever happens to the module.
        PyBuiltinFunction updateWrapper = new PyBuiltinFunction(Wrappers.UPDATE_WRAPPER_DEF, "functools");
        updateWrapper.setRefLocal(PyObject.IMMORTAL);
        d.setItem("update_wrapper", updateWrapper);
        for (BuiltinDef def : functions(updateWrapper)) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "functools"));
        }
        return module;
    }

    /** The module's functions; {@code wraps} makes partials of the given {@code update_wrapper}. */
    private static List<BuiltinDef> functions(PyBuiltinFunction updateWrapper) {
        return List.of(
                // METH_VARARGS in CPython: its keyword error names it without the module
                keywords("reduce", (self, a, s, n, kw) -> {
                    if (kw != null && kw.size() > 0) {
                        throw Errors.typeError("reduce() takes no keyword arguments");
                    }
                    BuiltinDef.checkPositional("reduce", n, 2, 3);
                    return reduce(a[s], a[s + 1], n > 2 ? a[s + 2] : null);
                }),
                keywords("cmp_to_key", (self, a, s, n, kw) -> {
                    PyObject[] p = CMP_TO_KEY.parse(a, s, n, kw);
                    return new KeyWrapper(p[0], null);
                }),
                keywords("lru_cache", (self, a, s, n, kw) -> {
                    PyObject[] p = LRU_CACHE.bind(a, s, n, kw);
                    return LruCache.lruCache(p[0] == null ? PyInt.of(128) : p[0], // a small int: immortal
                            p[1] == null ? PyBool.FALSE : p[1]);
                }),
                keywords("cache", (self, a, s, n, kw) -> LruCache.cache(CACHE.bind(a, s, n, kw)[0])),
                keywords("wraps", (self, a, s, n, kw) -> Wrappers.wraps(updateWrapper, a, s, n, kw)),
                keywords("total_ordering", (self, a, s, n, kw) -> TotalOrdering.apply(TOTAL_ORDERING.bind(a, s, n, kw)[0])));
    }

    // ------------------------------------------------------------------ reduce

    /** {@code reduce(function, iterable[, initial])}. */
    static PyObject reduce(PyObject function, PyObject iterable, PyObject initial) {
        PyObject it;
        try {
            it = iterable.iter();
        } catch (PyException e) {
            if (!e.matches(ExceptionTypes.TYPE_ERROR)) {
                throw e;
            }
            e.release();
            throw Errors.typeError("reduce() arg 2 must support iteration");
        }
        PyObject result = initial == null ? null : Refs.newRef(initial);
        try {
            for (PyObject item = it.next(); item != null; item = it.next()) {
                if (result == null) {
                    result = item;
                    continue;
                }
                PyObject acc = result;
                result = null;
                try {
                    result = function.call(new PyObject[] {acc, item}, 0, 2, null);
                } finally {
                    Refs.decref(acc);
                    Refs.decref(item);
                }
            }
        } catch (RuntimeException | Error e) {
            Refs.xdecref(result);
            throw e;
        } finally {
            Refs.decref(it);
        }
        if (result == null) {
            throw Errors.typeError("reduce() of empty iterable with no initial value");
        }
        return result;
    }
}
