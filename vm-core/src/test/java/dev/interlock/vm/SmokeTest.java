package dev.interlock.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The interpreter runs a program end to end")
class SmokeTest {

    @Test
    @DisplayName("prints what CPython prints for arithmetic, containers and a recursive function")
    void runsAProgram() {
        PythonRunner.Result r = PythonRunner.serial().run(String.join("\n",
                "def fib(n):",
                "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
                "print(fib(15), 2 ** 70, [1, 'a', None], {'k': (1,)})",
                ""));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo("610 1180591620717411303424 [1, 'a', None] {'k': (1,)}\n");
    }
}
