package dev.interlock.vm.objects;

import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import java.util.List;

/**
 * {@code str.maketrans} and {@code str.translate}: translation tables map code points to a
 * code point, a string or None (delete). Compare {@code unicode_maketrans_impl} and
 * {@code _PyUnicode_TranslateCharmap} in CPython's {@code Objects/unicodeobject.c}.
 */
final class StrTranslate {

    private StrTranslate() {
    }

    /** {@code str.maketrans(x[, y[, z]])}: a new dict. */
    static PyObject maketrans(PyObject[] a, int s, int n) {
        PyDict table = PyDict.create();
        try {
            if (n == 1) {
                fromDict(a[s], table);
            } else {
                if (!(a[s] instanceof PyStr x)) {
                    throw Errors.typeError("maketrans() argument 1 must be str, not " + a[s].typeName());
                }
                if (!(a[s + 1] instanceof PyStr y)) {
                    throw Errors.typeError("maketrans() argument 2 must be str, not " + a[s + 1].typeName());
                }
                int[] from = x.value().codePoints().toArray();
                int[] to = y.value().codePoints().toArray();
                if (from.length != to.length) {
                    throw Errors.valueError("the first two maketrans arguments must have equal length");
                }
                for (int i = 0; i < from.length; i++) {
                    PyInt key = PyInt.of(from[i]);
                    PyInt value = PyInt.of(to[i]);
                    table.setItem(key, value);
                    Refs.decref(key);
                    Refs.decref(value);
                }
                if (n == 3) {
                    if (!(a[s + 2] instanceof PyStr z)) {
                        throw Errors.typeError("maketrans() argument 3 must be str, not " + a[s + 2].typeName());
                    }
                    for (int cp : z.value().codePoints().toArray()) {
                        PyInt key = PyInt.of(cp);
                        table.setItem(key, PyNone.INSTANCE);
                        Refs.decref(key);
                    }
                }
            }
            return table;
        } catch (RuntimeException | Error e) {
            Refs.decref(table);
            throw e;
        }
    }

    private static void fromDict(PyObject x, PyDict table) {
        if (!(x instanceof PyDict d)) {
            throw Errors.typeError("if you give only one argument to maketrans it must be a dict");
        }
        List<MapStorage.Entry<PyObject, PyObject>> entries = d.entryList();
        try {
            for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                PyObject key = e.key();
                if (key instanceof PyStr k) {
                    if (k.value().codePointCount(0, k.value().length()) != 1) {
                        throw Errors.valueError("string keys in translate table must be of length 1");
                    }
                    PyInt cp = PyInt.of(k.value().codePointAt(0));
                    table.setItem(cp, e.value());
                    Refs.decref(cp);
                } else if (key instanceof PyInt) {
                    table.setItem(key, e.value());
                } else {
                    throw Errors.typeError("keys in translate table must be strings or integers");
                }
            }
        } finally {
            PyDict.release(entries);
        }
    }

    /** {@code self.translate(table)}: each character looked up with {@code table[ord(c)]}. */
    static PyObject translate(PyStr self, PyObject table) {
        String v = self.value();
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            PyInt key = PyInt.of(cp);
            PyObject mapped;
            try {
                mapped = table.getItem(key);
            } catch (PyException e) {
                if (!e.matches(ExceptionTypes.LOOKUP_ERROR)) {
                    throw e;
                }
                e.release();
                out.appendCodePoint(cp);
                continue;
            } finally {
                Refs.decref(key);
            }
            try {
                if (mapped == PyNone.INSTANCE) {
                    continue;
                }
                if (mapped instanceof PyInt m) {
                    long c = m.toLong();
                    if (c < 0 || c > Character.MAX_CODE_POINT) {
                        throw Errors.valueError("character mapping must be in range(0x110000)");
                    }
                    out.appendCodePoint((int) c);
                } else if (mapped instanceof PyStr m) {
                    out.append(m.value());
                } else {
                    throw Errors.typeError("character mapping must return integer, None or str");
                }
            } finally {
                Refs.decref(mapped);
            }
        }
        return PyStr.of(out.toString());
    }
}
