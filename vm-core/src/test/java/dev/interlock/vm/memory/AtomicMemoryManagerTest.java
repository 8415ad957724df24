package dev.interlock.vm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.testing.PythonRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@code atomic} memory manager: the counting contract every manager keeps, and the
 * properties that make it safe without a GIL (no lost update, deallocation exactly once, no
 * resurrection of a freed object through {@code tryIncref}). The concurrency tests use plain Java
 * threads on small test objects and assert invariants that must hold on every run.
 */
@DisplayName("The atomic memory manager")
class AtomicMemoryManagerTest {

    private final AtomicMemoryManager mm = new AtomicMemoryManager();

    /** A counted test object that records how often it was deallocated, and may hold a child. */
    static final class Cell extends ObjectHeader {
        final AtomicInteger released = new AtomicInteger();
        final ObjectHeader child;

        Cell(ObjectHeader child) {
            this.child = child;
        }

        Cell() {
            this(null);
        }

        @Override
        public String typeName() {
            return "cell";
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (child != null) {
                visitor.visit(child);
            }
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            released.incrementAndGet();
            super.releaseReferences(memory);
        }
    }

    @Nested
    @DisplayName("counts without atomics until a second Python thread starts")
    class SingleThreaded {

        @Test
        @DisplayName("the first thread start keeps plain counting; the second switches to atomics for good")
        void switchesOnSecondStart() {
            assertThat(mm.isShared()).isFalse();
            Cell c = new Cell();
            mm.incref(c);
            assertThat(mm.refcount(c)).isEqualTo(2);
            mm.threadStarting(Thread.currentThread());
            assertThat(mm.isShared()).isFalse();
            mm.threadStarting(new Thread(() -> { }));
            assertThat(mm.isShared()).isTrue();
            assertThat(mm.statistics()).containsEntry("shared", 1L);
            mm.decref(c);
            mm.decref(c);
            assertThat(mm.isFreed(c)).isTrue();
        }

        @Test
        @DisplayName("starting a second thread from outside Python while the first runs is refused")
        void refusesForeignStartWhileFirstRuns() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread running = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            mm.threadStarting(running);
            running.start();
            try {
                assertThat(catchThrowableOfType(dev.interlock.vm.errors.InterpreterError.class,
                        () -> mm.threadStarting(new Thread(() -> { })))).isNotNull();
                assertThat(mm.isShared()).isFalse();
            } finally {
                release.countDown();
                running.join();
            }
        }

        @Test
        @DisplayName("deferred objects are counted while one thread runs and immortal once a second has started")
        void deferredObjects() {
            Cell early = new Cell();
            mm.deferred(early);
            mm.incref(early);
            assertThat(mm.refcount(early)).isEqualTo(2);
            Cell freedEarly = new Cell();
            mm.deferred(freedEarly);
            mm.decref(freedEarly);
            mm.threadStarting(Thread.currentThread());
            mm.threadStarting(new Thread(() -> { }));
            assertThat(mm.isImmortal(early)).isTrue();
            assertThat(mm.isFreed(freedEarly)).as("a freed deferred object stays freed").isTrue();
            Cell late = new Cell();
            mm.deferred(late);
            assertThat(mm.isImmortal(late)).isTrue();
            assertThat(mm.statistics()).containsEntry("immortalized", 2L);
        }

        @Test
        @DisplayName("a program without threads sees CPython's counts for its functions and classes")
        void singleThreadedCounts() {
            PythonRunner.Result r = PythonRunner.with((m, s) -> new dev.interlock.vm.testing.SerialStrategy(m,
                    dev.interlock.api.CheckPoints.CALLS_AND_BACKWARD_JUMPS), new AtomicMemoryManager())
                    .run("import sys\ndef f(): pass\nclass C: pass\ng = f\nprint(sys.getrefcount(f), sys.getrefcount(g) > 100)\n");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("3 False\n");
        }

