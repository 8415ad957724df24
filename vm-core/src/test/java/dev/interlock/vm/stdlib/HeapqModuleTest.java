package dev.interlock.vm.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.vm.testing.PythonRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * heapq: the list operations are native (module _heapq), merge, nlargest and nsmallest are the
 * bundled heapq.py. Every expected output below is what CPython 3.11.7 ({@code python3}) prints
 * for the same snippet; the generator that wrote them ran it.
 */
@DisplayName("heapq")
class HeapqModuleTest {

    /** Runs {@code source} on a fresh interpreter; it must succeed silently on stderr. */
    static String run(String source) {
        PythonRunner.Result r = PythonRunner.serial().run(source);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.status()).isZero();
        return r.stdout();
    }

    @Nested
    @DisplayName("heap operations (native _heapq)")
    class HeapOperations {

        @Test
        @DisplayName("heappush and heappop keep the heap invariant and give items smallest first")
        void pushPop() {
            String source = """
                import heapq
                h = []
                for x in [5, 1, 8, 3, 9, 2, 7, 1]:
                    heapq.heappush(h, x)
                print(h)
                print([heapq.heappop(h) for _ in range(3)], h)
                print(heapq.heapreplace(h, 0), h, heapq.heappushpop(h, 10), heapq.heappushpop(h, -1), h)
                l = [9, 8, 7, 6, 5, 4, 3, 2, 1]
                heapq.heapify(l)
                print(l)
                big = [(i * 7919) % 1000 for i in range(3000)]
                heapq.heapify(big)
                print(big[:12], all(big[(k - 1) // 2] <= big[k] for k in range(1, len(big))))
                print([heapq.heappop(big) for _ in range(5)], len(big))
                print(heapq.heappushpop([], 1), heapq.heappushpop([1], 0))
                tasks = []
                for pri, name in [(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee')]:
                    heapq.heappush(tasks, (pri, name))
                print([heapq.heappop(tasks) for _ in range(len(tasks))])
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [1, 1, 2, 3, 9, 8, 7, 5]
                [1, 1, 2] [3, 5, 7, 8, 9]
                3 [5, 8, 7, 10, 9] 0 -1 [5, 8, 7, 10, 9]
                [1, 2, 3, 6, 5, 4, 7, 8, 9]
                [0, 1, 0, 2, 1, 1, 0, 3, 3, 2, 2, 5] True
                [0, 0, 0, 1, 1] 2995
                1 0
                [(1, 'coffee'), (1, 'plan'), (2, 'write'), (3, 'test')]
                """);
        }

        @Test
        @DisplayName("the max-heap helpers merge and nsmallest use")
        void maxHeap() {
            String source = """
                import heapq
                l = [1, 2, 3, 6, 5, 4, 7, 8, 9]
                heapq._heapify_max(l)
                print(l, heapq._heappop_max(l), heapq._heapreplace_max(l, 0), l)
                h = [3, 1, 4, 1, 5, 9, 2, 6]
                heapq._siftdown(h, 0, 7)
                print(h)
                heapq.heapify(h)
                h[0] = 10
                heapq._siftup(h, 0)
                print(h)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [7, 6, 4, 2, 5, 0, 3, 1] 9 8 [7, 6, 4, 2, 5, 0, 3, 1]
                [3, 1, 4, 1, 5, 9, 2, 6]
                [1, 3, 2, 6, 5, 9, 4, 10]
                """);
        }

        @Test
        @DisplayName("empty heaps, non-lists and bad calls raise CPython's messages")
        void errors() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import heapq
                attempt(lambda: heapq.heappop([]))
                attempt(lambda: heapq.heapreplace([], 1))
                attempt(lambda: heapq.heappush((), 1))
                attempt(lambda: heapq.heappop(()))
                attempt(lambda: heapq.heapify(()))
                attempt(lambda: heapq.heapreplace((), 1))
                attempt(lambda: heapq.heappushpop((), 1))
                attempt(lambda: heapq.heappush([]))
                attempt(lambda: heapq.heappush([], 1, 2))
                attempt(lambda: heapq.heappop())
                attempt(lambda: heapq.heapify())
                attempt(lambda: heapq.heappush(heap=[], item=1))
                attempt(lambda: heapq.heappush([1, 2], 'a'))
                attempt(lambda: heapq.heapify([1, 'a', 2]))
                print(heapq.heappush.__module__, heapq.heappush.__name__, heapq.__all__)
                class Bad:
                    def __lt__(self, o):
                        h2.append(1)
                        return True
                h2 = [Bad(), Bad()]
                attempt(lambda: heapq.heappush(h2, Bad()))
                class Bad3:
                    def __lt__(self, o):
                        h4.clear()
                        return False
                h4 = [Bad3(), Bad3(), Bad3()]
                attempt(lambda: heapq.heapify(h4))
                h4 = [Bad3(), Bad3(), Bad3()]
                attempt(lambda: heapq.heappop(h4))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                IndexError: index out of range
                IndexError: index out of range
                TypeError: heappush() argument 1 must be list, not tuple
                TypeError: heappop() argument must be list, not tuple
                TypeError: heapify() argument must be list, not tuple
                TypeError: heapreplace() argument 1 must be list, not tuple
                TypeError: heappushpop() argument 1 must be list, not tuple
                TypeError: heappush expected 2 arguments, got 1
                TypeError: heappush expected 2 arguments, got 3
                TypeError: _heapq.heappop() takes exactly one argument (0 given)
                TypeError: _heapq.heapify() takes exactly one argument (0 given)
                TypeError: _heapq.heappush() takes no keyword arguments
                TypeError: '<' not supported between instances of 'str' and 'int'
                TypeError: '<' not supported between instances of 'str' and 'int'
                _heapq heappush ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest', 'heappushpop']
                RuntimeError: list changed size during iteration
                RuntimeError: list changed size during iteration
                RuntimeError: list changed size during iteration
                """);
        }
    }

    @Nested
    @DisplayName("merge, nlargest and nsmallest (Python heapq)")
    class Selection {

        @Test
        @DisplayName("nlargest and nsmallest, with keys, ties in input order, and every size of n")
        void nlargestNsmallest() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import heapq
                data = [5, 1, 8, 3, 9, 2, 7, 1, 8]
                for n in [-1, 0, 1, 2, 5, 9, 20]:
                    print(n, heapq.nlargest(n, data), heapq.nsmallest(n, data), heapq.nlargest(n, iter(data)), heapq.nsmallest(n, iter(data)))
                words = ['pear', 'fig', 'apple', 'kiwi', 'banana', 'plum', 'date']
                print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len), heapq.nsmallest(1, words, key=len))
                pairs = [(1, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')]
                print(heapq.nlargest(3, pairs, key=lambda t: t[0]), heapq.nsmallest(3, pairs, key=lambda t: t[0]))
                print(heapq.nlargest(3, iter(pairs), key=lambda t: t[0]), heapq.nsmallest(4, iter(pairs), key=lambda t: t[0]))
                print(heapq.nlargest(1, []), heapq.nsmallest(2, []), heapq.nlargest(2, iter([])), heapq.nsmallest(3, 'hello'))
                attempt(lambda: heapq.nlargest('a', [3, 1, 2]))
                attempt(lambda: heapq.nlargest(2, 5))
                attempt(lambda: heapq.nsmallest(2, iter([1, 'a', 2])))
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                -1 [] [] [] []
                0 [] [] [] []
                1 [9] [1] [9] [1]
                2 [9, 8] [1, 1] [9, 8] [1, 1]
                5 [9, 8, 8, 7, 5] [1, 1, 2, 3, 5] [9, 8, 8, 7, 5] [1, 1, 2, 3, 5]
                9 [9, 8, 8, 7, 5, 3, 2, 1, 1] [1, 1, 2, 3, 5, 7, 8, 8, 9] [9, 8, 8, 7, 5, 3, 2, 1, 1] [1, 1, 2, 3, 5, 7, 8, 8, 9]
                20 [9, 8, 8, 7, 5, 3, 2, 1, 1] [1, 1, 2, 3, 5, 7, 8, 8, 9] [9, 8, 8, 7, 5, 3, 2, 1, 1] [1, 1, 2, 3, 5, 7, 8, 8, 9]
                ['banana', 'apple', 'pear'] ['fig', 'pear', 'kiwi'] ['fig']
                [(2, 'c'), (2, 'f'), (1, 'a')] [(0, 'e'), (1, 'a'), (1, 'b')]
                [(2, 'c'), (2, 'f'), (1, 'a')] [(0, 'e'), (1, 'a'), (1, 'b'), (1, 'd')]
                [] [] [] ['e', 'h', 'l']
                TypeError: '>=' not supported between instances of 'str' and 'int'
                TypeError: 'int' object is not iterable
                TypeError: '<' not supported between instances of 'str' and 'int'
                """);
        }

        @Test
        @DisplayName("merge is lazy and stable, with key and reverse")
        void merge() {
            String source = """
                def attempt(f):
                    try:
                        print(repr(f()))
                    except Exception as e:
                        print(type(e).__name__ + ':', e)

                import heapq
                print(list(heapq.merge([1, 3, 5], [2, 4, 6])), list(heapq.merge([5, 3, 1], [6, 4, 2], reverse=True)))
                print(list(heapq.merge(['a', 'BB', 'ccc'], ['dd', 'E'], key=len)), list(heapq.merge(['ccc', 'BB', 'a'], ['dd', 'E'], key=len, reverse=True)))
                print(list(heapq.merge()), list(heapq.merge([1], key=abs)), list(heapq.merge([1, 2])), list(heapq.merge([], [1], [], [0, 2])))
                print(list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda t: t[0])))
                m = heapq.merge(iter([1, 4]), iter([2, 3]))
                print(type(m).__name__, next(m), next(m), list(m))
                attempt(lambda: list(heapq.merge([1], 5)))
                m = heapq.merge([1], 5)
                print('lazy', type(m).__name__)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                [1, 2, 3, 4, 5, 6] [6, 5, 4, 3, 2, 1]
                ['a', 'BB', 'dd', 'E', 'ccc'] ['ccc', 'BB', 'dd', 'a', 'E']
                [] [1] [1, 2] [0, 1, 2]
                [(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]
                generator 1 2 [3, 4]
                TypeError: 'int' object is not iterable
                lazy generator
                """);
        }

        @Test
        @DisplayName("a priority queue of a list of entries, as queue.PriorityQueue keeps one")
        void priorityQueue() {
            String source = """
                import heapq
                queue = []
                counter = 0
                def put(priority, item):
                    global counter
                    heapq.heappush(queue, (priority, counter, item))
                    counter += 1
                for p, item in [(3, 'low'), (1, 'urgent'), (2, 'normal'), (1, 'urgent too'), (2, 'normal too')]:
                    put(p, item)
                order = []
                while queue:
                    order.append(heapq.heappop(queue)[2])
                print(order)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                ['urgent', 'urgent too', 'normal', 'normal too', 'low']
                """);
        }

        @Test
        @DisplayName("reference counts after heap operations match CPython (sys.getrefcount)")
        void references() {
            String source = """
                import sys, heapq
                x = object()
                base = sys.getrefcount(x)
                h = []
                heapq.heappush(h, (1, x)); heapq.heappush(h, (0, x)); heapq.heappush(h, (2, x))
                print(sys.getrefcount(x) - base)
                t = heapq.heappop(h)
                print(sys.getrefcount(x) - base)
                del t
                print(sys.getrefcount(x) - base)
                heapq.heapreplace(h, (5, x)); heapq.heappushpop(h, (9, x)); heapq.heapify(h)
                print(sys.getrefcount(x) - base)
                r = heapq.nlargest(2, [(1, x), (2, x), (3, x)]), heapq.nsmallest(2, [(1, x), (2, x), (3, x)])
                print(sys.getrefcount(x) - base)
                del r
                m = list(heapq.merge([(1, x)], [(0, x)]))
                print(sys.getrefcount(x) - base)
                del m, h
                print(sys.getrefcount(x) - base)
                """;
            // python3 prints:
            assertThat(run(source)).isEqualTo("""
                3
                3
                2
                2
                6
                4
                0
                """);
        }
    }
}

