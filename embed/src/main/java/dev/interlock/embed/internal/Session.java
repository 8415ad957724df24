package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.EvalBreaker;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.memory.FatalError;
import dev.interlock.embed.PythonInterpreter;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running embedded interpreter and the Python threads that serve calls from Java.
 *
 * <h2>Notes about the implementation</h2>
 * <ul>
 *   <li>All Python code runs on {@link PyThread}s. {@link Interpreter#startMain} sets the
 *       interpreter up on its main thread, which makes {@code __main__} and then serves calls
 *       ({@link CallThread}) until the session closes.</li>
 *   <li>A call goes to the main thread when it is idle, otherwise to another idle call thread,
 *       otherwise to a new one; a thread becomes idle again before its caller sees the result, so
 *       a host calling from one thread at a time only ever uses the main thread. The number of
 *       call threads is the largest number of calls that ever overlapped.</li>
 *   <li>Idle call threads wait detached ({@code Blocking}), so they never stop other Python
 *       threads, a GIL included.</li>
 *   <li>A call made on one of this interpreter's own Python threads runs there directly.</li>
 *   <li>References Java holds ({@link Handle}) are tracked, and given back by the main thread
 *       when the session closes.</li>
 * </ul>
 */
public final class Session {

    private final Interpreter interpreter;
    private final PluginRegistry.Selection selection;
    private final CallThread mainThread;
    private final PyThread mainPyThread;
    private final Set<Handle> handles = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Namespace> ready = new CompletableFuture<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    // guarded by lock
    private final Deque<CallThread> idle = new ArrayDeque<>();
    private final List<CallThread> extraThreads = new ArrayList<>();
    private boolean mainIdle;
    private int inFlight;
    private boolean closed;

    private Session(Interpreter interpreter, PluginRegistry.Selection selection) {
        this.interpreter = requireNonNull(interpreter, "interpreter is null");
        this.selection = requireNonNull(selection, "selection is null");
        this.mainThread = new CallThread(this, true);
        this.mainPyThread = interpreter.startMain(this::runMain);
        awaitReady();
    }

    /**
     * Chooses the plug-ins a builder names, as the command line does.
     *
     * @throws dev.interlock.api.InvalidOptionException for unknown names, options or an unsafe combination
     */
    public static PluginRegistry.Selection select(PythonInterpreter.Builder settings) {
        return PluginRegistry.load(settings.classLoader()).select(settings.lock(), settings.memory(),
                StrategyOptions.of(settings.options()), settings.allowUnsafe());
    }

    /** Builds the interpreter a builder describes and starts its main thread. */
    public static Session start(PythonInterpreter.Builder settings) {
        PluginRegistry.Selection selection = select(settings);
        InterpreterConfig config = new InterpreterConfig(selection.strategy().name(), selection.memory().name(),
                selection.options(), settings.argv(), settings.scriptDirectory(), settings.stdout(), settings.stderr(),
                false, selection.unsafe());
        return new Session(PluginRegistry.create(selection, config), selection);
    }

    /** The interpreter. */
    public Interpreter interpreter() {
        return interpreter;
    }

    /** The plug-ins it was built with. */
    public PluginRegistry.Selection selection() {
        return selection;
    }

    /** True when Python threads may run at once without corrupting reference counts. */
    public boolean isThreadSafe() {
        return selection.strategy().serializesBytecode() || selection.memory().isThreadSafe();
    }

    /** The namespace of {@code __main__}. */
    public Namespace main() {
        return ready.join();
    }

    private void runMain(PyThreadState ts) {
        PyModule module = interpreter.newModule("__main__");
        Namespace main = Namespace.of(this, module.dict());
        Refs.decref(module); // sys.modules keeps __main__, as in CPython
        lock.lock();
        try {
            mainIdle = true;
        } finally {
            lock.unlock();
        }
        ready.complete(main);
        try {
            mainThread.serve(ts);
        } finally {
            if (interpreter.fatalError() == null) {
                for (Handle h : handles) {
                    h.releaseOnPythonThread();
                }
                main.releaseOnPythonThread();
            }
        }
    }

    /** Waits until the main thread has set the interpreter up, or has died trying. */
    private void awaitReady() {
        while (true) {
            try {
                ready.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!mainPyThread.isAlive() && !ready.isDone()) {
                    FatalError fatal = interpreter.fatalError();
                    throw new IllegalStateException("the interpreter failed to start"
                            + (fatal == null ? "" : ": " + fatal.getMessage()), fatal);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the interpreter started", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the interpreter failed to start", e.getCause());
            }
        }
    }

    // ------------------------------------------------------------------ calls

    /**
     * Runs {@code body} on a Python thread of this interpreter and returns its result; Python
     * errors arrive as {@link dev.interlock.embed.PythonException}.
     *
     * @throws IllegalStateException if the session is closed or was stopped by a fatal error
     */
    public <T> T call(PythonCall<T> body) {
        if (Thread.currentThread() instanceof PyThread t && t.interpreter() == interpreter) {
            return PythonErrors.translating(body, t.state()); // already on one of ours: a nested call
        }
        CallThread runner;
        lock.lock();
        try {
            checkUsable();
            inFlight++;
            if (mainIdle) {
                mainIdle = false;
                runner = mainThread;
            } else {
                runner = idle.pollFirst();
            }
        } finally {
            lock.unlock();
        }
        PendingCall<T> call = new PendingCall<>(body);
        try {
            if (runner == null) {
                runner = startCallThread();
            }
            runner.hand(call);
            return call.await(runner.isMain() ? mainPyThread : runner.thread());
        } finally {
            lock.lock();
            try {
                inFlight--;
                quiet.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void checkUsable() {
        if (closed) {
            throw new IllegalStateException("the interpreter is closed");
        }
        FatalError fatal = interpreter.fatalError();
        if (fatal != null) {
            throw new IllegalStateException("the interpreter was stopped by a fatal error: " + fatal.getMessage(), fatal);
        }
    }

    /** A new call thread, started and serving; it is busy (not idle) until its first call ends. */
    private CallThread startCallThread() {
        CallThread t = new CallThread(this, false);
        lock.lock();
        try {
            extraThreads.add(t);
        } finally {
            lock.unlock();
        }
        PyThread thread = interpreter.newThread("Embedded-" + interpreter.nextThreadNumber(), t::serve);
        t.setThread(thread);
        thread.setDaemon(true);
        thread.start();
        return t;
    }

    /** A call thread has finished its call. */
    void idle(CallThread t) {
        lock.lock();
        try {
            if (t.isMain()) {
                mainIdle = true;
            } else {
                idle.addFirst(t); // the most recently used first: its caches are warm
            }
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ references held by Java

    /** A handle on {@code object}, taking over the caller's reference. */
    Handle handle(PyObject object) {
        Handle h = new Handle(this, object);
        handles.add(h);
        return h;
    }

    /**
     * A {@link dev.interlock.embed.PythonObject} holding {@code object} for Java, taking over the
     * caller's reference; it is given back when closed or when the session closes.
     */
    public dev.interlock.embed.PythonObject hold(PyObject object) {
        return handle(object);
    }

    /** The object a handle of this session stands for (borrowed); call on a Python thread. */
    public PyObject unwrap(dev.interlock.embed.PythonObject handle) {
        return Handle.unwrap(this, handle);
    }

    /** Gives back a handle's reference (on a Python thread of this interpreter). */
    void release(Handle h) {
        if (isClosed() || interpreter.fatalError() != null) {
            return; // given back by the main thread as it closes, or never: the interpreter is gone
        }
        if (handles.remove(h)) {
            try {
                call(ts -> {
                    h.releaseOnPythonThread();
                    return null;
                });
            } catch (IllegalStateException closedMeanwhile) {
                handles.add(h);
            }
        }
    }

    // ------------------------------------------------------------------ closing

    /** True once {@link #close} has begun. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the calls in flight, stops the call threads, lets the main thread give back the
     * references Java holds and wait for the non-daemon Python threads, then asks the daemon ones
     * to stop at their next check point. Only the first call does anything.
     */
    public void close() {
        List<CallThread> toStop;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            while (inFlight > 0) {
                quiet.awaitUninterruptibly();
            }
            toStop = new ArrayList<>(extraThreads);
        } finally {
            lock.unlock();
        }
        for (CallThread t : toStop) {
            if (t.thread() != null && t.thread().isAlive()) {
                t.stop();
            }
        }
        if (mainPyThread.isAlive()) {
            mainThread.stop();
        }
        for (CallThread t : toStop) {
            joinUninterruptibly(t.thread());
        }
        joinUninterruptibly(mainPyThread);
        stopDaemonThreads();
    }

    /**
     * Daemon threads are not waited for, as at the end of a CPython program; each is asked to
     * unwind at its next check point without running more Python code. One blocked in a wait
     * stops when the wait ends.
     */
    private void stopDaemonThreads() {
        for (PyThreadState ts : interpreter.liveThreads()) {
            ts.requestBreak(EvalBreaker.FATAL_STOP);
        }
    }

    /** The Java threads that have served calls (for tests). */
    public List<Thread> callThreads() {
        List<Thread> out = new ArrayList<>();
        out.add(mainPyThread);
        lock.lock();
        try {
            for (CallThread t : extraThreads) {
                if (t.thread() != null) {
                    out.add(t.thread());
                }
            }
        } finally {
            lock.unlock();
        }
        return out;
    }

    private static void joinUninterruptibly(Thread t) {
        if (t == null) {
            return;
        }
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
}
