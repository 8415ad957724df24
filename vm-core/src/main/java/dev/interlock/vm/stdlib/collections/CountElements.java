package dev.interlock.vm.stdlib.collections;

import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.Slot;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.BinaryOp;

/**
 * {@code _collections._count_elements(mapping, iterable)}: {@code mapping[x] = mapping.get(x, 0) + 1}
 * for each element, what {@code Counter.update} does with an iterable. A dict (or a subclass
 * that keeps dict's {@code get} and {@code __setitem__}, such as Counter) is updated directly;
 * any other mapping through its methods.
 */
public final class CountElements {

    private static final PyStr GET = PyStr.immortal("get");

    private CountElements() {
    }

    /** Counts the elements of {@code iterable} into {@code mapping}. */
    public static void count(PyObject mapping, PyObject iterable) {
        PyObject it = iterable.iter();
        try {
            if (mapping instanceof PyDict d && usesDictMethods(d.type())) {
                for (PyObject x = it.next(); x != null; x = it.next()) {
                    try {
                        PyObject old = d.getItemOrNull(x);
                        PyObject updated;
                        try {
                            updated = old == null ? PyInt.ONE : Arithmetic.binary(BinaryOp.ADD, old, PyInt.ONE);
                        } finally {
                            Refs.xdecref(old);
                        }
                        try {
                            d.putItem(x, updated);
                        } finally {
                            Refs.decref(updated);
                        }
                    } finally {
                        Refs.decref(x);
                    }
                }
                return;
            }
            PyObject get = mapping.getAttribute(GET);
            try {
                for (PyObject x = it.next(); x != null; x = it.next()) {
                    try {
                        PyObject old = get.call(new PyObject[] {x, PyInt.ZERO}, 0, 2, null);
                        PyObject updated;
                        try {
                            updated = Arithmetic.binary(BinaryOp.ADD, old, PyInt.ONE);
                        } finally {
                            Refs.decref(old);
                        }
                        try {
                            mapping.setItem(x, updated);
                        } finally {
                            Refs.decref(updated);
                        }
                    } finally {
                        Refs.decref(x);
                    }
                }
            } finally {
                Refs.decref(get);
            }
        } finally {
            Refs.decref(it);
        }
    }

    /** True when {@code type}'s {@code get} and {@code __setitem__} are dict's own. */
    private static boolean usesDictMethods(PyType type) {
        if (!type.isHeapType()) {
            return true;
        }
        if (type.lookupSlot(Slot.SETITEM) != null) {
            return false;
        }
        PyObject get = type.lookup(GET);
        try {
            return get == PyDict.TYPE.getOwn(GET);
        } finally {
            Refs.xdecref(get);
        }
    }
}
