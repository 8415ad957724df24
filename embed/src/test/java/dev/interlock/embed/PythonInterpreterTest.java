package dev.interlock.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.api.InvalidOptionException;
import dev.interlock.embed.internal.EmbeddedInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("An embedded PythonInterpreter")
class PythonInterpreterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PythonInterpreter python;

    @BeforeEach
    void start() {
        python = PythonInterpreter.builder().stdout(out).stderr(err).build();
    }

    @AfterEach
    void stop() {
        python.close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("runs code")
    class Running {

        @Test
        @DisplayName("in a __main__ that persists between calls, on the interpreter's main thread")
        void persistentMain() {
            python.exec("import threading\ncount = 1\ndef bump(n):\n    global count\n    count += n\n    return count\n");
            python.exec("bump(41)");
            assertThat(python.eval("count")).isEqualTo(42);
            assertThat(python.eval("__name__")).isEqualTo("__main__");
            assertThat(python.eval("threading.current_thread() is threading.main_thread()")).isEqualTo(true);
        }

        @Test
        @DisplayName("from a file, with __file__ set and its lines quoted in tracebacks")
        void file(@TempDir Path dir) throws IOException {
            Path file = Files.writeString(dir.resolve("lib.py"), "def half(x):\n    return x // 0\n");
            python.execFile(file);
            assertThat(python.get("__file__")).isEqualTo(file.toAbsolutePath().toString());
            PythonException e = catchThrowableOfType(PythonException.class, () -> python.call("half", 4));
            assertThat(e.traceback()).contains("File \"" + file.toAbsolutePath() + "\", line 2, in half\n    return x // 0\n");
            assertThat(e.fileName()).isEqualTo(file.toAbsolutePath().toString());
            assertThat(e.lineNumber()).isEqualTo(2);
        }

        @Test
        @DisplayName("writing sys.stdout and sys.stderr to the streams given, flushed after each call")
        void output() {
            python.exec("import sys\nprint('out', 1)\nprint('err', 2, file=sys.stderr)\n");
            assertThat(out()).isEqualTo("out 1\n");
            assertThat(err()).isEqualTo("err 2\n");
        }

        @Test
        @DisplayName("calls a Python function with arguments converted from Java")
        void callFunction() {
            python.exec("def describe(name, items, options):\n"
                    + "    return '%s: %d items, %s' % (name, len(items), sorted(options.items()))\n");
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("b", 2);
            options.put("a", null);
            assertThat(python.call(String.class, "describe", "basket", List.of(1, 2, 3), options))
                    .isEqualTo("basket: 3 items, [('a', None), ('b', 2)]");
        }
    }

    @Nested
    @DisplayName("converts values")
    class Values {

        @Test
        @DisplayName("Java to Python: null, booleans, integral numbers, floats, strings")
        void scalarsIn() {
            python.set("values", java.util.Arrays.asList(null, true, (byte) 1, (short) 2, 3, 4L,
                    new BigInteger("123456789012345678901234567890"), 1.5f, 2.25, 'c', new StringBuilder("sb")));
            assertThat(python.eval("[type(v).__name__ for v in values]", List.class)).containsExactly(
                    "NoneType", "bool", "int", "int", "int", "int", "int", "float", "float", "str", "str");
            assertThat(python.eval("values[6] * 10", BigInteger.class)).isEqualTo(new BigInteger("1234567890123456789012345678900"));
        }

        @Test
        @DisplayName("Python to Java: ints become the smallest of Integer, Long, BigInteger that holds them")
        void integersOut() {
            assertThat(python.eval("2**31 - 1")).isEqualTo(Integer.MAX_VALUE);
            assertThat(python.eval("2**31")).isEqualTo(2147483648L);
            assertThat(python.eval("-2**63")).isEqualTo(Long.MIN_VALUE);
            assertThat(python.eval("2**64")).isEqualTo(BigInteger.ONE.shiftLeft(64));
            assertThat(python.eval("7", Long.class)).isEqualTo(7L);
            assertThat(python.eval("7", double.class)).isEqualTo(7.0);
            assertThat(python.eval("0.1 + 0.2")).isEqualTo(0.1 + 0.2);
            assertThat(python.eval("None")).isNull();
            assertThat(python.eval("1 < 2")).isEqualTo(true);
        }

        @Test
        @DisplayName("containers by value, in Python's order; tuples and frozensets unmodifiable")
        void containersOut() {
            Object value = python.eval("{'b': [1, (2, 'x')], 'a': {3}, 'c': frozenset()}");
            assertThat(value).isInstanceOf(Map.class);
            Map<?, ?> map = (Map<?, ?>) value;
            assertThat(new ArrayList<Object>(map.keySet())).containsExactly("b", "a", "c");
            assertThat(map.get("b")).isEqualTo(List.of(1, List.of(2, "x")));
            assertThat(map.get("a")).isEqualTo(Set.of(3));
            List<?> tuple = (List<?>) ((List<?>) map.get("b")).get(1);
            assertThatThrownBy(() -> tuple.clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("shared and self-containing structures keep their shape, both ways")
        void cycles() {
            List<Object> loop = new ArrayList<>();
            loop.add(1);
            loop.add(loop);
            python.set("loop", loop);
            assertThat(python.eval("loop[1] is loop")).isEqualTo(true);
            List<?> back = python.eval("[loop, loop]", List.class);
            assertThat(back.get(0)).isSameAs(back.get(1));
            List<?> inner = (List<?>) back.get(0);
            assertThat(inner.get(1)).isSameAs(inner);
        }

        @Test
        @DisplayName("other objects as PythonObject handles, which call, look up attributes and pass back as themselves")
        void handles() {
            python.exec("class Counter:\n    def __init__(self):\n        self.n = 0\n"
                    + "    def add(self, k):\n        self.n += k\n        return self.n\n"
                    + "c = Counter()\n");
            try (PythonObject counter = python.get("c", PythonObject.class);
                    PythonObject square = (PythonObject) python.eval("lambda x: x * x")) {
                assertThat(counter.typeName()).isEqualTo("Counter");
                assertThat(counter.invokeMethod("add", 5)).isEqualTo(5);
                assertThat(counter.getAttribute("n")).isEqualTo(5);
                assertThat(square.call(Long.class, 12)).isEqualTo(144L);
                python.set("again", counter);
                assertThat(python.eval("again is c")).isEqualTo(true);
                assertThat(square.repr()).startsWith("<function <lambda> at ");
            }
        }

        @Test
        @DisplayName("refuses what has no Python counterpart, and results that do not fit the asked type")
        void refusals() {
            assertThatThrownBy(() -> python.set("t", new Thread()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Thread");
            assertThatThrownBy(() -> python.eval("2**40", Integer.class))
                    .isInstanceOf(ClassCastException.class).hasMessage("cannot convert Python int 1099511627776 to java.lang.Integer");
            assertThatThrownBy(() -> python.eval("'x'", Long.class)).isInstanceOf(ClassCastException.class);
            assertThatThrownBy(() -> python.eval("None", int.class)).isInstanceOf(ClassCastException.class);
        }

        @Test
        @DisplayName("respecting reference counts: conversions leave none behind, a handle holds one until closed")
        void referenceCounts() {
            python.exec("import sys\nitems = [1, 2]\nf = lambda: None\n");
            int before = python.eval("sys.getrefcount(items)", Integer.class);
            for (int i = 0; i < 20; i++) {
                python.get("items");
                python.call("len", python.get("items"));
            }
            assertThat(python.eval("sys.getrefcount(items)")).isEqualTo(before);
            int unheld = python.eval("sys.getrefcount(f)", Integer.class);
            PythonObject f = python.get("f", PythonObject.class);
            assertThat(python.eval("sys.getrefcount(f)")).isEqualTo(unheld + 1);
            f.close();
            f.close();
            assertThat(python.eval("sys.getrefcount(f)")).isEqualTo(unheld);
            assertThatThrownBy(() -> f.call()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Nested
    @DisplayName("reports Python errors as PythonException")
    class Errors {

        @Test
        @DisplayName("with the type, the message and CPython's traceback")
        void exception() {
            python.exec("def inner():\n    return {}['missing']\ndef outer():\n    return inner()\n", "prog.py");
            PythonException e = catchThrowableOfType(PythonException.class, () -> python.call("outer"));
            assertThat(e.pythonType()).isEqualTo("KeyError");
            assertThat(e.pythonMessage()).isEqualTo("'missing'");
            assertThat(e.getMessage()).isEqualTo("KeyError: 'missing'");
            assertThat(e.traceback()).isEqualTo(String.join("\n",
                    "Traceback (most recent call last):",
                    "  File \"prog.py\", line 4, in outer",
                    "    return inner()",
                    "           ^^^^^^^",
                    "  File \"prog.py\", line 2, in inner",
                    "    return {}['missing']",
                    "           ~~^^^^^^^^^^^",
                    "KeyError: 'missing'",
                    ""));
            assertThat(e.lineNumber()).isEqualTo(2);
            assertThat(e.getStackTrace()[0].getClassName()).doesNotContain("CallThread");
        }

        @Test
        @DisplayName("for syntax errors, with the file, line and caret")
        void syntaxError() {
            PythonException e = catchThrowableOfType(PythonException.class, () -> python.exec("x = (1,\n", "bad.py"));
            assertThat(e.pythonType()).isEqualTo("SyntaxError");
            assertThat(e.fileName()).isEqualTo("bad.py");
            assertThat(e.lineNumber()).isEqualTo(1);
            assertThat(e.traceback()).contains("File \"bad.py\", line 1").endsWith("SyntaxError: '(' was never closed\n");
            assertThatThrownBy(() -> python.eval("y = 1")).isInstanceOf(PythonException.class).hasMessageStartingWith("SyntaxError");
        }

        @Test
        @DisplayName("for a missing global, and for SystemExit, which never ends the JVM")
        void nameErrorAndExit() {
            assertThatThrownBy(() -> python.call("nowhere")).isInstanceOf(PythonException.class)
                    .hasMessage("NameError: name 'nowhere' is not defined");
            assertThatThrownBy(() -> python.exec("import sys\nsys.exit(3)")).isInstanceOf(PythonException.class)
                    .hasMessage("SystemExit: 3");
            assertThat(python.eval("1 + 1")).isEqualTo(2);
        }

        @Test
        @DisplayName("unknown strategies and options are refused when building")
        void badSettings() {
            assertThatThrownBy(() -> PythonInterpreter.builder().lock("nope").build())
                    .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("unknown locking strategy 'nope'");
            assertThatThrownBy(() -> PythonInterpreter.builder().option("nosuch", "1").build())
                    .isInstanceOf(InvalidOptionException.class).hasMessageContaining("unknown option -X nosuch");
            assertThatThrownBy(() -> PythonInterpreter.builder().lock("parallel-descriptor").build())
                    .isInstanceOf(InvalidOptionException.class).hasMessageContaining("--allow-unsafe");
        }
    }

    @Nested
    @DisplayName("lives beside others and ends cleanly")
    class Lifecycle {

        @Test
        @DisplayName("several interpreters with different strategies keep separate state")
        void separateInterpreters() {
            try (PythonInterpreter serial = PythonInterpreter.builder().lock("serial").stdout(out).build();
                    PythonInterpreter gil = PythonInterpreter.builder().lock("gil").option("switchinterval", "0.001").build()) {
                serial.set("x", 1);
                gil.set("x", 2);
                assertThat(serial.eval("x")).isEqualTo(1);
                assertThat(gil.eval("x")).isEqualTo(2);
                assertThat(gil.eval("__import__('sys').getswitchinterval()")).isEqualTo(0.001);
                assertThat(serial.lockName()).isEqualTo("serial");
                assertThat(gil.lockName()).isEqualTo("gil");
                assertThat(gil.memoryName()).isEqualTo("plain");
                assertThat(gil.isThreadSafe()).isTrue();
                assertThatThrownBy(() -> {
                    try (PythonObject f = (PythonObject) serial.eval("len")) {
                        gil.call("len", List.of(f));
                    }
                }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interpreter it came from");
            }
        }

        @Test
        @DisplayName("calls from several Java threads at once all complete, on threads of their own")
        void concurrentCalls() throws Exception {
            python.exec("import threading\nlock = threading.Lock()\ntotal = 0\n"
                    + "def work(k):\n    global total\n    s = sum(range(k))\n    with lock:\n        total += s\n    return s\n");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Object>> results = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    Callable<Object> task = () -> {
                        long sum = 0;
                        for (int k = 0; k < 25; k++) {
                            sum += python.call(Long.class, "work", 1000);
                        }
                        return sum;
                    };
                    results.add(pool.submit(task));
                }
                for (Future<Object> f : results) {
                    assertThat(f.get()).isEqualTo(25L * 499500);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(python.eval("total")).isEqualTo(100 * 499500);
        }

        @Test
        @DisplayName("close waits for non-daemon threads, stops daemon ones, ends its own threads and refuses later calls")
        void close() throws InterruptedException {
            python.exec("import threading, time\n"
                    + "def late():\n    time.sleep(0.05)\n    print('late thread done')\n"
                    + "def forever():\n    while True:\n        pass\n"
                    + "threading.Thread(target=late).start()\n"
                    + "threading.Thread(target=forever, daemon=True).start()\n");
            List<Thread> threads = ((EmbeddedInterpreter) python).session().callThreads();
            python.close();
            python.close();
            assertThat(out()).isEqualTo("late thread done\n");
            for (Thread t : threads) {
                assertThat(t.isAlive()).as("%s after close", t.getName()).isFalse();
            }
            for (var ts : ((EmbeddedInterpreter) python).session().interpreter().liveThreads()) {
                ts.thread().join(); // the daemon thread stops at its next check point
            }
            assertThatThrownBy(() -> python.eval("1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
