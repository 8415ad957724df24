package dev.interlock.vm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.memory.RefcountAudit.Finding;
import dev.interlock.vm.memory.RefcountAudit.Kind;
import dev.interlock.vm.memory.RefcountAudit.Result;
import dev.interlock.vm.memory.RefcountAudit.Root;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.PythonRunner;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference-count audit: the walk and comparison on objects built by hand, then whole programs
 * run with {@code --audit-refcounts}, with a native helper ({@code _testrefs}) that leaks or
 * over-releases a reference on purpose.
 */
@DisplayName("The reference-count audit")
class RefcountAuditTest {

    private static Result audit(List<Root> roots, List<? extends ObjectHeader> allocated) {
        return RefcountAudit.run(Refs.memory(), roots, allocated);
    }

    private static Root root(ObjectHeader o) {
        return new Root("the test", o);
    }

    @Nested
    @DisplayName("on objects built by hand")
    class Walk {

        @Test
        @DisplayName("exact counts: clean, every object and reference counted once")
        void clean() {
            Result r = OnPythonThread.call(ts -> {
                PyList top = PyList.create();
                PyList inner = PyList.create();
                top.append(inner);
                top.append(inner);
                Refs.decref(inner);
                PyStr s = PyStr.of("a string that is not interned");
                top.append(s);
                Refs.decref(s);
                return audit(List.of(root(top)), List.of());
            });
            assertThat(r.clean()).isTrue();
            assertThat(r.reachable()).isEqualTo(3);
            assertThat(r.references()).as("one root and three slots").isEqualTo(4);
        }

        @Test
        @DisplayName("an object made immortal that nothing reaches any more still holds counted references: no leak")
        void immortalUnreachable() {
            Result r = OnPythonThread.call(ts -> {
                PyList holder = PyList.create(); // as a code object the atomic manager makes immortal
                PyList inner = PyList.create();
                holder.append(inner);
                Refs.decref(inner); // the holder keeps the only reference
                Refs.memory().makeImmortal(holder);
                return audit(List.of(), List.of(holder, inner));
            });
            assertThat(r.findings()).isEmpty();
        }

