package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonObject;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PySet;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts Java values to Python objects, as {@link dev.interlock.embed.PythonInterpreter}'s
 * table says. Every result is a new reference; containers are built item by item, and a Java
 * container met twice (shared, or containing itself) becomes one Python object met twice. Call on
 * a Python thread of the session.
 */
public final class ToPython {

    private final Session session;
    private final Map<Object, PyObject> seen = new IdentityHashMap<>();

    private ToPython(Session session) {
        this.session = requireNonNull(session, "session is null");
    }

    /** A new reference to the Python counterpart of {@code value}. */
    public static PyObject convert(Session session, Object value) {
        return new ToPython(session).toPython(value);
    }

    /** New references to the counterparts of {@code values}; on failure none is left held. */
    public static PyObject[] convertAll(Session session, Object[] values) {
        ToPython converter = new ToPython(session);
        PyObject[] out = new PyObject[values.length];
        try {
            for (int i = 0; i < values.length; i++) {
                out[i] = converter.toPython(values[i]);
            }
            return out;
        } catch (RuntimeException | Error e) {
            release(out);
            throw e;
        }
    }

    /** Gives back what {@link #convertAll} returned (null slots skipped). */
    public static void release(PyObject[] objects) {
        for (PyObject o : objects) {
            Refs.xdecref(o);
        }
    }

    private PyObject toPython(Object value) {
        if (value == null) {
            return PyNone.INSTANCE;
        }
        if (value instanceof Boolean b) {
            return PyBool.of(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return PyInt.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return PyInt.of(big);
        }
        if (value instanceof Double || value instanceof Float) {
            return PyFloat.of(((Number) value).doubleValue());
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return PyStr.of(value.toString());
        }
        if (value instanceof PythonObject handle) {
            return Refs.newRef(Handle.unwrap(session, handle));
        }
        PyObject known = seen.get(value);
        if (known != null) {
            return Refs.newRef(known);
        }
        if (value instanceof List<?> list) {
            return list(list);
        }
        if (value instanceof Map<?, ?> map) {
            return dict(map);
        }
        if (value instanceof Set<?> set) {
            return set(set);
        }
        throw new IllegalArgumentException("cannot pass a " + value.getClass().getName() + " to Python (supported: null,"
                + " Boolean, integral numbers, Float, Double, CharSequence, Character, List, Map, Set, PythonObject)");
    }

    private PyObject list(List<?> items) {
        PyList list = PyList.create(items.size());
        seen.put(items, list);
        try {
            for (Object item : items) {
                PyObject o = toPython(item);
                try {
                    list.append(o);
                } finally {
                    Refs.decref(o);
                }
            }
            return list;
        } catch (RuntimeException | Error e) {
            Refs.decref(list);
            throw e;
        }
    }

    private PyObject dict(Map<?, ?> entries) {
        PyDict dict = PyDict.create(entries.size());
        seen.put(entries, dict);
        try {
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                PyObject key = toPython(e.getKey());
                try {
                    PyObject value = toPython(e.getValue());
                    try {
                        dict.setItem(key, value);
                    } finally {
                        Refs.decref(value);
                    }
                } finally {
                    Refs.decref(key);
                }
            }
            return dict;
        } catch (RuntimeException | Error e) {
            Refs.decref(dict);
            throw e;
        }
    }

    private PyObject set(Collection<?> items) {
        PySet set = PySet.create();
        seen.put(items, set);
        try {
            for (Object item : items) {
                PyObject o = toPython(item);
                try {
                    set.add(o);
                } finally {
                    Refs.decref(o);
                }
            }
            return set;
        } catch (RuntimeException | Error e) {
            Refs.decref(set);
            throw e;
        }
    }
}
