package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonObject;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyFrozenSet;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PySet;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.api.storage.MapStorage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts Python objects to Java values, as {@link dev.interlock.embed.PythonInterpreter}'s
 * table says. The objects converted are borrowed; only {@link PythonObject} handles take a
 * reference of their own. Containers are copied item by item; a Python container met twice
 * (shared, or containing itself) becomes one Java object met twice. Call on a Python thread of
 * the session.
 */
public final class ToJava {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Session session;
    private final Map<PyObject, Object> seen = new IdentityHashMap<>();

    private ToJava(Session session) {
        this.session = requireNonNull(session, "session is null");
    }

    /** The Java counterpart of {@code object} (borrowed). */
    public static Object convert(Session session, PyObject object) {
        return new ToJava(session).toJava(object);
    }

    /**
     * The Java counterpart of {@code object} as a {@code type}: a handle for
     * {@link PythonObject}, otherwise the converted value, numbers narrowed or widened when the
     * value fits.
     *
     * @throws ClassCastException if the value cannot be had as a {@code type}
     */
    public static <T> T convert(Session session, PyObject object, Class<T> type) {
        if (type == PythonObject.class) {
            return type.cast(session.handle(Refs.newRef(object)));
        }
        Object value = convert(session, object);
        try {
            return coerce(value, type);
        } catch (ClassCastException e) {
            if (value instanceof PythonObject handle) {
                handle.close();
            }
            throw new ClassCastException("cannot convert Python " + object.typeName() + " " + describe(object)
                    + " to " + type.getName());
        }
    }

    private static String describe(PyObject object) {
        String repr = object.repr();
        return repr.length() > 60 ? repr.substring(0, 57) + "..." : repr;
    }

    /** {@code value} as a {@code type}, numbers converted when they fit exactly. */
    @SuppressWarnings("unchecked")
    private static <T> T coerce(Object value, Class<T> type) {
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        if (value == null) {
            if (type.isPrimitive()) {
                throw new ClassCastException();
            }
            return null;
        }
        if (boxed.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger v = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
            if (boxed == Long.class && v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0) {
                return (T) Long.valueOf(v.longValue());
            }
            if (boxed == Integer.class && v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0) {
                return (T) Integer.valueOf(v.intValue());
            }
            if (boxed == BigInteger.class) {
                return (T) v;
            }
            if (boxed == Double.class) {
                return (T) Double.valueOf(v.doubleValue());
            }
        }
        throw new ClassCastException();
    }

    private static Class<?> box(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        } else if (primitive == long.class) {
            return Long.class;
        } else if (primitive == double.class) {
            return Double.class;
        } else if (primitive == boolean.class) {
            return Boolean.class;
        } else if (primitive == void.class) {
            return Void.class;
        }
        return primitive; // other primitives: no Python value converts to them
    }

    private Object toJava(PyObject o) {
        if (o == PyNone.INSTANCE) {
            return null;
        }
        if (o instanceof PyBool b) {
            return b == PyBool.TRUE;
        }
        if (o instanceof PyInt i && i.type() == PyInt.TYPE) {
            return integer(i);
        }
        if (o instanceof PyFloat f && f.type() == PyFloat.TYPE) {
            return f.value();
        }
        if (o instanceof PyStr s && s.type() == PyStr.TYPE) {
            return s.value();
        }
        Object known = seen.get(o);
        if (known != null) {
            return known;
        }
        if (o instanceof PyList list && list.isExact()) {
            List<Object> out = new ArrayList<>(list.size());
            seen.put(o, out);
            addAll(list.snapshot(), out);
            return out;
        }
        if (o instanceof PyTuple tuple && tuple.isExact()) {
            List<Object> items = new ArrayList<>(tuple.size());
            List<Object> out = Collections.unmodifiableList(items);
            seen.put(o, out);
            for (PyObject item : tuple.array()) {
                items.add(toJava(item));
            }
            return out;
        }
        if (o instanceof PyDict dict && dict.isExact()) {
            Map<Object, Object> out = new LinkedHashMap<>();
            seen.put(o, out);
            List<MapStorage.Entry<PyObject, PyObject>> entries = dict.entryList();
            try {
                for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                    out.put(toJava(e.key()), toJava(e.value()));
                }
            } finally {
                PyDict.release(entries);
            }
            return out;
        }
        if (o instanceof PySet set && set.type() == PySet.TYPE) {
            Set<Object> out = new LinkedHashSet<>();
            seen.put(o, out);
            addAll(dev.interlock.vm.objects.Iteration.toArray(set), out);
            return out;
        }
        if (o instanceof PyFrozenSet set && set.type() == PyFrozenSet.TYPE) {
            Set<Object> items = new LinkedHashSet<>();
            Set<Object> out = Collections.unmodifiableSet(items);
            seen.put(o, out);
            addAll(dev.interlock.vm.objects.Iteration.toArray(set), items);
            return out;
        }
        return session.handle(Refs.newRef(o));
    }

    /** Converts new references into {@code out}, giving each back. */
    private void addAll(PyObject[] items, Collection<Object> out) {
        try {
            for (PyObject item : items) {
                out.add(toJava(item));
            }
        } finally {
            for (PyObject item : items) {
                Refs.decref(item);
            }
        }
    }

    private static Object integer(PyInt i) {
        if (!i.isSmall()) {
            return i.bigValue();
        }
        long v = i.longValue();
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
    }
}
