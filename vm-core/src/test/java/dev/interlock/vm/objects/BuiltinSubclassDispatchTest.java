package dev.interlock.vm.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Special methods of Python classes derived from dict, list and tuple. Expected outputs are what
 * CPython 3.11.7 ({@code python3}) prints.
 */
@DisplayName("special methods of classes derived from built-in containers")
class BuiltinSubclassDispatchTest {

    @Test
    @DisplayName("unary, in-place and reflected operators and __missing__ run the Python override")
    void overrides() {
        String source = """
            class D(dict):
                def __pos__(self): return 'pos'
                def __neg__(self): return 'neg'
                def __ior__(self, o): return 'ior'
                def __iadd__(self, o): return 'iadd'
                def __radd__(self, o): return 'radd'
                def __missing__(self, k): return k * 2
            d = D(a=1)
            x = d
            x |= {}
            y = d
            y += 1
            print(+d, -d, x, y, 1 + d, d['zz'], d.get('zz'))
            class L(list):
                def __iadd__(self, o): return 'iadd'
                def __rmul__(self, o): return 'rmul'
                def __invert__(self): return 'inv'
            l = L()
            z = l
            z += [1]
            print(z, 3 * l, ~l, l)
            class T(tuple):
                def __add__(self, o): return 'add'
                def __radd__(self, o): return 'radd'
                def __neg__(self): return 'neg'
            t = T((1,))
            print(t + (2,), (0,) + t, -t, 5 + t)
            class P(dict): pass
            try: +P()
            except TypeError as e: print(e)
            p = P(a=1)
            p |= {'b': 2}
            print(p, type(p).__name__)
            """;
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        // python3 prints:
        assertThat(r.stdout()).isEqualTo("""
            pos neg ior iadd radd zzzz None
            iadd rmul inv []
            add radd neg radd
            bad operand type for unary +: 'P'
            {'a': 1, 'b': 2} P
            """);
    }

    @Test
    @DisplayName("subscription, unpacking, list() and the tuple protocol honour overrides in list and tuple subclasses")
    void sequenceOverrides() {
        String source = """
            class L(list):
                def __getitem__(self, i):
                    return 42
            print(L([1])[0])
            class D(dict):
                def __getitem__(self, i):
                    return 42
            print(D()[0])
            class T(tuple):
                def __iter__(self):
                    return iter([7, 8])
            a, b = T((1, 2))
            print(a, b)
            class M(list):
                def __iter__(self):
                    return iter('xy')
            a, b = M([1, 2])
            print(a, b)
            class N(tuple): pass
            a, b = N((1, 2))
            print(a, b)
            class U(tuple):
                def __len__(self): return 9
                def __contains__(self, x): return True
                def __hash__(self): return 5
                def __bool__(self): return False
            u = U()
            print(len(u), 3 in u, hash(u), bool(u), list(T((1, 2))), hash(N((1,))) == hash((1,)))
            """;
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        // python3 prints:
        assertThat(r.stdout()).isEqualTo("""
            42
            42
            7 8
            x y
            1 2
            9 True 5 False [7, 8] True
            """);
    }
}
