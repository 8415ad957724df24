package dev.interlock.vm.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Writable function attributes. Expected outputs are what CPython 3.11.7 ({@code python3}) prints. */
@DisplayName("function attributes")
class FunctionAttributesTest {

    @Test
    @DisplayName("__defaults__ and __kwdefaults__ can be replaced and deleted; del honours data descriptors")
    void defaults() {
        String source = """
            def f(a, b, *, c): return a, b, c
            f.__defaults__ = (5,)
            f.__kwdefaults__ = {'c': 9}
            print(f(1), f.__defaults__, f.__kwdefaults__)
            f.__defaults__ = None
            try: f(1)
            except TypeError as e: print(e)
            del f.__kwdefaults__
            print(f.__kwdefaults__)
            try: f.__defaults__ = [1]
            except TypeError as e: print(e)
            try: f.__kwdefaults__ = 1
            except TypeError as e: print(e)
            f.__defaults__ = ()
            print(f.__defaults__)
            try: del f.__name__
            except TypeError as e: print(e)
            class D:
                @property
                def p(self): return 1
            d = D()
            try: del d.p
            except AttributeError as e: print(e)
            """;
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        // python3 prints:
        assertThat(r.stdout()).isEqualTo("""
            (1, 5, 9) (5,) {'c': 9}
            f() missing 1 required positional argument: 'b'
            None
            __defaults__ must be set to a tuple object
            __kwdefaults__ must be set to a dict object
            ()
            __name__ must be set to a string object
            property 'p' of 'D' object has no deleter
            """);
    }
}
