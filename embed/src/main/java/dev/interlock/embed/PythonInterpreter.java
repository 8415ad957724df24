package dev.interlock.embed;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.internal.EmbeddedInterpreter;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Python interpreter embedded in the JVM. Its locking strategy, memory manager and {@code -X}
 * options are chosen when it is {@linkplain #builder() built}, as {@code interlock run --lock NAME
 * --memory NAME -X key=value} chooses them; several interpreters with different strategies can
 * live in one JVM, each with its own modules, threads and objects.
 *
 * <h2>Where code runs</h2>
 * Code runs in the interpreter's {@code __main__} module, which persists between calls: a function
 * defined by one {@link #exec} can be called by the next. Building the interpreter starts its
 * Python main thread (CPython's {@code Py_Initialize}), and a call from Java runs there while the
 * main thread is free, so a host that calls from one thread at a time sees exactly the semantics
 * of a Python program ({@code threading.main_thread()} is the thread running its code). Calls
 * made while another is running each get a Python thread of their own (as CPython's
 * {@code PyGILState_Ensure} gives a foreign thread one), so they run concurrently as the locking
 * strategy lets them: interleaved under a GIL, in parallel without one. Python threads started by
 * the code ({@code threading.Thread}) go on running after the call returns.
 *
 * <h2>Values</h2>
 * <table>
 *   <caption>Conversions</caption>
 *   <tr><th>Java</th><th>Python</th><th>back to Java</th></tr>
 *   <tr><td>{@code null}</td><td>{@code None}</td><td>{@code null}</td></tr>
 *   <tr><td>{@code Boolean}</td><td>{@code bool}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>{@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code BigInteger}</td>
 *       <td>{@code int}</td><td>the smallest of {@code Integer}, {@code Long}, {@code BigInteger}
 *       that holds the value</td></tr>
 *   <tr><td>{@code Float}, {@code Double}</td><td>{@code float}</td><td>{@code Double}</td></tr>
 *   <tr><td>{@code String}, {@code Character}, any {@code CharSequence}</td><td>{@code str}</td>
 *       <td>{@code String}</td></tr>
 *   <tr><td>{@code List}</td><td>{@code list}</td><td>{@code ArrayList}</td></tr>
 *   <tr><td></td><td>{@code tuple}</td><td>an unmodifiable {@code List}</td></tr>
 *   <tr><td>{@code Map}</td><td>{@code dict}</td><td>{@code LinkedHashMap} (Python's order)</td></tr>
 *   <tr><td>{@code Set}</td><td>{@code set}</td><td>{@code LinkedHashSet}</td></tr>
 *   <tr><td></td><td>{@code frozenset}</td><td>an unmodifiable {@code Set}</td></tr>
 *   <tr><td>{@link PythonObject}</td><td>the object itself</td><td>{@link PythonObject}</td></tr>
 *   <tr><td></td><td>anything else (functions, classes, instances, subclasses of the types
 *       above)</td><td>{@link PythonObject}</td></tr>
 * </table>
 * Containers are converted by value, element by element (shared and self-containing structures
 * keep their shape): a change on one side is not seen on the other. Any other Java object is
 * refused with {@link IllegalArgumentException}. The typed methods ({@code eval(source, type)},
 * {@code call(type, ...)}) convert the result to the asked type: a Python {@code int} to
 * {@code Integer}, {@code Long}, {@code BigInteger} or {@code Double} when the value fits, a
 * {@code float} to {@code Double}, anything to {@link PythonObject}; otherwise they throw
 * {@link ClassCastException}.
 *
 * <h2>Errors and output</h2>
 * A Python exception arrives as {@link PythonException}. A fatal error (use of a freed object)
 * arrives as {@link dev.interlock.api.memory.FatalError} and stops the interpreter; later calls
 * throw {@link IllegalStateException}. {@code sys.stdout} and {@code sys.stderr} write to the
 * streams given to the builder (the JVM's own by default), flushed after each call.
 *
 * <h2>Closing</h2>
 * {@link #close()} waits for running calls and for the non-daemon Python threads (as a program's
 * end does), gives back every reference Java still holds, stops the daemon threads at their next
 * check point, and ends the main thread. Instances are safe for use from several Java threads.
 */
public interface PythonInterpreter extends AutoCloseable {

    /** A builder with the defaults: the {@code gil} strategy, its default memory manager, the JVM's streams. */
    static Builder builder() {
        return new Builder();
    }

    /** An interpreter with the defaults of {@link #builder()}. */
    static PythonInterpreter create() {
        return builder().build();
    }

    /** The locking strategy's name, such as {@code gil}. */
    String lockName();

    /** The memory manager's name, such as {@code plain}. */
    String memoryName();

    /**
     * True when Python threads of this interpreter may run at the same time without corrupting
     * reference counts: the strategy serializes bytecode, or the memory manager is thread-safe.
     * False only for an explicitly allowed unsafe combination ({@link Builder#allowUnsafe}).
     */
    boolean isThreadSafe();

    /**
     * Runs statements in {@code __main__}, as {@code exec(source)}; tracebacks name the file
     * {@code <string>}.
     *
     * @throws PythonException for a syntax error or an exception the code raises
     */
    void exec(String source);

    /** Runs statements in {@code __main__}; tracebacks name {@code filename}. */
    void exec(String source, String filename);

    /**
     * Runs a file's statements in {@code __main__}, with {@code __file__} set to its path; tracebacks
     * quote its lines.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    void execFile(Path file);

    /**
     * The value of an expression evaluated in {@code __main__}, as {@code eval(expression)}.
     *
     * @throws PythonException for a syntax error (statements are not expressions) or an exception
     */
    Object eval(String expression);

    /**
     * The value of an expression, converted to {@code type}.
     *
     * @throws ClassCastException if the value cannot be converted to {@code type}
     */
    <T> T eval(String expression, Class<T> type);

    /**
     * A global of {@code __main__}.
     *
     * @throws PythonException ({@code NameError}) if it is not defined
     */
    Object get(String name);

    /** A global of {@code __main__}, converted to {@code type}. */
    <T> T get(String name, Class<T> type);

    /** Binds a global of {@code __main__} to a value converted from Java. */
    void set(String name, Object value);

    /**
     * Calls a function (any callable) bound to a global of {@code __main__}, with positional
     * arguments converted from Java.
     *
     * @throws PythonException ({@code NameError}) if it is not defined, or if the call raises
     */
    Object call(String function, Object... args);

    /** Calls a global function and converts the result to {@code resultType}. */
    <T> T call(Class<T> resultType, String function, Object... args);

    /**
     * Waits for running calls and non-daemon Python threads, gives back every reference Java
     * holds, stops the daemon threads and ends the interpreter's threads. Does nothing the second
     * time; later calls throw {@link IllegalStateException}.
     */
    @Override
    void close();

    /**
     * Chooses how an interpreter is built. The names are those {@code interlock strategies}
     * lists; plug-ins are found with {@link java.util.ServiceLoader} in the
     * {@linkplain #classLoader(ClassLoader) class loader} given. Not thread-safe; {@link #copy()}
     * makes an independent builder with the same settings.
     */
    final class Builder {

        private String lock = "gil";
        private String memory;
        private final Map<String, String> options = new LinkedHashMap<>();
        private boolean allowUnsafe;
        private OutputStream stdout;
        private OutputStream stderr;
        private ClassLoader classLoader;
        private List<String> argv = List.of("");
        private Path scriptDirectory;

        Builder() {
        }

        /** The locking strategy ({@code --lock}); {@code gil} by default. */
        public Builder lock(String name) {
            this.lock = requireNonNull(name, "name is null");
            return this;
        }

        /** The memory manager ({@code --memory}); null (the default) means the strategy's own. */
        public Builder memory(String name) {
            this.memory = name;
            return this;
        }

        /** A strategy option ({@code -X key=value}), such as {@code switchinterval=0.001}. */
        public Builder option(String key, String value) {
            options.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** Strategy options ({@code -X}), added to those already given. */
        public Builder options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        /**
         * Allows a memory manager that is not thread-safe with a strategy that runs threads in
         * parallel ({@code --allow-unsafe}): that combination exists to show reference counts being
         * corrupted, and is refused otherwise.
         */
        public Builder allowUnsafe(boolean allow) {
            this.allowUnsafe = allow;
            return this;
        }

        /** Where {@code sys.stdout} writes (UTF-8); {@link System#out} by default. Not closed by the interpreter. */
        public Builder stdout(OutputStream out) {
            this.stdout = requireNonNull(out, "out is null");
            return this;
        }

        /** Where {@code sys.stderr} writes (UTF-8); {@link System#err} by default. Not closed by the interpreter. */
        public Builder stderr(OutputStream err) {
            this.stderr = requireNonNull(err, "err is null");
            return this;
        }

        /**
         * Where strategy and memory-manager plug-ins are looked for; by default the class loader
         * that loaded this library. Give a {@link java.net.URLClassLoader} over plug-in jars to
         * use strategies that are not on the class path.
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = requireNonNull(loader, "loader is null");
            return this;
        }

        /** {@code sys.argv}; {@code ['']} by default, as for an embedded CPython. */
        public Builder argv(List<String> args) {
            this.argv = List.copyOf(args);
            return this;
        }

        /** The directory {@code import NAME} looks in for {@code NAME.py} ({@code sys.path[0]}); none by default. */
        public Builder scriptDirectory(Path directory) {
            this.scriptDirectory = requireNonNull(directory, "directory is null");
            return this;
        }

        /** The locking strategy's name. */
        public String lock() {
            return lock;
        }

        /** The memory manager's name, or null for the strategy's default. */
        public String memory() {
            return memory;
        }

        /** The {@code -X} options, in the order given. */
        public Map<String, String> options() {
            return Map.copyOf(options);
        }

        /** Whether an unsafe combination is allowed. */
        public boolean allowUnsafe() {
            return allowUnsafe;
        }

        /** Where {@code sys.stdout} writes. */
        public OutputStream stdout() {
            return stdout != null ? stdout : System.out;
        }

        /** Where {@code sys.stderr} writes. */
        public OutputStream stderr() {
            return stderr != null ? stderr : System.err;
        }

        /** Where plug-ins are looked for. */
        public ClassLoader classLoader() {
            return classLoader != null ? classLoader : PythonInterpreter.class.getClassLoader();
        }

        /** {@code sys.argv}. */
        public List<String> argv() {
            return argv;
        }

        /** The directory imports look in, or null. */
        public Path scriptDirectory() {
            return scriptDirectory;
        }

        /** An independent builder with the same settings. */
        public Builder copy() {
            Builder b = new Builder();
            b.lock = lock;
            b.memory = memory;
            b.options.putAll(options);
            b.allowUnsafe = allowUnsafe;
            b.stdout = stdout;
            b.stderr = stderr;
            b.classLoader = classLoader;
            b.argv = argv;
            b.scriptDirectory = scriptDirectory;
            return b;
        }

        /**
         * Builds and starts the interpreter.
         *
         * @throws dev.interlock.api.InvalidOptionException for an unknown strategy or memory
         *     manager, an option the strategy does not accept or a bad value, or an unsafe
         *     combination that was not allowed
         */
        public PythonInterpreter build() {
            return EmbeddedInterpreter.start(this);
        }
    }
}
