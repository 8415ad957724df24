package dev.interlock.embed.jsr223;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonException;
import dev.interlock.embed.PythonInterpreter;
import dev.interlock.embed.PythonObject;
import dev.interlock.embed.internal.Namespace;
import dev.interlock.embed.internal.Session;
import dev.interlock.embed.internal.Source;
import dev.interlock.embed.internal.ToJava;
import dev.interlock.embed.internal.ToPython;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.PyThreadState;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;

/**
 * A JSR-223 script engine over one Interlock interpreter, started on first use with the strategy
 * its {@linkplain InterlockScriptEngineFactory factory} names.
 *
 * <ul>
 *   <li><b>eval</b> runs the script in the namespace of the context's engine-scope bindings and
 *       returns the value of an expression, or null for statements (as Jython's engine).
 *       Errors arrive as {@link ScriptException} with the file name
 *       ({@link ScriptEngine#FILENAME}, {@code <script>} by default) and line, caused by a
 *       {@link PythonException} that carries the Python type and traceback.</li>
 *   <li><b>Bindings are Python globals.</b> The engine's own bindings are {@code __main__}'s
 *       globals, live; {@link #createBindings()} makes a separate live namespace. Bindings of
 *       another kind (a {@link javax.script.SimpleBindings}) are copied into a fresh namespace
 *       before the script runs, and its globals copied back after. Global-scope bindings are
 *       visible to scripts under names the engine scope does not bind (they are copied in, not
 *       back). Values are converted as {@link PythonInterpreter} describes.</li>
 *   <li><b>Invocable</b>: functions of the engine-scope namespace, methods of
 *       {@link PythonObject}s, and Java interfaces implemented by them.</li>
 *   <li><b>Compilable</b>: the script is compiled once and can run many times.</li>
 *   <li><b>Output</b>: {@code sys.stdout} and {@code sys.stderr} go to the writers of the context
 *       of the latest evaluation (flushed after each); output of Python threads still running
 *       after it goes there too.</li>
 *   <li><b>Threads</b>: see the factory's {@code THREADING} parameter. {@link #close()} ends the
 *       interpreter and its threads (they are daemon threads, so an engine that is never closed
 *       does not keep the JVM alive).</li>
 * </ul>
 */
public final class InterlockScriptEngine extends AbstractScriptEngine implements Invocable, Compilable, AutoCloseable {

    private static final String DEFAULT_FILENAME = "<script>";

    private final InterlockScriptEngineFactory factory;
    private final PythonInterpreter.Builder settings;
    private final Object startLock = new Object();
    private volatile Session session;
    private boolean closed; // guarded by startLock
    private volatile ScriptContext output;

    InterlockScriptEngine(InterlockScriptEngineFactory factory, PythonInterpreter.Builder settings) {
        this.factory = requireNonNull(factory, "factory is null");
        this.settings = requireNonNull(settings, "settings is null");
        SimpleScriptContext ctx = new SimpleScriptContext();
        ctx.setBindings(new PythonBindings(() -> session().main()), ScriptContext.ENGINE_SCOPE);
        setContext(ctx);
        this.output = ctx;
    }

    /** The interpreter, started on first use. */
    private Session session() {
        Session s = session;
        if (s == null) {
            synchronized (startLock) {
                if (closed) {
                    throw new IllegalStateException("the engine is closed");
                }
                s = session;
                if (s == null) {
                    s = Session.start(settings.copy()
                            .stdout(new ContextOutput(() -> output.getWriter()))
                            .stderr(new ContextOutput(() -> output.getErrorWriter())));
                    session = s;
                }
            }
        }
        return s;
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    /** A new, separate namespace as bindings, live (its values are Python globals). */
    @Override
    public Bindings createBindings() {
        return new PythonBindings(() -> Namespace.create(session()));
    }

    // ------------------------------------------------------------------ eval

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        requireNonNull(script, "script is null");
        requireNonNull(context, "context is null");
        Session s = session();
        String filename = filename(context);
        return run(context, s, ts -> Source.expressionOrStatements(s.interpreter(), script, filename), true);
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(readAll(reader), context);
    }

    private static String filename(ScriptContext context) {
        Object name = context.getAttribute(ScriptEngine.FILENAME);
        return name == null ? DEFAULT_FILENAME : name.toString();
    }

