package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A namespace code runs in: the globals of {@code __main__}, or of a fresh module-like namespace
 * (a JSR-223 engine's separate bindings). It holds a counted reference to its dict until
 * released. Every method but {@link #release} must be called on a Python thread of the session.
 */
public final class Namespace {

    private final Session session;
    private final AtomicReference<PyDict> globals;

    private Namespace(Session session, PyDict globals) {
        this.session = requireNonNull(session, "session is null");
        this.globals = new AtomicReference<>(requireNonNull(globals, "globals is null"));
    }

    /** The namespace of a module's dict, taking a reference of its own. */
    static Namespace of(Session session, PyDict dict) {
        Refs.incref(dict);
        return new Namespace(session, dict);
    }

    /**
     * A new, empty namespace like {@code __main__}'s: {@code __name__} is {@code '__main__'} and
     * the builtins are reachable, but it is not in {@code sys.modules}.
     */
    public static Namespace create(Session session) {
        return session.call(ts -> {
            Interpreter interpreter = session.interpreter();
            PyDict dict = PyDict.createNamespace(interpreter);
            dict.setItem("__builtins__", interpreter.builtins());
            dict.setItemSteal("__name__", PyStr.of("__main__"));
            dict.setItem("__doc__", dev.interlock.vm.objects.PyNone.INSTANCE);
            return new Namespace(session, dict);
        });
    }

    /** The session it belongs to. */
    public Session session() {
        return session;
    }

    /** The dict (borrowed). */
    public PyDict dict() {
        PyDict d = globals.get();
        if (d == null) {
            throw new IllegalStateException("the namespace has been released");
        }
        return d;
    }

    /** Runs module code here. */
    public void exec(Source.Compiled code, PyThreadState ts) {
        session.interpreter().evalLoop().runModule(code.code(), dict(), ts);
    }

    /** Runs code here and returns its value (None for statements): a new reference. */
    public PyObject run(Source.Compiled code, PyThreadState ts) {
        if (!code.isExpression()) {
            exec(code, ts);
            return dev.interlock.vm.objects.PyNone.INSTANCE;
        }
        PyDict d = dict();
        return session.interpreter().evalLoop().runWithLocals(code.code(), d, d, ts);
    }

    /** The value bound to {@code name}, a new reference, or null if none. */
    public PyObject getOrNull(String name) {
        return dict().getItemOrNull(name);
    }

    /**
     * The value {@code name} has in code running here, a new reference: the global, else the
     * builtin ({@code len}); {@code NameError} if neither.
     */
    public PyObject lookup(String name) {
        PyObject value = getOrNull(name);
        if (value == null) {
            value = session.interpreter().builtins().dict().getItemOrNull(name);
        }
        if (value == null) {
            throw Errors.of(dev.interlock.vm.objects.ExceptionTypes.NAME_ERROR, "name '" + name + "' is not defined");
        }
        return value;
    }

    /** Binds {@code name} to {@code value} (borrowed). */
    public void set(String name, PyObject value) {
        dict().setItem(name, value);
    }

    /** Unbinds {@code name}; returns whether it was bound. */
    public boolean remove(String name) {
        PyStr key = PyStr.of(name);
        try {
            return dict().removeIfPresent(key);
        } finally {
            Refs.decref(key);
        }
    }

    /** The names bound, in insertion order (only string keys). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (PyObject key : PyDict.keysOf(dict())) {
            if (key instanceof PyStr s) {
                out.add(s.value());
            }
            Refs.decref(key);
        }
        return out;
    }

    /** The number of names bound. */
    public int size() {
        return dict().size();
    }

    /** Gives back the reference to the dict, on a Python thread of the session. */
    void releaseOnPythonThread() {
        PyDict d = globals.getAndSet(null);
        if (d != null) {
            Refs.decref(d);
        }
    }

    /** Gives back the reference to the dict from any thread; does nothing once the session is closed. */
    public void release() {
        if (globals.get() != null && !session.isClosed()) {
            try {
                session.call(ts -> {
                    releaseOnPythonThread();
                    return null;
                });
            } catch (IllegalStateException closedMeanwhile) {
                // the interpreter is ending; its objects go with it
            }
        }
    }
}
