package dev.interlock.lock.nogil;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.ContainerStorage;
import dev.interlock.lock.nogil.storage.NogilContainerStorage;
import dev.interlock.api.trace.Tracer;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * No global interpreter lock: every Python thread runs bytecode whenever its Java thread runs, as
 * in Jython.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>What keeps the interpreter whole without a GIL is spread over three places, each doing only
 * its own part:
 * <ul>
 *   <li><b>Reference counts</b> change atomically: the default memory manager is {@code atomic}
 *       (compare-and-set on the count, immortal objects never written). The registry refuses the
 *       non-atomic {@code plain} manager with this strategy unless {@code --allow-unsafe} is
 *       given: that combination exists to show claim 3, counts corrupted by a race and reported as
 *       a fatal use-after-free.</li>
 *   <li><b>Containers</b> are thread-safe by their storage ({@link NogilContainerStorage}): each
 *       list, dict, namespace and set serializes its writers on its own lock, held for a few
 *       stores and never while Python code runs, and lets readers go without a lock, taking
 *       references with {@code tryIncref}. So single operations ({@code append}, {@code d[k] = v},
 *       {@code lst[i]}, {@code len}) are atomic, as Jython and free-threaded CPython promise, and
 *       compound ones ({@code n += 1}, {@code d[k] += 1}) lose updates, as there.</li>
 *   <li><b>The rest of the runtime</b> (imports, type caches, generators, iterators, cells) is
 *       made safe for parallel threads in vm-core itself, so every strategy without a GIL can rely
 *       on it.</li>
 * </ul>
 *
 * <p>The strategy itself is small. Attach and detach only record the thread's state (one
 * compare-and-set on a word of its own). Every container operation is atomic by its storage; the
 * compound operations that ask for a critical section (a deque's ring, {@code a.extend(b)},
 * {@code a == b} on two sets or lists) take one of a table of striped locks per object
 * ({@link StripedSections}), two in index order, suspended when the thread would wait while
 * holding others, as PEP 703 does. The eval breaker
 * is still polled at CPython 3.10's check points (backward jumps, calls): for a fatal error in
 * another thread, for reference-count merge requests of a memory manager that queues them, and for
 * stop-the-world pauses ({@link #stopTheWorld}, CPython 3.13's {@code _PyEval_StopTheWorld}), which
 * bring every other thread to a halt at its next check point or keep it from attaching.
 *
 * <h2>Invariants</h2>
 * No global lock, so any number of threads run bytecode at once; while the world is stopped, only
 * the requester is attached. No strategy lock is ever held while Python code runs.
 *
 * <h2>Costs</h2>
 * A single thread pays one compare-and-set per attach and detach (blocking calls only) and the
 * opaque breaker load at each check point; the real price of running without a GIL is in the
 * atomic counts and the containers' locks and acquire loads. CPU-bound threads scale with cores.
 */
public final class NogilLockingStrategy implements LockingStrategy {

    private final ContainerStorage storage;
    private final WorldStop world = new WorldStop();
    private final StripedSections sections;

    private StripedSections.Waiting waitingOutsideWorld() {
        return new StripedSections.Waiting() {
        @Override
        public void detach(ThreadState thread) {
            world.detach(thread);
        }

        @Override
        public void attach(ThreadState thread) {
            world.attach(thread);
        }
        };
    }
    private final AtomicLong threadsStarted = new AtomicLong();

    public NogilLockingStrategy(StrategyOptions options, MemoryManager memory) {
        this(options, memory, Tracer.OFF);
    }

    @Inject
    public NogilLockingStrategy(StrategyOptions options, MemoryManager memory, Tracer tracer) {
        requireNonNull(options, "options is null");
        this.storage = new NogilContainerStorage(requireNonNull(memory, "memory is null"));
        this.sections = new StripedSections(waitingOutsideWorld(), requireNonNull(tracer, "tracer is null"));
    }

    @Override
    public String name() {
        return NogilPlugin.NAME;
    }

    @Override
    public CheckPoints checkPoints() {
        return CheckPoints.CALLS_AND_BACKWARD_JUMPS;
    }

    @Override
    public boolean serializesBytecode() {
        return false;
    }

    @Override
    public ContainerStorage storage() {
        return storage;
    }

    @Override
    public void threadStarted(ThreadState thread) {
        threadsStarted.incrementAndGet();
        world.register(thread);
    }

    @Override
    public void threadExited(ThreadState thread) {
        world.unregister(thread);
    }

    @Override
    public void attach(ThreadState thread) {
        world.attach(thread);
    }

    @Override
    public void detach(ThreadState thread) {
        world.detach(thread);
    }

    @Override
    public void handleEvalBreaker(ThreadState thread) {
        int bits = thread.evalBreaker();
        if ((bits & EvalBreaker.STOP_THE_WORLD) != 0) {
            world.pause(thread);
        }
        if ((bits & EvalBreaker.GIL_DROP_REQUEST) != 0) {
            thread.clearBreak(EvalBreaker.GIL_DROP_REQUEST); // there is no GIL to drop
        }
    }

    /**
     * Stops every other Python thread of this interpreter: when this returns, none of them runs
     * bytecode until {@link #startTheWorld}. Called attached, from a Python thread; a thread that
     * is in a blocking call stays there, and cannot attach, until the world starts again. Call
     * {@link #startTheWorld} in a {@code finally}.
     */
    public void stopTheWorld(ThreadState requester) {
        world.stop(requireNonNull(requester, "requester is null"));
    }

    /** Lets the threads stopped by {@link #stopTheWorld} run again. */
    public void startTheWorld(ThreadState requester) {
        world.start(requireNonNull(requester, "requester is null"));
    }

    /** Whether the thread is attached now (for tests and diagnostics). */
    boolean isAttached(ThreadState thread) {
        return WorldStop.stateOf(thread) == WorldStop.ATTACHED;
    }

    @Override
    public void enterCriticalSection(ObjectHeader object) {
        sections.enter(object);
    }

    @Override
    public void exitCriticalSection(ObjectHeader object) {
        sections.exit(object);
    }

    @Override
    public void enterCriticalSection(ObjectHeader first, ObjectHeader second) {
        sections.enter(first, second);
    }

    @Override
    public void exitCriticalSection(ObjectHeader first, ObjectHeader second) {
        sections.exit(first, second);
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("threads", threadsStarted.get());
        m.put("stop_the_world", world.stops());
        m.put("stop_the_world_nanos", world.stopNanos());
        m.put("waits", sections.waits());
        m.put("wait_nanos", sections.waitNanos());
        return m;
    }
}