        @Test
        @DisplayName("a Python program that starts threads ends with exact counts")
        void pythonThreads() {
            PythonRunner.Result r = PythonRunner.with((m, s) -> new dev.interlock.vm.testing.SerialStrategy(m,
                    dev.interlock.api.CheckPoints.CALLS_AND_BACKWARD_JUMPS), new AtomicMemoryManager())
                    .run("import sys, threading\na = []\nt = threading.Thread(target=a.append, args=(a,))\n"
                            + "t.start()\nt.join()\nprint(sys.getrefcount(a), len(a))\n");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("3 1\n");
        }
    }

    @Nested
    @DisplayName("keeps the counting contract")
    class Contract {

        @Test
        @DisplayName("a new object starts at 1; the last decref frees it and releases its children once")
        void countsAndFrees() {
            Cell child = new Cell();
            Cell parent = new Cell(child); // takes over the creator's reference to child
            mm.incref(parent);
            assertThat(mm.refcount(parent)).isEqualTo(2);
            mm.decref(parent);
            assertThat(mm.isFreed(parent)).isFalse();
            mm.decref(parent);
            assertThat(mm.isFreed(parent)).isTrue();
            assertThat(mm.isFreed(child)).isTrue();
            assertThat(parent.released.get()).isEqualTo(1);
            assertThat(child.released.get()).isEqualTo(1);
        }

        @Test
        @DisplayName("immortal objects are never written: their count does not move")
        void immortals() {
            Cell c = new Cell();
            mm.makeImmortal(c);
            for (int i = 0; i < 10; i++) {
                mm.incref(c);
                mm.decref(c);
                mm.decref(c);
            }
            assertThat(c.refLocal()).isEqualTo(ObjectHeader.IMMORTAL);
            assertThat(mm.isImmortal(c)).isTrue();
            assertThat(mm.tryIncref(c)).isTrue();
            assertThat(mm.refcount(c)).isEqualTo(4294967295L);
            assertThat(mm.isImmortal(PyNone.INSTANCE)).isTrue();
        }

        @Test
        @DisplayName("tryIncref takes a reference to a live object and refuses a freed one")
        void tryIncref() {
            Cell c = new Cell();
            assertThat(mm.tryIncref(c)).isTrue();
            assertThat(mm.refcount(c)).isEqualTo(2);
            mm.decref(c);
            mm.decref(c);
            assertThat(mm.tryIncref(c)).isFalse();
            assertThat(c.refLocal()).as("the freed mark is left intact").isEqualTo(ObjectHeader.FREED);
        }

        @Test
        @DisplayName("use after free and a negative count are fatal errors naming the type")
        void fatalErrors() {
            Cell c = new Cell();
            mm.decref(c);
            assertThat(catchThrowableOfType(FatalError.class, () -> mm.incref(c)).getMessage())
                    .startsWith("Fatal Python error: use after free: a 'cell' object");
            assertThat(catchThrowableOfType(FatalError.class, () -> mm.decref(c)).getMessage())
                    .startsWith("Fatal Python error: use after free: a 'cell' object");
            assertThat(catchThrowableOfType(FatalError.class, () -> mm.refcount(c))).isNotNull();
            assertThat(c.refLocal()).as("still marked freed after the bad uses").isEqualTo(ObjectHeader.FREED);
            Cell d = new Cell();
            d.setRefLocal(0);
            assertThat(catchThrowableOfType(FatalError.class, () -> mm.decref(d)).getMessage())
                    .startsWith("Fatal Python error: negative reference count: a 'cell' object");
        }

        @Test
        @DisplayName("a finalizer runs once, and a resurrected object lives until its count drops again")
        void finalizerOnce() {
            ReferenceCountTest.Resurrecting r = new ReferenceCountTest.Resurrecting(mm);
            mm.decref(r);
            assertThat(r.finalized).isEqualTo(1);
            assertThat(mm.refcount(r)).isEqualTo(1);
            mm.decref(r);
            assertThat(r.finalized).isEqualTo(1);
            assertThat(mm.isFreed(r)).isTrue();
        }

        @Test
        @DisplayName("sys.getrefcount agrees with CPython when a program runs on it")
        void getrefcount() {
            PythonRunner.Result r = PythonRunner.with((m, s) -> new dev.interlock.vm.testing.SerialStrategy(m,
                    dev.interlock.api.CheckPoints.CALLS_AND_BACKWARD_JUMPS), new AtomicMemoryManager())
                    .run("import sys\na = []\nb = a\nprint(sys.getrefcount(a))\ndel b\nprint(sys.getrefcount(a))\n");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo("3\n2\n");
        }
    }

    @Nested
    @DisplayName("with threads counting at once")
    class Concurrent {

        private static final int THREADS = 4;
        private final int rounds = 50_000 * Integer.getInteger("interlock.stress.scale", 1);

        /** Two thread starts: the manager counts atomically from now on, as with two Python threads. */
        @org.junit.jupiter.api.BeforeEach
        void shared() {
            mm.threadStarting(new Thread(() -> { }));
            mm.threadStarting(new Thread(() -> { }));
            assertThat(mm.isShared()).isTrue();
        }

        private void inParallel(Runnable body) throws Exception {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < THREADS; t++) {
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        body.run();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(failures).isEmpty();
        }

        @Test
        @DisplayName("no increment or decrement is lost: the count ends where it started")
        void noLostUpdates() throws Exception {
            Cell shared = new Cell();
            inParallel(() -> {
                for (int i = 0; i < rounds; i++) {
                    mm.incref(shared);
                    mm.incref(shared);
                    mm.decref(shared);
                }
                for (int i = 0; i < rounds; i++) {
                    mm.decref(shared);
                }
            });
            assertThat(mm.refcount(shared)).isEqualTo(1);
            assertThat(shared.released.get()).isZero();
        }

        @Test
        @DisplayName("when threads race to drop the last references, the object is deallocated exactly once")
        void deallocatedOnce() throws Exception {
            int objects = 2_000 * Integer.getInteger("interlock.stress.scale", 1);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                Cell c = new Cell(new Cell());
                for (int t = 1; t < THREADS; t++) {
                    mm.incref(c); // one reference per thread
                }
                cells.add(c);
            }
            inParallel(() -> cells.forEach(mm::decref));
            assertThat(cells).allSatisfy(c -> {
                assertThat(c.released.get()).isEqualTo(1);
                assertThat(mm.isFreed(c)).isTrue();
                assertThat(((Cell) c.child).released.get()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("tryIncref racing the last decref either wins a live object or refuses; it never revives a freed one")
        void tryIncrefNeverRevives() throws Exception {
            int objects = 2_000 * Integer.getInteger("interlock.stress.scale", 1);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                cells.add(new Cell());
            }
            AtomicInteger won = new AtomicInteger();
            Thread dropper = new Thread(() -> cells.forEach(mm::decref));
            Thread reader = new Thread(() -> {
                for (Cell c : cells) {
                    if (mm.tryIncref(c)) {
                        won.incrementAndGet();
                        mm.decref(c); // the reader's reference is the last one now, or not
                    }
                }
            });
            dropper.start();
            reader.start();
            dropper.join();
            reader.join();
            assertThat(cells).allSatisfy(c -> {
                assertThat(c.released.get()).isEqualTo(1);
                assertThat(c.refLocal()).isEqualTo(ObjectHeader.FREED);
            });
            assertThat(won.get()).isBetween(0, objects);
        }
    }

    @Test
    @DisplayName("a list made and dropped on a Python thread is freed through the same protocol")
    void onPythonThread() {
        boolean freed = dev.interlock.vm.testing.OnPythonThread.call(OnPythonThreadHolder.interpreter(mm), ts -> {
            PyList list = PyList.create();
            PyList inner = PyList.create();
            list.append(inner);
            mm.decref(inner);
            mm.decref(list);
            return mm.isFreed(list) && mm.isFreed(inner);
        });
        assertThat(freed).isTrue();
    }

    /** Builds the interpreter for {@link #onPythonThread} (kept apart so the class loads lazily). */
    private static final class OnPythonThreadHolder {
        static dev.interlock.vm.runtime.Interpreter interpreter(MemoryManager memory) {
            return dev.interlock.vm.testing.OnPythonThread.newInterpreter(memory);
        }
    }
}
