package dev.interlock.vm.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code exec} and {@code eval}. Every expected output is what CPython 3.11.7 ({@code python3}) prints. */
@DisplayName("exec and eval")
class ExecEvalTest {

    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("namespaces")
    class Namespaces {

        @Test
        @DisplayName("explicit globals and locals, the caller's module namespace, a function's variables, defined functions")
        void namespaces() {
            String source = """
                print(eval("x", None, {'x': 4}), eval("  1+1"), eval("\\t1+1\\n"))
                g = {}
                exec("x = 5", g)
                print(sorted(g), type(g['__builtins__']), g['x'])
                y = 10
                print(eval("y + 1"))
                def f(a):
                    b = 2
                    def g():
                        return a
                    return eval("a + b + y")
                print(f(1))
                exec("z = 3")
                print(z)
                ns = {}
                exec("def h(q, r=2):\\n    return q * r", ns)
                print(ns['h'](4), ns['h'].__name__)
                loc = {}
                exec("w = 7", {}, loc)
                print(loc)
                print(eval("lambda a, b: (a, b)", {'__builtins__': {}, '__name__': 'nm'})(1, 2))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                4 2 2
                ['__builtins__', 'x'] <class 'dict'> 5
                11
                13
                3
                8 h
                {'w': 7}
                (1, 2)
                """);
        }
    }

    @Nested
    @DisplayName("errors")
    class ErrorMessages {

        @Test
        @DisplayName("bad sources, namespaces and argument lists raise CPython's messages")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                attempt(lambda: eval(1))
                attempt(lambda: exec(1))
                attempt(lambda: eval("1", []))
                attempt(lambda: eval("1", 5))
                attempt(lambda: exec("1", []))
                attempt(lambda: eval("1", {}, 3))
                attempt(lambda: exec("1", {}, 3))
                attempt(lambda: eval())
                attempt(lambda: exec())
                attempt(lambda: eval("1", globals={}))
                attempt(lambda: exec("x=1", globals={}))
                attempt(lambda: eval("1", {}, {}, {}))
                attempt(lambda: exec('1', {}, {}, {}))
                attempt(lambda: exec('1', closure=(1,)))
                attempt(lambda: eval("1;2"))
                attempt(lambda: eval("len", {'__builtins__': {}}))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: eval() arg 1 must be a string, bytes or code object
                TypeError: exec() arg 1 must be a string, bytes or code object
                TypeError: globals must be a real dict; try eval(expr, {}, mapping)
                TypeError: globals must be a dict
                TypeError: exec() globals must be a dict, not list
                TypeError: locals must be a mapping
                TypeError: locals must be a mapping or None, not int
                TypeError: eval expected at least 1 argument, got 0
                TypeError: exec() takes at least 1 positional argument (0 given)
                TypeError: eval() takes no keyword arguments
                TypeError: 'globals' is an invalid keyword argument for exec()
                TypeError: eval expected at most 3 arguments, got 4
                TypeError: exec() takes at most 3 positional arguments (4 given)
                TypeError: closure can only be used when source is a code object
                SyntaxError: invalid syntax (<string>, line 1)
                NameError: name 'len' is not defined
                """);
        }
    }
}
