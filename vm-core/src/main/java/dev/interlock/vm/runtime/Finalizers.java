package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.objects.PyObject;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs {@code __del__} for objects the JVM's collector found unreachable, when the memory manager
 * keeps no counts that would say when an object dies (the {@code tracing} manager). Compare
 * Jython, which runs {@code __del__} from the JVM's finalizers.
 *
 * <h2>Notes about the implementation</h2>
 * <ul>
 *   <li>The JVM's finalizer thread calls {@link #enqueue} and nothing else: it runs no Python code
 *       and never blocks, so a slow or blocking {@code __del__} cannot stall the JVM's
 *       finalization of other objects.</li>
 *   <li>A Python daemon thread named {@code finalizer}, started the first time it is needed,
 *       takes each object and runs its {@code __del__} attached, like any Python thread: under a
 *       GIL it waits its turn. An exception is reported as CPython reports one from
 *       {@code __del__} ({@code Exception ignored in: ...}) and swallowed.</li>
 *   <li>{@code gc.collect()} asks the JVM for a collection, waits for its finalization, then runs
 *       what is pending on the calling thread ({@link #runPending}), so that a program can make
 *       finalizers run at a known point, as it can on Jython.</li>
 *   <li>When the program is over, what is still pending is dropped, as the JVM drops finalizers at
 *       exit.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * A finalizer runs at most once per object (the JVM finalizes an object once; {@code isFinalized}
 * guards against a second queueing).
 */
public final class Finalizers {

    /** Tells the finalizer thread to end. */
    private static final Object CLOSE = new Object();

    /** How long {@link #awaitCollection} waits at most for the collection's references to be queued. */
    private static final long CANARY_WAIT_MILLIS = 2000;

    private final Interpreter interpreter;
    private final LinkedBlockingQueue<Object> pending = new LinkedBlockingQueue<>();
    private final AtomicBoolean threadStarted = new AtomicBoolean();
    private volatile boolean closed;

    Finalizers(Interpreter interpreter) {
        this.interpreter = requireNonNull(interpreter, "interpreter is null");
    }

    /**
     * Queues {@code o}, which the collector found unreachable, for its {@code __del__}; called on the
     * JVM's finalizer thread. Starts the finalizer thread on first use.
     */
    public void enqueue(PyObject o) {
        if (closed) {
            return;
        }
        pending.add(o);
        if (threadStarted.compareAndSet(false, true)) {
            PyThread thread = interpreter.newThread("finalizer", this::runUntilClosed);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void runUntilClosed(PyThreadState ts) {
        for (;;) {
            Object next = Blocking.get(ts, pending::take);
            if (next == CLOSE) {
                return;
            }
            runFinalizer((PyObject) next);
        }
    }

    /**
     * Asks the JVM for a full collection and waits until the objects it found unreachable have
     * been handed to {@link #enqueue} ({@code gc.collect()}); call it detached, it touches no Python
     * object. A canary, a weak reference to an object nothing else holds, is cleared by the same
     * collection: once the JVM's reference handler has queued it, it has queued that collection's
     * finalizable objects too, and {@code runFinalization} then runs their {@code finalize}.
     * Best effort, as on Jython: a JVM started with {@code -XX:+DisableExplicitGC} ignores the
     * request, and an object a JVM frame still holds in a dead local is not found unreachable.
     */
    @SuppressWarnings({"deprecation", "removal"}) // runFinalization: waiting for the JVM's finalizers is the point
    public void awaitCollection() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> canary = new WeakReference<>(new Object(), queue);
        System.gc();
        queue.remove(CANARY_WAIT_MILLIS); // a bound, not a tuning: the canary is normally queued at once
        canary.clear();
        Runtime.getRuntime().runFinalization();
    }

    /**
     * Runs every finalizer pending now on the calling Python thread ({@code gc.collect()}).
     *
     * @return how many ran
     */
    public int runPending() {
        int ran = 0;
        for (Object next = pending.poll(); next != null; next = pending.poll()) {
            if (next == CLOSE) {
                pending.add(CLOSE); // not ours: leave it for the finalizer thread
                break;
            }
            runFinalizer((PyObject) next);
            ran++;
        }
        return ran;
    }

    private static void runFinalizer(PyObject o) {
        if (o.isFinalized()) {
            return;
        }
        o.markFinalized();
        o.runFinalizer();
    }

    /** The program is over: drop what is pending, end the finalizer thread, accept nothing more. */
    void close() {
        closed = true;
        pending.clear();
        if (threadStarted.get()) {
            pending.add(CLOSE);
        }
    }
}
