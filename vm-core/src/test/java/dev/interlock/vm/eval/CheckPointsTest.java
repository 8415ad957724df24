package dev.interlock.vm.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.ThreadState;
import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.memory.PlainMemoryManager;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.storage.PlainContainerStorage;
import dev.interlock.vm.testing.OnPythonThread;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.InOrder;

/**
 * Where the eval loop calls the locking strategy, counted with a Mockito mock. For the check
 * points the mock sets {@link EvalBreaker#GIL_DROP_REQUEST} when a thread attaches and never
 * clears it, so the loop calls {@code handleEvalBreaker} at every check point it reaches; the
 * expected counts are worked out by hand from the 3.10 bytecode (as {@code dis} shows it) and the
 * rules in {@link EvalLoop}'s documentation.
 */
@DisplayName("The eval loop's calls into the locking strategy")
class CheckPointsTest {

    /** A program's run under a mock strategy. */
    record Run(LockingStrategy strategy, Interpreter interpreter, String stdout, String stderr, int status) {

        long handleEvalBreakerCalls() {
            return mockingDetails(strategy).getInvocations().stream()
                    .filter(i -> i.getMethod().getName().equals("handleEvalBreaker")).count();
        }
    }

    /** A mock that never clears the drop request it sets on attach: every check point calls it. */
    private static LockingStrategy alwaysBreaking(CheckPoints mode, PlainMemoryManager memory) {
        LockingStrategy strategy = mock(LockingStrategy.class);
        when(strategy.name()).thenReturn("mock");
        when(strategy.storage()).thenReturn(new PlainContainerStorage(memory));
        when(strategy.checkPoints()).thenReturn(mode);
        when(strategy.serializesBytecode()).thenReturn(true);
        doAnswer(inv -> {
            inv.<ThreadState>getArgument(0).requestBreak(EvalBreaker.GIL_DROP_REQUEST);
            return null;
        }).when(strategy).attach(any());
        return strategy;
    }

    /**
     * A mock that really serializes threads, as {@code SerialStrategy}: attach takes a fair lock,
     * detach gives it back. Needed once a program starts threads, as the plain memory manager
     * counts without atomics.
     */
    private static LockingStrategy serializing(PlainMemoryManager memory) {
        ReentrantLock gil = new ReentrantLock(true);
        LockingStrategy strategy = mock(LockingStrategy.class);
        when(strategy.name()).thenReturn("mock");
        when(strategy.storage()).thenReturn(new PlainContainerStorage(memory));
        when(strategy.checkPoints()).thenReturn(CheckPoints.CALLS_AND_BACKWARD_JUMPS);
        when(strategy.serializesBytecode()).thenReturn(true);
        doAnswer(inv -> {
            gil.lock();
            return null;
        }).when(strategy).attach(any());
        doAnswer(inv -> {
            gil.unlock();
            return null;
        }).when(strategy).detach(any());
        return strategy;
    }

    private static Run run(LockingStrategy strategy, PlainMemoryManager memory, SwitchSettings switches, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InterpreterConfig config = new InterpreterConfig("mock", memory.name(), StrategyOptions.empty(), List.of("<test>"),
                null, out, err, false, false);
        Interpreter interpreter = new Interpreter(config, strategy, memory, switches);
        int status = interpreter.runMain(source, "<test>");
        return new Run(strategy, interpreter, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                status);
    }

    private static Run run(CheckPoints mode, String source) {
        return run(mode, new SwitchSettings(), source);
    }

