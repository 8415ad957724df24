package dev.interlock.vm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every locking strategy keeps, as tests. A plug-in module runs it by extending this
 * class and naming its plug-in; the strategy is built through the plug-in registry, as the command
 * line builds it, so the plug-in's Guice module is exercised too:
 *
 * <pre>{@code
 * @DisplayName("The nogil strategy keeps the strategy contract")
 * class NogilContractTest extends LockingStrategyContract {
 *     @Override
 *     protected String pluginName() {
 *         return "nogil";
 *     }
 * }
 * }</pre>
 *
 * <p>What is checked:
 * <ul>
 *   <li>the thread life cycle: started, attached, detached, exited, any number of times;</li>
 *   <li>a detached thread (blocked in a call) never stops the others; from Python, a thread in
 *       {@code time.sleep} or blocked on a {@code Lock} never stops the others;</li>
 *   <li>critical sections exclude each other on the same object, nest, and never deadlock on two
 *       objects named in opposite orders;</li>
 *   <li>the strategy's own promise: with {@link LockingStrategy#serializesBytecode()} one attached
 *       thread at a time; without it, attached threads make progress in parallel;</li>
 *   <li>a Python program starting and joining many threads ends with only the main thread left.</li>
 * </ul>
 * Liveness is checked with generous time limits: a test that hangs is a deadlock, not slowness.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class LockingStrategyContract {

    /** The plug-in's name, as {@code --lock NAME} selects it. */
    protected abstract String pluginName();

    /** The {@code -X} options to build the strategy with; none by default. */
    protected Map<String, String> options() {
        return Map.of();
    }

    /** A fresh strategy from the plug-in registry, with the plug-in's default memory manager. */
    protected final LockingStrategy newStrategy() {
        return newInterpreter().strategy();
    }

    private Interpreter newInterpreter() {
        PluginRegistry registry = PluginRegistry.load();
        StrategyOptions opts = StrategyOptions.of(options());
        PluginRegistry.Selection selection = registry.select(pluginName(), null, opts, false);
        InterpreterConfig config = new InterpreterConfig(pluginName(), selection.memory().name(), opts, List.of("<test>"),
                null, new ByteArrayOutputStream(), new ByteArrayOutputStream(), false, false);
        return PluginRegistry.create(selection, config);
    }

    /** Runs a Python program under the plug-in (default memory manager). */
    protected final PythonRunner.Result runPython(String source) {
        return PythonRunner.runWithPlugin(pluginName(), null, StrategyOptions.of(options()), false, source, "<test>", null);
    }

    /** A test object: a bare header, as every Python object has. */
    private static final class Obj extends ObjectHeader {
        private final String name;

        Obj(String name) {
            this.name = name;
        }

        @Override
        public String typeName() {
            return name;
        }
    }

    /**
     * Runs {@code body} on {@code count} Java threads, each registered with the strategy as a
     * Python thread would be (started, attached around {@code body}, detached, exited), and
     * rethrows the first failure.
     */
    private static void onThreads(LockingStrategy strategy, int count, ThreadBody body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int index = t;
            threads.add(new Thread(() -> {
                ThreadState ts = new ThreadState(Thread.currentThread(), 1000 + index);
                strategy.threadStarted(ts);
                strategy.attach(ts);
                try {
                    body.run(ts, index);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    strategy.detach(ts);
                    strategy.threadExited(ts);
                }
            }, "contract-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(ThreadState ts, int index) throws Exception;
    }

    /** What the eval loop does at a check point: handle the strategy's breaker bits. */
    private static void checkPoint(LockingStrategy strategy, ThreadState ts) {
        if ((ts.evalBreaker() & EvalBreaker.STRATEGY_MASK) != 0) {
            strategy.handleEvalBreaker(ts);
        }
    }

    // ------------------------------------------------------------------ life cycle

    @Test
    @DisplayName("threads start, attach, detach and exit any number of times; statistics stay readable")
    void lifeCycle() throws Exception {
        LockingStrategy strategy = newStrategy();
        onThreads(strategy, 4, (ts, i) -> {
            for (int round = 0; round < 100; round++) {
                checkPoint(strategy, ts);
                strategy.detach(ts);
                strategy.attach(ts);
            }
        });
        Map<String, Long> stats = strategy.statistics();
        assertThat(stats).isNotNull();
        assertThat(stats.values()).allSatisfy(v -> assertThat(v).isNotNegative());
        onThreads(strategy, 2, (ts, i) -> checkPoint(strategy, ts));
        Map<String, Long> later = strategy.statistics();
        for (Map.Entry<String, Long> e : stats.entrySet()) {
            assertThat(later.get(e.getKey())).as("statistic %s never decreases", e.getKey()).isGreaterThanOrEqualTo(e.getValue());
        }
    }

    // ------------------------------------------------------------------ blocking

    @Test
    @DisplayName("a detached thread (a blocking call) never stops another thread from attaching and running")
    void detachedThreadDoesNotBlockOthers() throws Exception {
        LockingStrategy strategy = newStrategy();
        CountDownLatch blockedOne = new CountDownLatch(1);
        CountDownLatch othersDone = new CountDownLatch(1);
        AtomicInteger work = new AtomicInteger();
        onThreads(strategy, 2, (ts, i) -> {
            if (i == 0) {
                strategy.detach(ts); // as Blocking.run does around a blocking call
                blockedOne.countDown();
                boolean released = othersDone.await(60, TimeUnit.SECONDS);
                strategy.attach(ts);
                assertThat(released).as("the other thread ran while this one was blocked").isTrue();
            } else {
                strategy.detach(ts); // wait for the other thread without holding up anyone
                boolean blocked = blockedOne.await(60, TimeUnit.SECONDS);
                strategy.attach(ts);
                assertThat(blocked).isTrue();
                for (int k = 0; k < 1000; k++) {
                    work.incrementAndGet();
                    checkPoint(strategy, ts);
                }
                othersDone.countDown();
            }
        });
        assertThat(work).hasValue(1000);
    }

    @Test
    @DisplayName("from Python: a thread blocked on a Lock never stops the thread that holds it")
    void pythonLockWaitReleases() {
        PythonRunner.Result r = runPython(String.join("\n",
                "import threading",
                "lock = threading.Lock()",
                "lock.acquire()",
                "got = []",
                "def waiter():",
                "    with lock:",
                "        got.append('waiter')",
                "t = threading.Thread(target=waiter)",
                "t.start()",
                "total = 0",
                "for i in range(20000):",
                "    total += i",
                "got.append('main')",
                "lock.release()",
                "t.join()",
                "print(got, total)",
                ""));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("['main', 'waiter'] 199990000\n");
    }

    @Test
    @DisplayName("from Python: a sleeping thread never stops the others (they run while it sleeps)")
    void pythonSleepReleases() {
        // The sleeper sleeps far longer than the main thread's loop takes; if sleeping kept other
        // threads out, the sleeper would be finished before main got to look at it.
        PythonRunner.Result r = runPython(String.join("\n",
                "import threading, time",
                "started = threading.Event()",
                "def sleeper():",
                "    started.set()",
                "    time.sleep(5)",
                "t = threading.Thread(target=sleeper, daemon=True)",
                "t.start()",
                "started.wait()",
                "total = 0",
                "for i in range(20000):",
                "    total += i",
                "print(t.is_alive(), total)",
                ""));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("True 199990000\n");
    }

    // ------------------------------------------------------------------ critical sections

    @Test
    @DisplayName("critical sections on one object exclude each other: a non-atomic update inside stays exact")
    void criticalSectionExcludes() throws Exception {
        LockingStrategy strategy = newStrategy();
        Obj shared = new Obj("list");
        int perThread = 20_000;
        int[] counter = {0};
        onThreads(strategy, 2, (ts, i) -> {
            for (int k = 0; k < perThread; k++) {
                strategy.enterCriticalSection(shared);
                try {
                    int read = counter[0];
                    Thread.onSpinWait();
                    counter[0] = read + 1;
                } finally {
                    strategy.exitCriticalSection(shared);
                }
                checkPoint(strategy, ts);
            }
        });
        assertThat(counter[0]).isEqualTo(2 * perThread);
    }

    @Test
    @DisplayName("critical sections nest: the same object, and one object inside a two-object section")
    void criticalSectionsNest() throws Exception {
        LockingStrategy strategy = newStrategy();
        Obj a = new Obj("list");
        Obj b = new Obj("dict");
        onThreads(strategy, 1, (ts, i) -> {
            strategy.enterCriticalSection(a);
            strategy.enterCriticalSection(a);
            strategy.exitCriticalSection(a);
            strategy.exitCriticalSection(a);
            strategy.enterCriticalSection(a, b);
            strategy.enterCriticalSection(b);
            strategy.exitCriticalSection(b);
            strategy.enterCriticalSection(a, a);
            strategy.exitCriticalSection(a, a);
            strategy.exitCriticalSection(a, b);
        });
        // and a second thread can still take both afterwards: nothing was left held
        onThreads(strategy, 1, (ts, i) -> {
            strategy.enterCriticalSection(b, a);
            strategy.exitCriticalSection(b, a);
        });
    }

    @Test
    @DisplayName("two threads naming two objects in opposite orders never deadlock, and exclude each other")
    void twoObjectSectionsNeverDeadlock() throws Exception {
        LockingStrategy strategy = newStrategy();
        Obj a = new Obj("list");
        Obj b = new Obj("list");
        int rounds = 20_000;
        int[] counter = {0};
        CyclicBarrier start = new CyclicBarrier(2);
        onThreads(strategy, 2, (ts, i) -> {
            strategy.detach(ts); // wait for the other thread detached, as a blocking call does
            start.await(60, TimeUnit.SECONDS);
            strategy.attach(ts);
            for (int k = 0; k < rounds; k++) {
                ObjectHeader first = i == 0 ? a : b;
                ObjectHeader second = i == 0 ? b : a;
                strategy.enterCriticalSection(first, second);
                try {
                    int read = counter[0];
                    Thread.onSpinWait();
                    counter[0] = read + 1;
                } finally {
                    strategy.exitCriticalSection(first, second);
                }
                checkPoint(strategy, ts);
            }
        });
        assertThat(counter[0]).isEqualTo(2 * rounds);
    }

    // ------------------------------------------------------------------ the strategy's promise

    @Test
    @DisplayName("serializing strategies admit one attached thread at a time; the others let attached threads run in parallel")
    void promise() throws Exception {
        LockingStrategy strategy = newStrategy();
        if (strategy.serializesBytecode()) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            onThreads(strategy, 3, (ts, i) -> {
                for (int k = 0; k < 2000; k++) {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    Thread.onSpinWait();
                    inside.decrementAndGet();
                    checkPoint(strategy, ts);
                    strategy.detach(ts);
                    strategy.attach(ts);
                }
            });
            assertThat(overlaps).as("attached threads overlapping").hasValue(0);
        } else {
            // Both threads are attached at once: each waits, attached, for the other to arrive.
            CyclicBarrier bothAttached = new CyclicBarrier(2);
            AtomicInteger met = new AtomicInteger();
            onThreads(strategy, 2, (ts, i) -> {
                bothAttached.await(60, TimeUnit.SECONDS);
                met.incrementAndGet();
            });
            assertThat(met).hasValue(2);
        }
    }

    // ------------------------------------------------------------------ threads from Python

    @Test
    @DisplayName("from Python: many threads start and end; afterwards only the main thread is left")
    void pythonThreadsStartAndExit() {
        PythonRunner.Result r = runPython(String.join("\n",
                "import threading",
                "lock = threading.Lock()",
                "done = []",
                "def work(k):",
                "    total = sum(range(k * 100))",
                "    with lock:",
                "        done.append(total)",
                "threads = [threading.Thread(target=work, args=(k,)) for k in range(20)]",
                "for t in threads:",
                "    t.start()",
                "for t in threads:",
                "    t.join()",
                "print(len(done), sum(done) == sum(sum(range(k * 100)) for k in range(20)),",
                "      threading.active_count(), [t.is_alive() for t in threads].count(True))",
                ""));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("20 True 1 0\n");
    }
}
