package dev.interlock.vm.objects;

import dev.interlock.api.storage.MapStorage;
import java.util.List;

/**
 * Calls from Java code with Python's calling shapes that the vectorcall-style
 * {@link PyObject#call} does not take directly: {@code f(*args, **kwargs)} with the keywords in a
 * dict. Compare CPython's {@code PyObject_Call}.
 */
public final class Invoke {

    private Invoke() {
    }

    /**
     * {@code callable(*positional, **kwargs)}; {@code kwargs} may be null. Returns a new reference;
     * the arguments stay borrowed.
     */
    public static PyObject call(PyObject callable, PyObject[] positional, PyDict kwargs) {
        if (kwargs == null || kwargs.size() == 0) {
            return callable.call(positional, 0, positional.length, null);
        }
        List<MapStorage.Entry<PyObject, PyObject>> entries = kwargs.entryList();
        try {
            PyObject[] all = new PyObject[positional.length + entries.size()];
            PyObject[] keys = new PyObject[entries.size()];
            System.arraycopy(positional, 0, all, 0, positional.length);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = entries.get(i).key();
                all[positional.length + i] = entries.get(i).value();
            }
            PyTuple kwnames = PyTuple.of(keys);
            try {
                return callable.call(all, 0, positional.length, kwnames);
            } finally {
                Refs.decref(kwnames);
            }
        } finally {
            PyDict.release(entries);
        }
    }
}
