package dev.interlock.vm.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.OracleFile;
import dev.interlock.vm.testing.PythonRunner;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eval loop runs programs as CPython 3.11 does. The oracle, {@code programs-3.11.txt}, is
 * written by {@code src/test/python/make_eval311.py}: each program run as {@code python3 prog.py},
 * with its stdout, its stderr (tracebacks included) and its exit status, which must all be the
 * same here. The programs are grouped by the prefix of their names.
 */
@DisplayName("The eval loop")
class EvalLoopTest {

    private static final Map<String, Map<String, String>> PROGRAMS = OracleFile.read(EvalLoopTest.class,
            "programs-3.11.txt");

    private static Stream<Arguments> group(String prefix) {
        return PROGRAMS.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> arithmetic() {
        return group("arith_");
    }

    static Stream<Arguments> strings() {
        return group("str_");
    }

    static Stream<Arguments> containers() {
        return Stream.concat(group("cont_"), group("slice_"));
    }

    static Stream<Arguments> controlFlow() {
        return group("flow_");
    }

    static Stream<Arguments> functions() {
        return Stream.concat(group("func_"), group("closure_"));
    }

    static Stream<Arguments> exceptions() {
        return Stream.concat(group("exc_"), group("with_"));
    }

    static Stream<Arguments> exitStatus() {
        return Stream.concat(group("status_"), group("recursion_"));
    }

    /** Runs the program as prog.py and compares everything it produced with CPython's run. */
    private static void runsAsCpython(String name, Map<String, String> program) {
        PythonRunner.Result r = PythonRunner.serial().run(program.get("source"), "prog.py");
        assertThat(r.stdout()).as("stdout of %s", name).isEqualTo(program.get("stdout"));
        assertThat(r.stderr()).as("stderr of %s", name).isEqualTo(program.get("stderr"));
        assertThat(r.status()).as("exit status of %s", name).isEqualTo(Integer.parseInt(program.get("status").strip()));
    }

    @Nested
    @DisplayName("computes as CPython")
    class Computing {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#arithmetic")
        @DisplayName("arithmetic: big ints, floor division and modulo signs, floats, bit operations")
        void arithmetic(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#strings")
        @DisplayName("strings: methods, %-formatting, str.format, f-strings, repr")
        void strings(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#containers")
        @DisplayName("lists, dicts, tuples, unpacking and slicing")
        void containers(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }
    }

    @Nested
    @DisplayName("follows control flow as CPython")
    class ControlFlow {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#controlFlow")
        @DisplayName("for/while with break, continue and else; conditionals and short-circuits")
        void loopsAndConditionals(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#functions")
        @DisplayName("functions: defaults, keywords, *args/**kwargs, argument errors, recursion, closures, nonlocal")
        void functions(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#exceptions")
        @DisplayName("exceptions: handlers, finally (with return, break, continue), messages, with threading.Lock")
        void exceptions(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }
    }

    @Nested
    @DisplayName("ends a program as CPython: traceback on stderr, exit status")
    class Ending {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.eval.EvalLoopTest#exitStatus")
        @DisplayName("uncaught exceptions (status 1), SystemExit codes and messages, NameError, RecursionError")
        void exitStatus(String name, Map<String, String> program) {
            runsAsCpython(name, program);
        }
    }

    @Nested
    @DisplayName("refuses unsupported features loudly, naming them")
    class Unsupported {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "complex numbers (a negative number raised to a fractional power)|x = -8\ny = x ** 0.5\n",
            "str.encode (bytes)|b = 'x'.encode()\n",
            "str() with an encoding (bytes)|s = str('x', 'utf-8')\n",
            "relative imports (from . import ...)|from . import sibling\n",
        })
        @DisplayName("the program stops with status 1 and 'NotSupportedError: FEATURE is not supported by Interlock'")
        void programFails(String featureAndSource) {
            String feature = featureAndSource.substring(0, featureAndSource.indexOf('|'));
            String source = "print('start')\n" + featureAndSource.substring(featureAndSource.indexOf('|') + 1)
                    + "print('not reached')\n";
            PythonRunner.Result r = PythonRunner.serial().run(source, "prog.py");
            assertThat(r.stdout()).isEqualTo("start\n");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.lastErrorLine()).isEqualTo("NotSupportedError: " + feature + " is not supported by Interlock");
        }

        @Test
        @DisplayName("no except clause can catch it, not even a bare except")
        void cannotBeCaught() {
            PythonRunner.Result r = PythonRunner.serial().run(String.join("\n",
                    "try:",
                    "    s = 'x'.encode()",
                    "except:",
                    "    print('swallowed')",
                    "print('not reached')",
                    ""), "prog.py");
            assertThat(r.stdout()).isEmpty();
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.lastErrorLine()).isEqualTo("NotSupportedError: str.encode (bytes) is not supported by Interlock");
        }

        @Test
        @DisplayName("the traceback shows the Python frames it passed through")
        void showsFrames() {
            PythonRunner.Result r = PythonRunner.serial().run(String.join("\n",
                    "def make():",
                    "    return 'x'.encode()",
                    "make()",
                    ""), "prog.py");
            assertThat(r.stderr()).contains("File \"prog.py\", line 3, in <module>", "File \"prog.py\", line 2, in make");
        }

        @Test
        @DisplayName("a call to an unsupported method compiles, and raises NotSupportedError naming the feature when it runs")
        void raisedWhenRun() {
            boolean compiled = OnPythonThread.call(ts -> {
                Refs.decref(Compiler.compile("b = 'x'.encode()\n", "prog.py", Compiler.Mode.EXEC));
                return true;
            });
            assertThat(compiled).isTrue();
            PythonRunner.Result r = PythonRunner.serial().run("print('runs')\nb = 'x'.encode()\n", "prog.py");
            assertThat(r.stdout()).isEqualTo("runs\n");
            assertThat(r.lastErrorLine()).isEqualTo("NotSupportedError: str.encode (bytes) is not supported by Interlock");
        }

        @Test
        @DisplayName("unsupported syntax is refused at compile time, before anything runs")
        void refusedAtCompileTime() {
            NotSupportedError e = OnPythonThread.call(ts -> {
                try {
                    Refs.decref(Compiler.compile("print(1)\nasync def f():\n    pass\n", "prog.py", Compiler.Mode.EXEC));
                    return null;
                } catch (NotSupportedError expected) {
                    return expected;
                }
            });
            assertThat(e).isNotNull();
            assertThat(e.feature()).isEqualTo("'async def'");
            assertThat(e).hasMessage("'async def' is not supported by Interlock");
            PythonRunner.Result r = PythonRunner.serial().run("print(1)\nasync def f():\n    pass\n", "prog.py");
            assertThat(r.stdout()).isEmpty();
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.lastErrorLine()).isEqualTo("NotSupportedError: 'async def' is not supported by Interlock");
        }
    }
}
