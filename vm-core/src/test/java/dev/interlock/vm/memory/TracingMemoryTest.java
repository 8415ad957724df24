package dev.interlock.vm.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.PythonRunner;
import dev.interlock.vm.testing.SerialStrategy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code tracing} memory manager: no counts, the JVM's collector reclaims memory, as in Jython.
 * Programs run as under a counting manager, except that {@code sys.getrefcount} says why it cannot
 * answer and {@code __del__} runs when the collector finds an instance unreachable.
 */
@DisplayName("The tracing memory manager")
class TracingMemoryTest {

    private static PythonRunner tracing() {
        return PythonRunner.with((m, s) -> new SerialStrategy(m, CheckPoints.CALLS_AND_BACKWARD_JUMPS),
                new TracingMemoryManager());
    }

    @Test
    @DisplayName("sys.getrefcount raises RuntimeError saying that this manager keeps no counts")
    void getrefcount() {
        PythonRunner.Result r = tracing().run("""
                import sys
                try:
                    sys.getrefcount([])
                except RuntimeError as e:
                    print(type(e).__name__, e)
                """);
        assertThat(r.stdout()).isEqualTo("RuntimeError sys.getrefcount() is not available: the 'tracing' memory manager"
                + " keeps no reference counts (the JVM's garbage collector reclaims memory)\n");
        assertThat(r.status()).isZero();
    }

    @Test
    @DisplayName("an uncaught getrefcount error is an ordinary Python traceback, exit status 1")
    void getrefcountUncaught() {
        PythonRunner.Result r = tracing().run("import sys\nsys.getrefcount(None)\n");
        assertThat(r.lastErrorLine()).startsWith("RuntimeError: sys.getrefcount() is not available: the 'tracing'");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    @DisplayName("a count that would reach zero frees nothing: the object stays usable and is never marked freed")
    void nothingFreed() {
        boolean[] seen = OnPythonThread.call(ts -> {
            MemoryManager mm = new TracingMemoryManager();
            PyList list = PyList.create();
            PyStr item = PyStr.of("an item that is not interned");
            list.append(item);
            mm.decref(list);
            mm.decref(list);
            return new boolean[] {list.isDeallocated(), mm.isFreed(list), list.size() == 1, mm.tryIncref(list)};
        });
        assertThat(seen).containsExactly(false, false, true, true);
    }

    @Test
    @DisplayName("None, True, False, small ints and interned strings are immortal")
    void immortals() {
        MemoryManager mm = new TracingMemoryManager();
        assertThat(mm.isImmortal(PyNone.INSTANCE)).isTrue();
        assertThat(mm.isImmortal(PyBool.TRUE)).isTrue();
        assertThat(mm.isImmortal(PyBool.FALSE)).isTrue();
        assertThat(mm.isImmortal(PyInt.of(7))).isTrue();
        assertThat(mm.isImmortal(PyStr.immortal("name"))).isTrue();
        assertThat(mm.countsReferences()).isFalse();
    }

    @Test
    @DisplayName("a program that churns objects computes what it does under counting")
    void churn() {
        String program = """
                shared = []
                total = 0
                for i in range(2000):
                    shared.append([i, {'k': str(i)}])
                    if len(shared) > 10:
                        item = shared.pop(0)
                        total += item[0] + len(item[1]['k'])
                print(total, len(shared))
                """;
        PythonRunner.Result traced = tracing().run(program);
        PythonRunner.Result counted = PythonRunner.serial().run(program);
        assertThat(traced.stdout()).isEqualTo(counted.stdout()).isEqualTo("1985905 10\n");
    }

    @Test
    @DisplayName("__del__ runs once the collector finds an instance unreachable, on the object itself, at gc.collect()")
    void delRunsAfterCollection() {
        PythonRunner.Result r = tracing().run("""
                import gc
                deleted = []
                class C:
                    def __init__(self, n):
                        self.n = n
                    def __del__(self):
                        deleted.append(self.n)
                def make():
                    for i in range(5):
                        C(i)
                make()
                # Collections are requests to the JVM; a few are allowed before the finalizers show.
                for attempt in range(5):
                    gc.collect()
                    if len(deleted) == 5:
                        break
                print(sorted(deleted))
                keep = C(99)
                gc.collect()
                print(99 in deleted)
                """);
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("[0, 1, 2, 3, 4]\nFalse\n");
    }

    @Test
    @DisplayName("an exception in __del__ is reported as CPython reports it, and the program goes on")
    void delRaises() {
        PythonRunner.Result r = tracing().run("""
                import gc
                class C:
                    def __del__(self):
                        raise ValueError('from __del__')
                def make():
                    C()
                make()
                for attempt in range(5):
                    if gc.collect():
                        break
                print('after')
                """);
        assertThat(r.stdout()).isEqualTo("after\n");
        assertThat(r.stderr()).startsWith("Exception ignored in: <function C.__del__ at ")
                .endsWith("ValueError: from __del__\n");
        assertThat(r.status()).isZero();
    }

    @Test
    @DisplayName("under a counting manager, gc.collect() finds nothing: __del__ already ran at zero")
    void countingCollect() {
        PythonRunner.Result r = PythonRunner.serial().run("""
                import gc
                class C:
                    def __del__(self):
                        print('del')
                C()
                print(gc.collect(), gc.isenabled())
                gc.disable()
                print(gc.isenabled())
                """);
        assertThat(r.stdout()).isEqualTo("del\n0 True\nFalse\n");
    }
}
