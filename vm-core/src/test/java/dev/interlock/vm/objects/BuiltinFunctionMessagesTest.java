package dev.interlock.vm.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Argument errors of module functions. Expected outputs are what CPython 3.11.7 ({@code python3}) prints. */
@DisplayName("argument errors of module functions")
class BuiltinFunctionMessagesTest {

    @Test
    @DisplayName("functions of modules other than builtins are named module.function()")
    void qualifiedByModule() {
        String source = """
            import math, time, sys
            for f in [lambda: math.sqrt(), lambda: math.sqrt(x=1), lambda: time.sleep(), lambda: sys.intern(),
                      lambda: time.time(1), lambda: len(), lambda: len(x=1)]:
                try: f()
                except TypeError as e: print(e)
            """;
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        // python3 prints:
        assertThat(r.stdout()).isEqualTo("""
            math.sqrt() takes exactly one argument (0 given)
            math.sqrt() takes no keyword arguments
            time.sleep() takes exactly one argument (0 given)
            sys.intern() takes exactly one argument (0 given)
            time.time() takes no arguments (1 given)
            len() takes exactly one argument (0 given)
            len() takes no keyword arguments
            """);
    }
}
