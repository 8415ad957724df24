package dev.interlock.lock.gil;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Mark;
import dev.interlock.api.trace.Tracer;
import dev.interlock.vm.storage.PlainContainerStorage;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock, as CPython's.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Compare CPython's {@code Python/ceval_gil.c} (3.11–3.13), whose protocol this follows:
 *
 * <ul>
 *   <li>The GIL is a flag, {@code locked}, guarded by a mutex, with a condition variable
 *       ({@code cond}) that waiters sleep on.</li>
 *   <li>A thread that wants the GIL while another holds it waits on {@code cond} for at most one
 *       switch interval ({@code sys.getswitchinterval()}, 5 ms by default). If the wait timed out,
 *       the GIL is still held and no switch happened meanwhile ({@code switchNumber} unchanged),
 *       it sets {@link EvalBreaker#GIL_DROP_REQUEST} in the <em>holder's</em> eval breaker. So a
 *       drop is requested at most once per interval, and only if nobody else got the GIL in that
 *       interval.</li>
 *   <li>The holder notices the request at its next check point and drops the GIL. Because a
 *       drop was requested, it then waits on a second condition, {@code switchCond}, until another
 *       thread has taken the GIL (CPython's FORCE_SWITCHING), so it cannot take it straight back.
 *       </li>
 *   <li>Taking the GIL sets {@code lastHolder}; a change of holder increments
 *       {@code switchNumber} and signals {@code switchCond}.</li>
 *   <li>Around every blocking call the thread detaches (drops the GIL) and attaches again
 *       after: CPython's {@code Py_BEGIN_ALLOW_THREADS}.</li>
 * </ul>
 *
 * <p>Where check points are is a separate choice ({@code -X check=}): CPython 3.10+'s backward
 * jumps and calls (the default), every instruction (CPython before 3.10), or every
 * {@code checkinterval} instructions (Python 2's ticks). Only the latter two let a thread switch in
 * the middle of {@code n += 1}.
 *
 * <h2>Invariants</h2>
 * At most one attached thread at any moment, so containers need no locks (critical sections are
 * empty and compile away) and the {@code plain} memory manager's non-atomic counts are exact.
 *
 * <h2>Costs</h2>
 * A single thread takes the GIL once and never waits: the eval loop pays one opaque load per
 * check point. With several CPU-bound threads, throughput stays that of one thread, and a thread
 * waking from I/O waits up to one switch interval behind a CPU-bound one (the convoy effect,
 * bpo-7946).
 */
public final class GilLockingStrategy implements LockingStrategy {

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition cond = mutex.newCondition();
    private final Condition switchCond = mutex.newCondition();
    private final SwitchSettings switches;
    private final CheckPoints checkPoints;
    private final ContainerStorage storage;
    private final Tracer tracer;

    // guarded by mutex
    private boolean locked;
    private ThreadState lastHolder;
    private long switchNumber;
    private long dropRequests;
    private long forcedSwitches;
    private long waits;
    private long waitNanos;
    private long threadsStarted;
    private int waiting;

    public GilLockingStrategy(SwitchSettings switches, StrategyOptions options, MemoryManager memory) {
        this(switches, options, memory, Tracer.OFF);
    }

    @Inject
    public GilLockingStrategy(SwitchSettings switches, StrategyOptions options, MemoryManager memory, Tracer tracer) {
        this.tracer = requireNonNull(tracer, "tracer is null");
        this.switches = requireNonNull(switches, "switches is null");
        requireNonNull(options, "options is null");
        requireNonNull(memory, "memory is null");
        options.positiveSeconds(GilPlugin.SWITCH_INTERVAL).ifPresent(switches::setSwitchIntervalSeconds);
        options.positiveInt(GilPlugin.CHECK_INTERVAL).ifPresent(switches::setCheckInterval);
        this.checkPoints = options.get(GilPlugin.CHECK).map(CheckPoints::fromOption)
                .orElse(CheckPoints.CALLS_AND_BACKWARD_JUMPS);
        this.storage = new PlainContainerStorage(memory);
    }

    @Override
    public String name() {
        return GilPlugin.NAME;
    }

    @Override
    public CheckPoints checkPoints() {
        return checkPoints;
    }

    @Override
    public boolean serializesBytecode() {
        return true;
    }

    @Override
    public ContainerStorage storage() {
        return storage;
    }

    @Override
    public void threadStarted(ThreadState thread) {
        mutex.lock();
        try {
            threadsStarted++;
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void threadExited(ThreadState thread) {
        // nothing to release: the thread detached before it exits
    }

    /** Takes the GIL: CPython's {@code take_gil}. */
    @Override
    public void attach(ThreadState thread) {
        mutex.lock();
        try {
            if (locked) {
                waits++;
                waiting++;
                tracer.activity(thread, Activity.WAITING_GIL);
                long start = System.nanoTime();
                while (locked) {
                    long saved = switchNumber;
                    boolean timedOut = !awaitInterval();
                    // Only one drop request per interval, and only if nobody got the GIL meanwhile.
                    if (timedOut && locked && switchNumber == saved && lastHolder != null) {
                        lastHolder.requestBreak(EvalBreaker.GIL_DROP_REQUEST);
                        dropRequests++;
                        tracer.mark(thread, Mark.DROP_REQUEST);
                    }
                }
                waitNanos += System.nanoTime() - start;
                waiting--;
            }
            locked = true;
            if (lastHolder != thread) {
                lastHolder = thread;
                switchNumber++;
            }
            // FORCE_SWITCHING: the thread that dropped on request may go on now.
            switchCond.signalAll();
        } finally {
            mutex.unlock();
        }
        // A request aimed at an earlier holding of the GIL is stale now.
        thread.clearBreak(EvalBreaker.GIL_DROP_REQUEST);
    }

    private boolean awaitInterval() {
        try {
            return cond.awaitNanos(switches.switchIntervalNanos()) > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Drops the GIL: CPython's {@code drop_gil}. */
    @Override
    public void detach(ThreadState thread) {
        boolean requested = (thread.evalBreaker() & EvalBreaker.GIL_DROP_REQUEST) != 0;
        mutex.lock();
        try {
            locked = false;
            cond.signal();
            if (requested) {
                thread.clearBreak(EvalBreaker.GIL_DROP_REQUEST);
                forcedSwitches++;
                tracer.mark(thread, Mark.FORCED_SWITCH);
                // FORCE_SWITCHING: not switched yet => wait, so this thread cannot take it back at once.
                while (lastHolder == thread && waiting > 0) {
                    switchCond.awaitUninterruptibly();
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void handleEvalBreaker(ThreadState thread) {
        int bits = thread.evalBreaker();
        if ((bits & EvalBreaker.GIL_DROP_REQUEST) != 0) {
            tracer.activity(thread, Activity.WAITING_GIL);
            detach(thread);
            attach(thread);
            tracer.activity(thread, Activity.RUNNING);
        }
        if ((bits & EvalBreaker.STOP_THE_WORLD) != 0) {
            thread.clearBreak(EvalBreaker.STOP_THE_WORLD); // the GIL already stops the world
        }
    }

    @Override
    public void enterCriticalSection(ObjectHeader object) {
        // the GIL is the critical section
    }

    @Override
    public void exitCriticalSection(ObjectHeader object) {
        // the GIL is the critical section
    }

    @Override
    public void enterCriticalSection(ObjectHeader first, ObjectHeader second) {
        // the GIL is the critical section
    }

    @Override
    public void exitCriticalSection(ObjectHeader first, ObjectHeader second) {
        // the GIL is the critical section
    }

    @Override
    public Map<String, Long> statistics() {
        mutex.lock();
        try {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("switches", switchNumber);
            m.put("drop_requests", dropRequests);
            m.put("forced_switches", forcedSwitches);
            m.put("waits", waits);
            m.put("wait_nanos", waitNanos);
            m.put("threads", threadsStarted);
            return m;
        } finally {
            mutex.unlock();
        }
    }

    /** Whether some thread holds the GIL now (for tests). */
    boolean isLocked() {
        mutex.lock();
        try {
            return locked;
        } finally {
            mutex.unlock();
        }
    }
}
