package dev.interlock.vm.runtime;

import dev.interlock.api.storage.KeyOps;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.ops.Compare;

/**
 * Python's key equality for dict and namespace storage: identity, then {@code ==}. Strings and
 * numbers compare natively; only keys whose class is defined in Python can call back into Python
 * code.
 */
public final class PyKeyOps implements KeyOps<PyObject> {

    @Override
    public boolean equal(PyObject stored, PyObject probe) {
        if (stored == probe) {
            return true;
        }
        if (stored instanceof PyStr a) {
            return probe instanceof PyStr b ? a.value().equals(b.value()) : Compare.isEqual(stored, probe);
        }
        return Compare.isEqual(stored, probe);
    }

    @Override
    public boolean mayCallBack(PyObject key) {
        if (key instanceof PyStr || key instanceof PyInt || key instanceof PyFloat || key == PyNone.INSTANCE
                || key instanceof PyBool) {
            return key.type().isHeapType();
        }
        if (key instanceof PyTuple t) {
            for (PyObject o : t.array()) {
                if (mayCallBack(o)) {
                    return true;
                }
            }
            return false;
        }
        return key.type().isHeapType();
    }
}
