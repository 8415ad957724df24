package dev.interlock.vm.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Classes created by calling type(), and tuple() of tuple subclasses. Expected outputs are what
 * CPython 3.11.7 ({@code python3}) prints; the generator that wrote them ran it.
 */
@DisplayName("classes made by type()")
class ClassCreationTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("classes made by type()")
    class TypeCall {

        @Test
        @DisplayName("type(name, bases, ns) belongs to the caller's module; assigning __module__ shows in the repr")
        void module() {
            String source = """
                T = type('T', (), {})
                print(T, T.__module__, repr(T))
                def f():
                    return type('U', (object,), {'x': 1})
                print(f(), f().__module__, f().x)
                T.__module__ = 'zz'
                print(T, T.__module__)
                V = type('V', (), {'__module__': 'given'})
                print(V)
                class W:
                    pass
                print(W, W.__module__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                <class '__main__.T'> __main__ <class '__main__.T'>
                <class '__main__.U'> __main__ 1
                <class 'zz.T'> zz
                <class 'given.V'>
                <class '__main__.W'> __main__
                """);
        }

        @Test
        @DisplayName("tuple() of a tuple subclass instance makes a plain tuple")
        void tupleOfSubclass() {
            String source = """
                class P(tuple):
                    def __repr__(self):
                        return 'P!'
                p = P((1, 2))
                t = tuple(p)
                print(p, t, type(t).__name__, t is p, tuple((1, 2)) == p)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                P! (1, 2) tuple False True
                """);
        }
    }
}

