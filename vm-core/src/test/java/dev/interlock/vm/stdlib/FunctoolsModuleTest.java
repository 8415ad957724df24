package dev.interlock.vm.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * functools. Every expected output below is what CPython 3.11.7 ({@code python3}) prints for
 * the same snippet (a test that expects NotSupportedError says so).
 */
@DisplayName("functools")
class FunctoolsModuleTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("reduce")
    class Reduce {

        @Test
        @DisplayName("reduce folds from the left, with or without an initial value")
        void reduce() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import reduce
                print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 11), 1))
                print(reduce(max, [3, 9, 2]), reduce(lambda acc, c: c + acc, 'stressed', ''), reduce(lambda a, b: a * 10 + b, [4, 0, 9, 6]))
                print(reduce(lambda a, b: a + b, [], 7), reduce(lambda a, b: a + b, [5]), reduce(lambda a, b: a + [b], 'ab', []))
                attempt(lambda: reduce())
                attempt(lambda: reduce(max))
                attempt(lambda: reduce(max, []))
                attempt(lambda: reduce(max, 1))
                attempt(lambda: reduce(max, [1], 2, 3))
                attempt(lambda: reduce(max, [1], initial=3))
                attempt(lambda: reduce(lambda a, b: a / b, [1, 0]))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                10 3628800
                9 desserts 4096
                7 5 ['a', 'b']
                TypeError: reduce expected at least 2 arguments, got 0
                TypeError: reduce expected at least 2 arguments, got 1
                TypeError: reduce() of empty iterable with no initial value
                TypeError: reduce() arg 2 must support iteration
                TypeError: reduce expected at most 3 arguments, got 4
                TypeError: reduce() takes no keyword arguments
                ZeroDivisionError: division by zero
                """);
        }
    }

    @Nested
    @DisplayName("partial")
    class Partial {

        @Test
        @DisplayName("partial prepends its arguments and merges keywords, the call's winning")
        void call() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import partial
                def power(base, exp):
                    return base ** exp
                square = partial(power, exp=2)
                two_to = partial(power, 2)
                print(square(9), two_to(10), [square(i) for i in range(5)], square(3, exp=3))
                def f(*args, **kw):
                    return args, kw
                p = partial(f, 1, b=2, c=3)
                print(p(), p(4, c=5, d=6), p(b=7))
                print(partial('-'.join)(['a', 'b']), partial(int, base=2)('1011'), partial(sorted, key=lambda x: -x)([1, 3, 2]))
                attempt(lambda: square(2, 3))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                81 1024 [0, 1, 4, 9, 16] 27
                ((1,), {'b': 2, 'c': 3}) ((1, 4), {'b': 2, 'c': 5, 'd': 6}) ((1,), {'b': 7, 'c': 3})
                a-b 11 [3, 2, 1]
                TypeError: power() got multiple values for argument 'exp'
                """);
        }

        @Test
        @DisplayName("func, args and keywords are read-only; other attributes go to __dict__")
        void attributes() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import partial
                def f(*args, **kw):
                    return args, kw
                p = partial(f, 1, b=2)
                print(p.func is f, p.args, p.keywords, p.__dict__, type(p).__name__, type(p))
                p.attr = 5
                print(p.attr, p.__dict__)
                attempt(lambda: setattr(p, 'func', 1))
                attempt(lambda: setattr(p, 'args', 1))
                attempt(lambda: delattr(p, 'keywords'))
                attempt(lambda: setattr(p, '__dict__', 1))
                p.__dict__ = {'a': 1}
                print(p.a, p.__dict__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                True (1,) {'b': 2} {} partial <class 'functools.partial'>
                5 {'attr': 5}
                AttributeError: readonly attribute
                AttributeError: readonly attribute
                AttributeError: readonly attribute
                TypeError: __dict__ must be set to a dictionary, not a 'int'
                1 {'a': 1}
                """);
        }

        @Test
        @DisplayName("a partial of a partial flattens unless the inner one has a __dict__")
        void flatten() {
            String source = """
                from functools import partial
                def f(*args, **kw):
                    return args, kw
                inner = partial(f, 1, x=1)
                outer = partial(inner, 2, y=2)
                print(outer.func is f, outer.args, outer.keywords, outer(3, x=9))
                print(partial(inner, 2, x=5).keywords, partial(inner).args is inner.args)
                inner.attr = 1
                print(partial(inner, 2).func is inner)
                plain = partial(f)
                plain.__dict__
                print(partial(plain, 1).func is plain)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                True (1, 2) {'x': 1, 'y': 2} ((1, 2, 3), {'x': 9, 'y': 2})
                {'x': 5} True
                True
                True
                """);
        }

        @Test
        @DisplayName("repr shows func, args and keywords as CPython")
        void repr() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import partial
                print(repr(partial(max)), repr(partial(max, 3, key=len)))
                print(repr(partial(print, 'a\\'', [1], sep='-', **{'end': ''})))
                p = partial(max, 1)
                p.args
                print(repr(partial(p, 2)))
                attempt(lambda: partial())
                attempt(lambda: partial(1))
                attempt(lambda: partial(func=max))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                functools.partial(<built-in function max>) functools.partial(<built-in function max>, 3, key=<built-in function len>)
                functools.partial(<built-in function print>, "a'", [1], sep='-', end='')
                functools.partial(<built-in function max>, 1, 2)
                TypeError: type 'partial' takes at least one argument
                TypeError: the first argument must be callable
                TypeError: type 'partial' takes at least one argument
                """);
        }
    }

    @Nested
    @DisplayName("cmp_to_key")
    class CmpToKey {

        @Test
        @DisplayName("cmp_to_key makes key objects that compare through the function")
        void keys() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import cmp_to_key
                K = cmp_to_key(lambda a, b: (a > b) - (a < b))
                print(K(1) < K(2), K(1) > K(2), K(1) <= K(1), K(2) >= K(1), K(1) == K(1), K(1) != K(1))
                print(sorted([5, 2, 8], key=cmp_to_key(lambda a, b: b - a)), sorted(['b', 'A', 'c'], key=cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
                print(K(3).obj, type(K).__name__, type(K(3)).__name__, K(obj=4).obj)
                attempt(lambda: K(3) < 4)
                attempt(lambda: hash(K(3)))
                attempt(lambda: K())
                attempt(lambda: K(mycmp=3))
                attempt(lambda: cmp_to_key())
                attempt(lambda: cmp_to_key(lambda a, b: 'x')(1) < cmp_to_key(lambda a, b: 'x')(2))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                True False True True True False
                [8, 5, 2] ['A', 'b', 'c']
                3 KeyWrapper KeyWrapper 4
                TypeError: other argument must be K instance
                TypeError: unhashable type: 'functools.KeyWrapper'
                TypeError: K() missing required argument 'obj' (pos 1)
                TypeError: K() missing required argument 'obj' (pos 1)
                TypeError: cmp_to_key() missing required argument 'mycmp' (pos 1)
                TypeError: '<' not supported between instances of 'str' and 'int'
                """);
        }
    }

    @Nested
    @DisplayName("lru_cache")
    class LruCache {

        @Test
        @DisplayName("lru_cache works as @lru_cache, @lru_cache(maxsize=2), @lru_cache(None) and cache")
        void decoratorForms() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import lru_cache, cache
                calls = [0]
                @lru_cache
                def a(x):
                    calls[0] += 1
                    return x
                @lru_cache(maxsize=2)
                def b(x):
                    calls[0] += 1
                    return x
                @lru_cache(None)
                def c(x):
                    calls[0] += 1
                    return x
                @cache
                def d(x):
                    calls[0] += 1
                    return x
                for fn in (a, b, c, d):
                    fn(1); fn(1); fn(2)
                    print(fn.cache_info(), fn.cache_parameters(), type(fn).__name__)
                print(calls[0])
                attempt(lambda: lru_cache('a'))
                attempt(lambda: lru_cache(maxsize=1.5))
                attempt(lambda: lru_cache(print, 1))
                attempt(lambda: lru_cache(maxsize=3)(5))
                attempt(lambda: lru_cache(maxsize=3)())
                attempt(lambda: lru_cache(x=1))
                attempt(lambda: cache())
                attempt(lambda: cache(user_function=print))
                attempt(lambda: a.cache_parameters(1))
                print(lru_cache(maxsize=-3)(print).cache_info(), lru_cache(typed=True)(print).cache_parameters())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                CacheInfo(hits=1, misses=2, maxsize=128, currsize=2) {'maxsize': 128, 'typed': False} _lru_cache_wrapper
                CacheInfo(hits=1, misses=2, maxsize=2, currsize=2) {'maxsize': 2, 'typed': False} _lru_cache_wrapper
                CacheInfo(hits=1, misses=2, maxsize=None, currsize=2) {'maxsize': None, 'typed': False} _lru_cache_wrapper
                CacheInfo(hits=1, misses=2, maxsize=None, currsize=2) {'maxsize': None, 'typed': False} _lru_cache_wrapper
                8
                TypeError: Expected first argument to be an integer, a callable, or None
                TypeError: Expected first argument to be an integer, a callable, or None
                TypeError: Expected first argument to be an integer, a callable, or None
                TypeError: the first argument must be callable
                TypeError: lru_cache.<locals>.decorating_function() missing 1 required positional argument: 'user_function'
                TypeError: lru_cache() got an unexpected keyword argument 'x'
                TypeError: cache() missing 1 required positional argument: 'user_function'
                TypeError: cache() got some positional-only arguments passed as keyword arguments: 'user_function'
                TypeError: lru_cache.<locals>.<lambda>() takes 0 positional arguments but 1 was given
                CacheInfo(hits=0, misses=0, maxsize=0, currsize=0) {'maxsize': 128, 'typed': True}
                """);
        }

        @Test
        @DisplayName("a recursive cached function; cache_info and cache_clear")
        void fib() {
            String source = """
                from functools import lru_cache
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
                print(fib.cache_info().currsize, fib.cache_info())
                @lru_cache(maxsize=None)
                def grid_paths(r, c):
                    if r == 0 or c == 0:
                        return 1
                    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
                print(grid_paths(16, 16), grid_paths(30, 30), grid_paths.cache_info())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                9969216677189303386214405760200 151
                9969216677189303386214405760200 151
                149 151 None 151
                0 CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)
                601080390 118264581564861424 CacheInfo(hits=842, misses=960, maxsize=None, currsize=960)
                """);
        }

        @Test
        @DisplayName("the least recently used entry goes first, as in CPython")
        void eviction() {
            String source = """
                from functools import lru_cache
                log = []
                @lru_cache(maxsize=2)
                def slow_square(n):
                    log.append(n)
                    return n * n
                for v in [1, 2, 1, 3, 1, 2]:
                    slow_square(v)
                print(log, slow_square.cache_info())
                log.clear()
                @lru_cache(maxsize=3)
                def sq(n):
                    log.append(n)
                    return n * n
                for v in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3, 4]:
                    sq(v)
                print(log, sq.cache_info())
                @lru_cache(maxsize=1)
                def one(n):
                    log.append(n)
                    return n
                log.clear()
                for v in [1, 1, 2, 1, 1]:
                    one(v)
                print(log, one.cache_info())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [1, 2, 3, 2] CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)
                [1, 2, 3, 4, 2, 5, 1, 3, 4] CacheInfo(hits=2, misses=9, maxsize=3, currsize=3)
                [1, 2, 1] CacheInfo(hits=2, misses=3, maxsize=1, currsize=1)
                """);
        }

        @Test
        @DisplayName("keys as CPython's _make_key: keyword order matters, a lone int or str is its own key")
        void keys() {
            String source = """
                from functools import lru_cache
                log = []
                @lru_cache(maxsize=16)
                def f(*args, **kw):
                    log.append((args, kw))
                    return len(log)
                print(f(a=1, b=2), f(b=2, a=1), f(a=1, b=2), f.cache_info())
                f.cache_clear()
                print(f(1), f(1.0), f(True), f((1,)), f.cache_info())
                f.cache_clear()
                print(f('x'), f(('x',)), f(), f(), f.cache_info())
                @lru_cache(typed=True)
                def g(x):
                    log.append(x)
                    return x
                log.clear()
                g(1); g(1.0); g(True); g(1); g(x=1); g(x=1.0)
                print(log, g.cache_info())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                1 2 1 CacheInfo(hits=1, misses=2, maxsize=16, currsize=2)
                3 4 4 5 CacheInfo(hits=1, misses=3, maxsize=16, currsize=3)
                6 7 8 8 CacheInfo(hits=1, misses=3, maxsize=16, currsize=3)
                [1, 1.0, True, 1, 1.0] CacheInfo(hits=1, misses=5, maxsize=128, currsize=5)
                """);
        }

        @Test
        @DisplayName("the wrapper takes the wrapped function's name, doc and dict, and __wrapped__")
        void wrapper() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import lru_cache
                def k(x):
                    "doc of k"
                    return [x]
                k.extra = 'e'
                w = lru_cache(k)
                print(w.__name__, w.__doc__, w.__qualname__, w.__module__, w.__wrapped__ is k, w.extra)
                print([name for name in sorted(w.__dict__) if name != '__annotations__'])  # Interlock functions have no __annotations__ yet
                r = w(1)
                print(w(1) is r, w.cache_info())
                attempt(lambda: w([1]))
                info = w.cache_info()
                h, m, mx, cs = info
                print(h, m, mx, cs, info[1], len(info), info == (h, m, mx, cs), list(info), info.maxsize, tuple(info), type(info).__name__)
                attempt(lambda: w.cache_info(1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                k doc of k k __main__ True e
                ['__doc__', '__module__', '__name__', '__qualname__', '__wrapped__', 'cache_parameters', 'extra']
                True CacheInfo(hits=1, misses=1, maxsize=128, currsize=1)
                TypeError: unhashable type: 'list'
                1 1 128 1 1 4 True [1, 1, 128, 1] 128 (1, 1, 128, 1) CacheInfo
                TypeError: _lru_cache_wrapper.cache_info() takes no arguments (1 given)
                """);
        }

        @Test
        @DisplayName("threads share the cache; two computing one key at once both miss and the first result is kept")
        void threads() {
            String source = """
                import threading, time
                from functools import lru_cache
                entered = []
                @lru_cache(maxsize=4)
                def slow(n):
                    entered.append(n)
                    for _ in range(5000):  # wait (detached) until the other thread is inside too
                        if len(entered) == 2:
                            break
                        time.sleep(0.001)
                    return [n]
                out = []
                def work():
                    out.append(slow(1))
                ts = [threading.Thread(target=work) for _ in range(2)]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join()
                print(out[0] == out[1], out[0] is out[1], slow.cache_info(), slow(1) is out[0] or slow(1) is out[1])
                @lru_cache(maxsize=2)
                def sq(n):
                    time.sleep(0.001)
                    return n * n
                sums = []
                def many():
                    total = 0
                    for i in range(40):
                        total += sq(i % 5)
                    sums.append(total)
                ts = [threading.Thread(target=many) for _ in range(3)]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join()
                info = sq.cache_info()
                print(sums, info.hits + info.misses, info.currsize, info.maxsize)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                True False CacheInfo(hits=0, misses=2, maxsize=4, currsize=1) True
                [240, 240, 240] 120 2 2
                """);
        }
    }

    @Nested
    @DisplayName("update_wrapper and wraps")
    class Wrappers {

        @Test
        @DisplayName("wraps copies module, name, qualname, doc and dict, and sets __wrapped__")
        void wraps() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from functools import wraps, update_wrapper, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES
                def deco(fn):
                    @wraps(fn)
                    def inner(*a, **k):
                        "inner doc"
                        return fn(*a, **k)
                    return inner
                @deco
                def target(x):
                    "target doc"
                    return x + 1
                print(target(1), target.__name__, target.__doc__, target.__qualname__, target.__wrapped__.__name__)
                def w():
                    pass
                def src():
                    "s"
                src.extra = 5
                print(update_wrapper(w, src) is w, w.__name__, w.extra, w.__doc__, w.__wrapped__ is src)
                def w2():
                    pass
                update_wrapper(w2, src, assigned=('__doc__',), updated=())
                print(w2.__name__, w2.__doc__, w2.__dict__ == {'__wrapped__': src})
                print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
                update_wrapper(w2, max)
                print(w2.__name__, w2.__qualname__, w2.__module__, w2.__wrapped__ is max)
                attempt(lambda: update_wrapper(w2))
                attempt(lambda: update_wrapper(w2, src, 1, 2, 3))
                attempt(lambda: update_wrapper(w2, src, wrapper=1))
                attempt(lambda: wraps())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                2 target target doc target target
                True src 5 s True
                w2 s True
                ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__') ('__dict__',)
                max max builtins True
                TypeError: update_wrapper() missing 1 required positional argument: 'wrapped'
                TypeError: update_wrapper() takes from 2 to 4 positional arguments but 5 were given
                TypeError: update_wrapper() got multiple values for argument 'wrapper'
                TypeError: wraps() missing 1 required positional argument: 'wrapped'
                """);
        }

        @Test
        @DisplayName("total_ordering needs at least one ordering operation")
        void totalOrdering() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import functools
                attempt(lambda: functools.total_ordering(object))
                attempt(lambda: functools.total_ordering())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ValueError: must define at least one ordering operation: < > <= >=
                TypeError: total_ordering() missing 1 required positional argument: 'cls'
                """);
        }

        @Test
        @DisplayName("total_ordering fills in the missing comparisons from the root one, NotImplemented included")
        void totalOrderingClasses() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import functools
                @functools.total_ordering
                class V:
                    def __init__(self, v):
                        self.v = v
                    def __eq__(self, o):
                        return self.v == o.v
                    def __lt__(self, o):
                        return self.v < o.v
                    def __repr__(self):
                        return 'V(%r)' % self.v
                print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(1) <= V(0), V(3) >= V(1), sorted([V(3), V(1), V(2)]), V.__gt__.__name__)
                @functools.total_ordering
                class W:
                    def __init__(self, v):
                        self.v = v
                    def __ge__(self, o):
                        if not isinstance(o, W):
                            return NotImplemented
                        return self.v >= o.v
                print(W(1) < W(2), W(1) > W(2), W(2) <= W(2), W(3) <= W(2))
                attempt(lambda: W(1) < 3)
                @functools.total_ordering
                class G:
                    def __init__(self, v):
                        self.v = v
                    def __gt__(self, o):
                        return self.v > o.v
                print(G(1) < G(2), G(2) >= G(2), G(1) <= G(1), G(2) <= G(1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                True False True False True [V(1), V(2), V(3)] __gt__
                True False False False
                TypeError: '<' not supported between instances of 'W' and 'int'
                True False True False
                """);
        }

        @Test
        @DisplayName("lru_cache and wraps on methods bind like functions; class instances as keys")
        void methods() {
            String source = """
                import functools
                class C:
                    @functools.lru_cache(maxsize=None)
                    def m(self, x):
                        return (id(self) != 0, x * 2)
                    @functools.wraps(len)
                    def g(self, x):
                        return x
                c = C()
                print(c.m(2), c.m(2), C.m.cache_info(), C.m.__name__, c.g(5), C.g.__name__)
                class Key:
                    def __init__(self, v):
                        self.v = v
                    def __hash__(self):
                        return hash(self.v)
                    def __eq__(self, o):
                        return isinstance(o, Key) and self.v == o.v
                calls = []
                @functools.lru_cache(maxsize=2)
                def f(k):
                    calls.append(k.v)
                    return k.v * 2
                print(f(Key(1)), f(Key(1)), f(Key(2)), f(Key(3)), f(Key(1)), calls, f.cache_info())
                class V:
                    def __init__(self, v):
                        self.v = v
                    def __repr__(self):
                        return 'V(%r)' % self.v
                print(functools.partial(V, 3)(), repr(functools.partial(V, V(1), k=V(2))))
                def gen(n):
                    for i in range(n):
                        yield i
                print(functools.reduce(lambda a, b: a + b, gen(5)), functools.reduce(lambda a, b: a + b, gen(0), 'empty'))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                (True, 4) (True, 4) CacheInfo(hits=1, misses=1, maxsize=None, currsize=1) m 5 len
                2 2 4 6 2 [1, 2, 3, 1] CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)
                V(3) functools.partial(<class '__main__.V'>, V(1), k=V(2))
                10 empty
                """);
        }
    }

    @Nested
    @DisplayName("reference counts, as sys.getrefcount shows them")
    class ReferenceHygiene {

        @Test
        @DisplayName("caches, partials and keys hold their references exactly as long as CPython's")
        void counts() {
            String source = """
                import sys, functools as F
                x = object()
                base = sys.getrefcount(x)
                def show(label):
                    print(label, sys.getrefcount(x) - base)
                @F.lru_cache(maxsize=1)
                def ident(v):
                    return v
                ident(x); show('lru held')
                ident(1); show('lru evicted')
                ident(x); ident.cache_clear(); show('lru cleared')
                @F.lru_cache(None)
                def ident2(v, k=None):
                    return [v]
                ident2(x); show('unbounded key')
                ident2.cache_clear(); show('unbounded cleared')
                ident2(1, k=x); show('keyword value in key')
                ident2.cache_clear(); show('cleared')
                p = F.partial(print, x, sep=x); show('partial')
                del p; show('partial freed')
                p = F.partial(F.partial(print, x), x); show('flattened')
                del p; show('flattened freed')
                K = F.cmp_to_key(lambda a, b: 0)
                k1 = K(x); show('key')
                del k1, K; show('key freed')
                r = F.reduce(lambda a, b: b, [1, x, 2]); show('reduce')
                r = F.reduce(lambda a, b: a, [x, 1, 2]); show('reduce kept')
                del r; show('reduce freed')
                w = F.lru_cache(maxsize=2)(lambda v: v)
                w(x); w(x); show('cached twice')
                del w; show('wrapper freed')
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                lru held 2
                lru evicted 0
                lru cleared 0
                unbounded key 2
                unbounded cleared 0
                keyword value in key 1
                cleared 0
                partial 2
                partial freed 0
                flattened 2
                flattened freed 0
                key 1
                key freed 0
                reduce 0
                reduce kept 1
                reduce freed 0
                cached twice 2
                wrapper freed 0
                """);
        }
    }
}