        @Test
        @DisplayName("a reference taken and never given back is a leak: count 3, 2 references found")
        void leak() {
            Result r = OnPythonThread.call(ts -> {
                PyList top = PyList.create();
                PyList inner = PyList.create();
                top.append(inner);
                Refs.incref(inner); // the leak (with the creator's reference, never given back either)
                return audit(List.of(root(top), root(inner)), List.of());
            });
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.LEAK);
                assertThat(f.count()).isEqualTo(3);
                assertThat(f.found()).isEqualTo(2);
                assertThat(f.object().typeName()).isEqualTo("list");
            });
        }

        @Test
        @DisplayName("a reference given back twice is an over-release, with the path the walk took to it")
        void overRelease() {
            Result r = OnPythonThread.call(ts -> {
                PyDict top = PyDict.create();
                PyList shared = PyList.create();
                top.setItem("a", shared);
                top.setItem("b", shared);
                Refs.decref(shared); // the creator's reference
                Refs.decref(shared); // one too many: count 1, two dict slots
                return audit(List.of(root(top)), List.of());
            });
            Finding f = r.findings().get(0);
            assertThat(r.findings()).hasSize(1);
            assertThat(f.kind()).isEqualTo(Kind.OVER_RELEASE);
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.found()).isEqualTo(2);
            assertThat(f.root().name()).isEqualTo("the test");
            assertThat(f.path()).singleElement().isInstanceOf(PyDict.class);
        }

        @Test
        @DisplayName("an object freed while a container still holds it is reported, and not looked into")
        void freedWhileReferenced() {
            Result r = OnPythonThread.call(ts -> {
                PyList top = PyList.create();
                PyList inner = PyList.create();
                inner.append(PyInt.of(1000));
                top.append(inner);
                Refs.decref(inner);
                Refs.memory().decref(inner); // freed, still in top
                return audit(List.of(root(top)), List.of());
            });
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.FREED_WHILE_REFERENCED);
                assertThat(f.found()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("a cycle nothing refers to is garbage kept alive, not an error; a leaked object nothing refers to is a leak")
        void unreachable() {
            Result r = OnPythonThread.call(ts -> {
                PyList a = PyList.create();
                PyList b = PyList.create();
                a.append(b);
                b.append(a);
                Refs.decref(a);
                Refs.decref(b); // a <-> b, nothing else: CPython's collector would free them
                PyList leaked = PyList.create(); // its creator's reference is never given back
                PyList root = PyList.create();
                return audit(List.of(root(root)), List.of(a, b, leaked, root));
            });
            assertThat(r.reachable()).isEqualTo(1);
            assertThat(r.unreachable()).as("the cycle").isEqualTo(2);
            assertThat(r.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Kind.LEAK);
                assertThat(f.reachable()).isFalse();
                assertThat(f.count()).isEqualTo(1);
                assertThat(f.found()).isZero();
            });
        }

        @Test
        @DisplayName("immortal objects are walked but their counts are not compared")
        void immortals() {
            Result r = OnPythonThread.call(ts -> {
                PyList top = PyList.create();
                top.append(PyNone.INSTANCE);
                top.append(PyInt.of(5));
                return audit(List.of(root(top)), List.of());
            });
            assertThat(r.clean()).isTrue();
            assertThat(r.reachable()).isEqualTo(3);
        }

        @Test
        @DisplayName("refuses a memory manager that keeps no counts")
        void refusesWithoutCounts() {
            MemoryManager noCounts = org.mockito.Mockito.mock(MemoryManager.class);
            org.mockito.Mockito.when(noCounts.name()).thenReturn("tracing");
            assertThatThrownBy(() -> RefcountAudit.run(noCounts, List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tracing'", "keeps no reference counts");
        }
    }

    @Nested
    @DisplayName("at the end of a program (--audit-refcounts)")
    class AtExit {

        private PythonRunner.Result run(String source) {
            return PythonRunner.serial().auditing().run(source, "audited.py");
        }

        @Test
        @DisplayName("a clean program: its own output and status, and one summary line")
        void cleanProgram() {
            PythonRunner.Result r = run("""
                    class Node:
                        def __init__(self, next):
                            self.next = next
                    head = None
                    for i in range(100):
                        head = Node(head)
                    d = {str(i): [i] * 3 for i in range(50)}
                    print(len(d), head.next.next is not None)
                    """);
            assertThat(r.stdout()).isEqualTo("50 True\n");
            assertThat(r.stderr()).startsWith("interlock: refcount audit: every count matches (");
            assertThat(r.status()).isZero();
        }

        @Test
        @DisplayName("a leaked reference: the object, its count against the references found, the path, exit status 3")
        void leakedReference() {
            PythonRunner.Result r = run("""
                    import _testrefs
                    cache = {'answer': [4, 2]}
                    _testrefs.leak(cache['answer'])
                    """);
            assertThat(r.stderr()).isEqualTo("""
                    interlock: refcount audit: 1 problem among %s objects reachable at exit:
                      leak: 'list' object of 2 items: count 2, references found 1 (1 never given back)
                          reached from sys.modules -> module '__main__' -> dict -> dict
                    interlock: refcount audit failed: 1 leaked, 0 over-released, 0 freed while referenced (exit status 3)
                    """.formatted(r.stderr().replaceAll("(?s).*among ([0-9,]+) objects.*", "$1")));
            assertThat(r.status()).isEqualTo(RefcountAudit.EXIT_STATUS);
        }

        @Test
        @DisplayName("an over-released reference is reported, exit status 3")
        void overReleasedReference() {
            PythonRunner.Result r = run("""
                    import _testrefs
                    a = ['x']
                    b = a
                    _testrefs.overrelease(a)
                    """);
            assertThat(r.stderr()).contains("  over-release: 'list' object of 1 item: count 1, references found 2"
                    + " (1 given back too often)", "0 leaked, 1 over-released");
            assertThat(r.status()).isEqualTo(RefcountAudit.EXIT_STATUS);
        }

        @Test
        @DisplayName("an object freed while a dict still holds it is reported as freed while referenced")
        void prematureFree() {
            PythonRunner.Result r = run("""
                    import _testrefs
                    x = [1]
                    d = {'k': x}
                    _testrefs.overrelease(x)
                    del x
                    """);
            assertThat(r.stderr()).contains("  freed while referenced: 'list' object: deallocated, references found 1");
            assertThat(r.status()).isEqualTo(RefcountAudit.EXIT_STATUS);
        }

        @Test
        @DisplayName("a leaked object nothing refers to any more is still found")
        void unreachableLeak() {
            PythonRunner.Result r = run("""
                    import _testrefs
                    class Session:
                        pass
                    s = Session()
                    _testrefs.leak(s)
                    del s
                    """);
            assertThat(r.stderr()).contains("  leak: 'Session' object at 0x", ": count 1, references found 0",
                    "      referred to by nothing the audit can see");
            assertThat(r.status()).isEqualTo(RefcountAudit.EXIT_STATUS);
        }

        @Test
        @DisplayName("garbage cycles are counted apart and do not fail the audit")
        void cycles() {
            PythonRunner.Result r = run("""
                    def make():
                        a = []
                        b = [a]
                        a.append(b)
                    for i in range(10):
                        make()
                    """);
            assertThat(r.stderr()).startsWith("interlock: refcount audit: every count matches (")
                    .contains("; 20 more objects are kept alive only by reference cycles");
            assertThat(r.status()).isZero();
        }

        @Test
        @DisplayName("after an uncaught exception the audit still runs, and the status stays 1 when it is clean")
        void uncaughtException() {
            PythonRunner.Result r = run("""
                    def f(d):
                        return d['missing']
                    f({'present': [1]})
                    """);
            assertThat(r.stderr()).contains("KeyError: 'missing'\n", "refcount audit: every count matches");
            assertThat(r.status()).isEqualTo(1);
        }

        /**
         * Under the serial strategy a thread that never blocks would keep the interpreter; the CLI
         * tests cover a spinning daemon under the GIL.
         */
        @Test
        @DisplayName("daemon threads still waiting at exit, in a sleep and on a lock, are stopped first")
        void daemonThreads() {
            PythonRunner.Result r = run("""
                    import threading, time
                    started = threading.Semaphore(0)
                    never = threading.Lock()
                    never.acquire()
                    def sleep():
                        held = [1, 2, 3]
                        started.release()
                        time.sleep(3600)
                    def wait():
                        held = {'a': [4]}
                        started.release()
                        never.acquire()
                    threading.Thread(target=sleep, daemon=True).start()
                    threading.Thread(target=wait, daemon=True).start()
                    started.acquire()
                    started.acquire()
                    print('main done')
                    """);
            assertThat(r.stdout()).isEqualTo("main done\n");
            assertThat(r.stderr()).startsWith("interlock: refcount audit: every count matches");
            assertThat(r.status()).isZero();
        }

        /** Each of these leaked before a fix the audit led to; together they keep those fixed. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a module that raises (its globals)          | raise ValueError('x')
                __main__ itself                             | pass
                a failed import (the sys.modules key)       | import no_such_module_here
                dict.popitem on an empty dict (the message) | {}.popitem()
                set.pop on an empty set (the message)       | set().pop()
                an RLock (its inner lock)                   | import _thread; r = _thread.RLock(); r.acquire(); r.release()
                """)
        @DisplayName("programs that used to leak are clean")
        void formerLeaks(String what, String source) {
            PythonRunner.Result r = run(source + "\n");
            assertThat(r.stderr()).as(what).contains("interlock: refcount audit: every count matches");
        }

        @Test
        @DisplayName("after a fatal error there is no audit: the status is 134")
        void noAuditAfterFatal() {
            PythonRunner.Result r = run("""
                    import _testrefs
                    x = [1]
                    _testrefs.overrelease(x)
                    print(x)
                    """);
            assertThat(r.stderr()).startsWith("Fatal Python error: use after free").doesNotContain("refcount audit");
            assertThat(r.status()).isEqualTo(FatalError.EXIT_STATUS);
        }
    }
}
