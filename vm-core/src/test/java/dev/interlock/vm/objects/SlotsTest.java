package dev.interlock.vm.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code __slots__ = ()}. Expected outputs are what CPython 3.11.7 ({@code python3}) prints. */
@DisplayName("__slots__")
class SlotsTest {

    @Test
    @DisplayName("empty __slots__ take away the instance dict, for object, tuple, list and dict layouts, unless a base has one")
    void emptySlots() {
        String source = """
            class A: __slots__ = ()
            a = A()
            for f in (lambda: setattr(a, 'x', 1), lambda: a.__dict__, lambda: vars(a), lambda: a.y, lambda: delattr(a, 'x')):
                try: f()
                except Exception as e: print(type(e).__name__, e)
            class T(tuple): __slots__ = ()
            t = T()
            for f in (lambda: setattr(t, 'x', 1), lambda: t.__dict__):
                try: f()
                except Exception as e: print(type(e).__name__, e)
            class B(A): pass
            b = B(); b.x = 1; print(b.__dict__)
            class C(A): __slots__ = ['q']
            c = C(); c.q = 1; print(c.q)
            class L(list): __slots__ = ()
            try: L().z = 1
            except AttributeError as e: print(e)
            class DD(dict): __slots__ = ()
            try: DD().z = 1
            except AttributeError as e: print(e)
            """;
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        // python3 prints:
        assertThat(r.stdout()).isEqualTo("""
            AttributeError 'A' object has no attribute 'x'
            AttributeError 'A' object has no attribute '__dict__'
            TypeError vars() argument must have __dict__ attribute
            AttributeError 'A' object has no attribute 'y'
            AttributeError 'A' object has no attribute 'x'
            AttributeError 'T' object has no attribute 'x'
            AttributeError 'T' object has no attribute '__dict__'
            {'x': 1}
            1
            'L' object has no attribute 'z'
            'DD' object has no attribute 'z'
            """);
    }
}
