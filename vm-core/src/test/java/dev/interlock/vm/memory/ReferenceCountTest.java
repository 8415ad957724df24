package dev.interlock.vm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.OracleFile;
import dev.interlock.vm.testing.PythonRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference counts: what {@code sys.getrefcount} reports, against CPython 3.11, and the
 * {@code plain} memory manager's counting and deallocation protocol, tested directly. Objects are
 * created and counted on a Python thread ({@link OnPythonThread}), as everywhere in Interlock.
 */
@DisplayName("Reference counting")
class ReferenceCountTest {

    private static final Map<String, Map<String, String>> PROGRAMS = OracleFile.read(ReferenceCountTest.class,
            "refcount-3.11.txt");

    static Stream<Arguments> programs() {
        return PROGRAMS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Nested
    @DisplayName("sys.getrefcount agrees with CPython 3.11")
    class GetRefCount {

        /**
         * The oracle is {@code refcount-3.11.txt}, written by {@code src/test/python/make_eval311.py}
         * with python3: aliases, list/tuple/dict slots, arguments (+2 inside a Python function),
         * keyword and star arguments, del/clear/pop/rebinding, function locals, loop variables,
         * cells.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.memory.ReferenceCountTest#programs")
        @DisplayName("for the same program, the same counts")
        void sameCountsAsCpython(String name, Map<String, String> program) {
            PythonRunner.Result r = PythonRunner.serial().run(program.get("source"), "prog.py");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo(program.get("stdout"));
        }

        @Test
        @DisplayName("the classic article's example: a = []; b = a; sys.getrefcount(a) is 3")
        void article() {
            PythonRunner.Result r = PythonRunner.serial().run("import sys\na = []\nb = a\nprint(sys.getrefcount(a))\n");
            assertThat(r.stdout()).isEqualTo("3\n");
        }
    }

    @Nested
    @DisplayName("the plain memory manager")
    class Plain {

        @Test
        @DisplayName("never counts immortal objects: None, booleans, small ints, interned strings")
        void immortalsAreNotCounted() {
            OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyStr interned = PyStr.immortal("interlock-immortal-test");
                for (PyObject o : List.of(PyNone.INSTANCE, PyBool.TRUE, PyBool.FALSE, PyInt.of(7), PyInt.of(-5),
                        PyInt.of(256), interned, PyTuple.EMPTY)) {
                    int before = o.refLocal();
                    for (int i = 0; i < 1000; i++) {
                        mm.incref(o);
                    }
                    for (int i = 0; i < 2000; i++) {
                        mm.decref(o);
                    }
                    assertThat(o.refLocal()).as("%s", o.repr()).isEqualTo(before);
                    assertThat(mm.isImmortal(o)).as("%s", o.repr()).isTrue();
                    assertThat(mm.isFreed(o)).isFalse();
                    // CPython 3.12's value for immortal objects (PlainMemoryManager.IMMORTAL_REPORTED)
                    assertThat(mm.refcount(o)).isEqualTo(4294967295L);
                }
                // 257 is outside the small-int cache: a counted object
                PyInt big = PyInt.of(257);
                assertThat(mm.isImmortal(big)).isFalse();
                mm.decref(big);
                return null;
            });
        }

        @Test
        @DisplayName("makeImmortal takes an object out of counting for good")
        void makeImmortal() {
            OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList list = PyList.create();
                mm.makeImmortal(list);
                mm.decref(list);
                mm.decref(list);
                assertThat(mm.isFreed(list)).isFalse();
                assertThat(mm.isImmortal(list)).isTrue();
                return null;
            });
        }

        @Test
        @DisplayName("a new object starts at 1; incref and decref move the count; the last decref frees it")
        void countsAndFrees() {
            OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList list = PyList.create();
                assertThat(mm.refcount(list)).isEqualTo(1);
                mm.incref(list);
                mm.incref(list);
                assertThat(mm.refcount(list)).isEqualTo(3);
                mm.decref(list);
                assertThat(mm.refcount(list)).isEqualTo(2);
                assertThat(mm.isFreed(list)).isFalse();
                mm.decref(list);
                mm.decref(list);
                assertThat(mm.isFreed(list)).isTrue();
                assertThat(list.refLocal()).isEqualTo(ObjectHeader.FREED);
                assertThat(mm.tryIncref(list)).as("too late to take a reference").isFalse();
                return null;
            });
        }

        @Test
        @DisplayName("freeing a container releases its children: a list holding the only reference to a list frees both")
        void releasesChildren() {
            OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList outer = PyList.create();
                PyList inner = PyList.create();
                PyList shared = PyList.create();
                outer.append(inner); // the outer list takes its own reference
                outer.append(shared);
                mm.decref(inner); // now the outer list holds the only one
                assertThat(mm.refcount(inner)).isEqualTo(1);
                assertThat(mm.refcount(shared)).isEqualTo(2);
                mm.decref(outer);
                assertThat(mm.isFreed(outer)).isTrue();
                assertThat(mm.isFreed(inner)).isTrue();
                assertThat(mm.isFreed(shared)).as("still referenced from Java").isFalse();
                assertThat(mm.refcount(shared)).isEqualTo(1);
                mm.decref(shared);
                assertThat(mm.isFreed(shared)).isTrue();
                return null;
            });
        }

        @Test
        @DisplayName("dict keys and values and tuple items are released with their container")
        void dictAndTuple() {
            OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyDict dict = PyDict.create();
                PyList value = PyList.create();
                PyStr key = PyStr.of("a key that is not interned");
                dict.setItem(key, value);
                PyList item = PyList.create();
                PyTuple tuple = PyTuple.of(item, item);
                assertThat(mm.refcount(item)).as("two tuple slots and the creator").isEqualTo(3);
                mm.decref(item);
                mm.decref(key);
                mm.decref(value);
                mm.decref(dict);
                assertThat(mm.isFreed(dict)).isTrue();
                assertThat(mm.isFreed(value)).isTrue();
                assertThat(mm.isFreed(key)).isTrue();
                mm.decref(tuple);
                assertThat(mm.isFreed(item)).isTrue();
                return null;
            });
        }

        @Test
        @DisplayName("taking a reference to a freed object is a fatal error naming its type")
        void increfOfFreedIsFatal() {
            FatalError e = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList list = PyList.create();
                mm.decref(list);
                return catchThrowableOfType(FatalError.class, () -> mm.incref(list));
            });
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("Fatal Python error:").contains("use after free", "'list' object",
                    "thread 'test'");
        }

        @Test
        @DisplayName("reading the count of a freed object, or giving back a reference to it, is fatal too")
        void refcountAndDecrefOfFreedAreFatal() {
            List<FatalError> errors = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyDict dict = PyDict.create();
                mm.decref(dict);
                List<FatalError> out = new ArrayList<>();
                out.add(catchThrowableOfType(FatalError.class, () -> mm.refcount(dict)));
                out.add(catchThrowableOfType(FatalError.class, () -> mm.decref(dict)));
                out.add(catchThrowableOfType(FatalError.class, () -> Refs.incref(dict)));
                return out;
            });
            assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e.getMessage())
                    .startsWith("Fatal Python error: use after free: a 'dict' object"));
        }

        @Test
        @DisplayName("a count pushed below zero is fatal: a reference was given back twice")
        void negativeCountIsFatal() {
            FatalError e = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList list = PyList.create();
                list.setRefLocal(0); // as if a reference had been given back too often
                return catchThrowableOfType(FatalError.class, () -> mm.decref(list));
            });
            assertThat(e.getMessage()).startsWith("Fatal Python error: negative reference count: a 'list' object");
        }

        @Test
        @DisplayName("frees a chain of 100,000 nested lists without overflowing the stack")
        void deepChain() {
            boolean freed = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                PyList innermost = PyList.create();
                PyList head = innermost;
                mm.incref(innermost); // keep it counted so we can look at it afterwards
                for (int i = 0; i < 100_000; i++) {
                    PyList next = PyList.create();
                    next.append(head);
                    mm.decref(head);
                    head = next;
                }
                mm.decref(head);
                boolean innermostAlive = !mm.isFreed(innermost);
                mm.decref(innermost);
                return innermostAlive && mm.isFreed(innermost);
            });
            assertThat(freed).isTrue();
        }

        @Test
        @DisplayName("nested deallocations run at most 50 deep (the trashcan), however long the chain")
        void trashcanBoundsNesting() {
            Node.maxNesting = 0;
            List<Node> all = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                List<Node> nodes = new ArrayList<>();
                Node head = null;
                for (int i = 0; i < 10_000; i++) {
                    head = new Node(head); // takes over the reference to the previous head
                    nodes.add(head);
                }
                mm.decref(head);
                return nodes;
            });
            assertThat(all).allSatisfy(n -> assertThat(n.isFreedPlain()).isTrue());
            // Deallocation.MAX_DEPTH nested deallocations, plus the outermost one
            assertThat(Node.maxNesting).isBetween(2, Deallocation.MAX_DEPTH + 1);
        }

        @Test
        @DisplayName("a finalizer runs once; if it resurrects the object, the object lives on until its count drops again")
        void finalizerRunsOnce() {
            Resurrecting r = OnPythonThread.call(ts -> {
                MemoryManager mm = Refs.memory();
                Resurrecting o = new Resurrecting(mm);
                mm.decref(o); // the finalizer takes a new reference: not freed
                assertThat(o.finalized).isEqualTo(1);
                assertThat(mm.isFreed(o)).isFalse();
                assertThat(mm.refcount(o)).isEqualTo(1);
                mm.decref(o); // PEP 442: no second finalizer call; freed now
                return o;
            });
            assertThat(r.finalized).isEqualTo(1);
            assertThat(r.isFreedPlain()).isTrue();
        }
    }

    @Nested
    @DisplayName("statistics, asked for when the manager is created")
    class Statistics {

        @Test
        @DisplayName("plain with statistics counts increments, decrements and deallocations, children's included")
        void counted() {
            MemoryManager mm = new PlainMemoryPlugin().create(true);
            Node leaf = new Node(null);
            Node root = new Node(leaf); // the root holds the leaf's only reference
            mm.incref(root);
            mm.decref(root);
            mm.decref(root); // frees the root, which releases the leaf, which is freed too
            mm.incref(PyNone.INSTANCE); // immortal: not an operation on a count
            assertThat(mm.isFreed(leaf)).isTrue();
            assertThat(mm.statistics()).containsExactly(Map.entry("increfs", 1L), Map.entry("decrefs", 3L),
                    Map.entry("deallocations", 2L));
        }

        @Test
        @DisplayName("without statistics, the same operations leave none")
        void notCounted() {
            MemoryManager mm = new PlainMemoryPlugin().create(false);
            Node root = new Node(null);
            mm.incref(root);
            mm.decref(root);
            mm.decref(root);
            assertThat(mm.isFreed(root)).isTrue();
            assertThat(mm.statistics()).isEmpty();
            assertThat(mm).isExactlyInstanceOf(PlainMemoryManager.class);
        }
    }

    /** A test object holding one counted reference, recording how deep deallocations nest. */
    static final class Node extends ObjectHeader {
        static int nesting;
        static int maxNesting;
        private final Node child;

        Node(Node child) {
            this.child = child;
        }

        @Override
        public String typeName() {
            return "node";
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (child != null) {
                visitor.visit(child);
            }
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            nesting++;
            maxNesting = Math.max(maxNesting, nesting);
            try {
                super.releaseReferences(memory);
            } finally {
                nesting--;
            }
        }
    }

    /** A test object whose finalizer stores a new reference to it, as a {@code __del__} can. */
    static final class Resurrecting extends ObjectHeader {
        private final MemoryManager memory;
        int finalized;

        Resurrecting(MemoryManager memory) {
            this.memory = memory;
        }

        @Override
        public String typeName() {
            return "resurrecting";
        }

        @Override
        public boolean hasFinalizer() {
            return true;
        }

        @Override
        public void runFinalizer() {
            finalized++;
            memory.incref(this);
        }
    }
}
