package dev.interlock.vm.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The methods dict and list expose for super() calls, dict.fromkeys and reversed dicts. Expected
 * outputs are what CPython 3.11.7 ({@code python3}) prints; the generator that wrote them ran it.
 */
@DisplayName("methods of dict and list")
class BuiltinContainerMethodsTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("built-in methods of dict and list")
    class Wrappers {

        @Test
        @DisplayName("super() and dict.__x__(self) reach the built-in behaviour; dict.fromkeys; reversed dicts and views")
        void superCalls() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                class L(list):
                    def __getitem__(self, i):
                        return super().__getitem__(i) * 10
                    def __len__(self):
                        return super().__len__() + 1
                    def __repr__(self):
                        return 'L' + super().__repr__()
                    def __setitem__(self, i, v):
                        super().__setitem__(i, -v)
                    def __contains__(self, x):
                        return super().__contains__(x) or x == 'any'
                l = L([1, 2])
                l[0] = 5
                print(l[0], len(l), l, 'any' in l, 2 in l, list.__getitem__(l, slice(0, 1)), list.__len__(l))
                del l[0]
                print(list(l), [1, 2].__contains__(2), [3, 4].__getitem__(-1))
                class D(dict):
                    def __setitem__(self, k, v):
                        super().__setitem__(k, (v, 'set'))
                    def __getitem__(self, k):
                        return ('got', super().__getitem__(k))
                    def __delitem__(self, k):
                        print('del', k)
                        super().__delitem__(k)
                    def __missing__(self, k):
                        return 'missing'
                    def __repr__(self):
                        return 'D' + super().__repr__()
                d = D()
                d['a'] = 1
                print(d['a'], d['zz'], d, dict.__getitem__(d, 'a'), dict.__len__(d), dict.__contains__(d, 'a'), list(dict.__iter__(d)))
                del d['a']
                print(d, {1: 2}.__getitem__(1), dict.__repr__({1: 2}))
                attempt(lambda: dict.__getitem__({}, 'k'))
                attempt(lambda: dict.__delitem__({}, 'k'))
                print(dict.fromkeys('ab'), dict.fromkeys([1], 0), D.fromkeys([1, 2], 5), type(D.fromkeys([1])).__name__)
                attempt(lambda: dict.fromkeys())
                attempt(lambda: dict.fromkeys(1))
                attempt(lambda: dict.fromkeys(1, 2, 3))
                attempt(lambda: dict.fromkeys(x=1))
                d = {'a': 1, 'b': 2}
                print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
                print(type(reversed(d)).__name__, type(reversed(d.items())).__name__, type(reversed(d.values())).__name__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                -50 3 L[-5, 2] True True [-5] 2
                [2] True 4
                ('got', (1, 'set')) ('got', 'missing') D{'a': (1, 'set')} (1, 'set') 1 True ['a']
                del a
                D{} 2 {1: 2}
                KeyError: 'k'
                KeyError: 'k'
                {'a': None, 'b': None} {1: 0} D{1: (5, 'set'), 2: (5, 'set')} D
                TypeError: fromkeys expected at least 1 argument, got 0
                TypeError: 'int' object is not iterable
                TypeError: fromkeys expected at most 2 arguments, got 3
                TypeError: dict.fromkeys() takes no keyword arguments
                ['b', 'a'] ['b', 'a'] [2, 1] [('b', 2), ('a', 1)]
                dict_reversekeyiterator dict_reverseitemiterator dict_reversevalueiterator
                """);
        }
    }
}

