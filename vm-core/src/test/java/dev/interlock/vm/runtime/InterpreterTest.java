package dev.interlock.vm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.FatalError;
import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.memory.PlainMemoryManager;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.SerialStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The interpreter")
class InterpreterTest {

    @Nested
    @DisplayName("when the JVM fails under a Python thread")
    class JvmFailure {

        @Test
        @DisplayName("reports a fatal error (not a Java stack trace and a successful run)")
        void outOfMemoryIsFatal() throws InterruptedException {
            PlainMemoryManager memory = new PlainMemoryManager();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            InterpreterConfig config = new InterpreterConfig("test", "plain", StrategyOptions.empty(), List.of("<test>"),
                    null, new ByteArrayOutputStream(), err, false, false);
            Interpreter interpreter = new Interpreter(config,
                    new SerialStrategy(memory, CheckPoints.CALLS_AND_BACKWARD_JUMPS), memory, new SwitchSettings());
            // As when compiling a huge program ran out of heap (t1_control_flow did, before a compiler fix):
            // the error used to escape the thread, and runMain returned 0.
            PyThread thread = interpreter.newThread("MainThread", ts -> {
                throw new OutOfMemoryError("Java heap space");
            });
            thread.start();
            thread.join();
            FatalError fatal = interpreter.fatalError();
            assertThat(fatal).isNotNull();
            assertThat(fatal.getMessage()).isEqualTo("Fatal Python error: the Java virtual machine failed in thread"
                    + " 'MainThread': java.lang.OutOfMemoryError: Java heap space");
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(fatal.getMessage() + "\n");
        }
    }

    private static Interpreter newInterpreter(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        PlainMemoryManager memory = new PlainMemoryManager();
        InterpreterConfig config = new InterpreterConfig("test", "plain", StrategyOptions.empty(), List.of("<test>"),
                null, out, err, false, false);
        return new Interpreter(config, new SerialStrategy(memory, CheckPoints.CALLS_AND_BACKWARD_JUMPS), memory,
                new SwitchSettings());
    }

    @Nested
    @DisplayName("started for embedding (startMain)")
    class Embedded {

        @Test
        @DisplayName("sets up builtins and sys on a daemon main thread, runs the body there, then waits for non-daemon threads")
        void startMain() throws InterruptedException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Interpreter interpreter = newInterpreter(out, err);
            AtomicReference<String> seen = new AtomicReference<>();
            PyThread main = interpreter.startMain(ts -> {
                PyModule module = interpreter.newModule("__main__");
                PyCode code = Compiler.compile(String.join("\n",
                        "import sys, threading, time",
                        "def late():",
                        "    time.sleep(0.05)",
                        "    print('non-daemon thread done')",
                        "threading.Thread(target=late).start()",
                        "result = threading.current_thread().name + ' ' + str(len(sys.argv))",
                        ""), "<embedded>", Compiler.Mode.EXEC);
                try {
                    interpreter.evalLoop().runModule(code, module.dict(), ts);
                    PyObject result = module.dict().getItemOrNull("result");
                    seen.set(result.str());
                    Refs.decref(result);
                } finally {
                    Refs.decref(code);
                    Refs.decref(module);
                }
            });
            assertThat(main.isDaemon()).isTrue();
            main.join();
            assertThat(seen).hasValue("MainThread 1");
            assertThat(interpreter.mainThread().pyThread()).isSameAs(main);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("non-daemon thread done\n");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }
}
