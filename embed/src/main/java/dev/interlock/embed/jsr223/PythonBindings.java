package dev.interlock.embed.jsr223;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.internal.Namespace;
import dev.interlock.embed.internal.Session;
import dev.interlock.embed.internal.ToJava;
import dev.interlock.embed.internal.ToPython;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.Refs;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.script.Bindings;

/**
 * Bindings that are a Python namespace, live: {@code put} binds a Python global (the value
 * converted from Java), {@code get} reads one (converted to Java), and what a script binds is
 * there at once. The engine's own bindings are {@code __main__}'s globals; each
 * {@link InterlockScriptEngine#createBindings()} makes a new, separate namespace. Reading the
 * whole map ({@link #entrySet()}) converts every value; the entries are a snapshot.
 */
final class PythonBindings extends AbstractMap<String, Object> implements Bindings {

    private final Supplier<Namespace> source;
    private volatile Namespace namespace;

    /** @param source makes the namespace, on first use */
    PythonBindings(Supplier<Namespace> source) {
        this.source = requireNonNull(source, "source is null");
    }

    /** The namespace, made on first use. */
    Namespace namespace() {
        Namespace n = namespace;
        if (n == null) {
            synchronized (this) {
                n = namespace;
                if (n == null) {
                    n = source.get();
                    namespace = n;
                }
            }
        }
        return n;
    }

    private Session session() {
        return namespace().session();
    }

    private static String check(Object key) {
        if (!(key instanceof String name)) {
            throw key == null ? new NullPointerException("key is null") : new ClassCastException("key is not a String");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("key is empty");
        }
        return name;
    }

    @Override
    public Object put(String name, Object value) {
        check(name);
        Namespace ns = namespace();
        return session().call(ts -> {
            PyObject previous = ns.getOrNull(name);
            PyObject v = ToPython.convert(ns.session(), value);
            try {
                ns.set(name, v);
            } finally {
                Refs.decref(v);
            }
            return release(ns, previous);
        });
    }

    @Override
    public Object get(Object key) {
        String name = check(key);
        Namespace ns = namespace();
        return session().call(ts -> release(ns, ns.getOrNull(name)));
    }

    @Override
    public boolean containsKey(Object key) {
        String name = check(key);
        Namespace ns = namespace();
        return session().call(ts -> {
            PyObject value = ns.getOrNull(name);
            Refs.xdecref(value);
            return value != null;
        });
    }

    @Override
    public Object remove(Object key) {
        String name = check(key);
        Namespace ns = namespace();
        return session().call(ts -> {
            PyObject previous = ns.getOrNull(name);
            ns.remove(name);
            return release(ns, previous);
        });
    }

    @Override
    public int size() {
        Namespace ns = namespace();
        return session().call(ts -> ns.size());
    }

    @Override
    public void clear() {
        Namespace ns = namespace();
        session().call(ts -> {
            for (String name : ns.names()) {
                ns.remove(name);
            }
            return null;
        });
    }

    /** The value converted to Java, giving back the new reference (null for a missing one). */
    private static Object release(Namespace ns, PyObject value) {
        if (value == null) {
            return null;
        }
        try {
            return ToJava.convert(ns.session(), value);
        } finally {
            Refs.decref(value);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Namespace ns = namespace();
        Map<String, Object> snapshot = session().call(ts -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : ns.names()) {
                out.put(name, release(ns, ns.getOrNull(name)));
            }
            return out;
        });
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<Entry<String, Object>> it = snapshot.entrySet().iterator();
                return new Iterator<>() {
                    private Entry<String, Object> last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        last = it.next();
                        return new SimpleImmutableEntry<>(last);
                    }

                    @Override
                    public void remove() {
                        it.remove();
                        PythonBindings.this.remove(last.getKey());
                    }
                };
            }

            @Override
            public int size() {
                return snapshot.size();
            }
        };
    }
}
