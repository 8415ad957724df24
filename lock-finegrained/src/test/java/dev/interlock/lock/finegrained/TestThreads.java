package dev.interlock.lock.finegrained;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs test bodies on plain Java threads and reports a hang as a deadlock, not as slowness. */
final class TestThreads {

    /** A body run on thread number {@code index}. */
    @FunctionalInterface
    interface Body {
        void run(int index) throws Exception;
    }

    private TestThreads() {
    }

    /** Runs {@code body} on {@code count} threads at once; rethrows the first failure. */
    static void run(int count, Body body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            threads.add(new Thread(() -> {
                try {
                    body.run(index);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "test-" + i));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(t.isAlive()).as("%s finished (a deadlock otherwise)", t.getName()).isFalse();
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }
}
