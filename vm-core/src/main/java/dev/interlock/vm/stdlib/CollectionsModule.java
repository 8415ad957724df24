package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.stdlib.collections.CollectionsTypes;
import dev.interlock.vm.stdlib.collections.CountElements;

/**
 * {@code _collections}, the native half of {@code collections} as in CPython: {@code deque},
 * {@code defaultdict}, {@code OrderedDict}, {@code _count_elements} (Counter's counting loop) and
 * {@code _tuplegetter} (namedtuple's field descriptor). The types are in package
 * {@code stdlib.collections}. {@code collections} itself is Python, bundled as
 * {@code dev/interlock/lib/collections.py}; it adds {@code namedtuple} and {@code Counter}.
 */
public final class CollectionsModule implements NativeModule {

    @Override
    public String name() {
        return "_collections";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("_collections", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of("High performance data structures.\n"
                + "- deque:        ordered collection accessible from endpoints only\n"
                + "- defaultdict:  dict subclass with a default value factory\n"));
        for (PyType type : CollectionsTypes.all()) {
            d.setItem(type.name(), type);
        }
        d.setItemSteal("_count_elements", new PyBuiltinFunction(positional("_count_elements", 2, 2,
                (PyObject self, PyObject[] a, int s, int n) -> {
                    CountElements.count(a[s], a[s + 1]);
                    return PyNone.INSTANCE;
                }), "_collections"));
        return module;
    }
}
