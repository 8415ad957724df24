package dev.interlock.lock.nogil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.ThreadState;
import dev.interlock.lock.nogil.storage.NogilContainerStorage;
import dev.interlock.vm.memory.AtomicMemoryManager;
import dev.interlock.vm.runtime.PluginRegistry;
import dev.interlock.vm.testing.PythonRunner;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The nogil strategy")
class NogilLockingStrategyTest {

    private final NogilLockingStrategy strategy = new NogilLockingStrategy(StrategyOptions.empty(), new AtomicMemoryManager());

    @Nested
    @DisplayName("as a plug-in")
    class Plugin {

        @Test
        @DisplayName("is found on the class path, runs threads in parallel, and counts atomically by default")
        void descriptor() {
            PluginRegistry registry = PluginRegistry.load();
            assertThat(registry.strategy("nogil")).get().satisfies(p -> {
                assertThat(p.serializesBytecode()).isFalse();
                assertThat(p.defaultMemoryManager()).isEqualTo("atomic");
                assertThat(p.options()).isEmpty();
            });
            PluginRegistry.Selection s = registry.select("nogil", null, StrategyOptions.empty(), false);
            assertThat(s.memory().name()).isEqualTo("atomic");
            assertThat(s.unsafe()).isFalse();
        }

        @Test
        @DisplayName("refuses the plain manager unless unsafe runs are allowed, and any -X option")
        void refusesUnsafe() {
            PluginRegistry registry = PluginRegistry.load();
            assertThatThrownBy(() -> registry.select("nogil", "plain", StrategyOptions.empty(), false))
                    .isInstanceOf(InvalidOptionException.class).hasMessageContaining("--allow-unsafe");
            assertThat(registry.select("nogil", "plain", StrategyOptions.empty(), true).unsafe()).isTrue();
            assertThatThrownBy(() -> registry.select("nogil", null, StrategyOptions.of(Map.of("switchinterval", "1")), false))
                    .isInstanceOf(InvalidOptionException.class).hasMessageContaining("accepts no -X options");
        }

        @Test
        @DisplayName("describes itself: name, check points, no serialization, concurrent storage")
        void properties() {
            assertThat(strategy.name()).isEqualTo("nogil");
            assertThat(strategy.checkPoints()).isEqualTo(CheckPoints.CALLS_AND_BACKWARD_JUMPS);
            assertThat(strategy.serializesBytecode()).isFalse();
            assertThat(strategy.storage()).isInstanceOf(NogilContainerStorage.class);
        }
    }

    /** A Java thread standing in for a Python thread: registered, attached, running the body. */
    private Thread pythonLike(ThreadState[] state, CountDownLatch attached, Runnable body) {
        Thread t = new Thread(() -> {
            ThreadState ts = new ThreadState(Thread.currentThread(), Thread.currentThread().getId());
            state[0] = ts;
            strategy.threadStarted(ts);
            strategy.attach(ts);
            attached.countDown();
            try {
                body.run();
            } finally {
                strategy.detach(ts);
                strategy.threadExited(ts);
            }
        });
        t.start();
        return t;
    }

    @Nested
    @DisplayName("lets threads run at once")
    class Parallel {

        @Test
        @DisplayName("two threads are attached at the same time: attaching never waits for another thread")
        void bothAttached() throws Exception {
            CountDownLatch attached = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            ThreadState[] a = new ThreadState[1];
            ThreadState[] b = new ThreadState[1];
            Runnable hold = () -> await(release);
            Thread ta = pythonLike(a, attached, hold);
            Thread tb = pythonLike(b, attached, hold);
            assertThat(attached.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(strategy.isAttached(a[0])).isTrue();
            assertThat(strategy.isAttached(b[0])).isTrue();
            release.countDown();
            ta.join();
            tb.join();
            assertThat(strategy.statistics()).containsEntry("threads", 2L);
        }

        @Test
        @DisplayName("a GIL drop request is simply cleared")
        void nothingToDrop() {
            ThreadState ts = new ThreadState(Thread.currentThread(), 1);
            strategy.threadStarted(ts);
            strategy.attach(ts);
            ts.requestBreak(EvalBreaker.GIL_DROP_REQUEST | EvalBreaker.STOP_THE_WORLD);
            strategy.handleEvalBreaker(ts);
            assertThat(ts.evalBreaker()).isZero();
            assertThat(strategy.isAttached(ts)).isTrue();
            strategy.detach(ts);
            strategy.threadExited(ts);
        }
    }

