package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonInterpreter;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The implementation of {@link PythonInterpreter}: a {@link Session} and its {@code __main__}. */
public final class EmbeddedInterpreter implements PythonInterpreter {

    private static final String STRING = "<string>";

    private final Session session;

    private EmbeddedInterpreter(Session session) {
        this.session = requireNonNull(session, "session is null");
    }

    /** Builds and starts the interpreter a builder describes. */
    public static PythonInterpreter start(PythonInterpreter.Builder settings) {
        return new EmbeddedInterpreter(Session.start(settings));
    }

    /** The session (for tests). */
    public Session session() {
        return session;
    }

    @Override
    public String lockName() {
        return session.selection().strategy().name();
    }

    @Override
    public String memoryName() {
        return session.selection().memory().name();
    }

    @Override
    public boolean isThreadSafe() {
        return session.isThreadSafe();
    }

    @Override
    public void exec(String source) {
        exec(source, STRING);
    }

    @Override
    public void exec(String source, String filename) {
        requireNonNull(source, "source is null");
        requireNonNull(filename, "filename is null");
        session.call(ts -> {
            Source.Compiled code = Source.statements(session.interpreter(), source, filename);
            try {
                session.main().exec(code, ts);
            } finally {
                code.release();
            }
            return null;
        });
    }

    @Override
    public void execFile(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String filename = file.toAbsolutePath().toString();
        session.call(ts -> {
            Source.Compiled code = Source.statements(session.interpreter(), source, filename);
            try {
                session.main().dict().setItemSteal("__file__", PyStr.of(filename));
                session.main().exec(code, ts);
            } finally {
                code.release();
            }
            return null;
        });
    }

    @Override
    public Object eval(String expression) {
        return eval(expression, Object.class);
    }

    @Override
    public <T> T eval(String expression, Class<T> type) {
        requireNonNull(expression, "expression is null");
        requireNonNull(type, "type is null");
        return session.call(ts -> {
            Source.Compiled code = Source.expression(session.interpreter(), expression, STRING);
            try {
                PyObject value = session.main().run(code, ts);
                try {
                    return ToJava.convert(session, value, type);
                } finally {
                    Refs.decref(value);
                }
            } finally {
                code.release();
            }
        });
    }

    @Override
    public Object get(String name) {
        return get(name, Object.class);
    }

    @Override
    public <T> T get(String name, Class<T> type) {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        return session.call(ts -> {
            PyObject value = session.main().lookup(name);
            try {
                return ToJava.convert(session, value, type);
            } finally {
                Refs.decref(value);
            }
        });
    }

    @Override
    public void set(String name, Object value) {
        requireNonNull(name, "name is null");
        session.call(ts -> {
            PyObject v = ToPython.convert(session, value);
            try {
                session.main().set(name, v);
            } finally {
                Refs.decref(v);
            }
            return null;
        });
    }

    @Override
    public Object call(String function, Object... args) {
        return call(Object.class, function, args);
    }

    @Override
    public <T> T call(Class<T> resultType, String function, Object... args) {
        requireNonNull(resultType, "resultType is null");
        requireNonNull(function, "function is null");
        return session.call(ts -> {
            PyObject callable = session.main().lookup(function);
            PyObject[] in = null;
            try {
                in = ToPython.convertAll(session, args);
                PyObject result = callable.call(in, 0, in.length, null);
                try {
                    return ToJava.convert(session, result, resultType);
                } finally {
                    Refs.decref(result);
                }
            } finally {
                if (in != null) {
                    ToPython.release(in);
                }
                Refs.decref(callable);
            }
        });
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "PythonInterpreter[" + lockName() + ", " + memoryName() + (session.isClosed() ? ", closed]" : "]");
    }
}