    private static Run run(CheckPoints mode, SwitchSettings switches, String source) {
        PlainMemoryManager memory = new PlainMemoryManager();
        Run r = run(alwaysBreaking(mode, memory), memory, switches, source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r;
    }

    /** The number of instructions in the module code of {@code source}, from its disassembly. */
    private static long moduleInstructions(String source) {
        return OnPythonThread.call(ts -> {
            PyCode code = Compiler.compile(source, "<test>", Compiler.Mode.EXEC);
            try {
                return (long) code.codeBytes().length / 2;
            } finally {
                Refs.decref(code);
            }
        });
    }

    private static final String STRAIGHT_LINE = "x = 1\ny = x + 2\n";

    private static final String TWO_CALLS = "def f(a):\n    return a + 1\nf(1)\nf(2)\n";

    /**
     * 3.10 code: i = 0; the test (LOAD_NAME, LOAD_CONST, COMPARE_OP, POP_JUMP_IF_FALSE) once at the
     * top; then 3 times the body (LOAD_NAME, LOAD_CONST, INPLACE_ADD, STORE_NAME) and the test
     * repeated at the bottom, ending in POP_JUMP_IF_TRUE back to the body.
     */
    private static final String WHILE_LOOP = "i = 0\nwhile i < 3:\n    i += 1\n";

    @Nested
    @DisplayName("in CALLS_AND_BACKWARD_JUMPS mode (CPython 3.10+)")
    class CallsAndBackwardJumps {

        @ParameterizedTest(name = "{0} check points: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                1 | x = 1\\ny = x + 2\\n                                        | straight-line code: only the module frame's entry
                2 | print('a', end='')\\n                                       | entry + after CALL_FUNCTION_KW
                2 | l = []\\nl.append(1)\\n                                     | entry + after CALL_METHOD
                2 | print(*['a'], end='')\\n                                    | entry + after CALL_FUNCTION_EX
                5 | def f(a):\\n    return a + 1\\nf(1)\\nf(2)\\n                | entry + 2 x (f's entry + after its CALL_FUNCTION)
                3 | i = 0\\nwhile i < 3:\\n    i += 1\\n                       | entry + POP_JUMP_IF_TRUE taken twice at the bottom (not at i == 3)
                5 | for i in range(3):\\n    pass\\n                           | entry + after range() + 3 JUMP_ABSOLUTE back to FOR_ITER
                2 | x = 0\\nif x:\\n    y = 1\\n                               | entry + the POP_JUMP_IF_FALSE, taken
                1 | x = 1\\nif x:\\n    y = 1\\n                               | entry only: POP_JUMP_IF_FALSE not taken
                5 | def neg(v):\\n    return -v\\nr = sorted([3, 1, 2], key=neg)\\n | entry + neg's entry 3 times (called by a builtin) + after CALL_FUNCTION_KW
                6 | r = [x for x in range(2)]\\n                               | entry + after range() + <listcomp> entry + 2 JUMP_ABSOLUTE + after calling it
                """)
        @DisplayName("a check at frame entry, at JUMP_ABSOLUTE, at taken POP_JUMP_IF_*, after calls")
        void counts(long expected, String source, String why) {
            Run r = run(CheckPoints.CALLS_AND_BACKWARD_JUMPS, source.replace("\\n", "\n"));
            assertThat(r.handleEvalBreakerCalls()).as(why).isEqualTo(expected);
        }

        @Test
        @DisplayName("no check inside a simple statement: n += 1 in a loop is checked only at the backward jump")
        void augmentedAssignmentIsNotInterrupted() {
            // 'for' loop of 100 iterations: entry + after range() + 100 JUMP_ABSOLUTE; no check between
            // LOAD_GLOBAL/LOAD_CONST/INPLACE_ADD/STORE_GLOBAL of n += 1.
            Run r = run(CheckPoints.CALLS_AND_BACKWARD_JUMPS, "n = 0\nfor i in range(100):\n    n += 1\n");
            assertThat(r.handleEvalBreakerCalls()).isEqualTo(102);
        }

        @Test
        @DisplayName("no call at all while the breaker word is clear")
        void quietWithoutRequests() {
            PlainMemoryManager memory = new PlainMemoryManager();
            LockingStrategy strategy = mock(LockingStrategy.class);
            when(strategy.storage()).thenReturn(new PlainContainerStorage(memory));
            when(strategy.checkPoints()).thenReturn(CheckPoints.CALLS_AND_BACKWARD_JUMPS);
            when(strategy.serializesBytecode()).thenReturn(true);
            Run r = run(strategy, memory, new SwitchSettings(), "for i in range(50):\n    print(i, end='')\n");
            assertThat(r.status()).isZero();
            verify(strategy, never()).handleEvalBreaker(any());
        }
    }

    @Nested
    @DisplayName("in EVERY_INSTRUCTION mode (CPython before 3.10)")
    class EveryInstruction {

        @Test
        @DisplayName("before every instruction of straight-line code: as many as dis shows")
        void straightLine() {
            // LOAD_CONST, STORE_NAME, LOAD_NAME, LOAD_CONST, BINARY_ADD, STORE_NAME, LOAD_CONST None, RETURN_VALUE
            assertThat(moduleInstructions(STRAIGHT_LINE)).isEqualTo(8);
            assertThat(run(CheckPoints.EVERY_INSTRUCTION, STRAIGHT_LINE).handleEvalBreakerCalls()).isEqualTo(8);
        }

        @Test
        @DisplayName("in every frame: the module's instructions and each call's")
        void acrossCalls() {
            // module: LOAD_CONST code, LOAD_CONST 'f', MAKE_FUNCTION, STORE_NAME, then twice (LOAD_NAME f,
            // LOAD_CONST, CALL_FUNCTION, POP_TOP), LOAD_CONST None, RETURN_VALUE = 14;
            // f: LOAD_FAST, LOAD_CONST, BINARY_ADD, RETURN_VALUE = 4, run twice; no extra check at frame entry.
            assertThat(moduleInstructions(TWO_CALLS)).isEqualTo(14);
            assertThat(run(CheckPoints.EVERY_INSTRUCTION, TWO_CALLS).handleEvalBreakerCalls()).isEqualTo(14 + 2 * 4);
        }

        @Test
        @DisplayName("instructions executed, not instructions in the code: a loop counts each pass")
        void loop() {
            // 2 (i = 0) + 4 (test at the top) + 3 x 4 (body) + 3 x 4 (test at the bottom) + 2 (return None)
            assertThat(moduleInstructions(WHILE_LOOP)).isEqualTo(2 + 4 + 4 + 4 + 2);
            assertThat(run(CheckPoints.EVERY_INSTRUCTION, WHILE_LOOP).handleEvalBreakerCalls()).isEqualTo(32);
        }
    }

    @Nested
    @DisplayName("in TICKS mode (Python 2's check interval)")
    class Ticks {

        /**
         * The ticker starts empty, so the first instruction is a check point, then every
         * {@code checkinterval}-th after it: ceil(executed / interval) checks.
         */
        @ParameterizedTest(name = "interval {0}: {1} instructions -> {2} checks")
        @CsvSource({
            "1, 8, 8",
            "3, 8, 3",
            "4, 8, 2",
            "100, 8, 1",
        })
        @DisplayName("every checkinterval instructions of straight-line code")
        void straightLine(int interval, int instructions, long checks) {
            assertThat(moduleInstructions(STRAIGHT_LINE)).isEqualTo(instructions);
            SwitchSettings switches = new SwitchSettings();
            switches.setCheckInterval(interval);
            assertThat(run(CheckPoints.TICKS, switches, STRAIGHT_LINE).handleEvalBreakerCalls()).isEqualTo(checks);
        }

        @Test
        @DisplayName("the count runs on across frames and loop passes: 32 instructions at interval 5 -> 7 checks")
        void loop() {
            SwitchSettings switches = new SwitchSettings();
            switches.setCheckInterval(5);
            assertThat(run(CheckPoints.TICKS, switches, WHILE_LOOP).handleEvalBreakerCalls()).isEqualTo(7);
            SwitchSettings across = new SwitchSettings();
            across.setCheckInterval(4);
            // 22 instructions in two frames (see EveryInstruction.acrossCalls): ceil(22 / 4) = 6
            assertThat(run(CheckPoints.TICKS, across, TWO_CALLS).handleEvalBreakerCalls()).isEqualTo(6);
        }
    }

    @Nested
    @DisplayName("detaches around blocking calls, and only around them")
    class Blocking {

        private Run runSerialized(String source) {
            PlainMemoryManager memory = new PlainMemoryManager();
            Run r = run(serializing(memory), memory, new SwitchSettings(), source);
            assertThat(r.stderr()).isEmpty();
            assertThat(r.status()).isZero();
            return r;
        }

        @Test
        @DisplayName("a program that never blocks attaches once and detaches once")
        void baseline() {
            Run r = runSerialized("import time, threading\nx = time.time()\n");
            ThreadState main = r.interpreter().mainThread();
            verify(r.strategy(), times(1)).attach(main);
            verify(r.strategy(), times(1)).detach(main);
        }

        @Test
        @DisplayName("time.sleep: detach, sleep, attach again")
        void sleep() {
            Run r = runSerialized("import time\nprint('a')\ntime.sleep(0.001)\nprint('b')\n");
            assertThat(r.stdout()).isEqualTo("a\nb\n");
            ThreadState main = r.interpreter().mainThread();
            InOrder order = inOrder(r.strategy());
            order.verify(r.strategy()).threadStarted(main);
            order.verify(r.strategy()).attach(main);
            order.verify(r.strategy()).detach(main); // the sleep
            order.verify(r.strategy()).attach(main);
            order.verify(r.strategy()).detach(main); // the end of the thread
            order.verify(r.strategy()).threadExited(main);
            verify(r.strategy(), times(2)).attach(main);
        }

        @Test
        @DisplayName("Thread.join of a running thread: the joiner detaches while it waits")
        void join() {
            // The new thread cannot run before the main thread detaches (the mock serializes), so it
            // is still running when join() is called.
            Run r = runSerialized(String.join("\n",
                    "import threading",
                    "done = []",
                    "t = threading.Thread(target=lambda: done.append(1))",
                    "t.start()",
                    "t.join()",
                    "print(done)",
                    ""));
            assertThat(r.stdout()).isEqualTo("[1]\n");
            ThreadState main = r.interpreter().mainThread();
            InOrder order = inOrder(r.strategy());
            order.verify(r.strategy()).attach(main);
            order.verify(r.strategy()).detach(main); // join
            order.verify(r.strategy()).attach(main);
            order.verify(r.strategy()).detach(main);
            verify(r.strategy(), times(2)).attach(main);
            verify(r.strategy(), times(2)).threadStarted(any());
            verify(r.strategy(), times(3)).attach(any()); // main twice, the new thread once
        }

        @Test
        @DisplayName("a contended Lock.acquire detaches the waiter; an uncontended one never detaches")
        void contendedAcquire() {
            // The main thread holds the lock; the worker says it is about to acquire it, then blocks.
            // Under the serializing mock the main thread sees 'waiting' only once the worker has
            // detached inside acquire(), so the acquire was contended.
            Run r = runSerialized(String.join("\n",
                    "import threading, time",
                    "lock = threading.Lock()",
                    "lock.acquire()",
                    "waiting = []",
                    "def worker():",
                    "    waiting.append(1)",
                    "    lock.acquire()",
                    "    lock.release()",
                    "t = threading.Thread(target=worker)",
                    "t.start()",
                    "while not waiting:",
                    "    time.sleep(0.001)",
                    "lock.release()",
                    "t.join()",
                    "lock.acquire()",
                    "lock.release()",
                    "print('ok')",
                    ""));
            assertThat(r.stdout()).isEqualTo("ok\n");
            ThreadState main = r.interpreter().mainThread();
            ThreadState worker = workerOf(r, main);
            // The worker: attach at start, detach + attach around the contended acquire, detach at the end.
            verify(r.strategy(), times(2)).attach(worker);
            verify(r.strategy(), times(2)).detach(worker);
            InOrder order = inOrder(r.strategy());
            order.verify(r.strategy()).attach(worker);
            order.verify(r.strategy()).detach(worker);
            order.verify(r.strategy()).attach(worker);
            order.verify(r.strategy()).detach(worker);
        }

        @Test
        @DisplayName("an uncontended Lock.acquire (and a with block on a lock) does not detach")
        void uncontendedAcquire() {
            Run r = runSerialized(String.join("\n",
                    "import threading",
                    "lock = threading.Lock()",
                    "for i in range(3):",
                    "    lock.acquire()",
                    "    lock.release()",
                    "with lock:",
                    "    pass",
                    "print(lock.acquire(False), lock.acquire(False))",
                    ""));
            assertThat(r.stdout()).isEqualTo("True False\n");
            ThreadState main = r.interpreter().mainThread();
            verify(r.strategy(), times(1)).attach(main);
            verify(r.strategy(), times(1)).detach(main);
        }

        /** The thread other than {@code main} that attached during the run. */
        private ThreadState workerOf(Run r, ThreadState main) {
            return mockingDetails(r.strategy()).getInvocations().stream()
                    .filter(i -> i.getMethod().getName().equals("threadStarted"))
                    .map(i -> i.<ThreadState>getArgument(0)).filter(ts -> ts != main).findFirst().orElseThrow();
        }
    }
}
