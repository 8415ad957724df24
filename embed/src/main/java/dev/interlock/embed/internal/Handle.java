package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonObject;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The implementation of {@link PythonObject}: one counted reference to a Python object, held
 * for Java until closed, or until the session closes and its main thread gives back every
 * reference still held.
 */
final class Handle implements PythonObject {

    private final Session session;
    private final AtomicReference<PyObject> object;
    private final String typeName;

    /** Takes over the caller's reference to {@code object}. */
    Handle(Session session, PyObject object) {
        this.session = requireNonNull(session, "session is null");
        this.object = new AtomicReference<>(requireNonNull(object, "object is null"));
        this.typeName = object.typeName();
    }

    /** The object a handle stands for (borrowed), checking it belongs to {@code session} and is open. */
    static PyObject unwrap(Session session, PythonObject handle) {
        if (!(handle instanceof Handle h) || h.session != session) {
            throw new IllegalArgumentException("a PythonObject can only be passed to the interpreter it came from");
        }
        return h.object();
    }

    private PyObject object() {
        PyObject o = object.get();
        if (o == null) {
            throw new IllegalStateException("the PythonObject (" + typeName + ") is closed");
        }
        return o;
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Object call(Object... args) {
        return call(Object.class, args);
    }

    @Override
    public <T> T call(Class<T> resultType, Object... args) {
        requireNonNull(resultType, "resultType is null");
        return session.call(ts -> {
            PyObject[] in = ToPython.convertAll(session, args);
            try {
                PyObject result = object().call(in, 0, in.length, null);
                try {
                    return ToJava.convert(session, result, resultType);
                } finally {
                    Refs.decref(result);
                }
            } finally {
                ToPython.release(in);
            }
        });
    }

    @Override
    public Object getAttribute(String name) {
        requireNonNull(name, "name is null");
        return session.call(ts -> {
            PyStr key = PyStr.of(name);
            try {
                PyObject value = object().getAttribute(key);
                try {
                    return ToJava.convert(session, value);
                } finally {
                    Refs.decref(value);
                }
            } finally {
                Refs.decref(key);
            }
        });
    }

    @Override
    public Object invokeMethod(String name, Object... args) {
        requireNonNull(name, "name is null");
        return session.call(ts -> {
            PyStr key = PyStr.of(name);
            PyObject method;
            try {
                method = object().getAttribute(key);
            } finally {
                Refs.decref(key);
            }
            PyObject[] in = ToPython.convertAll(session, args);
            try {
                PyObject result = method.call(in, 0, in.length, null);
                try {
                    return ToJava.convert(session, result);
                } finally {
                    Refs.decref(result);
                }
            } finally {
                ToPython.release(in);
                Refs.decref(method);
            }
        });
    }

    @Override
    public String repr() {
        return session.call(ts -> object().repr());
    }

    @Override
    public <T> T as(Class<T> type) {
        requireNonNull(type, "type is null");
        return session.call(ts -> ToJava.convert(session, object(), type));
    }

    @Override
    public void close() {
        if (object.get() != null) {
            session.release(this);
        }
    }

    /** Gives the reference back; on a Python thread of the session. */
    void releaseOnPythonThread() {
        PyObject o = object.getAndSet(null);
        if (o != null) {
            Refs.decref(o);
        }
    }

    @Override
    public String toString() {
        return "PythonObject[" + typeName + (object.get() == null ? ", closed]" : "]");
    }
}
