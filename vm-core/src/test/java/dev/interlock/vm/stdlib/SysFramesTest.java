package dev.interlock.vm.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * sys._getframe, frame objects and locals(). Expected outputs are what CPython 3.11.7
 * ({@code python3}) prints; the generator that wrote them ran it.
 */
@DisplayName("sys._getframe")
class SysFramesTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("sys._getframe and locals()")
    class GetFrame {

        @Test
        @DisplayName("frames give their code, globals, line, caller and locals")
        void getframe() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import sys
                def f(a, b=2):
                    c = a + b
                    def inner():
                        return c
                    return sorted(locals())
                print(f(1))
                def g():
                    fr = sys._getframe()
                    return fr.f_code.co_name, fr.f_back.f_code.co_name, type(fr).__name__, fr.f_globals is globals(), sys._getframe(1).f_code.co_name
                print(g())
                def h():
                    return sys._getframe(1).f_globals['__name__'], sys._getframe(0).f_locals
                print(h())
                attempt(lambda: sys._getframe(100))
                attempt(lambda: sys._getframe('a'))
                attempt(lambda: sys._getframe(1, 2))
                print(sys._getframe().f_back, sys._getframe().f_builtins is __builtins__.__dict__)
                x = 5
                print(sys._getframe().f_locals['x'], locals()['x'])
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['a', 'b', 'c', 'inner']
                ('g', '<module>', 'frame', True, '<module>')
                ('__main__', {})
                ValueError: call stack is not deep enough
                TypeError: 'str' object cannot be interpreted as an integer
                TypeError: _getframe expected at most 1 argument, got 2
                None True
                5 5
                """);
        }
    }
}