    @Nested
    @DisplayName("critical sections")
    class Sections {

        @Test
        @DisplayName("nested sections taken in opposite orders by two threads never deadlock (the outer one is suspended)")
        void nestedOppositeOrders() throws Exception {
            TestHeader a = new TestHeader();
            TestHeader b = new TestHeader();
            int rounds = 20_000;
            int[] inside = {0};
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                TestHeader outer = t == 0 ? a : b;
                TestHeader inner = t == 0 ? b : a;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < rounds; i++) {
                        strategy.enterCriticalSection(outer);
                        strategy.enterCriticalSection(inner);
                        inside[0]++; // both sections held: exclusive
                        strategy.exitCriticalSection(inner);
                        strategy.exitCriticalSection(outer);
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join(60_000);
                assertThat(t.isAlive()).as("deadlocked").isFalse();
            }
            assertThat(inside[0]).isEqualTo(2 * rounds);
        }
    }

    @Nested
    @DisplayName("stops the world")
    class StopTheWorld {

        @Test
        @DisplayName("an attached thread stops at its next check point; a detached one cannot attach until the start")
        void stopsAndStarts() throws Exception {
            ThreadState me = new ThreadState(Thread.currentThread(), 1);
            strategy.threadStarted(me);
            strategy.attach(me);
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicInteger violations = new AtomicInteger();
            AtomicBoolean finish = new AtomicBoolean();
            CountDownLatch attached = new CountDownLatch(1);
            ThreadState[] worker = new ThreadState[1];
            // a "CPU-bound" thread: polls its breaker at each check point, as the eval loop does
            Thread spinner = pythonLike(worker, attached, () -> {
                while (!finish.get()) {
                    if (stopped.get()) {
                        violations.incrementAndGet(); // ran while the world was stopped
                    }
                    if (worker[0].evalBreaker() != 0) {
                        strategy.handleEvalBreaker(worker[0]);
                    }
                }
            });
            assertThat(attached.await(30, TimeUnit.SECONDS)).isTrue();
            // a thread in a blocking call: detached now, attaching later
            ThreadState[] blocked = new ThreadState[1];
            CountDownLatch blockedAttached = new CountDownLatch(1);
            CountDownLatch wake = new CountDownLatch(1);
            AtomicBoolean attachedDuringStop = new AtomicBoolean();
            Thread sleeper = pythonLike(blocked, blockedAttached, () -> {
                strategy.detach(blocked[0]);
                await(wake);
                strategy.attach(blocked[0]); // must wait for the start
                attachedDuringStop.set(stopped.get());
            });
            assertThat(blockedAttached.await(30, TimeUnit.SECONDS)).isTrue();

            strategy.stopTheWorld(me);
            stopped.set(true);
            assertThat(strategy.isAttached(worker[0])).isFalse();
            wake.countDown();
            Thread.sleep(50); // give the sleeper a chance to try (a wrong implementation lets it in)
            assertThat(strategy.isAttached(blocked[0])).isFalse();
            stopped.set(false);
            strategy.startTheWorld(me);

            sleeper.join();
            finish.set(true);
            spinner.join();
            assertThat(violations.get()).isZero();
            assertThat(attachedDuringStop.get()).isFalse();
            assertThat(strategy.statistics()).containsEntry("stop_the_world", 1L);
            strategy.detach(me);
            strategy.threadExited(me);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An object header for critical-section calls. */
    private static final class TestHeader extends dev.interlock.api.memory.ObjectHeader {
        @Override
        public String typeName() {
            return "test";
        }
    }

    @Test
    @DisplayName("runs a Python program's threads to completion with exact results where operations are atomic")
    void runsPython() {
        PythonRunner.Result r = PythonRunner.runWithPlugin("nogil", null, StrategyOptions.empty(), false, """
                import threading
                items = []
                def work(k):
                    for i in range(1000):
                        items.append((k, i))
                ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
                for t in ts: t.start()
                for t in ts: t.join()
                print(len(items), len(set(items)))
                """, "<test>", null);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("4000 4000\n");
        assertThat(r.status()).isZero();
    }
}
