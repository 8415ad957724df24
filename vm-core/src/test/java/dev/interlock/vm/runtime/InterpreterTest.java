package dev.interlock.vm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.FatalError;
import dev.interlock.vm.memory.PlainMemoryManager;
import dev.interlock.vm.testing.SerialStrategy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
}
