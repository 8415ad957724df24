package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Tracer;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.vm.builtins.BuiltinsModule;
import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.InterpreterError;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.eval.EvalLoop;
import dev.interlock.vm.memory.AllocationLog;
import dev.interlock.vm.memory.RefcountAudit;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.stdlib.NativeModules;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Python interpreter: the locking strategy and memory manager chosen for it, its modules, its
 * threads and its standard streams. Several can live in one JVM; nothing here is static.
 *
 * <p>All Python code runs on {@link PyThread}s. {@link #runMain} starts the main thread, runs a
 * program on it, waits for the non-daemon threads as CPython's {@code threading._shutdown} does,
 * and returns the exit status CPython would: 0, 1 for an uncaught exception, the code of a
 * {@code SystemExit}, or {@link FatalError#EXIT_STATUS} after a fatal error.
 */
public final class Interpreter {

    private final InterpreterConfig config;
    private final LockingStrategy strategy;
    private final MemoryManager memory;
    private final ContainerStorage storage;
    private final SwitchSettings switches;
    private final PyKeyOps keyOps = new PyKeyOps();
    private final SourceCache sources = new SourceCache();
    private final ObjectIds ids = new ObjectIds();
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final List<PyThreadState> liveThreads = new CopyOnWriteArrayList<>();
    /** The allocation logs of the threads that have ended (kept only for the refcount audit). */
    private final List<AllocationLog> retiredAllocationLogs = new CopyOnWriteArrayList<>();
    private final Map<String, NativeModule> nativeModules = new LinkedHashMap<>();
    private final AtomicReference<FatalError> fatal = new AtomicReference<>();
    /** Set when threads must unwind: after a fatal error, or to stop daemon threads before an audit. */
    private volatile boolean stopping;
    private final AtomicLong threadCounter = new AtomicLong();
    private final ImportLocks importLocks = new ImportLocks();
    private final Map<String, String> moduleLocations = new java.util.concurrent.ConcurrentHashMap<>();
    private final EvalLoop evalLoop;
    /** Runs {@code __del__} when the memory manager keeps no counts; null when it does. */
    private final Finalizers finalizers;

    private volatile int recursionLimit = 1000;
    private PyModule builtinsModule;
    private PyModule sysModule;
    private PyDict sysModules;
    private PyThreadState mainThread;

    public Interpreter(InterpreterConfig config, LockingStrategy strategy, MemoryManager memory, SwitchSettings switches) {
        this(config, strategy, memory, switches, Tracer.OFF);
    }

    /** Where thread activity goes for {@code interlock trace}; {@link Tracer#OFF} otherwise. */
    private final Tracer tracer;

    @Inject
    public Interpreter(InterpreterConfig config, LockingStrategy strategy, MemoryManager memory, SwitchSettings switches,
            Tracer tracer) {
        this.tracer = requireNonNull(tracer, "tracer is null");
        this.config = requireNonNull(config, "config is null");
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.storage = requireNonNull(strategy.storage(), "strategy storage is null");
        this.switches = requireNonNull(switches, "switches is null");
        this.stdout = new PrintStream(new BufferedOutputStream(config.stdout(), 1 << 14), false, StandardCharsets.UTF_8);
        this.stderr = new PrintStream(config.stderr(), true, StandardCharsets.UTF_8);
        this.evalLoop = new EvalLoop(this);
        this.finalizers = memory.countsReferences() ? null : new Finalizers(this);
        for (NativeModule m : NativeModules.all()) {
            nativeModules.put(m.name(), m);
        }
    }

    /** The interpreter of the Python thread running on the calling Java thread. */
    public static Interpreter current() {
        return PyThread.current().interpreter();
    }

    public InterpreterConfig config() {
        return config;
    }

    public LockingStrategy strategy() {
        return strategy;
    }

    public MemoryManager memory() {
        return memory;
    }

    public ContainerStorage storage() {
        return storage;
    }

    public SwitchSettings switches() {
        return switches;
    }

    /** The tracer the interpreter and its blocking calls report to. */
    public Tracer tracer() {
        return tracer;
    }

    public PyKeyOps keyOps() {
        return keyOps;
    }

    public EvalLoop evalLoop() {
        return evalLoop;
    }

    /**
     * Who runs {@code __del__} for objects the JVM's collector reclaims, when the memory manager
     * keeps no counts (so deallocation never runs it); null under a counting manager.
     */
    public Finalizers finalizers() {
        return finalizers;
    }

    /** The {@code id()} table. */
    public ObjectIds ids() {
        return ids;
    }

    /** The source lines tracebacks quote. */
    public SourceCache sources() {
        return sources;
    }

    /** {@code sys.stdout}'s byte stream. */
    public PrintStream stdout() {
        return stdout;
    }

    /** {@code sys.stderr}'s byte stream. */
    public PrintStream stderr() {
        return stderr;
    }

    public int recursionLimit() {
        return recursionLimit;
    }

    public void setRecursionLimit(int limit) {
        this.recursionLimit = limit;
    }

    /** The {@code builtins} module. */
    public PyModule builtins() {
        return builtinsModule;
    }

    /** {@code sys.modules}. */
    public PyDict sysModules() {
        return sysModules;
    }

    /** The main thread's state, once started. */
    public PyThreadState mainThread() {
        return mainThread;
    }

    /** The Python threads now running, in start order. */
    public List<PyThreadState> liveThreads() {
        return Collections.unmodifiableList(new ArrayList<>(liveThreads));
    }

    /** The Java modules available to {@code import}. */
    public NativeModule nativeModule(String name) {
        return nativeModules.get(name);
    }

    // ------------------------------------------------------------------ running programs

    /**
     * Runs a program as {@code __main__} on a new main thread and waits for every non-daemon
     * thread. Output is flushed before returning.
     *
     * @return the exit status CPython would give
     */
    public int runMain(String source, String filename) {
        int[] status = {0};
        PyThread main = newThread("MainThread", ts -> status[0] = runMainOn(ts, source, filename));
        main.start();
        joinUninterruptibly(main);
        int result = status[0];
        if (fatal.get() == null && config.auditRefcounts()) {
            result = auditAtExit(result);
        }
        if (finalizers != null) {
            finalizers.close();
        }
        stdout.flush();
        if (fatal.get() != null) {
            // The other threads were asked to stop; let them unwind before reporting the status.
            awaitThreadsStopped(THREAD_STOP_WAIT_MILLIS);
            return FatalError.EXIT_STATUS;
        }
        return result;
    }

    /** How long the interpreter waits for its threads to unwind once asked to stop. */
    private static final long THREAD_STOP_WAIT_MILLIS = 10_000;

    /**
     * The reference-count audit of {@code --audit-refcounts}, once the program is over: stops the
     * daemon threads still running (see {@link #stopThreads}), then recounts from the roots on a
     * thread of its own, prints the report on stderr, and returns the exit status: the program's
     * own when every count matches, {@link RefcountAudit#EXIT_STATUS} otherwise.
     */
    private int auditAtExit(int programStatus) {
        if (!memory.countsReferences()) {
            throw new InterpreterError("--audit-refcounts with the '" + memory.name() + "' memory manager, which keeps no counts");
        }
        stopThreads(null);
        List<PyThreadState> stuck = awaitThreadsStopped(THREAD_STOP_WAIT_MILLIS);
        if (fatal.get() != null) {
            return FatalError.EXIT_STATUS;
        }
        if (!stuck.isEmpty()) {
            stdout.flush();
            stderr.println("interlock: refcount audit not run: thread '" + stuck.get(0).name()
                    + "' did not stop at exit (exit status " + RefcountAudit.EXIT_STATUS + ")");
            return RefcountAudit.EXIT_STATUS;
        }
        stopping = false;
        int[] status = {programStatus};
        List<dev.interlock.api.memory.ObjectHeader> allocated = new ArrayList<>();
        for (AllocationLog log : retiredAllocationLogs) {
            log.forEachLive(allocated::add);
        }
        PyThread auditor = newThread("refcount-audit", ts -> {
            RefcountAudit.Result result = RefcountAudit.run(memory, auditRoots(), allocated);
            stdout.flush();
            AuditReport.print(result, AllocationLog.TRACE_REFS, stderr);
            if (!result.clean()) {
                status[0] = RefcountAudit.EXIT_STATUS;
            }
        });
        auditor.start();
        joinUninterruptibly(auditor);
        return fatal.get() != null ? FatalError.EXIT_STATUS : status[0];
    }

    /**
     * The references the interpreter itself holds, outside any Python object, once every Python
     * thread has ended: the roots of the reference-count audit. Each stands for one counted
     * reference.
     */
    List<RefcountAudit.Root> auditRoots() {
        List<RefcountAudit.Root> roots = new ArrayList<>();
        if (sysModules != null) {
            roots.add(new RefcountAudit.Root("sys.modules", sysModules));
        }
        if (builtinsModule != null) {
            roots.add(new RefcountAudit.Root("the interpreter's builtins", builtinsModule));
        }
        if (sysModule != null) {
            roots.add(new RefcountAudit.Root("the interpreter's sys", sysModule));
        }
        return roots;
    }

    /**
     * Starts the interpreter for a host that embeds it, as CPython's {@code Py_Initialize} does: a
     * new main thread sets up {@code builtins} and {@code sys}, then runs {@code body}, which
     * typically makes {@code __main__} ({@link #newModule}) and then serves the host's requests,
     * running code on this thread or on others it starts with {@link #newThread}, until the host
     * closes the interpreter. When {@code body} returns, the main thread waits for the non-daemon
     * Python threads, as at the end of a program, and ends; output is flushed. It is a daemon
     * thread, so an interpreter its host forgets to close does not keep the JVM alive.
     *
     * @param body what the main thread does once the interpreter is set up
     * @return the main thread, started; join it to wait until the interpreter has finished
     */
    public PyThread startMain(ThreadBody body) {
        requireNonNull(body, "body is null");
        PyThread main = newThread("MainThread", ts -> {
            mainThread = ts;
            initialize();
            try {
                body.run(ts);
                waitForNonDaemonThreads(ts);
            } finally {
                stdout.flush();
            }
        });
        main.setDaemon(true);
        main.start();
        return main;
    }

    /** Where the interactive loop reads its lines. */
    @FunctionalInterface
    public interface LineSource {
        /**
         * Shows {@code prompt} and reads one line, without its line end; null at the end of input.
         * Throws {@link java.io.InterruptedIOException} when the user interrupts (Ctrl-C).
         */
        String readLine(String prompt) throws java.io.IOException;
    }

    /**
     * Runs the interactive loop (CPython's REPL) on a new main thread: statements are read from
     * {@code input} with the {@code >>>} and {@code ...} prompts and run in {@code __main__};
     * expression values are echoed; an exception prints its traceback and the loop goes on.
     * Ends at the end of input or with SystemExit; returns the exit status.
     */
    public int runInteractive(LineSource input, String banner) {
        int[] status = {0};
        PyThread main = newThread("MainThread", ts -> status[0] = interactOn(ts, input, banner));
        main.start();
        joinUninterruptibly(main);
        stdout.flush();
        return fatal.get() != null ? FatalError.EXIT_STATUS : status[0];
    }

    private int interactOn(PyThreadState ts, LineSource input, String banner) {
        mainThread = ts;
        initialize();
        PyModule main = newModule("__main__");
        if (banner != null) {
            stderr.println(banner);
            stderr.flush();
        }
        int status = 0;
        List<String> lines = new ArrayList<>();
        while (true) {
            String prompt = lines.isEmpty() ? ">>> " : "... ";
            String line;
            try {
                line = Blocking.get(ts, () -> {
                    try {
                        return input.readLine(prompt);
                    } catch (java.io.InterruptedIOException e) {
                        throw new InterruptedException();
                    } catch (java.io.IOException e) {
                        return null;
                    }
                });
            } catch (PyException e) {
                // Ctrl-C at the prompt: CPython prints KeyboardInterrupt and starts a new statement.
                e.release();
                stdout.flush();
                stderr.println("\nKeyboardInterrupt");
                stderr.flush();
                lines.clear();
                continue;
            }
            if (line == null) {
                stdout.println();
                break;
            }
            lines.add(line);
            InteractiveInput.Status st;
            try {
                st = InteractiveInput.check(lines, "<stdin>");
            } catch (NotSupportedError e) {
                stdout.flush();
                stderr.println("NotSupportedError: " + e.getMessage());
                lines.clear();
                continue;
            }
            if (st instanceof InteractiveInput.Incomplete) {
                continue;
            }
            lines.clear();
            if (st instanceof InteractiveInput.Invalid invalid) {
                stdout.flush();
                stderr.print(invalid.error().format());
                stderr.flush();
                continue;
            }
            PyCode code = ((InteractiveInput.Complete) st).code();
            try {
                Refs.decref(evalLoop.runWithLocals(code, main.dict(), main.dict(), ts));
            } catch (PyException e) {
                if (e.matches(ExceptionTypes.SYSTEM_EXIT)) {
                    status = handleUncaught(e);
                    break;
                }
                handleUncaught(e);
            } catch (NotSupportedError e) {
                stdout.flush();
                TracebackPrinter.printNotSupported(ts, e, stderr);
            } finally {
                Refs.decref(code);
                stdout.flush();
            }
        }
        waitForNonDaemonThreads(ts);
        return status;
    }

    /**
     * Compiles {@code source} on a Python thread and hands the code object to {@code use}; a
     * syntax error is printed as CPython prints it. Returns the exit status (0 or 1).
     */
    public int compileAndReport(String source, String filename, java.util.function.Consumer<PyCode> use) {
        int[] status = {0};
        PyThread main = newThread("MainThread", ts -> {
            mainThread = ts;
            initialize();
            try {
                sources.register(filename, source);
                PyCode code = Compiler.compile(source, filename, Compiler.Mode.EXEC);
                try {
                    use.accept(code);
                } finally {
                    Refs.decref(code);
                }
            } catch (SyntaxErrorException e) {
                stdout.flush();
                stderr.print(e.format());
                status[0] = 1;
            } catch (NotSupportedError e) {
                stdout.flush();
                stderr.println("NotSupportedError: " + e.getMessage());
                status[0] = 1;
            }
        });
        main.start();
        joinUninterruptibly(main);
        stdout.flush();
        return status[0];
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private int runMainOn(PyThreadState ts, String source, String filename) {
        mainThread = ts;
        initialize();
        int status = 0;
        PyCode code;
        try {
            sources.register(filename, source);
            code = Compiler.compile(source, filename, Compiler.Mode.EXEC);
        } catch (SyntaxErrorException e) {
            stdout.flush();
            stderr.print(e.format());
            return 1;
        } catch (NotSupportedError e) {
            stdout.flush();
            stderr.println("NotSupportedError: " + e.getMessage());
            return 1;
        }
        PyModule main = newModule("__main__");
        try {
            main.dict().setItemSteal("__file__", PyStr.of(filename));
            evalLoop.runModule(code, main.dict(), ts);
        } catch (PyException e) {
            status = handleUncaught(e);
        } catch (NotSupportedError e) {
            stdout.flush();
            TracebackPrinter.printNotSupported(ts, e, stderr);
            status = 1;
        } finally {
            Refs.decref(code);
        }
        waitForNonDaemonThreads(ts);
        Refs.decref(main); // newModule's reference; sys.modules keeps __main__, as in CPython
        return status;
    }

    /** Prints an uncaught exception as CPython does, or handles SystemExit; returns the exit status. */
    public int handleUncaught(PyException e) {
        try {
            if (e.matches(ExceptionTypes.SYSTEM_EXIT)) {
                return systemExitStatus(e.value());
            }
            stdout.flush();
            TracebackPrinter.print(e.value(), stderr);
            return 1;
        } finally {
            e.release();
        }
    }

    private int systemExitStatus(PyObject exit) {
        dev.interlock.vm.objects.PyBaseException ex = (dev.interlock.vm.objects.PyBaseException) exit;
        PyObject code = ex.args().size() == 0 ? PyNone.INSTANCE : ex.args().get(0);
        if (code == PyNone.INSTANCE) {
            return 0;
        }
        if (code instanceof PyInt i) {
            return (int) i.toLong();
        }
        stdout.flush();
        stderr.println(code.str());
        return 1;
    }

    /** Compiles and runs {@code source} in a fresh module namespace on the calling Python thread. */
    public PyModule newModule(String name) {
        PyDict globals = PyDict.createNamespace(this);
        PyModule module = new PyModule(name, globals);
        Refs.decref(globals);
        globals.setItem("__builtins__", builtinsModule);
        globals.setItem("__doc__", PyNone.INSTANCE);
        sysModules.setItem(name, module);
        return module;
    }

    // ------------------------------------------------------------------ imports

    /**
     * Imports a module by absolute name (a new reference): {@code sys.modules} first, then the
     * native modules, then Python modules bundled with the interpreter, then {@code NAME.py} in
     * the directory of the main script. Each module name has its own lock ({@link ImportLocks}):
     * two threads importing one module run it once, and the second waits, detached, until it is
     * complete; a module found in {@code sys.modules} while another thread still runs its body is
     * waited for too.
     */
    public PyModule importModule(String name) {
        PyThreadState ts = PyThreadState.current();
        for (;;) {
            PyObject existing = sysModules.getItemOrNull(name);
            if (existing instanceof PyModule m) {
                ImportLocks.ModuleLock lock = importLocks.of(name);
                if (!lock.isInitializing() || lock.isHeldByCurrentThread()) {
                    return m; // complete, or our own circular import: the partial module, as CPython
                }
                Refs.decref(m);
                importLocks.awaitInitialized(lock, ts);
                PyObject after = sysModules.getItemOrNull(name);
                if (after instanceof PyModule done) {
                    return done; // complete now (or a deadlock: the partial module, as CPython)
                }
                Refs.xdecref(after);
                continue; // its body failed and it was removed: import it ourselves
            }
            Refs.xdecref(existing);
            ImportLocks.ModuleLock lock = importLocks.of(name);
            if (!importLocks.acquire(lock, ts)) {
                continue; // a deadlock with another importer: look in sys.modules again
            }
            try {
                existing = sysModules.getItemOrNull(name);
                if (existing instanceof PyModule m) {
                    return m; // another thread imported it while we waited
                }
                Refs.xdecref(existing);
                importLocks.setInitializing(lock, true);
                try {
                    return loadModule(name, ts);
                } finally {
                    importLocks.setInitializing(lock, false);
                }
            } finally {
                importLocks.release(lock);
            }
        }
    }

    /** Finds and runs a module not in {@code sys.modules}; called holding its import lock. */
    private PyModule loadModule(String name, PyThreadState ts) {
        NativeModule nativeModule = nativeModules.get(name);
        if (nativeModule != null) {
            PyModule m = nativeModule.create(this);
            sysModules.setItem(name, m);
            return m;
        }
        String resource = "/dev/interlock/lib/" + name.replace('.', '/') + ".py";
        try (java.io.InputStream in = Interpreter.class.getResourceAsStream(resource)) {
            if (in != null) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return execModule(name, text, "<interlock>/lib/" + name.replace('.', '/') + ".py", ts);
            }
        } catch (java.io.IOException e) {
            throw new InterpreterError("cannot read bundled module " + name, e);
        }
        if (config.scriptDirectory() != null && !name.contains(".")) {
            java.nio.file.Path file = config.scriptDirectory().resolve(name + ".py");
            if (java.nio.file.Files.isRegularFile(file)) {
                String text;
                try {
                    text = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw dev.interlock.vm.errors.Errors.of(dev.interlock.vm.objects.ExceptionTypes.IMPORT_ERROR,
                            "cannot read " + file + ": " + e.getMessage());
                }
                return execModule(name, text, file.toString(), ts);
            }
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            throw dev.interlock.vm.errors.Errors.importError("No module named '" + name + "'; '"
                    + name.substring(0, dot) + "' is not a package");
        }
        throw dev.interlock.vm.errors.Errors.importError("No module named '" + name + "'");
    }

    private PyModule execModule(String name, String text, String filename, PyThreadState ts) {
        sources.register(filename, text);
        PyCode code;
        try {
            code = Compiler.compile(text, filename, Compiler.Mode.EXEC);
        } catch (SyntaxErrorException e) {
            throw dev.interlock.vm.errors.Errors.syntaxError(e);
        }
        PyModule module = newModule(name);
        moduleLocations.put(name, filename);
        try {
            module.dict().setItemSteal("__file__", PyStr.of(filename));
            evalLoop.runModule(code, module.dict(), ts);
        } catch (RuntimeException | Error e) {
            PyStr key = PyStr.of(name);
            sysModules.removeIfPresent(key);
            Refs.decref(key);
            Refs.decref(module);
            throw e;
        } finally {
            Refs.decref(code);
        }
        return module;
    }

    /** Where a module came from, as ImportError messages show it. */
    public String moduleLocation(PyModule module) {
        String where = moduleLocations.get(module.name());
        return where == null ? "unknown location" : where;
    }

    /** Creates builtins and sys; called on the main thread before any program runs. */
    private void initialize() {
        sysModules = PyDict.createNamespace(this);
        builtinsModule = BuiltinsModule.create(this);
        sysModules.setItem("builtins", builtinsModule);
        sysModule = importModule("sys");
    }

    /** An attribute of the {@code sys} module (a new reference), such as {@code stdout}. */
    public PyObject sysAttribute(String name) {
        PyStr key = PyStr.of(name);
        try {
            return sysModule.getAttribute(key);
        } finally {
            Refs.decref(key);
        }
    }

    // ------------------------------------------------------------------ threads

    /** Body of a Python thread: runs attached, with its thread state. */
    @FunctionalInterface
    public interface ThreadBody {
        void run(PyThreadState state);
    }

    /**
     * A new Python thread, not yet started. When started it registers with the strategy, attaches,
     * runs {@code body}, then detaches and unregisters, whatever happens.
     */
    public PyThread newThread(String name, ThreadBody body) {
        PyThread[] holder = new PyThread[1];
        PyThread thread = new PyThread(this, "interlock-" + name, () -> runAsPythonThread(holder[0], name, body));
        holder[0] = thread;
        return thread;
    }

    /** A unique number for thread names ({@code Thread-N}). */
    public long nextThreadNumber() {
        return threadCounter.incrementAndGet();
    }

    private void runAsPythonThread(PyThread thread, String name, ThreadBody body) {
        PyThreadState ts = new PyThreadState(this, thread, thread.getId(), name);
        thread.setState(ts);
        liveThreads.add(ts);
        strategy.threadStarted(ts);
        strategy.attach(ts);
        tracer.activity(ts, Activity.RUNNING);
        try {
            // Registered before this check, so a stop request either sees this thread or is seen here.
            checkNotFatal();
            body.run(ts);
        } catch (FatalError e) {
            reportFatal(e, ts);
        } catch (FatalStop e) {
            // another thread hit a fatal error; this one just stops
        } catch (StackOverflowError e) {
            reportFatal(new FatalError("Cannot recover from stack overflow (thread '" + name + "')"), ts);
        } catch (RuntimeException e) {
            reportFatal(new FatalError("internal error in thread '" + name + "': " + e), ts);
            if (System.getenv("INTERLOCK_DEBUG") != null) {
                e.printStackTrace(stderr);
            } else {
                stderr.println("(an Interlock bug: set INTERLOCK_DEBUG=1 to see the Java stack trace)");
            }
        } catch (OutOfMemoryError | InternalError e) {
            // The JVM gave up (a heap too small for the program, or a VM failure): report it as a fatal
            // error instead of letting the thread die with a Java stack trace and the run report success.
            reportFatal(new FatalError("the Java virtual machine failed in thread '" + name + "': " + e), ts);
        } catch (Error e) {
            // A linkage error (mismatched Interlock jars, a plug-in built against another version)
            // or an assertion: never a silent exit with status 0.
            reportFatal(new FatalError("internal error in thread '" + name + "': " + e), ts);
            if (System.getenv("INTERLOCK_DEBUG") != null) {
                e.printStackTrace(stderr);
            }
        } finally {
            try {
                PyThreadState.ExcItem base = ts.baseExcItem();
                if (base.value != null) {
                    PyObject v = base.value;
                    base.value = null;
                    Refs.decref(v);
                }
                ts.runExitHooks();
                // Still attached: merging counts queued for this thread can free objects and run
                // their finalizers (CPython clears the thread's biased-counting state in
                // PyThreadState_Clear, attached). It is the thread's last counting.
                memory.threadExited(ts);
            } catch (FatalError e) {
                reportFatal(e, ts);
            } finally {
                if (thread.allocationLog() != null) {
                    retiredAllocationLogs.add(thread.allocationLog());
                }
                liveThreads.remove(ts);
                strategy.detach(ts);
                tracer.activity(ts, Activity.EXITED);
                strategy.threadExited(ts);
            }
        }
    }

    /**
     * Waits for the program's non-daemon threads, as CPython's {@code wait_for_thread_shutdown}:
     * if the program imported {@code threading}, its {@code _shutdown()} joins them.
     */
    private void waitForNonDaemonThreads(PyThreadState ts) {
        PyObject threading = sysModules.getItemOrNull("threading");
        if (threading == null) {
            return;
        }
        PyStr name = PyStr.of("_shutdown");
        try {
            PyObject shutdown = threading.getAttribute(name);
            try {
                Refs.decref(shutdown.call(new PyObject[0], 0, 0, null));
            } finally {
                Refs.decref(shutdown);
            }
        } catch (PyException e) {
            dev.interlock.vm.objects.Unraisable.report("Exception ignored on threading shutdown", threading, e);
        } finally {
            Refs.decref(name);
            Refs.decref(threading);
        }
    }

    /**
     * Records a fatal error: prints it once, and asks every other thread to stop at its next
     * check point.
     */
    public void reportFatal(FatalError error, PyThreadState where) {
        if (!fatal.compareAndSet(null, error)) {
            return;
        }
        stdout.flush();
        stderr.println(error.getMessage());
        stderr.println("Python runtime state: initialized");
        if (where != null && where.fatalStack() != null) {
            stderr.print(where.fatalStack()); // recorded where the error was raised, before unwinding
        } else {
            TracebackPrinter.printThreadStack(where, stderr);
        }
        stopThreads(where);
    }

    /**
     * Asks every Python thread but {@code except} to unwind without running more Python code:
     * {@link EvalBreaker#FATAL_STOP} stops a running thread at its next check point, and a thread
     * waiting in a blocking call (a sleep, a lock, a join) is interrupted, so it stops at once
     * instead of when its wait ends. Unwinding releases each frame's references.
     *
     * <p>Compare CPython, where after a fatal error the process aborts, and where at exit daemon
     * threads are stopped when they next try to take the GIL ({@code _PyThreadState_MustExit}).
     */
    private void stopThreads(PyThreadState except) {
        stopping = true;
        for (PyThreadState other : liveThreads) {
            if (other != except) {
                other.requestBreak(EvalBreaker.FATAL_STOP);
                // Blocking sets the flag, then checks 'stopping': one of the two sides sees the other.
                if (other.isBlocking()) {
                    other.thread().interrupt();
                }
            }
        }
    }

    /**
     * Waits up to {@code millis} for every Python thread but the calling one to end; returns
     * those still running.
     */
    private List<PyThreadState> awaitThreadsStopped(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (PyThreadState ts : liveThreads) {
            if (ts.thread() == Thread.currentThread()) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                try {
                    ts.thread().join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<PyThreadState> stuck = new ArrayList<>();
        for (PyThreadState ts : liveThreads) {
            if (ts.thread() != Thread.currentThread() && ts.thread().isAlive()) {
                stuck.add(ts);
            }
        }
        return stuck;
    }

    /** The fatal error that stopped this interpreter, or null. */
    public FatalError fatalError() {
        return fatal.get();
    }

    /**
     * Unwinds the calling thread ({@link FatalStop}) if the interpreter has asked its threads to
     * stop: after a fatal error in another thread, or at exit before a reference-count audit.
     */
    public void checkNotFatal() {
        if (stopping) {
            throw new FatalStop();
        }
    }

    /** Unwinds a thread after another thread's fatal error; never seen by Python code. */
    public static final class FatalStop extends Error {
        private static final long serialVersionUID = 1L;

        public FatalStop() {
            super("interpreter stopped by a fatal error", null, false, false);
        }
    }

    /** Internal check used where an invariant must hold. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new InterpreterError(message);
        }
    }
}
