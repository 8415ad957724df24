package dev.interlock.vm.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * collections: deque, defaultdict, OrderedDict (native, module _collections), Counter and
 * namedtuple (Python, the bundled collections.py). Every expected output below is what CPython
 * 3.11.7 ({@code python3}) prints for the same snippet; the generator that wrote them ran it.
 */
@DisplayName("collections")
class CollectionsModuleTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("deque")
    class Deque {

        @Test
        @DisplayName("append, pop and extend at both ends, rotate, reverse, count, index, in, len, indexing and repr")
        void basics() {
            String source = """
                from collections import deque
                d = deque([1, 2, 3])
                d.append(4)
                d.appendleft(0)
                print(d, len(d), d[0], d[-1], bool(d), bool(deque()))
                print(d.pop(), d.popleft(), d)
                d.extend([7, 8])
                d.extendleft([-1, -2])
                print(d)
                d.rotate(2)
                print(d)
                d.rotate(-3)
                print(d, list(d), 7 in d, 99 in d, d.count(7))
                d.rotate()
                print(d, d.index(7), d.index(8, 1), d.index(2, -5, 10))
                d.reverse()
                print(d, list(reversed(d)))
                d[0] = 'x'
                del d[-1]
                d.insert(2, 'ins')
                d.insert(-100, 'first')
                d.insert(100, 'last')
                d.remove(7)
                print(d, d.copy(), d.copy() is d)
                d.clear()
                print(d, deque('abc'), deque(), deque(range(3), 5), deque(maxlen=0))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                deque([0, 1, 2, 3, 4]) 5 0 4 True False
                4 0 deque([1, 2, 3])
                deque([-2, -1, 1, 2, 3, 7, 8])
                deque([7, 8, -2, -1, 1, 2, 3])
                deque([-1, 1, 2, 3, 7, 8, -2]) [-1, 1, 2, 3, 7, 8, -2] True False 1
                deque([-2, -1, 1, 2, 3, 7, 8]) 5 6 3
                deque([8, 7, 3, 2, 1, -1, -2]) [-2, -1, 1, 2, 3, 7, 8]
                deque(['first', 'x', 'ins', 3, 2, 1, -1, 'last']) deque(['first', 'x', 'ins', 3, 2, 1, -1, 'last']) False
                deque([]) deque(['a', 'b', 'c']) deque([]) deque([0, 1, 2], maxlen=5) deque([], maxlen=0)
                """);
        }

        @Test
        @DisplayName("a maximum length evicts from the other end; repetition and concatenation keep it")
        void maxlen() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import deque
                window = deque(maxlen=3)
                for i in range(6):
                    window.append(i)
                    print(list(window), end=" ")
                print(window.maxlen, deque().maxlen)
                dd = deque([], 2)
                dd.extend(range(10))
                print(dd)
                dd.extendleft(range(10))
                print(dd)
                dd.extend(dd)
                print(dd)
                w = deque([1, 2, 3], maxlen=5)
                w *= 3
                print(w, deque([1, 2, 3], maxlen=4) * 2, deque([1], maxlen=2) * 2 ** 62)
                print(deque([1, 2], maxlen=3) + deque([4, 5]), deque([1, 2, 3]) + deque([4], maxlen=1))
                e = deque(maxlen=0)
                e.append(1); e.appendleft(1); e.extend([1, 2]); e.extendleft([3])
                print(e, deque([1, 2], maxlen=0))
                attempt(lambda: deque([1], maxlen=1).insert(0, 2))
                attempt(lambda: deque([], maxlen=-1))
                attempt(lambda: deque([], maxlen='a'))
                attempt(lambda: deque([], maxlen=1.0))
                attempt(lambda: deque([], maxlen=2 ** 70))
                attempt(lambda: deque(maxlen=True))
                attempt(lambda: setattr(deque(), 'maxlen', 3))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [0] [0, 1] [0, 1, 2] [1, 2, 3] [2, 3, 4] [3, 4, 5] 3 None
                deque([8, 9], maxlen=2)
                deque([9, 8], maxlen=2)
                deque([9, 8], maxlen=2)
                deque([2, 3, 1, 2, 3], maxlen=5) deque([3, 1, 2, 3], maxlen=4) deque([1, 1], maxlen=2)
                deque([2, 4, 5], maxlen=3) deque([1, 2, 3, 4])
                deque([], maxlen=0) deque([], maxlen=0)
                IndexError: deque already at its maximum size
                ValueError: maxlen must be non-negative
                TypeError: an integer is required
                TypeError: an integer is required
                OverflowError: Python int too large to convert to C ssize_t
                deque([], maxlen=1)
                AttributeError: attribute 'maxlen' of 'collections.deque' objects is not writable
                """);
        }

        @Test
        @DisplayName("concatenation, repetition, in-place forms, comparisons, hashing")
        void operators() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import deque
                d = deque([1, 2, 3])
                print(d + deque([4]), d * 2, 2 * d, d * 0, d * -1)
                z = deque([1, 2, 3])
                z.extend(z)
                z.extendleft(z)
                print(z)
                z += z
                print(len(z))
                z *= 0
                print(z)
                q = deque([1])
                r = q
                r += [2, 3]
                r *= 2
                print(q, r is q)
                print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1, 2]) != deque([1]), deque([1, 2], maxlen=3) == deque([1, 2]))
                print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]), deque([1, 2]) > deque([1]), deque([1, 2]) >= deque([1, 3]))
                x = deque([1, 2])
                x.append(x)
                print(x, x == x)
                attempt(lambda: d * 'a')
                attempt(lambda: d + [1])
                attempt(lambda: [1] + d)
                attempt(lambda: d < [1])
                attempt(lambda: deque([1, 'a']) < deque([1, 2]))
                attempt(lambda: hash(d))
                attempt(lambda: {d: 1})
                attempt(lambda: d * 2 ** 70)
                attempt(lambda: d.__mul__('a'))
                attempt(lambda: d.__add__([1]))
                class I:
                    def __index__(self):
                        return 2
                print(d * I(), I() * d)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                deque([1, 2, 3, 4]) deque([1, 2, 3, 1, 2, 3]) deque([1, 2, 3, 1, 2, 3]) deque([]) deque([])
                deque([3, 2, 1, 3, 2, 1, 1, 2, 3, 1, 2, 3])
                24
                deque([])
                deque([1, 2, 3, 1, 2, 3]) True
                True False True True
                True True True False
                deque([1, 2, [...]]) True
                TypeError: can't multiply sequence by non-int of type 'str'
                TypeError: can only concatenate deque (not "list") to deque
                TypeError: can only concatenate list (not "collections.deque") to list
                TypeError: '<' not supported between instances of 'collections.deque' and 'list'
                TypeError: '<' not supported between instances of 'str' and 'int'
                TypeError: unhashable type: 'collections.deque'
                TypeError: unhashable type: 'collections.deque'
                OverflowError: cannot fit 'int' into an index-sized integer
                TypeError: 'str' object cannot be interpreted as an integer
                TypeError: can only concatenate deque (not "list") to deque
                deque([1, 2, 3, 1, 2, 3]) deque([1, 2, 3, 1, 2, 3])
                """);
        }

        @Test
        @DisplayName("bad indexes, arguments and calls raise CPython's messages")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import deque
                d = deque([1, 2, 3])
                attempt(lambda: deque().pop())
                attempt(lambda: deque().popleft())
                attempt(lambda: d[5])
                attempt(lambda: d[-4])
                attempt(lambda: d[1:2])
                attempt(lambda: d['a'])
                attempt(lambda: d[2 ** 70])
                attempt(lambda: d.__setitem__(5, 1))
                attempt(lambda: d.__delitem__(5))
                attempt(lambda: d.__getitem__('a'))
                def dl(k):
                    del d[k]
                attempt(lambda: dl(slice(1)))
                attempt(lambda: dl(2 ** 70))
                attempt(lambda: deque(1))
                attempt(lambda: deque([], 1, 2))
                attempt(lambda: deque(iterable=[1], maxlen=2))
                attempt(lambda: deque(x=1))
                attempt(lambda: d.rotate('a'))
                attempt(lambda: d.rotate(2 ** 70))
                attempt(lambda: d.rotate(1, 2))
                attempt(lambda: d.rotate(x=1))
                attempt(lambda: d.index(99))
                attempt(lambda: d.index(3, 0, -1))
                attempt(lambda: d.index())
                attempt(lambda: d.index(1, 2, 3, 4))
                attempt(lambda: d.index(1, 'a'))
                attempt(lambda: d.index(1, x=2))
                attempt(lambda: d.remove(99))
                attempt(lambda: d.remove())
                attempt(lambda: d.insert(1))
                attempt(lambda: d.insert('a', 1))
                attempt(lambda: d.insert(2 ** 70, 1))
                attempt(lambda: d.insert(1, x=2))
                attempt(lambda: d.count())
                attempt(lambda: d.append())
                attempt(lambda: d.append(1, 2))
                attempt(lambda: d.pop(1))
                attempt(lambda: d.extend(1))
                attempt(lambda: d.extendleft(1))
                attempt(lambda: d.copy(1))
                attempt(lambda: setattr(d, 'foo', 3))
                attempt(lambda: deque.append([], 1))
                attempt(lambda: deque.__new__(list))
                attempt(lambda: deque.__init__(d, [1], 2, 3))
                attempt(lambda: d)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                IndexError: pop from an empty deque
                IndexError: pop from an empty deque
                IndexError: deque index out of range
                IndexError: deque index out of range
                TypeError: sequence index must be integer, not 'slice'
                TypeError: sequence index must be integer, not 'str'
                IndexError: cannot fit 'int' into an index-sized integer
                IndexError: deque index out of range
                IndexError: deque index out of range
                TypeError: 'str' object cannot be interpreted as an integer
                TypeError: sequence index must be integer, not 'slice'
                IndexError: cannot fit 'int' into an index-sized integer
                TypeError: 'int' object is not iterable
                TypeError: deque() takes at most 2 arguments (3 given)
                deque([1], maxlen=2)
                TypeError: 'x' is an invalid keyword argument for deque()
                TypeError: 'str' object cannot be interpreted as an integer
                OverflowError: Python int too large to convert to C ssize_t
                TypeError: deque.rotate expected at most 1 argument, got 2
                TypeError: deque.rotate() takes no keyword arguments
                ValueError: 99 is not in deque
                ValueError: 3 is not in deque
                TypeError: index() takes at least 1 argument (0 given)
                TypeError: index() takes at most 3 arguments (4 given)
                TypeError: slice indices must be integers or have an __index__ method
                TypeError: deque.index() takes no keyword arguments
                ValueError: 99 is not in deque
                TypeError: deque.remove() takes exactly one argument (0 given)
                TypeError: insert() takes exactly 2 arguments (1 given)
                TypeError: 'str' object cannot be interpreted as an integer
                OverflowError: Python int too large to convert to C ssize_t
                TypeError: deque.insert() takes no keyword arguments
                TypeError: deque.count() takes exactly one argument (0 given)
                TypeError: deque.append() takes exactly one argument (0 given)
                TypeError: deque.append() takes exactly one argument (2 given)
                TypeError: deque.pop() takes no arguments (1 given)
                TypeError: 'int' object is not iterable
                TypeError: 'int' object is not iterable
                TypeError: deque.copy() takes no arguments (1 given)
                AttributeError: 'collections.deque' object has no attribute 'foo'
                TypeError: descriptor 'append' for 'collections.deque' objects doesn't apply to a 'list' object
                TypeError: collections.deque.__new__(list): list is not a subtype of collections.deque
                TypeError: deque() takes at most 2 arguments (3 given)
                deque([1, 2, 3])
                """);
        }

        @Test
        @DisplayName("iterators and searches notice a deque that changes under them, as CPython does")
        void mutation() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import deque
                for name, op in [('rotate', lambda d: d.rotate(1)), ('reverse', lambda d: d.reverse()), ('setitem', lambda d: d.__setitem__(0, 9)),
                                 ('append', lambda d: d.append(1)), ('pop', lambda d: d.pop()), ('clear', lambda d: d.clear()),
                                 ('extend0', lambda d: d.extend([])), ('rotate0', lambda d: d.rotate(0)), ('iadd', lambda d: d.__iadd__([])),
                                 ('imul1', lambda d: d.__imul__(1)), ('insert', lambda d: d.insert(0, 1)), ('remove', lambda d: d.remove(2)),
                                 ('delitem', lambda d: d.__delitem__(0)), ('init', lambda d: d.__init__([1, 2, 3])), ('count', lambda d: d.count(1))]:
                    d = deque([1, 2, 3])
                    it = iter(d)
                    next(it)
                    op(d)
                    try:
                        print(name, next(it), list(it))
                    except RuntimeError as e:
                        print(name, 'RuntimeError:', e)
                for init, n in [([1], 0), ([1], 1), ([], 1), ([1, 2, 3], 3)]:
                    d = deque(init)
                    it = iter(d)
                    d.rotate(n)
                    try:
                        print(init, n, list(it))
                    except RuntimeError as e:
                        print(init, n, e)
                d = deque([1, 2])
                it = iter(d)
                print(list(it))
                d.append(3)
                attempt(lambda: next(it))
                d = deque([1, 2])
                it = reversed(d)
                print(list(it))
                d.append(3)
                attempt(lambda: next(it))
                d = deque([1, 2, 3])
                it = iter(d)
                next(it)
                print(it.__length_hint__(), reversed(d).__length_hint__(), type(it).__name__, type(reversed(d)).__name__)
                class E:
                    def __init__(self, d):
                        self.d = d
                    def __eq__(self, o):
                        self.d.append(0)
                        return False
                d = deque([1, 2])
                d.append(E(d))
                attempt(lambda: d.count(5))
                d = deque([1, 2])
                d.appendleft(E(d))
                attempt(lambda: d.index(5))
                d = deque([1, 2])
                d.appendleft(E(d))
                attempt(lambda: d.remove(5))
                d = deque([1, 2])
                d.appendleft(E(d))
                attempt(lambda: 5 in d)
                class F:
                    def __eq__(self, o):
                        raise KeyError('boom')
                attempt(lambda: deque([F()]).count(1))
                attempt(lambda: deque([F()]) == deque([1]))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                rotate RuntimeError: deque mutated during iteration
                reverse 2 [1]
                setitem 2 [3]
                append RuntimeError: deque mutated during iteration
                pop RuntimeError: deque mutated during iteration
                clear RuntimeError: deque mutated during iteration
                extend0 2 [3]
                rotate0 RuntimeError: deque mutated during iteration
                iadd 2 [3]
                imul1 2 [3]
                insert RuntimeError: deque mutated during iteration
                remove RuntimeError: deque mutated during iteration
                delitem RuntimeError: deque mutated during iteration
                init RuntimeError: deque mutated during iteration
                count 2 [3]
                [1] 0 [1]
                [1] 1 [1]
                [] 1 []
                [1, 2, 3] 3 deque mutated during iteration
                [1, 2]
                RuntimeError: deque mutated during iteration
                [2, 1]
                StopIteration:\s
                2 3 _deque_iterator _deque_reverse_iterator
                RuntimeError: deque mutated during iteration
                RuntimeError: deque mutated during iteration
                IndexError: deque mutated during iteration
                RuntimeError: deque mutated during iteration
                KeyError: 'boom'
                KeyError: 'boom'
                """);
        }

        @Test
        @DisplayName("Python classes derive from deque, override its special methods and keep its behaviour")
        void subclass() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import deque
                class Stack(deque):
                    def __init__(self, items=(), label='s'):
                        super().__init__(items)
                        self.label = label
                    def push(self, x):
                        self.append(x)
                    def __getitem__(self, i):
                        return ('item', super().__getitem__(i))
                s = Stack([1, 2], label='top')
                s.push(3)
                print(s, s.label, s[0], len(s), list(s), isinstance(s, deque), type(s).__name__)
                print(s.pop(), s.copy(), type(s.copy()).__name__, s + deque([9]), type(s * 2).__name__)
                class Bounded(deque):
                    pass
                b = Bounded('abc', 2)
                print(b, b.maxlen, b.__class__.__mro__[1].__name__)
                b.extra = 1
                print(b.extra, repr(Bounded()))
                class Slotted(deque):
                    __slots__ = ()
                attempt(lambda: setattr(Slotted(), 'x', 1))
                attempt(lambda: hash(Bounded()))
                class Hashable(deque):
                    def __hash__(self):
                        return 7
                print(hash(Hashable([1])), deque.__new__(Stack), type(deque.__new__(Stack)).__name__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                Stack([1, 2, 3]) top ('item', 1) 3 [1, 2, 3] True Stack
                3 Stack([1, 2]) Stack Stack([1, 2, 9]) Stack
                Bounded(['b', 'c'], maxlen=2) 2 deque
                1 Bounded([])
                AttributeError: 'Slotted' object has no attribute 'x'
                TypeError: unhashable type: 'Bounded'
                7 Stack([]) Stack
                """);
        }

        @Test
        @DisplayName("reference counts after each operation match CPython (sys.getrefcount)")
        void references() {
            String source = """
                import sys
                from collections import deque
                x = object()
                base = sys.getrefcount(x)
                def show(label):
                    print(label, sys.getrefcount(x) - base)
                d = deque()
                d.append(x); show('append')
                d.appendleft(x); show('appendleft')
                d.extend([x, x]); show('extend')
                d.extendleft((x,)); show('extendleft')
                d.rotate(2); show('rotate')
                d.reverse(); show('reverse')
                y = d.pop(); show('pop held')
                del y; show('pop released')
                d.popleft(); show('popleft discarded')
                d[0] = 1; show('setitem')
                d[0] = x; show('setitem back')
                del d[0]; show('delitem')
                d.insert(1, x); show('insert')
                d.remove(x); show('remove')
                print(d.count(x), d.index(x), x in d); show('count/index/contains')
                e = d.copy(); show('copy')
                del e; show('copy freed')
                f = d + d; show('concat')
                del f
                g = d * 3; show('repeat')
                del g; show('repeat freed')
                d *= 2; show('imul')
                d += [x]; show('iadd')
                it = iter(d); show('iter')
                for v in it: pass
                del v; show('iterated')
                del it; show('iterator freed')
                r = reversed(d); next(r); show('reversed')
                del r; show('reversed freed')
                m = deque([x, x, x], maxlen=2); show('maxlen evicts')
                m.append(x); m.appendleft(x); show('maxlen append')
                del m; show('maxlen freed')
                d.clear(); show('clear')
                d.extend([x] * 5)
                print(sys.getrefcount(d))
                it = iter(d)
                print(sys.getrefcount(d))
                del it
                del d; show('deque freed')
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                append 1
                appendleft 2
                extend 4
                extendleft 5
                rotate 5
                reverse 5
                pop held 5
                pop released 4
                popleft discarded 3
                setitem 2
                setitem back 3
                delitem 2
                insert 3
                remove 2
                2 0 True
                count/index/contains 2
                copy 4
                copy freed 2
                concat 6
                repeat 8
                repeat freed 2
                imul 4
                iadd 5
                iter 5
                iterated 5
                iterator freed 5
                reversed 5
                reversed freed 5
                maxlen evicts 7
                maxlen append 7
                maxlen freed 5
                clear 0
                2
                3
                deque freed 0
                """);
        }
    }

    @Nested
    @DisplayName("defaultdict")
    class DefaultDict {

        @Test
        @DisplayName("missing keys come from default_factory; the rest is dict")
        void basics() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import defaultdict
                groups = defaultdict(list)
                for word in "apple avocado banana blueberry cherry akee".split():
                    groups[word[0]].append(word)
                print(dict(groups), groups["z"], len(groups), groups.get('q'), 'q' in groups)
                counts = defaultdict(int)
                for ch in "hello world":
                    counts[ch] += 1
                print(sorted(counts.items()))
                nested = defaultdict(lambda: defaultdict(int))
                nested["x"]["y"] += 5
                nested["x"]["z"] += 1
                print({k: dict(v) for k, v in nested.items()})
                print(isinstance(groups, dict), groups.default_factory is list, type(groups).__mro__)
                d = defaultdict(list)
                d['a'].append(1)
                print(d, d.copy(), type(d.copy()), d.__copy__(), d.default_factory)
                d.default_factory = int
                print(d['b'], d)
                attempt(lambda: setattr(d, 'default_factory', 5))
                print(d, {'c': 1} | defaultdict(int, a=1))
                d.default_factory = None
                attempt(lambda: d['missing'])
                attempt(lambda: d.__missing__('q'))
                print(defaultdict(int).__missing__('q'), defaultdict(None, {1: 2}), defaultdict(list, a=1), defaultdict(list, [(1, 2)], b=3))
                print(defaultdict(default_factory=list), defaultdict(int, {1: 1}).pop(1), defaultdict.fromkeys([1, 2]), dict(defaultdict(int, a=1)))
                r = defaultdict(list)
                r['self'] = r
                print(r)
                class F:
                    def __repr__(self):
                        return 'F!'
                    def __call__(self):
                        return 3
                print(defaultdict(F(), x=1), defaultdict(F())['k'])
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                {'a': ['apple', 'avocado', 'akee'], 'b': ['banana', 'blueberry'], 'c': ['cherry']} [] 4 None False
                [(' ', 1), ('d', 1), ('e', 1), ('h', 1), ('l', 3), ('o', 2), ('r', 1), ('w', 1)]
                {'x': {'y': 5, 'z': 1}}
                True True (<class 'collections.defaultdict'>, <class 'dict'>, <class 'object'>)
                defaultdict(<class 'list'>, {'a': [1]}) defaultdict(<class 'list'>, {'a': [1]}) <class 'collections.defaultdict'> defaultdict(<class 'list'>, {'a': [1]}) <class 'list'>
                0 defaultdict(<class 'int'>, {'a': [1], 'b': 0})
                None
                defaultdict(5, {'a': [1], 'b': 0}) defaultdict(<class 'int'>, {'c': 1, 'a': 1})
                KeyError: 'missing'
                KeyError: 'q'
                0 defaultdict(None, {1: 2}) defaultdict(<class 'list'>, {'a': 1}) defaultdict(<class 'list'>, {1: 2, 'b': 3})
                defaultdict(None, {'default_factory': <class 'list'>}) 1 defaultdict(None, {1: None, 2: None}) {'a': 1}
                defaultdict(<class 'list'>, {'self': defaultdict(<class 'list'>, {...})})
                defaultdict(F!, {'x': 1}) 3
                """);
        }

        @Test
        @DisplayName("a factory that is not callable, bad arguments and a failing factory")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import defaultdict
                attempt(lambda: defaultdict(1))
                attempt(lambda: defaultdict(list, 1, 2))
                attempt(lambda: defaultdict(int).__missing__())
                attempt(lambda: defaultdict(5, {}) | {})
                attempt(lambda: defaultdict(int) | 1)
                attempt(lambda: setattr(defaultdict(), 'x', 1))
                attempt(lambda: hash(defaultdict()))
                def bad():
                    raise ValueError('nope')
                attempt(lambda: defaultdict(bad)['k'])
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: first argument must be callable or None
                TypeError: dict expected at most 1 argument, got 2
                TypeError: defaultdict.__missing__() takes exactly one argument (0 given)
                TypeError: first argument must be callable or None
                TypeError: unsupported operand type(s) for |: 'collections.defaultdict' and 'int'
                AttributeError: 'collections.defaultdict' object has no attribute 'x'
                TypeError: unhashable type: 'collections.defaultdict'
                ValueError: nope
                """);
        }

        @Test
        @DisplayName("subclasses keep the factory, may override __missing__, and repr with their name")
        void subclass() {
            String source = """
                from collections import defaultdict
                class Sub(defaultdict):
                    pass
                s = Sub(list)
                s['q'].append(2)
                print(s, s.copy(), type(s.copy()).__name__)
                s.attr = 5
                print(s.attr)
                class Sub2(defaultdict):
                    def __missing__(self, key):
                        return 'mine'
                print(Sub2(int)['k'], Sub2(int))
                class Tracking(defaultdict):
                    def __setitem__(self, key, value):
                        print('set', key, value)
                        super().__setitem__(key, value)
                t = Tracking(int)
                t['a'] += 1
                print(t)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                Sub(<class 'list'>, {'q': [2]}) Sub(<class 'list'>, {'q': [2]}) Sub
                5
                mine Sub2(<class 'int'>, {})
                set a 0
                set a 1
                Tracking(<class 'int'>, {'a': 1})
                """);
        }

        @Test
        @DisplayName("reference counts match CPython")
        void references() {
            String source = """
                import sys
                from collections import defaultdict
                x = object()
                base = sys.getrefcount(x)
                dd = defaultdict(lambda: x)
                dd['a']; dd['b']
                print(sys.getrefcount(x) - base)
                del dd
                print(sys.getrefcount(x) - base)
                dd = defaultdict(list, {x: x})
                c = dd.copy()
                print(sys.getrefcount(x) - base)
                del dd, c
                print(sys.getrefcount(x) - base)
                f = lambda: 0
                fb = sys.getrefcount(f)
                dd = defaultdict(f)
                print(sys.getrefcount(f) - fb)
                dd.default_factory = None
                print(sys.getrefcount(f) - fb)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                2
                0
                4
                0
                1
                0
                """);
        }
    }

    @Nested
    @DisplayName("OrderedDict")
    class OrderedDictTests {

        @Test
        @DisplayName("order, move_to_end, popitem at either end, and 3.11's repr")
        void basics() {
            String source = """
                from collections import OrderedDict
                print(OrderedDict(), OrderedDict([('a', 1), ('b', 2)]), OrderedDict(a=1, b=2), OrderedDict({'x': 1}, y=2))
                o = OrderedDict.fromkeys('abcde')
                print(o)
                o.move_to_end('b')
                print(list(o))
                o.move_to_end('b', last=False)
                print(list(o))
                o.move_to_end('e', False)
                print(list(o))
                print(o.popitem(), o.popitem(last=False), o.popitem(False), o)
                a = OrderedDict([('x', 1), ('y', 2)])
                b = OrderedDict([('y', 2), ('x', 1)])
                print(a == b, a == dict(b), dict(a) == b, a != b, a == {'x': 1, 'y': 2})
                print(list(reversed(a)), a.keys(), a.values(), a.items(), list(reversed(a.items())), list(reversed(a.values())))
                print(a.copy(), a | {'z': 3}, {'z': 3} | a, a.setdefault('w', 9), a.pop('w'), a.pop('w', 0))
                a.update([('q', 1)], r=2)
                print(a)
                a |= {'s': 0}
                print(a)
                del a['x']
                a['x'] = 0
                print(a, len(a), 'x' in a)
                a.clear()
                print(a, OrderedDict.fromkeys('ab', 0))
                r = OrderedDict()
                r['me'] = r
                print(r)
                print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1) == OrderedDict(a=2))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                OrderedDict() OrderedDict([('a', 1), ('b', 2)]) OrderedDict([('a', 1), ('b', 2)]) OrderedDict([('x', 1), ('y', 2)])
                OrderedDict([('a', None), ('b', None), ('c', None), ('d', None), ('e', None)])
                ['a', 'c', 'd', 'e', 'b']
                ['b', 'a', 'c', 'd', 'e']
                ['e', 'b', 'a', 'c', 'd']
                ('d', None) ('e', None) ('b', None) OrderedDict([('a', None), ('c', None)])
                False True True True True
                ['y', 'x'] odict_keys(['x', 'y']) odict_values([1, 2]) odict_items([('x', 1), ('y', 2)]) [('y', 2), ('x', 1)] [2, 1]
                OrderedDict([('x', 1), ('y', 2)]) OrderedDict([('x', 1), ('y', 2), ('z', 3)]) OrderedDict([('z', 3), ('x', 1), ('y', 2)]) 9 9 0
                OrderedDict([('x', 1), ('y', 2), ('q', 1), ('r', 2)])
                OrderedDict([('x', 1), ('y', 2), ('q', 1), ('r', 2), ('s', 0)])
                OrderedDict([('y', 2), ('q', 1), ('r', 2), ('s', 0), ('x', 0)]) 5 True
                OrderedDict() OrderedDict([('a', 0), ('b', 0)])
                OrderedDict([('me', ...)])
                False False
                """);
        }

        @Test
        @DisplayName("bad arguments, missing keys and unorderable comparisons raise CPython's messages")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import OrderedDict
                o = OrderedDict(a=1)
                attempt(lambda: OrderedDict(1, 2))
                attempt(lambda: OrderedDict(1))
                attempt(lambda: OrderedDict([1]))
                attempt(lambda: OrderedDict([(1,)]))
                attempt(lambda: OrderedDict([()]))
                attempt(lambda: OrderedDict([(1, 2, 3)]))
                attempt(lambda: o.move_to_end('zz'))
                attempt(lambda: o.move_to_end())
                attempt(lambda: o.move_to_end('a', 1, 2))
                attempt(lambda: o.move_to_end('a', lst=1))
                attempt(lambda: OrderedDict().popitem())
                attempt(lambda: o.popitem(1, 2))
                attempt(lambda: o.update(1))
                attempt(lambda: o.update({}, {}))
                attempt(lambda: hash(o))
                attempt(lambda: o < o)
                attempt(lambda: o.pop('w'))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: expected at most 1 arguments, got 2
                TypeError: 'int' object is not iterable
                TypeError: 'int' object is not iterable
                ValueError: need more than 1 value to unpack
                ValueError: need more than 0 values to unpack
                ValueError: too many values to unpack (expected 2)
                KeyError: 'zz'
                TypeError: move_to_end() missing required argument 'key' (pos 1)
                TypeError: move_to_end() takes at most 2 arguments (3 given)
                TypeError: 'lst' is an invalid keyword argument for move_to_end()
                KeyError: 'dictionary is empty'
                TypeError: popitem() takes at most 1 argument (2 given)
                TypeError: 'int' object is not iterable
                TypeError: update() takes at most 1 positional argument (2 given)
                TypeError: unhashable type: 'collections.OrderedDict'
                TypeError: '<' not supported between instances of 'collections.OrderedDict' and 'collections.OrderedDict'
                KeyError: 'w'
                """);
        }

        @Test
        @DisplayName("iteration notices keys added, removed or moved, as CPython does")
        void iteration() {
            String source = """
                from collections import OrderedDict
                def t(f):
                    od = OrderedDict(a=1, b=2)
                    try:
                        for k in od:
                            f(od)
                        print('ok', list(od))
                    except RuntimeError as e:
                        print(e)
                t(lambda od: od.__setitem__('c', 3))
                t(lambda od: od.__setitem__('a', 3))
                t(lambda od: od.move_to_end('a'))
                t(lambda od: od.pop('b', None))
                od = OrderedDict(a=1)
                it = iter(od)
                print(list(it))
                od['q'] = 1
                print(list(it), type(it).__name__, type(od.keys()).__name__, type(od.keys()).__mro__[1].__name__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                OrderedDict mutated during iteration
                ok ['a', 'b']
                OrderedDict mutated during iteration
                OrderedDict mutated during iteration
                ['a']
                [] odict_iterator odict_keys dict_keys
                """);
        }

        @Test
        @DisplayName("subclasses, instance attributes and copies")
        void subclass() {
            String source = """
                from collections import OrderedDict
                class S(OrderedDict):
                    pass
                print(S(a=1), S(a=1).copy(), type(S(a=1).copy()).__name__)
                class LastUpdated(OrderedDict):
                    def __setitem__(self, key, value):
                        super().__setitem__(key, value)
                        self.move_to_end(key)
                d = LastUpdated(a=1, b=2)
                d['a'] = 3
                print(d, list(d))
                o = OrderedDict()
                o.note = 'kept'
                print(o.note, o.__dict__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                S([('a', 1)]) S([('a', 1)]) S
                LastUpdated([('b', 2), ('a', 3)]) ['b', 'a']
                kept {'note': 'kept'}
                """);
        }
    }

    @Nested
    @DisplayName("Counter")
    class CounterTests {

        @Test
        @DisplayName("counting, most_common with ties in first-seen order, elements, total, update and subtract")
        void basics() {
            String source = """
                from collections import Counter
                c = Counter("mississippi")
                print(c, c["s"], c["zzz"], len(c))
                print(c.most_common(2), c.most_common()[-1], sorted(c.elements()))
                c.update("sip")
                print(c.most_common(3))
                c2 = Counter({"s": 1, "p": 5})
                print(c + c2, c - c2)
                words = Counter(w for w in "a b c a b a d".split())
                print(words.most_common(), sum(words.values()), list(words), words.total())
                words.subtract(["a", "a", "d"])
                print(words, +words, -words)
                print(Counter([1, 2, 2, 3, 3, 3]) == Counter({3: 3, 2: 2, 1: 1}))
                print(Counter(), Counter('abracadabra'), Counter(a=3, b=-1), Counter(iterable='ab'), Counter(self=1))
                print(Counter({'a': 1.5, 'b': 'x'}), Counter({'a': 'y', 'b': 'x'}), Counter({'a': 1, 'b': 'x'}))
                c = Counter('abracadabra')
                print(c.most_common(0), c.most_common(-1), c.most_common(10), list(Counter(a=2, b=0, c=-1).elements()))
                del c['zzz']
                del c['a']
                print(c, c.copy(), type(c.copy()).__name__, 'zzz' in c)
                c.update({'b': 5}, r=1)
                c.update(Counter('bb'))
                print(c)
                c.subtract('bbbb')
                c.subtract({'q': 2})
                print(c, Counter(a=0), Counter(a=0) == Counter(), Counter(a=1).__reduce__())
                print(dict(Counter('hello')), Counter('hello').keys(), isinstance(Counter(), dict))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                Counter({'i': 4, 's': 4, 'p': 2, 'm': 1}) 4 0 4
                [('i', 4), ('s', 4)] ('m', 1) ['i', 'i', 'i', 'i', 'm', 'p', 'p', 's', 's', 's', 's']
                [('i', 5), ('s', 5), ('p', 3)]
                Counter({'p': 8, 's': 6, 'i': 5, 'm': 1}) Counter({'i': 5, 's': 4, 'm': 1})
                [('a', 3), ('b', 2), ('c', 1), ('d', 1)] 7 ['a', 'b', 'c', 'd'] 7
                Counter({'b': 2, 'a': 1, 'c': 1, 'd': 0}) Counter({'b': 2, 'a': 1, 'c': 1}) Counter()
                True
                Counter() Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) Counter({'a': 3, 'b': -1}) Counter({'iterable': 'ab'}) Counter({'self': 1})
                Counter({'a': 1.5, 'b': 'x'}) Counter({'a': 'y', 'b': 'x'}) Counter({'a': 1, 'b': 'x'})
                [] [] [('a', 5), ('b', 2), ('r', 2), ('c', 1), ('d', 1)] ['a', 'a']
                Counter({'b': 2, 'r': 2, 'c': 1, 'd': 1}) Counter({'b': 2, 'r': 2, 'c': 1, 'd': 1}) Counter False
                Counter({'b': 9, 'r': 3, 'c': 1, 'd': 1})
                Counter({'b': 5, 'r': 3, 'c': 1, 'd': 1, 'q': -2}) Counter({'a': 0}) True (<class 'collections.Counter'>, ({'a': 1},))
                {'h': 1, 'e': 1, 'l': 2, 'o': 1} dict_keys(['h', 'e', 'l', 'o']) True
                """);
        }

        @Test
        @DisplayName("multiset arithmetic, in-place forms and comparisons")
        void arithmetic() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import Counter
                a = Counter(a=3, b=1, c=-2)
                b = Counter(a=1, b=2, d=4)
                print(a + b, a - b, a | b, a & b, +a, -a)
                print(a == Counter(a=3, b=1, c=-2, e=0), a != b, a <= b, a < Counter(a=4, b=1), a >= b, a > b, a == {'a': 3, 'b': 1, 'c': -2})
                x = Counter(a=1)
                y = x
                y += Counter(a=2, b=-1)
                print(x, y, x is y)
                y -= Counter(a=10)
                print(y)
                y |= Counter(z=3)
                print(y)
                y &= Counter(z=1)
                print(y)
                attempt(lambda: a + {'a': 1})
                attempt(lambda: a < {'a': 3})
                attempt(lambda: Counter(a=1) + 1)
                class MyC(Counter):
                    pass
                print(MyC('aab'), MyC('aab') + MyC('b'))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                Counter({'a': 4, 'd': 4, 'b': 3}) Counter({'a': 2}) Counter({'d': 4, 'a': 3, 'b': 2}) Counter({'a': 1, 'b': 1}) Counter({'a': 3, 'b': 1}) Counter({'c': 2})
                True True False True False False True
                Counter({'a': 3}) Counter({'a': 3}) True
                Counter()
                Counter({'z': 3})
                Counter({'z': 1})
                TypeError: unsupported operand type(s) for +: 'Counter' and 'dict'
                TypeError: '<' not supported between instances of 'Counter' and 'dict'
                TypeError: unsupported operand type(s) for +: 'Counter' and 'int'
                MyC({'a': 2, 'b': 1}) Counter({'a': 2, 'b': 2})
                """);
        }

        @Test
        @DisplayName("bad arguments raise the errors of CPython's Python code")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import Counter
                c = Counter('ab')
                attempt(lambda: Counter(1))
                attempt(lambda: Counter('ab', 'cd'))
                attempt(lambda: c.most_common('a'))
                attempt(lambda: Counter.fromkeys('abc'))
                attempt(lambda: c.subtract(1, 2))
                attempt(lambda: c.update(1, 2))
                attempt(lambda: Counter.update())
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: 'int' object is not iterable
                TypeError: Counter.__init__() takes from 1 to 2 positional arguments but 3 were given
                TypeError: '>=' not supported between instances of 'str' and 'int'
                NotImplementedError: Counter.fromkeys() is undefined.  Use Counter(iterable) instead.
                TypeError: Counter.subtract() takes from 1 to 2 positional arguments but 3 were given
                TypeError: Counter.update() takes from 1 to 2 positional arguments but 3 were given
                TypeError: Counter.update() missing 1 required positional argument: 'self'
                """);
        }
    }

    @Nested
    @DisplayName("namedtuple")
    class NamedTuple {

        @Test
        @DisplayName("fields, indexing, unpacking, _make, _replace, _asdict, defaults and repr")
        void basics() {
            String source = """
                from collections import namedtuple
                Point = namedtuple("Point", ["x", "y"])
                p = Point(3, 4)
                q = Point(x=1, y=-2)
                print(p, q, p.x + q.y, p[1], len(p), tuple(p), p == (3, 4), p[0:1], p + (5,), p * 2)
                a, b = p
                print(a, b, p._replace(x=10), p._asdict(), Point._fields, Point._field_defaults, Point.__match_args__)
                Card = namedtuple("Card", "rank suit")
                hand = [Card("K", "hearts"), Card("2", "spades"), Card("K", "clubs")]
                print(sorted(hand), [c.rank for c in hand], hand[0]._replace(suit="spades"))
                print(type(p).__name__, isinstance(p, tuple), Point._make([5, 6]), Point.__module__, Point.__mro__, hash(p) == hash((3, 4)))
                A = namedtuple('A', 'a b c', defaults=[1, 2])
                print(A(0), A._field_defaults, A.__new__.__defaults__, namedtuple('B', 'a, b , c')(1, 2, 3))
                print(namedtuple('B', ['a', 'a', 'def', '_x', '1y', 'ok'], rename=True)._fields, namedtuple('B', 'a', module='mod'))
                print(namedtuple('B', '')(), namedtuple('B', 'x')(x=1)._asdict(), namedtuple('C', 'self cls')(1, 2), namedtuple('C', ('a', 'b'))(b=1, a=2))
                print(Point.__doc__, Point.__new__.__doc__, Point.__new__.__qualname__, Point._make.__qualname__, Point._replace.__qualname__)
                print(Point.__repr__.__qualname__, Point.__slots__, Point.x, Point.x.__doc__, p.__getnewargs__(), namedtuple('One', 'x')(1))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                Point(x=3, y=4) Point(x=1, y=-2) 1 4 2 (3, 4) True (3,) (3, 4, 5) (3, 4, 3, 4)
                3 4 Point(x=10, y=4) {'x': 3, 'y': 4} ('x', 'y') {} ('x', 'y')
                [Card(rank='2', suit='spades'), Card(rank='K', suit='clubs'), Card(rank='K', suit='hearts')] ['K', '2', 'K'] Card(rank='K', suit='spades')
                Point True Point(x=5, y=6) __main__ (<class '__main__.Point'>, <class 'tuple'>, <class 'object'>) True
                A(a=0, b=1, c=2) {'b': 1, 'c': 2} (1, 2) B(a=1, b=2, c=3)
                ('a', '_1', '_2', '_3', '_4', 'ok') <class 'mod.B'>
                B() {'x': 1} C(self=1, cls=2) C(a=2, b=1)
                Point(x, y) Create new instance of Point(x, y) Point.__new__ Point._make Point._replace
                Point.__repr__ () _tuplegetter(0, 'Alias for field number 0') Alias for field number 0 (3, 4) One(x=1)
                """);
        }

        @Test
        @DisplayName("wrong arguments, bad field names and immutable attributes raise CPython's messages")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                from collections import namedtuple
                P = namedtuple('Point', ['x', 'y'])
                p = P(1, 2)
                attempt(lambda: P(1))
                attempt(lambda: P(1, 2, 3))
                attempt(lambda: P(1, z=2))
                attempt(lambda: P(1, x=2))
                attempt(lambda: P._make([1]))
                attempt(lambda: P._make([1, 2, 3]))
                attempt(lambda: P._make(5))
                attempt(lambda: p._replace(z=5))
                attempt(lambda: p._replace(z=5, w=1))
                attempt(lambda: p._replace(1))
                attempt(lambda: namedtuple('A', 'a b c', defaults=[1, 2])())
                attempt(lambda: namedtuple('B', 'a b', defaults=[1, 2, 3]))
                attempt(lambda: namedtuple('B', ['a', 'a']))
                attempt(lambda: namedtuple('B', ['a', '_b']))
                attempt(lambda: namedtuple('B', ['a', 'def']))
                attempt(lambda: namedtuple('B', ['a', '1x']))
                attempt(lambda: namedtuple('1B', ['a']))
                attempt(lambda: namedtuple('B', [1]))
                attempt(lambda: namedtuple('C', 'self cls _cls'))
                attempt(lambda: namedtuple('E', 'a', defaults=1))
                attempt(lambda: namedtuple('E', 'a', 'b'))
                attempt(lambda: setattr(p, 'x', 5))
                attempt(lambda: setattr(p, 'z', 5))
                attempt(lambda: delattr(p, 'x'))
                attempt(lambda: p.__dict__)
                try:
                    p.x = 9
                except AttributeError:
                    print("namedtuple is immutable")
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                TypeError: Point.__new__() missing 1 required positional argument: 'y'
                TypeError: Point.__new__() takes 3 positional arguments but 4 were given
                TypeError: Point.__new__() got an unexpected keyword argument 'z'
                TypeError: Point.__new__() got multiple values for argument 'x'
                TypeError: Expected 2 arguments, got 1
                TypeError: Expected 2 arguments, got 3
                TypeError: 'int' object is not iterable
                ValueError: Got unexpected field names: ['z']
                ValueError: Got unexpected field names: ['z', 'w']
                TypeError: Point._replace() takes 1 positional argument but 2 were given
                TypeError: A.__new__() missing 1 required positional argument: 'a'
                TypeError: Got more default values than field names
                ValueError: Encountered duplicate field name: 'a'
                ValueError: Field names cannot start with an underscore: '_b'
                ValueError: Type names and field names cannot be a keyword: 'def'
                ValueError: Type names and field names must be valid identifiers: '1x'
                ValueError: Type names and field names must be valid identifiers: '1B'
                ValueError: Type names and field names must be valid identifiers: '1'
                ValueError: Field names cannot start with an underscore: '_cls'
                TypeError: 'int' object is not iterable
                TypeError: namedtuple() takes 2 positional arguments but 3 were given
                AttributeError: can't set attribute
                AttributeError: 'Point' object has no attribute 'z'
                AttributeError: can't delete attribute
                AttributeError: 'Point' object has no attribute '__dict__'
                namedtuple is immutable
                """);
        }

        @Test
        @DisplayName("classes derived from a namedtuple add methods and keep the fields")
        void subclass() {
            String source = """
                from collections import namedtuple
                class Vec(namedtuple('Vec', 'x y')):
                    __slots__ = ()
                    def __abs__(self):
                        return (self.x ** 2 + self.y ** 2) ** 0.5
                    def __add__(self, other):
                        return Vec(self.x + other.x, self.y + other.y)
                v = Vec(3, 4)
                print(v, abs(v), v + Vec(1, 1), v._replace(x=0), type(v._replace(x=0)).__name__, Vec._make([1, 2]))
                Employee = namedtuple("Employee", "name dept salary")
                staff = [Employee("ann", "eng", 120), Employee("bo", "ops", 90), Employee("cy", "eng", 100)]
                print(max(staff, key=lambda e: e.salary).name, sorted(staff)[0], [e for e in staff if e.dept == 'ops'])
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                Vec(x=3, y=4) 5.0 Vec(x=4, y=5) Vec(x=0, y=4) Vec Vec(x=1, y=2)
                ann Employee(name='ann', dept='eng', salary=120) [Employee(name='bo', dept='ops', salary=90)]
                """);
        }
    }

    @Nested
    @DisplayName("copying")
    class Copying {

        @Test
        @DisplayName("copy.copy and copy.deepcopy rebuild each type from __copy__, __reduce__ or __getnewargs__")
        void copyModule() {
            String source = """
                import copy
                from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
                P = namedtuple('P', 'x y')
                for obj in [deque([1, [2]], maxlen=5), defaultdict(list, a=[1]), OrderedDict(a=[1]), Counter('aab'), P(1, [2])]:
                    c = copy.copy(obj)
                    d = copy.deepcopy(obj)
                    print(type(c).__name__, c, c == obj, type(d).__name__, d, d == obj)
                    inner = next(v for v in (list(obj.values()) if isinstance(obj, dict) else list(obj)) if isinstance(v, list)) if not isinstance(obj, Counter) else None
                    if inner is not None:
                        inner.append('changed')
                        print(c, d)
                print(deque([1, 2]).__reduce__()[:3], deque([1], 3).__reduce__()[:3], defaultdict(int).__reduce__()[:4], OrderedDict().__reduce__()[:4])
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                deque deque([1, [2]], maxlen=5) True deque deque([1, [2]], maxlen=5) True
                deque([1, [2, 'changed']], maxlen=5) deque([1, [2]], maxlen=5)
                defaultdict defaultdict(<class 'list'>, {'a': [1]}) True defaultdict defaultdict(<class 'list'>, {'a': [1]}) True
                defaultdict(<class 'list'>, {'a': [1, 'changed']}) defaultdict(<class 'list'>, {'a': [1]})
                OrderedDict OrderedDict([('a', [1])]) True OrderedDict OrderedDict([('a', [1])]) True
                OrderedDict([('a', [1, 'changed'])]) OrderedDict([('a', [1])])
                Counter Counter({'a': 2, 'b': 1}) True Counter Counter({'a': 2, 'b': 1}) True
                P P(x=1, y=[2]) True P P(x=1, y=[2]) True
                P(x=1, y=[2, 'changed']) P(x=1, y=[2])
                (<class 'collections.deque'>, (), None) (<class 'collections.deque'>, ((), 3), None) (<class 'collections.defaultdict'>, (<class 'int'>,), None, None) (<class 'collections.OrderedDict'>, (), None, None)
                """);
        }
    }

    @Nested
    @DisplayName("the public conformance program")
    class Conformance {

        @Test
        @DisplayName("t2_collections.py prints what CPython prints")
        void t2Collections() {
            String source = """
                # tier: 2
                # collections: deque, defaultdict, Counter, namedtuple.
                from collections import deque, defaultdict, Counter, namedtuple

                d = deque([1, 2, 3])
                d.append(4)
                d.appendleft(0)
                print(d, len(d), d[0], d[-1])
                print(d.pop(), d.popleft(), d)
                d.extend([7, 8])
                d.extendleft([-1, -2])
                print(d)
                d.rotate(2)
                print(d)
                d.rotate(-3)
                print(d, list(d), 7 in d, d.count(7))
                window = deque(maxlen=3)
                for i in range(6):
                    window.append(i)
                    print(list(window), end=" ")
                print(window.maxlen)
                try:
                    deque().pop()
                except IndexError as e:
                    print("IndexError:", e)
                dq = deque("abc")
                dq.reverse()
                print(dq, list(reversed(deque([1, 2, 3]))), deque([1, 2]) == deque([1, 2]))

                groups = defaultdict(list)
                for word in "apple avocado banana blueberry cherry akee".split():
                    groups[word[0]].append(word)
                print(dict(groups), groups["z"], len(groups))
                counts = defaultdict(int)
                for ch in "hello world":
                    counts[ch] += 1
                print(sorted(counts.items()))
                nested = defaultdict(lambda: defaultdict(int))
                nested["x"]["y"] += 5
                nested["x"]["z"] += 1
                print({k: dict(v) for k, v in nested.items()})
                print(isinstance(groups, dict), groups.default_factory is list)

                c = Counter("mississippi")
                print(c, c["s"], c["zzz"], len(c))
                print(c.most_common(2), c.most_common()[-1], sorted(c.elements()))
                c.update("sip")
                print(c.most_common(3))
                c2 = Counter({"s": 1, "p": 5})
                print(c + c2, c - c2)
                words = Counter(w for w in "a b c a b a d".split())
                print(words.most_common(), sum(words.values()), list(words))
                words.subtract(["a", "a", "d"])
                print(words, +words)
                print(Counter([1, 2, 2, 3, 3, 3]) == Counter({3: 3, 2: 2, 1: 1}))

                Point = namedtuple("Point", ["x", "y"])
                p = Point(3, 4)
                q = Point(x=1, y=-2)
                print(p, q, p.x + q.y, p[1], len(p), tuple(p), p == (3, 4))
                a, b = p
                print(a, b, p._replace(x=10), p._asdict(), Point._fields)
                Card = namedtuple("Card", "rank suit")
                hand = [Card("K", "hearts"), Card("2", "spades"), Card("K", "clubs")]
                print(sorted(hand), [c.rank for c in hand], hand[0]._replace(suit="spades"))
                print(type(p).__name__, isinstance(p, tuple), Point._make([5, 6]))
                try:
                    p.x = 9
                except AttributeError:
                    print("namedtuple is immutable")
                Employee = namedtuple("Employee", "name dept salary")
                staff = [Employee("ann", "eng", 120), Employee("bo", "ops", 90), Employee("cy", "eng", 100)]
                by_dept = defaultdict(list)
                for e in staff:
                    by_dept[e.dept].append(e.salary)
                print({k: sum(v) / len(v) for k, v in by_dept.items()}, max(staff, key=lambda e: e.salary).name)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                deque([0, 1, 2, 3, 4]) 5 0 4
                4 0 deque([1, 2, 3])
                deque([-2, -1, 1, 2, 3, 7, 8])
                deque([7, 8, -2, -1, 1, 2, 3])
                deque([-1, 1, 2, 3, 7, 8, -2]) [-1, 1, 2, 3, 7, 8, -2] True 1
                [0] [0, 1] [0, 1, 2] [1, 2, 3] [2, 3, 4] [3, 4, 5] 3
                IndexError: pop from an empty deque
                deque(['c', 'b', 'a']) [3, 2, 1] True
                {'a': ['apple', 'avocado', 'akee'], 'b': ['banana', 'blueberry'], 'c': ['cherry']} [] 4
                [(' ', 1), ('d', 1), ('e', 1), ('h', 1), ('l', 3), ('o', 2), ('r', 1), ('w', 1)]
                {'x': {'y': 5, 'z': 1}}
                True True
                Counter({'i': 4, 's': 4, 'p': 2, 'm': 1}) 4 0 4
                [('i', 4), ('s', 4)] ('m', 1) ['i', 'i', 'i', 'i', 'm', 'p', 'p', 's', 's', 's', 's']
                [('i', 5), ('s', 5), ('p', 3)]
                Counter({'p': 8, 's': 6, 'i': 5, 'm': 1}) Counter({'i': 5, 's': 4, 'm': 1})
                [('a', 3), ('b', 2), ('c', 1), ('d', 1)] 7 ['a', 'b', 'c', 'd']
                Counter({'b': 2, 'a': 1, 'c': 1, 'd': 0}) Counter({'b': 2, 'a': 1, 'c': 1})
                True
                Point(x=3, y=4) Point(x=1, y=-2) 1 4 2 (3, 4) True
                3 4 Point(x=10, y=4) {'x': 3, 'y': 4} ('x', 'y')
                [Card(rank='2', suit='spades'), Card(rank='K', suit='clubs'), Card(rank='K', suit='hearts')] ['K', '2', 'K'] Card(rank='K', suit='spades')
                Point True Point(x=5, y=6)
                namedtuple is immutable
                {'eng': 110.0, 'ops': 90.0} ann
                """);
        }
    }
}

