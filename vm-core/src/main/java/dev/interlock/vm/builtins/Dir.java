package dev.interlock.vm.builtins;

import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code dir()}: the sorted attribute names of an object, as CPython's default {@code __dir__}s
 * collect them: a module's namespace; a class's own names and its bases'; an instance's
 * {@code __dict__} and its class's names. Without an argument, the names of the current scope.
 *
 * <p>Missing: a user-defined {@code __dir__}. Built-in types list the methods Interlock defines
 * as attributes, so the special methods it implements in Java ({@code __add__} on int, say)
 * are not all listed as CPython lists them.
 */
final class Dir {

    private Dir() {
    }

    static PyObject dir(PyObject o) {
        TreeSet<String> names = new TreeSet<>();
        if (o instanceof PyModule m) {
            addKeys(m.dict(), names);
        } else if (o instanceof PyType t) {
            addTypeNames(t, names);
        } else {
            PyDict d = o.instanceDict();
            if (d != null) {
                addKeys(d, names);
            }
            addTypeNames(o.type(), names);
        }
        return sortedList(names);
    }

    /** {@code dir()} with no argument: the names in the calling scope. */
    static PyObject dirOfScope() {
        PyObject scope = Frames.locals();
        try {
            TreeSet<String> names = new TreeSet<>();
            if (scope instanceof PyDict d) {
                addKeys(d, names);
            }
            return sortedList(names);
        } finally {
            Refs.decref(scope);
        }
    }

    private static void addTypeNames(PyType type, TreeSet<String> names) {
        for (PyType t : type.mro()) {
            if (t.isHeapType()) {
                addKeys(t.heapDict(), names);
            } else {
                names.addAll(t.builtinNames());
            }
        }
        names.add("__class__");
        names.add("__doc__");
    }

    private static void addKeys(PyDict d, TreeSet<String> names) {
        for (PyObject k : PyDict.keysOf(d)) {
            if (k instanceof PyStr s) {
                names.add(s.value());
            }
            Refs.decref(k);
        }
    }

    private static PyObject sortedList(TreeSet<String> names) {
        List<PyObject> items = new ArrayList<>(names.size());
        for (String n : names) {
            items.add(PyStr.of(n));
        }
        return PyList.steal(items.toArray(new PyObject[0]));
    }
}
