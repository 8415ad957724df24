package dev.interlock.vm.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * itertools. Every expected output below is what CPython 3.11.7 ({@code python3}) prints for
 * the same snippet (a test that expects NotSupportedError says so).
 */
@DisplayName("itertools")
class ItertoolsModuleTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("infinite iterators")
    class InfiniteIterators {

        @Test
        @DisplayName("count counts ints, floats and big ints by any step, with CPython's repr")
        void count() {
            String source = """
                import itertools
                print(list(itertools.islice(itertools.count(), 5)), list(itertools.islice(itertools.count(10, 5), 4)))
                print(list(itertools.islice(itertools.count(0.5, 0.25), 3)), list(itertools.islice(itertools.count(-3, -2), 3)))
                print(list(itertools.islice(itertools.count(2 ** 63 - 2), 3)), list(itertools.islice(itertools.count(start=1, step=0), 2)))
                c = itertools.count(7)
                print(next(c), next(c), c, itertools.count(0, 2), itertools.count(1.5), itertools.count(0, 1.0), itertools.count(2 ** 70))
                print(itertools.count(True), next(itertools.count(True)), itertools.count(0, True), itertools.count(2.5, -0.5))
                counter = itertools.count(1)
                print([next(counter) for _ in range(3)], next(counter))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [0, 1, 2, 3, 4] [10, 15, 20, 25]
                [0.5, 0.75, 1.0] [-3, -5, -7]
                [9223372036854775806, 9223372036854775807, 9223372036854775808] [1, 1]
                7 8 count(9) count(0, 2) count(1.5) count(0, 1.0) count(1180591620717411303424)
                count(1) 1 count(0) count(2.5, -0.5)
                [1, 2, 3] 4
                """);
        }

        @Test
        @DisplayName("count rejects non-numbers and bad arguments with CPython's messages")
        void countErrors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                attempt(lambda: itertools.count('a'))
                attempt(lambda: itertools.count(1, 'a'))
                attempt(lambda: itertools.count(1, 2, 3))
                attempt(lambda: itertools.count(x=3))
                attempt(lambda: itertools.count(step=3, start=4))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: a number is required
                TypeError: a number is required
                TypeError: count() takes at most 2 arguments (3 given)
                TypeError: 'x' is an invalid keyword argument for count()
                count(4, 3)
                """);
        }

        @Test
        @DisplayName("cycle saves the first pass and repeats it; an empty input gives nothing")
        void cycle() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.islice(itertools.cycle('abc'), 8)), list(itertools.cycle([])))
                source = iter([1, 2])
                c = itertools.cycle(source)
                print([next(c) for _ in range(5)], list(source))
                attempt(lambda: itertools.cycle())
                attempt(lambda: itertools.cycle(1))
                attempt(lambda: itertools.cycle([1], 2))
                attempt(lambda: itertools.cycle(iterable=[1]))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b'] []
                [1, 2, 1, 2, 1] []
                TypeError: cycle expected 1 argument, got 0
                TypeError: 'int' object is not iterable
                TypeError: cycle expected 1 argument, got 2
                TypeError: cycle() takes no keyword arguments
                """);
        }

        @Test
        @DisplayName("repeat gives an object times times or forever; its repr shows the repetitions left")
        void repeat() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.repeat('x', 3)), list(itertools.repeat(1, 0)), list(itertools.repeat(1, -4)))
                print(list(itertools.islice(itertools.repeat(None), 2)), list(map(pow, range(5), itertools.repeat(2))))
                r = itertools.repeat('a', 3)
                next(r)
                print(r, itertools.repeat([1, 2]), itertools.repeat(1, -2), itertools.repeat(object=5, times=1))
                attempt(lambda: itertools.repeat())
                attempt(lambda: itertools.repeat(1, None))
                attempt(lambda: itertools.repeat(1, 'a'))
                attempt(lambda: itertools.repeat(1, 2, 3))
                attempt(lambda: itertools.repeat(1, 2 ** 70))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['x', 'x', 'x'] [] []
                [None, None] [0, 1, 4, 9, 16]
                repeat('a', 2) repeat([1, 2]) repeat(1, 0) repeat(5, 1)
                TypeError: repeat() missing required argument 'object' (pos 1)
                TypeError: 'NoneType' object cannot be interpreted as an integer
                TypeError: 'str' object cannot be interpreted as an integer
                TypeError: repeat() takes at most 2 arguments (3 given)
                OverflowError: Python int too large to convert to C ssize_t
                """);
        }
    }

    @Nested
    @DisplayName("iterators that stop with their input")
    class TerminatingIterators {

        @Test
        @DisplayName("accumulate sums, applies func, starts with initial")
        void accumulate() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
                print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)), list(itertools.accumulate([], initial=5)))
                print(list(itertools.accumulate([])), list(itertools.accumulate('abc')), list(itertools.accumulate([1, 2], func=None, initial=None)))
                print(list(itertools.accumulate(iterable=[1, 2], func=lambda a, b: a - b)))
                attempt(lambda: itertools.accumulate())
                attempt(lambda: itertools.accumulate(1))
                attempt(lambda: itertools.accumulate([1], None, 5))
                attempt(lambda: itertools.accumulate([1], x=2))
                attempt(lambda: list(itertools.accumulate([1, 'b'])))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [1, 3, 6, 10] [3, 3, 4, 4, 5]
                [10, 10, 20, 60] [5]
                [] ['a', 'ab', 'abc'] [1, 3]
                [1, -1]
                TypeError: accumulate() missing required argument 'iterable' (pos 1)
                TypeError: 'int' object is not iterable
                TypeError: accumulate() takes at most 2 positional arguments (3 given)
                TypeError: 'x' is an invalid keyword argument for accumulate()
                TypeError: unsupported operand type(s) for +: 'int' and 'str'
                """);
        }

        @Test
        @DisplayName("chain and the class method chain.from_iterable read their iterables lazily")
        void chain() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.chain('ab', [1], (), range(2))), list(itertools.chain()))
                print(list(itertools.chain.from_iterable(['ab', 'cd'])), list(itertools.chain.from_iterable([[1], [2, 3]])))
                c = itertools.chain([1], 2, [3])
                attempt(lambda: list(c))
                print(list(c))
                print(type(itertools.chain.from_iterable).__name__, itertools.chain.from_iterable.__name__, type(itertools.chain([]).from_iterable([])).__name__)
                attempt(lambda: itertools.chain(x=1))
                attempt(lambda: itertools.chain.from_iterable())
                attempt(lambda: itertools.chain.from_iterable(1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['a', 'b', 1, 0, 1] []
                ['a', 'b', 'c', 'd'] [1, 2, 3]
                TypeError: 'int' object is not iterable
                []
                builtin_function_or_method from_iterable chain
                TypeError: chain() takes no keyword arguments
                TypeError: chain.from_iterable() takes exactly one argument (0 given)
                TypeError: 'int' object is not iterable
                """);
        }

        @Test
        @DisplayName("compress, dropwhile, takewhile and filterfalse select as documented")
        void filters() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(itertools.compress('ABCD', [0, 1])), list(itertools.compress(data='AB', selectors=[1, 1, 1])))
                print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
                print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, '', 'a', None])), list(itertools.filterfalse(bool, [0, 2])))
                t = itertools.takewhile(lambda x: x < 2, iter([1, 2, 1]))
                print(list(t), list(t))
                attempt(lambda: itertools.compress([1]))
                attempt(lambda: itertools.dropwhile(None))
                attempt(lambda: list(itertools.dropwhile(None, [1])))
                attempt(lambda: itertools.takewhile(len, 1))
                attempt(lambda: itertools.filterfalse(None, [], f=1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['A', 'C', 'E', 'F'] ['B'] ['A', 'B']
                [6, 4, 1] [1, 4]
                [0, 2, 4, 6, 8] [0, '', None] [0]
                [1] []
                TypeError: compress() missing required argument 'selectors' (pos 2)
                TypeError: dropwhile expected 2 arguments, got 1
                TypeError: 'NoneType' object is not callable
                TypeError: 'int' object is not iterable
                TypeError: filterfalse() takes no keyword arguments
                """);
        }

        @Test
        @DisplayName("an exception from a callback propagates and the iterator goes on with the next item")
        void callbackErrors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                def check(x):
                    if x == 2:
                        raise ValueError('bad ' + str(x))
                    return x < 4
                for make in [itertools.dropwhile, itertools.takewhile, itertools.filterfalse]:
                    it = make(check, [1, 2, 3, 5, 6])
                    out = []
                    for _ in range(6):
                        try:
                            out.append(next(it))
                        except StopIteration:
                            out.append('stop')
                        except ValueError as e:
                            out.append(str(e))
                    print(out)
                s = itertools.starmap(lambda a, b: a // b, [(4, 2), (1, 0), (9, 3)])
                attempt(lambda: next(s))
                attempt(lambda: next(s))
                attempt(lambda: next(s))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['bad 2', 5, 6, 'stop', 'stop', 'stop']
                [1, 'bad 2', 3, 'stop', 'stop', 'stop']
                ['bad 2', 5, 6, 'stop', 'stop', 'stop']
                2
                ZeroDivisionError: integer division or modulo by zero
                3
                """);
        }

        @Test
        @DisplayName("groupby yields (key, group) for runs of equal keys")
        void groupby() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print([(k, list(g)) for k, g in itertools.groupby('AAAABBBCCDAABBB')])
                print([k for k, g in itertools.groupby('AAAABBBCCD')], [list(g) for k, g in itertools.groupby('AAAABBBCCD')])
                print([(k, list(g)) for k, g in itertools.groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)], list(itertools.groupby([])))
                people = [('eng', 'ann'), ('eng', 'bob'), ('ops', 'cy'), ('eng', 'dee')]
                for key, grp in itertools.groupby(people, key=lambda p: p[0]):
                    print(key, [name for _, name in grp])
                print([(k, len(list(g))) for k, g in itertools.groupby([1, 1.0, True, 2, 2.0])])
                attempt(lambda: itertools.groupby())
                attempt(lambda: itertools.groupby(1))
                attempt(lambda: itertools.groupby([1], None, 2))
                attempt(lambda: list(itertools.groupby([1, 'a'], key=lambda v: v + 1)))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [('A', ['A', 'A', 'A', 'A']), ('B', ['B', 'B', 'B']), ('C', ['C', 'C']), ('D', ['D']), ('A', ['A', 'A']), ('B', ['B', 'B', 'B'])]
                ['A', 'B', 'C', 'D'] [['A', 'A', 'A', 'A'], ['B', 'B', 'B'], ['C', 'C'], ['D']]
                [(0, [1, 2]), (1, [3, 4, 5]), (2, [6])] []
                eng ['ann', 'bob']
                ops ['cy']
                eng ['dee']
                [(1, 3), (2, 2)]
                TypeError: groupby() missing required argument 'iterable' (pos 1)
                TypeError: 'int' object is not iterable
                TypeError: groupby() takes at most 2 arguments (3 given)
                TypeError: can only concatenate str (not "int") to str
                """);
        }

        @Test
        @DisplayName("advancing the groupby invalidates the previous group, as in CPython")
        void groupbyInvalidation() {
            String source = """
                import itertools
                gb = itertools.groupby('aabbbc')
                k1, g1 = next(gb)
                print(k1, next(g1))
                k2, g2 = next(gb)
                print(k2, list(g1), next(g2))
                k3, g3 = next(gb)
                print(k3, list(g2), list(g3), list(gb), list(g3))
                gb = itertools.groupby([1, 1, 2])
                groups = list(gb)
                print([(k, list(g)) for k, g in groups])
                print(type(groups[0][1]).__name__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                a a
                b [] b
                c [] ['c'] [] []
                [(1, []), (2, [])]
                _grouper
                """);
        }

        @Test
        @DisplayName("islice selects by stop or start, stop and step and reads no more than needed")
        void islice() {
            String source = """
                import itertools
                print(list(itertools.islice('ABCDEFG', 2)), list(itertools.islice('ABCDEFG', 2, 4)), list(itertools.islice('ABCDEFG', 2, None)))
                print(list(itertools.islice('ABCDEFG', 0, None, 2)), list(itertools.islice('abcdefg', 2, 6, 2)), list(itertools.islice(range(100), 3)))
                print(list(itertools.islice(range(10), 0)), list(itertools.islice(range(10), 5, 2)), list(itertools.islice(range(10), None)))
                print(list(itertools.islice(range(10), None, None, None)), list(itertools.islice(range(10), True)), list(itertools.islice(range(10), 3, 8, 2)))
                it = iter(range(10))
                print(list(itertools.islice(it, 3)), list(it))
                it = iter(range(10))
                print(list(itertools.islice(it, 2, 5)), next(it))
                it = iter(range(10))
                print(list(itertools.islice(it, 1, 7, 4)), next(it))
                print(list(itertools.islice(itertools.count(), 2, 20, 6)))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['A', 'B'] ['C', 'D'] ['C', 'D', 'E', 'F', 'G']
                ['A', 'C', 'E', 'G'] ['c', 'e'] [0, 1, 2]
                [] [] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
                [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] [0] [3, 5, 7]
                [0, 1, 2] [3, 4, 5, 6, 7, 8, 9]
                [2, 3, 4] 5
                [1, 5] 7
                [2, 8, 14]
                """);
        }

        @Test
        @DisplayName("islice reports bad indices with CPython's ValueError messages")
        void isliceErrors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                attempt(lambda: itertools.islice())
                attempt(lambda: itertools.islice([1]))
                attempt(lambda: itertools.islice([1], -1))
                attempt(lambda: itertools.islice([1], -2))
                attempt(lambda: itertools.islice([1], 'a'))
                attempt(lambda: itertools.islice([1], 2.0))
                attempt(lambda: itertools.islice([1], 2 ** 70))
                attempt(lambda: itertools.islice([1], -1, 2))
                attempt(lambda: itertools.islice([1], 'a', 2))
                attempt(lambda: itertools.islice([1], 1, -1))
                attempt(lambda: itertools.islice([1], 1, -2))
                attempt(lambda: itertools.islice([1], -1, 2 ** 70))
                attempt(lambda: itertools.islice([1], 1, 2, 0))
                attempt(lambda: itertools.islice([1], 1, 2, -1))
                attempt(lambda: itertools.islice([1], 1, 2, 'a'))
                attempt(lambda: itertools.islice([1], -1, 2, 0))
                attempt(lambda: itertools.islice([1], 1, 2, 3, 4))
                attempt(lambda: itertools.islice(1, 2))
                attempt(lambda: itertools.islice(1, -1))
                attempt(lambda: itertools.islice([1], stop=2))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: islice expected at least 2 arguments, got 0
                TypeError: islice expected at least 2 arguments, got 1
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                ValueError: Step for islice() must be a positive integer or None.
                ValueError: Step for islice() must be a positive integer or None.
                ValueError: Step for islice() must be a positive integer or None.
                ValueError: Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                TypeError: islice expected at most 4 arguments, got 5
                TypeError: 'int' object is not iterable
                ValueError: Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.
                TypeError: islice() takes no keyword arguments
                """);
        }

        @Test
        @DisplayName("starmap, pairwise and zip_longest")
        void starmapPairwiseZipLongest() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(itertools.starmap(lambda *a: sum(a), [[1, 2], (3,), ()])))
                print(list(itertools.pairwise('ABCDEFG')), list(itertools.pairwise('A')), list(itertools.pairwise('')))
                print(list(itertools.zip_longest('ABCD', 'xy', fillvalue='-')), list(itertools.zip_longest('AB', [1, 2, 3], [True])))
                print(list(itertools.zip_longest()), list(itertools.zip_longest('ab')))
                attempt(lambda: list(itertools.starmap(pow, [1])))
                attempt(lambda: itertools.starmap(None))
                attempt(lambda: itertools.pairwise())
                attempt(lambda: itertools.pairwise(1))
                attempt(lambda: itertools.zip_longest([1], 1))
                attempt(lambda: itertools.zip_longest([1], fill=1))
                attempt(lambda: itertools.zip_longest([1], fillvalue=1, x=2))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [32, 9, 1000] [3, 3, 0]
                [('A', 'B'), ('B', 'C'), ('C', 'D'), ('D', 'E'), ('E', 'F'), ('F', 'G')] [] []
                [('A', 'x'), ('B', 'y'), ('C', '-'), ('D', '-')] [('A', 1, True), ('B', 2, None), (None, 3, None)]
                [] [('a',), ('b',)]
                TypeError: 'int' object is not iterable
                TypeError: starmap expected 2 arguments, got 1
                TypeError: pairwise expected 1 argument, got 0
                TypeError: 'int' object is not iterable
                TypeError: 'int' object is not iterable
                TypeError: zip_longest() got an unexpected keyword argument
                TypeError: zip_longest() got an unexpected keyword argument
                """);
        }

        @Test
        @DisplayName("tee makes independent iterators over one input")
        void tee() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                a, b = itertools.tee(range(5))
                print(list(a), list(b))
                a, b, c = itertools.tee('xyz', 3)
                print(next(a), list(b), list(a), list(c))
                print(itertools.tee([], 0), len(itertools.tee('a', 5)), [list(t) for t in itertools.tee('ab', 1)])
                a, b = itertools.tee(range(200))
                print(sum(a), sum(b))
                a, b = itertools.tee(iter(range(130)))
                print(list(itertools.islice(a, 60))[-1], list(b)[-1], list(a)[-1])
                t1, t2 = itertools.tee(iter([1, 2, 3]))
                print(next(t1), list(t2))
                t3, t4 = itertools.tee(t1)
                print(list(t3), list(t4), list(t1), itertools.tee(t1, 1)[0] is t1)
                c = t2.__copy__()
                print(type(c).__name__, list(c), list(itertools._tee('ab')))
                attempt(lambda: itertools.tee())
                attempt(lambda: itertools.tee([1], -1))
                attempt(lambda: itertools.tee(1))
                attempt(lambda: itertools.tee([1], 'a'))
                attempt(lambda: itertools.tee([1], n=2))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [0, 1, 2, 3, 4] [0, 1, 2, 3, 4]
                x ['x', 'y', 'z'] ['y', 'z'] ['x', 'y', 'z']
                () 5 [['a', 'b']]
                19900 19900
                59 129 129
                1 [1, 2, 3]
                [2, 3] [2, 3] [] True
                _tee [] ['a', 'b']
                TypeError: tee expected at least 1 argument, got 0
                ValueError: n must be >= 0
                TypeError: 'int' object is not iterable
                TypeError: 'str' object cannot be interpreted as an integer
                TypeError: itertools.tee() takes no keyword arguments
                """);
        }
    }

    @Nested
    @DisplayName("combinatoric iterators")
    class CombinatoricIterators {

        @Test
        @DisplayName("product in lexicographic order, with repeat")
        void product() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.product('ab', [0, 1])), len(list(itertools.product(range(3), repeat=3))))
                print(list(itertools.product(range(2), repeat=3)), list(itertools.product()), list(itertools.product('ab', [])))
                print(list(itertools.product('ab', repeat=0)), list(itertools.product([1, 2], repeat=True)), list(itertools.product(repeat=2)))
                print([a + b for a, b in itertools.product(range(1, 7), repeat=2)].count(7))
                attempt(lambda: itertools.product(1))
                attempt(lambda: itertools.product([1], repeat=-1))
                attempt(lambda: itertools.product([1], rep=1))
                attempt(lambda: itertools.product([1], repeat='a'))
                attempt(lambda: itertools.product([1], repeat=2 ** 70))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [('a', 0), ('a', 1), ('b', 0), ('b', 1)] 27
                [(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)] [()] []
                [()] [(1,), (2,)] [()]
                6
                TypeError: 'int' object is not iterable
                ValueError: repeat argument cannot be negative
                TypeError: 'rep' is an invalid keyword argument for product()
                TypeError: 'str' object cannot be interpreted as an integer
                OverflowError: Python int too large to convert to C ssize_t
                """);
        }

        @Test
        @DisplayName("permutations of all or r items")
        void permutations() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.permutations([1, 2, 3])), list(itertools.permutations('abcd', 2))[:5])
                print(list(itertools.permutations('AB', 3)), list(itertools.permutations('ABC', 0)), list(itertools.permutations([])), len(list(itertools.permutations(range(6)))))
                print(list(itertools.permutations([1, 2], None)), list(itertools.permutations(iterable='ab', r=1)), list(itertools.permutations('aab'))[:3])
                attempt(lambda: itertools.permutations())
                attempt(lambda: itertools.permutations([1], -1))
                attempt(lambda: itertools.permutations([1], 'a'))
                attempt(lambda: itertools.permutations([1], 2.0))
                attempt(lambda: itertools.permutations(1, -1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [(1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1)] [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'a'), ('b', 'c')]
                [] [()] [()] 720
                [(1, 2), (2, 1)] [('a',), ('b',)] [('a', 'a', 'b'), ('a', 'b', 'a'), ('a', 'a', 'b')]
                TypeError: permutations() missing required argument 'iterable' (pos 1)
                ValueError: r must be non-negative
                TypeError: Expected int as r
                TypeError: Expected int as r
                TypeError: 'int' object is not iterable
                """);
        }

        @Test
        @DisplayName("combinations and combinations_with_replacement")
        void combinations() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                print(list(itertools.combinations('abcd', 2)), list(itertools.combinations(range(5), 4)))
                print(len(list(itertools.combinations(range(20), 3))), list(itertools.combinations([1], 2)), list(itertools.combinations('AB', 0)), list(itertools.combinations([], 0)))
                print(list(itertools.combinations_with_replacement('ABC', 2)), list(itertools.combinations_with_replacement('AB', 0)))
                print(list(itertools.combinations_with_replacement('AB', 3)), list(itertools.combinations_with_replacement([], 2)), list(itertools.combinations_with_replacement([], 0)))
                print(len(list(itertools.combinations(range(12), 5))), len(list(itertools.combinations_with_replacement(range(6), 4))))
                attempt(lambda: itertools.combinations([1]))
                attempt(lambda: itertools.combinations([1], -1))
                attempt(lambda: itertools.combinations([1], None))
                attempt(lambda: itertools.combinations(1, -1))
                attempt(lambda: itertools.combinations(1, 'a'))
                attempt(lambda: itertools.combinations([1], 2 ** 70))
                attempt(lambda: itertools.combinations_with_replacement([1]))
                attempt(lambda: itertools.combinations_with_replacement([1], -1))
                attempt(lambda: itertools.combinations_with_replacement(1, -1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [(0, 1, 2, 3), (0, 1, 2, 4), (0, 1, 3, 4), (0, 2, 3, 4), (1, 2, 3, 4)]
                1140 [] [()] [()]
                [('A', 'A'), ('A', 'B'), ('A', 'C'), ('B', 'B'), ('B', 'C'), ('C', 'C')] [()]
                [('A', 'A', 'A'), ('A', 'A', 'B'), ('A', 'B', 'B'), ('B', 'B', 'B')] [] [()]
                792 126
                TypeError: combinations() missing required argument 'r' (pos 2)
                ValueError: r must be non-negative
                TypeError: 'NoneType' object cannot be interpreted as an integer
                TypeError: 'int' object is not iterable
                TypeError: 'str' object cannot be interpreted as an integer
                OverflowError: Python int too large to convert to C ssize_t
                TypeError: combinations_with_replacement() missing required argument 'r' (pos 2)
                ValueError: r must be non-negative
                TypeError: 'int' object is not iterable
                """);
        }
    }

    @Nested
    @DisplayName("types and the iterator protocol")
    class TypesAndProtocol {

        @Test
        @DisplayName("each iterator's type is named as CPython's and lives in module itertools")
        void typeNames() {
            String source = """
                import itertools
                objs = [itertools.count(), itertools.cycle([]), itertools.repeat(1), itertools.accumulate([]), itertools.chain(),
                        itertools.compress([], []), itertools.dropwhile(len, []), itertools.takewhile(len, []), itertools.filterfalse(len, []),
                        itertools.groupby([]), itertools.islice([], 1), itertools.starmap(len, []), itertools.tee([])[0],
                        itertools.zip_longest(), itertools.pairwise([]), itertools.product(), itertools.permutations([]),
                        itertools.combinations([], 1), itertools.combinations_with_replacement([], 1)]
                print([type(o).__name__ for o in objs])
                print(itertools.count, itertools.chain, itertools._grouper, itertools._tee, itertools._tee_dataobject)
                print(itertools.islice.__module__, itertools.count.__name__, itertools.count.__qualname__, itertools.__name__)
                print(type(itertools.tee).__name__, itertools.tee.__name__, itertools.tee.__module__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['count', 'cycle', 'repeat', 'accumulate', 'chain', 'compress', 'dropwhile', 'takewhile', 'filterfalse', 'groupby', 'islice', 'starmap', '_tee', 'zip_longest', 'pairwise', 'product', 'permutations', 'combinations', 'combinations_with_replacement']
                <class 'itertools.count'> <class 'itertools.chain'> <class 'itertools._grouper'> <class 'itertools._tee'> <class 'itertools._tee_dataobject'>
                itertools count count itertools
                builtin_function_or_method tee itertools
                """);
        }

        @Test
        @DisplayName("iterators are their own iterators, with __iter__ and __next__")
        void protocol() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import itertools
                c = itertools.count()
                print(iter(c) is c, c.__iter__() is c, c.__next__(), next(c), list(iter(itertools.repeat(1, 2))))
                attempt(lambda: itertools.repeat(1, 0).__next__())
                attempt(lambda: itertools.chain([])[0])
                attempt(lambda: len(itertools.count()))
                attempt(lambda: itertools.count()())
                attempt(lambda: next(itertools.chain()))
                print(next(itertools.chain(), 'done'))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                True True 0 1 [1, 1]
                StopIteration:\s
                TypeError: 'itertools.chain' object is not subscriptable
                TypeError: object of type 'itertools.count' has no len()
                TypeError: 'itertools.count' object is not callable
                StopIteration:\s
                done
                """);
        }
    }

    @Nested
    @DisplayName("generators, iterator classes and subclasses")
    class PythonIterables {

        @Test
        @DisplayName("inputs may be generators and objects whose __next__ raises StopIteration")
        void generators() {
            String source = """
                import itertools
                def gen(n):
                    for i in range(n):
                        yield i
                class Countdown:
                    def __init__(self, n):
                        self.n = n
                    def __iter__(self):
                        return self
                    def __next__(self):
                        if self.n == 0:
                            raise StopIteration
                        self.n -= 1
                        return self.n
                print(list(itertools.islice(gen(10), 2, 8, 3)), list(itertools.chain(gen(2), Countdown(3))), list(itertools.pairwise(gen(4))))
                a, b = itertools.tee(gen(3))
                print(list(a), list(b), list(itertools.zip_longest(Countdown(2), gen(3))), list(itertools.accumulate(Countdown(4))))
                print([(k, list(g)) for k, g in itertools.groupby(Countdown(6), key=lambda v: v // 2)], list(itertools.product(gen(2), Countdown(2))))
                print(sum(1 for _ in itertools.combinations(range(20), 3)), sorted(set(itertools.permutations('aab'))))
                print(list(itertools.starmap(lambda a, b: a * b, zip(gen(3), Countdown(3)))), list(itertools.compress(gen(5), Countdown(5))))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [2, 5] [0, 1, 2, 1, 0] [(0, 1), (1, 2), (2, 3)]
                [0, 1, 2] [0, 1, 2] [(1, 0), (0, 1), (None, 2)] [3, 5, 6, 6]
                [(2, [5, 4]), (1, [3, 2]), (0, [1, 0])] [(0, 1), (0, 0), (1, 1), (1, 0)]
                1140 [('a', 'a', 'b'), ('a', 'b', 'a'), ('b', 'a', 'a')]
                [0, 1, 0] [0, 1, 2, 3]
                """);
        }

        @Test
        @DisplayName("a class may derive from an itertools type, but making an instance is not supported yet")
        void subclasses() {
            String source = """
                import itertools
                class MyChain(itertools.chain):
                    pass
                print(list(MyChain([1], [2])))
                """;
            PythonRunner.Result r = PythonRunner.serial().run(source);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.lastErrorLine()).isEqualTo("NotSupportedError: instances of classes derived from itertools.chain is not supported by Interlock");
        }
    }

    @Nested
    @DisplayName("reference counts, as sys.getrefcount shows them")
    class ReferenceHygiene {

        @Test
        @DisplayName("after exhaustion each iterator holds what CPython's holds, and nothing once freed")
        void exhaustedIterators() {
            String source = """
                import sys, itertools as I
                x = object()
                base = sys.getrefcount(x)
                makers = [('chain', lambda: I.chain([x], [1])), ('chain.from_iterable', lambda: I.chain.from_iterable([[x]])),
                          ('islice', lambda: I.islice([x, 1, 2], 1)), ('pairwise', lambda: I.pairwise([x, 1, 2])),
                          ('starmap', lambda: I.starmap(lambda a, b: 0, [(x, x)])), ('compress', lambda: I.compress([x], [0])),
                          ('compress data left', lambda: I.compress([1, x], [1])), ('filterfalse', lambda: I.filterfalse(None, [x])),
                          ('takewhile', lambda: I.takewhile(bool, [x])), ('dropwhile', lambda: I.dropwhile(bool, [x])),
                          ('zip_longest', lambda: I.zip_longest([1, 2], [x])), ('zip_longest first', lambda: I.zip_longest([x, 2], [1])),
                          ('accumulate', lambda: I.accumulate([1, x], lambda a, b: b)), ('accumulate initial', lambda: I.accumulate([], initial=x)),
                          ('product', lambda: I.product([1], [x, 2])), ('permutations', lambda: I.permutations([x, 1])),
                          ('combinations', lambda: I.combinations([1, x, 2], 2)), ('cwr', lambda: I.combinations_with_replacement([x, 1], 2)),
                          ('groupby', lambda: I.groupby([1, x])), ('cycle', lambda: I.islice(I.cycle([x]), 3)),
                          ('repeat', lambda: I.repeat(x, 2)), ('tee', lambda: I.tee([x, 1])[0])]
                for name, make in makers:
                    it = make()
                    r = list(it)
                    del r
                    held = sys.getrefcount(x) - base
                    del it
                    print(name, held, sys.getrefcount(x) - base)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                chain 0 0
                chain.from_iterable 0 0
                islice 0 0
                pairwise 0 0
                starmap 0 0
                compress 0 0
                compress data left 1 0
                filterfalse 0 0
                takewhile 0 0
                dropwhile 0 0
                zip_longest 1 0
                zip_longest first 1 0
                accumulate 1 0
                accumulate initial 1 0
                product 2 0
                permutations 2 0
                combinations 2 0
                cwr 1 0
                groupby 3 0
                cycle 0 0
                repeat 1 0
                tee 1 0
                """);
        }

        @Test
        @DisplayName("which items stay referenced when the caller drops each result at once")
        void discardedResults() {
            String source = """
                import sys, itertools as I
                def probe(name, make):
                    xs = [object() for _ in range(3)]
                    it = make(xs)
                    for t in it:
                        pass
                    del t
                    print(name, [sys.getrefcount(x) - 3 for x in xs])
                probe('product', lambda xs: I.product(xs, [1, 2]))
                probe('permutations', lambda xs: I.permutations(xs, 2))
                probe('combinations', lambda xs: I.combinations(xs, 2))
                probe('cwr', lambda xs: I.combinations_with_replacement(xs, 2))
                probe('zip_longest', lambda xs: I.zip_longest(xs, [1]))
                probe('zip_longest short', lambda xs: I.zip_longest([1, 2, 3, 4], xs))
                probe('groupby', lambda xs: I.groupby(xs))
                probe('pairwise', lambda xs: I.pairwise(xs))
                probe('accumulate', lambda xs: I.accumulate(xs, lambda a, b: b))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                product [2, 1, 1]
                permutations [1, 2, 2]
                combinations [1, 2, 2]
                cwr [1, 1, 3]
                zip_longest [0, 0, 1]
                zip_longest short [0, 0, 1]
                groupby [0, 0, 3]
                pairwise [0, 0, 0]
                accumulate [0, 0, 1]
                """);
        }

        @Test
        @DisplayName("tee releases a block of items once every iterator has moved past it")
        void teeBlocks() {
            String source = """
                import sys, itertools as I
                x = object()
                base = sys.getrefcount(x)
                a, b = I.tee(iter([x] + list(range(200))))
                print(sys.getrefcount(x) - base)
                next(a)
                print(sys.getrefcount(x) - base)
                for _ in range(100):
                    next(a)
                print(sys.getrefcount(x) - base)
                for _ in range(100):
                    next(b)
                print(sys.getrefcount(x) - base)
                del a, b
                print(sys.getrefcount(x) - base)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                1
                2
                2
                1
                0
                """);
        }

        @Test
        @DisplayName("groupby holds its current key and value; its groups hold their key")
        void groupbyState() {
            String source = """
                import sys, itertools as I
                x = object()
                base = sys.getrefcount(x)
                g = I.groupby([x, x, 1])
                k, grp = next(g)
                print(sys.getrefcount(x) - base)
                del k
                print(sys.getrefcount(x) - base, list(grp) == [x, x], sys.getrefcount(x) - base)
                del grp
                print(list(g) != [], sys.getrefcount(x) - base)
                del g
                print(sys.getrefcount(x) - base)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                7
                6 True 4
                True 0
                0
                """);
        }
    }

    @Nested
    @DisplayName("the public conformance program")
    class Conformance {

        @Test
        @DisplayName("t2_itertools_functools.py prints what CPython prints")
        void t2ItertoolsFunctools() {
            String source = """
                # tier: 2
                # itertools (count, islice, chain, product, permutations, combinations,
                # groupby) and functools (reduce, partial, lru_cache).
                import itertools
                from functools import reduce, partial, lru_cache

                print(list(itertools.islice(itertools.count(), 5)), list(itertools.islice(itertools.count(10, 5), 4)))
                print(list(itertools.islice("abcdefg", 2, 6, 2)), list(itertools.islice(range(100), 3)))
                print(list(itertools.chain([1, 2], "ab", (None,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
                print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=3))))
                print(list(itertools.permutations([1, 2, 3])), list(itertools.permutations("abcd", 2))[:5])
                print(list(itertools.combinations("abcd", 2)), list(itertools.combinations(range(5), 4)))
                print(sum(1 for _ in itertools.combinations(range(20), 3)), list(itertools.combinations([1], 2)))
                data = "aaabccddddde"
                print([(k, len(list(g))) for k, g in itertools.groupby(data)])
                people = [("eng", "ann"), ("eng", "bob"), ("ops", "cy"), ("eng", "dee")]
                for key, grp in itertools.groupby(people, key=lambda p: p[0]):
                    print(key, [name for _, name in grp])
                by_parity = itertools.groupby(sorted(range(10), key=lambda n: n % 2), key=lambda n: n % 2)
                print([(k, list(g)) for k, g in by_parity])
                counter = itertools.count(1)
                labels = [next(counter) for _ in range(3)]
                print(labels, next(counter))

                print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 11), 1))
                print(reduce(max, [3, 9, 2]), reduce(lambda acc, c: c + acc, "stressed", ""))
                print(reduce(lambda a, b: a * 10 + b, [4, 0, 9, 6]))


                def power(base, exp):
                    return base ** exp


                square = partial(power, exp=2)
                two_to = partial(power, 2)
                print(square(9), two_to(10), [square(i) for i in range(5)], square.args, sorted(square.keywords))
                join_dash = partial("-".join)
                print(join_dash(["a", "b"]), partial(int, base=2)("1011"))

                calls = [0]


                @lru_cache(maxsize=None)
                def fib(n):
                    calls[0] += 1
                    return n if n < 2 else fib(n - 1) + fib(n - 2)


                print(fib(150), calls[0])
                print(fib(150), calls[0])
                info = fib.cache_info()
                print(info.hits, info.misses, info.maxsize, info.currsize)
                fib.cache_clear()
                print(fib.cache_info().currsize)


                @lru_cache(maxsize=2)
                def slow_square(n):
                    calls[0] += 1
                    return n * n


                calls[0] = 0
                for v in [1, 2, 1, 3, 1, 2]:
                    slow_square(v)
                print(calls[0], slow_square.cache_info())


                @lru_cache(maxsize=None)
                def grid_paths(r, c):
                    if r == 0 or c == 0:
                        return 1
                    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


                print(grid_paths(16, 16), grid_paths(30, 30))
                pairs_sum = [a + b for a, b in itertools.product(range(1, 7), repeat=2)]
                print(sorted(set(pairs_sum)), pairs_sum.count(7))
                perm_words = sorted(set("".join(p) for p in itertools.permutations("aab")))
                print(perm_words)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [0, 1, 2, 3, 4] [10, 15, 20, 25]
                ['c', 'e'] [0, 1, 2]
                [1, 2, 'a', 'b', None] [1, 2, 3]
                [('a', 0), ('a', 1), ('b', 0), ('b', 1)] 27
                [(1, 2, 3), (1, 3, 2), (2, 1, 3), (2, 3, 1), (3, 1, 2), (3, 2, 1)] [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'a'), ('b', 'c')]
                [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [(0, 1, 2, 3), (0, 1, 2, 4), (0, 1, 3, 4), (0, 2, 3, 4), (1, 2, 3, 4)]
                1140 []
                [('a', 3), ('b', 1), ('c', 2), ('d', 5), ('e', 1)]
                eng ['ann', 'bob']
                ops ['cy']
                eng ['dee']
                [(0, [0, 2, 4, 6, 8]), (1, [1, 3, 5, 7, 9])]
                [1, 2, 3] 4
                10 3628800
                9 desserts
                4096
                81 1024 [0, 1, 4, 9, 16] () ['exp']
                a-b 11
                9969216677189303386214405760200 151
                9969216677189303386214405760200 151
                149 151 None 151
                0
                4 CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)
                601080390 118264581564861424
                [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] 6
                ['aab', 'aba', 'baa']
                """);
        }
    }
}
