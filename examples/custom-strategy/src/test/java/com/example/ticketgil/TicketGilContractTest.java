package com.example.ticketgil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.api.EvalBreaker;
import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.ThreadState;
import dev.interlock.vm.testing.LockingStrategyContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Interlock's shared strategy contract, run against {@code ticket} (the tests inherited from
 * {@link LockingStrategyContract}), and what this strategy promises besides: first come, first
 * served, and a CPU-bound holder lets go within a switch interval or so.
 */
@DisplayName("The ticket strategy keeps the strategy contract")
class TicketGilContractTest extends LockingStrategyContract {

    @Override
    protected String pluginName() {
        return "ticket";
    }

    /** Registers the calling Java thread as a Python thread would be, and attaches it. */
    private static ThreadState enter(LockingStrategy strategy, long ident) {
        ThreadState ts = new ThreadState(Thread.currentThread(), ident);
        strategy.threadStarted(ts);
        strategy.attach(ts);
        return ts;
    }

    private static void leave(LockingStrategy strategy, ThreadState ts) {
        strategy.detach(ts);
        strategy.threadExited(ts);
    }

    @Test
    @DisplayName("waiting threads get the GIL in the order they asked for it")
    void firstComeFirstServed() throws Exception {
        LockingStrategy strategy = newStrategy();
        ThreadState main = enter(strategy, 1);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int index = i;
            long ticketsBefore = strategy.statistics().get("tickets");
            Thread t = new Thread(() -> {
                ThreadState ts = enter(strategy, 100 + index);
                order.add(index);
                leave(strategy, ts);
            }, "waiter-" + i);
            threads.add(t);
            t.start();
            // the next thread starts only once this one has its ticket
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (strategy.statistics().get("tickets") == ticketsBefore) {
                assertThat(System.nanoTime() - deadline).as("waiter %d took a ticket", i).isNegative();
                Thread.sleep(1);
            }
        }
        assertThat(order).as("nobody runs while main holds the GIL").isEmpty();
        leave(strategy, main);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("a holder that never blocks is asked to let go, lets go at a check point, and queues behind the waiter")
    void dropRequestHandsOver() throws Exception {
        LockingStrategy strategy = newStrategy();
        ThreadState main = enter(strategy, 1);
        CountDownLatch waiterRan = new CountDownLatch(1);
        AtomicBoolean mainHeldWhileWaiterRan = new AtomicBoolean();
        AtomicBoolean mainInside = new AtomicBoolean(true);
        Thread waiter = new Thread(() -> {
            ThreadState ts = enter(strategy, 2);
            mainHeldWhileWaiterRan.set(mainInside.get());
            waiterRan.countDown();
            leave(strategy, ts);
        }, "waiter");
        waiter.start();
        long start = System.nanoTime();
        // The holder spins through check points, as the eval loop does, until the waiter has run.
        while (waiterRan.getCount() > 0) {
            assertThat(System.nanoTime() - start).as("the waiter got in").isLessThan(TimeUnit.SECONDS.toNanos(30));
            if ((main.evalBreaker() & EvalBreaker.STRATEGY_MASK) != 0) {
                mainInside.set(false);
                strategy.handleEvalBreaker(main); // releases, queues, and comes back after the waiter
                mainInside.set(true);
            }
            Thread.onSpinWait();
        }
        waiter.join();
        leave(strategy, main);
        assertThat(mainHeldWhileWaiterRan).isFalse();
        Map<String, Long> stats = strategy.statistics();
        assertThat(stats.get("drop_requests")).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("forced_switches")).isEqualTo(1);
    }

    @Test
    @DisplayName("a drop request with nobody waiting is cleared, and the holder keeps the GIL")
    void dropRequestWithoutWaiters() {
        LockingStrategy strategy = newStrategy();
        ThreadState main = enter(strategy, 1);
        main.requestBreak(EvalBreaker.GIL_DROP_REQUEST);
        strategy.handleEvalBreaker(main);
        assertThat(main.evalBreaker() & EvalBreaker.GIL_DROP_REQUEST).isZero();
        assertThat(strategy.statistics()).containsEntry("forced_switches", 0L);
        leave(strategy, main);
    }

    @Test
    @DisplayName("-X spins and -X switchinterval are checked before anything is built")
    void optionValues() {
        TicketGilPlugin plugin = new TicketGilPlugin();
        plugin.validate(StrategyOptions.of(Map.of("spins", "0", "switchinterval", "0.001")));
        assertThatThrownBy(() -> plugin.validate(StrategyOptions.of(Map.of("spins", "-1"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("spins");
        assertThatThrownBy(() -> plugin.validate(StrategyOptions.of(Map.of("spins", "many"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("many");
        assertThatThrownBy(() -> plugin.validate(StrategyOptions.of(Map.of("checkinterval", "5"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("checkinterval");
    }

    @Test
    @DisplayName("from Python: two CPU-bound threads both run to the end with a short switch interval")
    void pythonThreadsTakeTurns() {
        var r = runPython(String.join("\n",
                "import threading, sys",
                "sys.setswitchinterval(0.001)",
                "progress = {'a': [], 'b': []}",
                "def work(name):",
                "    for i in range(200000):",
                "        if i % 20000 == 0:",
                "            progress[name].append(len(progress['a']) + len(progress['b']))",
                "ts = [threading.Thread(target=work, args=(n,)) for n in 'ab']",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "print(len(progress['a']), len(progress['b']))",
                ""));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("10 10\n");
    }
}
