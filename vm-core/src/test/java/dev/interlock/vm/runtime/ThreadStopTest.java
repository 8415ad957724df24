package dev.interlock.vm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.FatalError;
import dev.interlock.vm.memory.PlainMemoryManager;
import dev.interlock.vm.testing.ParallelStrategy;
import dev.interlock.vm.testing.SerialStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After a fatal error every other Python thread stops: a running one at its next check point, one
 * blocked in a sleep, a lock or a join at once (its wait is interrupted). The tests show it without
 * timing anything: the blocked threads wait for an hour, or for a lock nobody will release, and
 * when the run returns no thread of the interpreter is left. (The timeout only turns a regression
 * into a failure instead of a hung build.)
 */
@DisplayName("Stopping threads after a fatal error")
@Timeout(120)
class ThreadStopTest {

    /** A program's outcome, with the threads still alive once {@code runMain} returned. */
    record Outcome(String stdout, String stderr, int status, List<PyThreadState> threadsLeft) {
    }

    private static Outcome run(String source) {
        return run(source, false);
    }

    /** Runs under {@link SerialStrategy}, or with {@code parallel} under {@link ParallelStrategy}. */
    private static Outcome run(String source, boolean parallel) {
        PlainMemoryManager memory = new PlainMemoryManager();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InterpreterConfig config = new InterpreterConfig("test", "plain", StrategyOptions.empty(), List.of("stop.py"),
                null, out, err, false, false);
        Interpreter interpreter = new Interpreter(config, parallel ? new ParallelStrategy(memory)
                : new SerialStrategy(memory, CheckPoints.CALLS_AND_BACKWARD_JUMPS), memory, new SwitchSettings());
        int status = interpreter.runMain(source, "stop.py");
        return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status,
                interpreter.liveThreads());
    }

    /** Python that frees a list one reference early and then uses it: a fatal error where it runs. */
    private static final String USE_AFTER_FREE = """
            def use_after_free():
                x = [1]
                _testrefs.overrelease(x)
                x.append(2)
            """;

    @Nested
    @DisplayName("a fatal error in the main thread")
    class InMain {

        @Test
        @DisplayName("stops a daemon thread sleeping for an hour and a thread blocked on a lock nobody releases")
        void stopsBlockedThreads() {
            Outcome o = run("""
                    import threading, time, _testrefs
                    """ + USE_AFTER_FREE + """
                    started = threading.Semaphore(0)
                    lock = threading.Lock()
                    lock.acquire()
                    def sleeper():
                        started.release()
                        time.sleep(3600)
                    def waiter():
                        started.release()
                        lock.acquire()
                    threading.Thread(target=sleeper, daemon=True).start()
                    threading.Thread(target=waiter).start()
                    started.acquire()
                    started.acquire()
                    print('both started')
                    use_after_free()
                    """);
            assertThat(o.stdout()).isEqualTo("both started\n");
            assertThat(o.stderr()).startsWith("Fatal Python error: use after free: a 'list' object")
                    .contains("(thread 'MainThread')", "line 5 in use_after_free", "line 20 in <module>");
            assertThat(o.stderr().split("Fatal Python error", -1)).as("reported once").hasSize(2);
            assertThat(o.status()).isEqualTo(FatalError.EXIT_STATUS);
            assertThat(o.threadsLeft()).as("threads still running after the run returned").isEmpty();
        }
    }

    @Nested
    @DisplayName("a fatal error in another thread")
    class InWorker {

        @Test
        @DisplayName("stops the main thread waiting in join, and the run exits with status 134")
        void stopsJoiningMain() {
            Outcome o = run("""
                    import threading, _testrefs
                    """ + USE_AFTER_FREE + """
                    t = threading.Thread(target=use_after_free, name='worker')
                    t.start()
                    t.join()
                    print('not reached')
                    """);
            assertThat(o.stdout()).isEmpty();
            assertThat(o.stderr()).startsWith("Fatal Python error: use after free: a 'list' object")
                    .contains("(thread 'worker')", "Thread 'worker' (most recent call first)");
            assertThat(o.status()).isEqualTo(FatalError.EXIT_STATUS);
            assertThat(o.threadsLeft()).isEmpty();
        }

        /** The serial strategy never takes the interpreter from a CPU-bound thread, so this one runs threads in parallel. */
        @Test
        @DisplayName("stops a CPU-bound thread at its next check point")
        void stopsRunningThread() {
            Outcome o = run("""
                    import threading, time, _testrefs
                    """ + USE_AFTER_FREE + """
                    def spin():
                        n = 0
                        while True:
                            n += 1
                    threading.Thread(target=spin, daemon=True).start()
                    time.sleep(0.01)
                    threading.Thread(target=use_after_free).start()
                    time.sleep(3600)
                    """, true);
            assertThat(o.status()).isEqualTo(FatalError.EXIT_STATUS);
            assertThat(o.threadsLeft()).isEmpty();
        }
    }
}
