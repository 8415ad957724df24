package dev.interlock.vm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.objects.HeapTypes;
import dev.interlock.vm.objects.PyCell;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInstance;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PySet;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.PythonRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Use-after-free detection beyond the counts: a freed container's storage is replaced by one that
 * reports every use, a freed instance cannot grow a fresh attribute dict, a freed cell does not
 * read as an unbound variable, and an object whose count reaches zero twice is reported. Each
 * report is a {@link FatalError} naming the type and the thread; from Python, the run stops with
 * exit status 134.
 */
@DisplayName("Use after free")
class UseAfterFreeTest {

    private static final String USE_AFTER_FREE = "Fatal Python error: use after free: a '";

    /** Frees {@code o} (its only reference) and returns the errors {@code uses} raise on it afterwards. */
    private static <T extends ObjectHeader> List<FatalError> usesAfterFree(T o, List<Consumer<T>> uses) {
        Refs.memory().decref(o);
        assertThat(o.isDeallocated()).isTrue();
        List<FatalError> errors = new ArrayList<>();
        for (Consumer<T> use : uses) {
            errors.add(catchThrowableOfType(FatalError.class, () -> use.accept(o)));
        }
        return errors;
    }

    @Nested
    @DisplayName("a freed container reports every later use, reads included")
    class Containers {

        @Test
        @DisplayName("list: len, indexing, append, iteration all stop with the use-after-free error")
        void list() {
            List<FatalError> errors = OnPythonThread.call(ts -> {
                PyList list = PyList.create();
                PyStr item = PyStr.of("an item that is not interned");
                list.append(item);
                Refs.decref(item);
                return usesAfterFree(list, List.of(PyList::size, l -> l.getNew(0), l -> l.append(item),
                        l -> l.storage().snapshot()));
            });
            assertThat(errors).hasSize(4).allSatisfy(e -> assertThat(e.getMessage())
                    .startsWith(USE_AFTER_FREE + "list' object was used after its reference count reached zero")
                    .endsWith("(thread 'test')"));
        }

        @Test
        @DisplayName("dict: lookups, stores and size stop with the use-after-free error")
        void dict() {
            List<FatalError> errors = OnPythonThread.call(ts -> {
                PyDict dict = PyDict.create();
                dict.setItem("key", PyStr.of("v"));
                return usesAfterFree(dict, List.of(PyDict::size, d -> d.getItemOrNull("key"),
                        d -> d.setItem("other", PyStr.of("w"))));
            });
            assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e.getMessage()).startsWith(USE_AFTER_FREE + "dict'"));
        }

        @Test
        @DisplayName("set: size and membership stop with the use-after-free error")
        void set() {
            List<FatalError> errors = OnPythonThread.call(ts -> {
                PySet set = PySet.create();
                return usesAfterFree(set, List.of(PySet::size, s -> s.storage().cursor()));
            });
            assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.getMessage()).startsWith(USE_AFTER_FREE + "set'"));
        }

        @Test
        @DisplayName("a live container is unaffected: freeing releases its items, and the items live on if referenced")
        void itemsReleased() {
            boolean ok = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList list = PyList.create();
                PyList item = PyList.create();
                list.append(item);
                mm.decref(list);
                boolean alive = !item.isDeallocated() && mm.refcount(item) == 1 && item.size() == 0;
                mm.decref(item);
                return alive && item.isDeallocated();
            });
            assertThat(ok).isTrue();
        }
    }

    @Nested
    @DisplayName("when a racing store has overwritten the freed mark (a freed object that looks alive)")
    class LooksAlive {

        @Test
        @DisplayName("a freed instance does not get a fresh, empty attribute dict")
        void instance() {
            FatalError e = OnPythonThread.call(ts -> {
                PyType type = HeapTypes.create("Point", PyTuple.EMPTY, PyDict.create(), null, null, 0);
                PyInstance point = new PyInstance(type);
                Refs.decref(type);
                PyStr x = PyStr.of("x");
                point.setAttribute(x, x);
                Refs.memory().decref(point);
                point.setRefLocal(1); // what a lost update can leave behind
                return catchThrowableOfType(FatalError.class, () -> point.getAttribute(x));
            });
            assertThat(e.getMessage()).startsWith(USE_AFTER_FREE + "Point' object was used after");
        }

        @Test
        @DisplayName("a freed cell does not read as an unbound variable")
        void cell() {
            FatalError e = OnPythonThread.call(ts -> {
                PyCell cell = new PyCell(PyStr.of("contents, not interned"));
                Refs.memory().decref(cell);
                cell.setRefLocal(1);
                return catchThrowableOfType(FatalError.class, cell::getNew);
            });
            assertThat(e.getMessage()).startsWith(USE_AFTER_FREE + "cell' object");
        }
    }

    @Nested
    @DisplayName("an object whose count reaches zero again")
    class FreedTwice {

        @Test
        @DisplayName("is reported as deallocated twice, even when a racing store overwrote the freed mark")
        void deallocatedTwice() {
            FatalError e = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList list = PyList.create();
                mm.decref(list);
                list.setRefLocal(1); // what a lost update can leave behind: a freed object that looks alive
                return catchThrowableOfType(FatalError.class, () -> mm.decref(list));
            });
            assertThat(e.getMessage()).startsWith("Fatal Python error: use after free: a 'list' object was deallocated twice")
                    .contains("thread 'test'");
        }
    }

    @Nested
    @DisplayName("from Python, with a native helper that releases one reference too many (_testrefs)")
    class FromPython {

        @Test
        @DisplayName("a stale iterator over a freed list stops the run instead of ending the loop early")
        void staleIterator() {
            PythonRunner.Result r = PythonRunner.serial().run("""
                    import _testrefs
                    lst = [1, 2, 3]
                    it = iter(lst)
                    _testrefs.overrelease(lst)
                    del lst
                    print('before')
                    print(next(it))
                    print('not reached')
                    """, "stale.py");
            assertThat(r.stdout()).isEqualTo("before\n");
            assertThat(r.stderr()).startsWith(USE_AFTER_FREE + "list' object was used after its reference count reached zero")
                    .contains("(thread 'MainThread')", "Python runtime state: initialized", "line 7");
            assertThat(r.status()).isEqualTo(FatalError.EXIT_STATUS);
        }

        @Test
        @DisplayName("loading a freed object from a variable stops the run at once (the count-based check)")
        void staleVariable() {
            PythonRunner.Result r = PythonRunner.serial().run("""
                    import _testrefs
                    data = {'a': 1}
                    _testrefs.overrelease(data)
                    print(len(data))
                    """, "stale.py");
            assertThat(r.stdout()).isEmpty();
            assertThat(r.stderr()).startsWith(USE_AFTER_FREE + "dict' object");
            assertThat(r.status()).isEqualTo(FatalError.EXIT_STATUS);
        }

        @Test
        @DisplayName("the report is printed once, however many stale references are touched afterwards")
        void reportedOnce() {
            PythonRunner.Result r = PythonRunner.serial().run("""
                    import _testrefs
                    a = [1]
                    _testrefs.overrelease(a)
                    b = a
                    """, "stale.py");
            assertThat(r.stderr().split("Fatal Python error", -1)).hasSize(2);
            assertThat(r.status()).isEqualTo(FatalError.EXIT_STATUS);
        }
    }
}