    private static String readAll(Reader reader) throws ScriptException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n = reader.read(buf); n >= 0; n = reader.read(buf)) {
                b.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new ScriptException(e);
        }
        return b.toString();
    }

    /** Makes (or finds) the code to run, on the Python thread. */
    @FunctionalInterface
    private interface CodeSource {
        Source.Compiled code(PyThreadState ts);
    }

    /**
     * Runs code in the namespace of the context's engine scope and returns its value converted
     * to Java; {@code release} says whether the code is this run's to give back.
     */
    private Object run(ScriptContext context, Session s, CodeSource source, boolean release) throws ScriptException {
        output = context;
        Bindings engineScope = context.getBindings(ScriptContext.ENGINE_SCOPE);
        Bindings globalScope = context.getBindings(ScriptContext.GLOBAL_SCOPE);
        boolean live = engineScope instanceof PythonBindings pb && pb.namespace().session() == s;
        Namespace ns = live ? ((PythonBindings) engineScope).namespace() : Namespace.create(s);
        try {
            return s.call(ts -> {
                if (!live && engineScope != null) {
                    copyIn(s, ns, engineScope, true);
                }
                if (globalScope != null) {
                    copyIn(s, ns, globalScope, false);
                }
                Source.Compiled code = source.code(ts);
                try {
                    PyObject value = ns.run(code, ts);
                    try {
                        return ToJava.convert(s, value);
                    } finally {
                        Refs.decref(value);
                    }
                } finally {
                    if (release) {
                        code.release();
                    }
                    if (!live && engineScope != null) {
                        copyOut(s, ns, engineScope);
                    }
                }
            });
        } catch (PythonException e) {
            throw scriptException(e);
        } finally {
            if (!live) {
                ns.release();
            }
        }
    }

    /** Binds the entries of {@code bindings} in {@code ns}; with {@code replace} false, only names not bound yet. */
    private static void copyIn(Session s, Namespace ns, Bindings bindings, boolean replace) {
        for (Map.Entry<String, Object> e : bindings.entrySet()) {
            PyObject present = replace ? null : ns.getOrNull(e.getKey());
            if (present != null) {
                Refs.decref(present);
                continue;
            }
            PyObject v = ToPython.convert(s, e.getValue());
            try {
                ns.set(e.getKey(), v);
            } finally {
                Refs.decref(v);
            }
        }
    }

    /** Copies the globals a script left in {@code ns} back to foreign bindings (not the dunder names). */
    private static void copyOut(Session s, Namespace ns, Bindings bindings) {
        for (String name : ns.names()) {
            if (name.startsWith("__") && name.endsWith("__")) {
                continue;
            }
            PyObject v = ns.getOrNull(name);
            try {
                bindings.put(name, ToJava.convert(s, v));
            } finally {
                Refs.decref(v);
            }
        }
    }

    static ScriptException scriptException(PythonException e) {
        ScriptException se = new ScriptException(e.getMessage(), e.fileName(), e.lineNumber());
        se.initCause(e);
        return se;
    }

    // ------------------------------------------------------------------ Compilable

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        requireNonNull(script, "script is null");
        Session s = session();
        String filename = filename(context);
        try {
            return s.call(ts -> {
                Source.Compiled code = Source.expressionOrStatements(s.interpreter(), script, filename);
                return new InterlockCompiledScript(this, s.hold(code.code()), code.isExpression());
            });
        } catch (PythonException e) {
            throw scriptException(e);
        }
    }

    @Override
    public CompiledScript compile(Reader script) throws ScriptException {
        return compile(readAll(script));
    }

    /** Runs compiled code (held by {@code code}) in a context. */
    Object run(PythonObject code, boolean isExpression, ScriptContext context) throws ScriptException {
        Session s = session();
        return run(context, s, ts -> new Source.Compiled((PyCode) s.unwrap(code), isExpression), false);
    }

    // ------------------------------------------------------------------ Invocable

    @Override
    public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
        requireNonNull(name, "name is null");
        Session s = session();
        Bindings engineScope = context.getBindings(ScriptContext.ENGINE_SCOPE);
        if (engineScope instanceof PythonBindings pb && pb.namespace().session() == s) {
            Namespace ns = pb.namespace();
            return invoke(s, "function '" + name + "'", () -> ns.getOrNull(name), args);
        }
        Object value = engineScope == null ? null : engineScope.get(name);
        if (!(value instanceof PythonObject f)) {
            throw new NoSuchMethodException("no function '" + name + "' in the engine-scope bindings");
        }
        return invoke(s, "function '" + name + "'", () -> Refs.newRef(s.unwrap(f)), args);
    }

    @Override
    public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
        requireNonNull(name, "name is null");
        if (!(thiz instanceof PythonObject self)) {
            throw new IllegalArgumentException("thiz is not a PythonObject of this engine: " + thiz);
        }
        Session s = session();
        return invoke(s, "method '" + name + "'", () -> attribute(s.unwrap(self), name), args);
    }

    private static PyObject attribute(PyObject self, String name) {
        PyStr key = PyStr.of(name);
        try {
            return self.getAttribute(key);
        } catch (dev.interlock.vm.errors.PyException e) {
            if (!e.matches(dev.interlock.vm.objects.ExceptionTypes.ATTRIBUTE_ERROR)) {
                throw e;
            }
            e.release();
            return null;
        } finally {
            Refs.decref(key);
        }
    }

    /** Finds a callable on a Python thread (a new reference, or null). */
    @FunctionalInterface
    private interface Target {
        PyObject find();
    }

    private Object invoke(Session s, String what, Target target, Object[] args) throws ScriptException, NoSuchMethodException {
        return invoke(s, what, target, args, Object.class);
    }

    private <T> T invoke(Session s, String what, Target target, Object[] args, Class<T> resultType)
            throws ScriptException, NoSuchMethodException {
        output = context;
        Object[] in = args == null ? new Object[0] : args;
        try {
            Object[] missing = {null};
            T result = s.call(ts -> {
                PyObject callable = target.find();
                if (callable == null || !callable.isCallable()) {
                    Refs.xdecref(callable);
                    missing[0] = Boolean.TRUE;
                    return null;
                }
                PyObject[] py = ToPython.convertAll(s, in);
                try {
                    PyObject r = callable.call(py, 0, py.length, null);
                    try {
                        return ToJava.convert(s, r, resultType);
                    } finally {
                        Refs.decref(r);
                    }
                } finally {
                    ToPython.release(py);
                    Refs.decref(callable);
                }
            });
            if (missing[0] != null) {
                throw new NoSuchMethodException("no callable " + what);
            }
            return result;
        } catch (PythonException e) {
            throw scriptException(e);
        }
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        return implement(type, null);
    }

    @Override
    public <T> T getInterface(Object thiz, Class<T> type) {
        if (!(thiz instanceof PythonObject)) {
            throw new IllegalArgumentException("thiz is not a PythonObject of this engine: " + thiz);
        }
        return implement(type, (PythonObject) thiz);
    }

    /**
     * A proxy whose abstract methods call the functions (or, with {@code self}, the methods) of
     * the same names, results converted to the methods' return types; null if one is missing.
     */
    private <T> T implement(Class<T> type, PythonObject self) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("not an interface: " + type);
        }
        Session s = session();
        Bindings engineScope = context.getBindings(ScriptContext.ENGINE_SCOPE);
        for (Method m : type.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers())) {
                continue;
            }
            boolean found = s.call(ts -> {
                PyObject f = self != null ? attribute(s.unwrap(self), m.getName())
                        : engineScope instanceof PythonBindings pb ? pb.namespace().getOrNull(m.getName()) : null;
                boolean callable = f != null && f.isCallable();
                Refs.xdecref(f);
                return callable;
            });
            if (!found) {
                return null;
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> "Python implementation of " + type.getName();
                };
            }
            if (!Modifier.isAbstract(m.getModifiers())) {
                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, args);
            }
            Target target = self != null ? () -> attribute(s.unwrap(self), m.getName())
                    : () -> ((PythonBindings) engineScope).namespace().getOrNull(m.getName());
            Class<?> returns = m.getReturnType() == void.class ? Object.class : m.getReturnType();
            try {
                Object r = invoke(s, "'" + m.getName() + "'", target, args, returns);
                return m.getReturnType() == void.class ? null : r;
            } catch (ScriptException e) {
                throw e.getCause() instanceof PythonException pe ? pe : new IllegalStateException(e);
            }
        });
        return type.cast(proxy);
    }

    // ------------------------------------------------------------------ closing

    /**
     * Ends the engine's interpreter as {@link PythonInterpreter#close()} does. The engine cannot
     * be used afterwards.
     */
    @Override
    public void close() {
        Session s;
        synchronized (startLock) {
            closed = true;
            s = session;
        }
        if (s != null) {
            s.close();
        }
    }
}
