package dev.interlock.vm.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.EvalBreaker;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.FatalError;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import dev.interlock.vm.testing.PythonRunner;
import dev.interlock.vm.testing.SerialStrategy;
import dev.interlock.vm.testing.ParallelStrategy;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code biased} memory manager: the owner's non-atomic half, the other threads' atomic half,
 * queueing, merging and handing over, exercised on real Python threads running in parallel
 * ({@link ParallelStrategy#unlocked}, so that nothing serializes them). Every assertion is an invariant that
 * must hold on every run, whatever the interleaving.
 */
@DisplayName("Biased reference counting")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BiasedMemoryManagerTest {

    private static final int SCALE = Integer.getInteger("interlock.stress.scale", 1);

    /** A counted test object that records how often it is deallocated. */
    static final class Probe extends ObjectHeader {
        final AtomicInteger deallocations = new AtomicInteger();

        @Override
        public String typeName() {
            return "probe";
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            deallocations.incrementAndGet();
        }
    }

    /** A test object whose finalizer stores a new reference to it, as a {@code __del__} can. */
    static final class Resurrecting extends ObjectHeader {
        private final MemoryManager memory;
        int finalized;
        final AtomicInteger deallocations = new AtomicInteger();

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

        @Override
        public void releaseReferences(MemoryManager memory) {
            deallocations.incrementAndGet();
        }
    }

    @FunctionalInterface
    interface Body {
        void run(PyThreadState ts) throws Exception;
    }

    private final BiasedMemoryManager mm = new BiasedMemoryManager();
    private final Interpreter interpreter = newInterpreter(mm);

    private static Interpreter newInterpreter(MemoryManager memory) {
        InterpreterConfig config = new InterpreterConfig("test", memory.name(), StrategyOptions.empty(), List.of("<test>"),
                null, new ByteArrayOutputStream(), new ByteArrayOutputStream(), false, false);
        return new Interpreter(config, ParallelStrategy.unlocked(memory), memory, new SwitchSettings());
    }

    /** Runs each body on its own Python thread, all in parallel; rethrows the first failure. */
    private void onThreads(Body... bodies) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<PyThread> threads = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            Body body = bodies[i];
            threads.add(interpreter.newThread("t" + i, ts -> {
                try {
                    body.run(ts);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (PyThread t : threads) {
            t.join();
        }
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private static int shared(ObjectHeader o) {
        return o.refShared() >> BiasedMemoryManager.SHIFT;
    }

    private static int state(ObjectHeader o) {
        return o.refShared() & BiasedMemoryManager.STATE_MASK;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(60, TimeUnit.SECONDS)).as("the other thread got there").isTrue();
    }

    @Nested
    @DisplayName("on the owner's thread")
    class Owner {

        @Test
        @DisplayName("counts in the local half only, without touching the shared word; the last decref frees once")
        void localHalfOnly() throws Exception {
            AtomicReference<Probe> seen = new AtomicReference<>();
            onThreads(ts -> {
                Probe p = new Probe();
                seen.set(p);
                assertThat(p.owner()).isSameAs(Thread.currentThread());
                for (int i = 0; i < 1000; i++) {
                    mm.incref(p);
                }
                assertThat(p.refLocal()).isEqualTo(1001);
                assertThat(p.refShared()).isZero();
                assertThat(mm.refcount(p)).isEqualTo(1001);
                for (int i = 0; i < 1000; i++) {
                    mm.decref(p);
                }
                assertThat(p.refShared()).as("no other thread, no atomic").isZero();
                assertThat(p.deallocations).hasValue(0);
                mm.decref(p);
                assertThat(p.deallocations).hasValue(1);
                assertThat(mm.isFreed(p)).isTrue();
            });
            assertThat(seen.get().deallocations).hasValue(1);
        }

        @Test
        @DisplayName("never counts immortal objects: None, booleans, small ints, interned strings")
        void immortals() throws Exception {
            onThreads(ts -> {
                for (PyObject o : List.<PyObject>of(PyNone.INSTANCE, PyBool.TRUE, PyInt.of(7), PyStr.immortal("biased-test"))) {
                    int local = o.refLocal();
                    int sharedWord = o.refShared();
                    for (int i = 0; i < 100; i++) {
                        mm.incref(o);
                        mm.decref(o);
                        mm.decref(o);
                    }
                    assertThat(o.refLocal()).isEqualTo(local);
                    assertThat(o.refShared()).isEqualTo(sharedWord);
                    assertThat(mm.isImmortal(o)).isTrue();
                    assertThat(mm.refcount(o)).isEqualTo(4294967295L);
                    assertThat(mm.tryIncref(o)).isTrue();
                }
            });
        }

        @Test
        @DisplayName("using a freed object, or reading its count, is a fatal error naming its type")
        void useAfterFree() throws Exception {
            onThreads(ts -> {
                Probe p = new Probe();
                mm.decref(p);
                for (Runnable use : List.<Runnable>of(() -> mm.incref(p), () -> mm.decref(p), () -> mm.refcount(p))) {
                    FatalError e = catchThrowableOfType(use::run, FatalError.class);
                    assertThat(e).hasMessageStartingWith("Fatal Python error: use after free: a 'probe' object");
                }
                assertThat(mm.tryIncref(p)).isFalse();
                assertThat(p.deallocations).hasValue(1);
            });
        }

        @Test
        @DisplayName("a finalizer runs once; if it resurrects the object, it lives until its count drops again")
        void finalizerResurrects() throws Exception {
            AtomicReference<Resurrecting> seen = new AtomicReference<>();
            onThreads(ts -> {
                Resurrecting r = new Resurrecting(mm);
                seen.set(r);
                mm.decref(r);
                assertThat(r.finalized).isEqualTo(1);
                assertThat(mm.isFreed(r)).isFalse();
                assertThat(mm.refcount(r)).isEqualTo(1);
                mm.decref(r);
                assertThat(r.finalized).isEqualTo(1);
                assertThat(mm.isFreed(r)).isTrue();
            });
            assertThat(seen.get().deallocations).hasValue(1);
        }
    }

    @Nested
    @DisplayName("between threads")
    class BetweenThreads {

        @Test
        @DisplayName("other threads count in the shared half; sys.getrefcount reports the merged count")
        void sharedHalf() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            CountDownLatch created = new CountDownLatch(1);
            CountDownLatch counted = new CountDownLatch(1);
            CountDownLatch checked = new CountDownLatch(1);
            onThreads(ts -> {
                Probe o = new Probe();
                mm.incref(o);
                ref.set(o);
                created.countDown();
                await(counted);
                assertThat(o.refLocal()).isEqualTo(2);
                assertThat(shared(o)).isEqualTo(3);
                assertThat(state(o)).isEqualTo(BiasedMemoryManager.MAYBE_SHARED);
                assertThat(mm.refcount(o)).isEqualTo(5);
                checked.countDown();
                mm.decref(o);
                mm.decref(o);
                assertThat(o.deallocations).as("the other thread still holds three").hasValue(0);
                assertThat(o.owner()).as("merged: no owner any more").isNull();
                assertThat(mm.refcount(o)).isEqualTo(3);
            }, ts -> {
                await(created);
                Probe o = ref.get();
                for (int i = 0; i < 3; i++) {
                    mm.incref(o);
                }
                assertThat(o.refLocal()).as("the owner's half is not touched").isEqualTo(2);
                counted.countDown();
                await(checked);
            });
            Probe o = ref.get();
            assertThat(o.deallocations).hasValue(0);
            // the last three references, given back by a third thread: the last one frees
            onThreads(ts -> {
                mm.decref(o);
                mm.decref(o);
                assertThat(o.deallocations).hasValue(0);
                mm.decref(o);
                assertThat(o.deallocations).hasValue(1);
            });
        }

        @Test
        @DisplayName("a reference given back by another thread is queued for the owner, who merges it at a check point")
        void queuedForOwner() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            CountDownLatch handed = new CountDownLatch(1);
            CountDownLatch givenBack = new CountDownLatch(1);
            onThreads(ts -> {
                Probe o = new Probe();
                mm.incref(o); // one reference for this thread, one handed over
                ref.set(o);
                handed.countDown();
                await(givenBack);
                assertThat(state(o)).isEqualTo(BiasedMemoryManager.QUEUED);
                assertThat(ts.evalBreaker() & EvalBreaker.REFCOUNT_MERGE).as("asked to merge").isNotZero();
                assertThat(ts.mergeQueue().size()).isEqualTo(1);
                assertThat(mm.refcount(o)).as("exact while queued").isEqualTo(1);
                mm.decref(o); // this thread's last reference: the queue still holds one
                assertThat(o.deallocations).hasValue(0);
                assertThat(mm.refcount(o)).isZero();
                mm.handleMergeRequest(ts); // the check point
                assertThat(ts.evalBreaker() & EvalBreaker.REFCOUNT_MERGE).isZero();
                assertThat(o.deallocations).hasValue(1);
            }, ts -> {
                await(handed);
                mm.decref(ref.get());
                assertThat(ref.get().deallocations).as("the owner frees it, not this thread").hasValue(0);
                givenBack.countDown();
            });
            assertThat(mm.statistics()).containsEntry("queued", 1L);
        }

        @Test
        @DisplayName("a count that goes below zero when merged is fatal: a reference was given back twice")
        void negativeMerge() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            CountDownLatch handed = new CountDownLatch(1);
            CountDownLatch givenBack = new CountDownLatch(1);
            onThreads(ts -> {
                Probe o = new Probe();
                ref.set(o);
                handed.countDown();
                await(givenBack);
                FatalError e = catchThrowableOfType(() -> mm.handleMergeRequest(ts), FatalError.class);
                assertThat(e).hasMessageStartingWith("Fatal Python error: negative reference count: a 'probe' object");
            }, ts -> {
                await(handed);
                mm.decref(ref.get()); // the only reference: queued
                mm.decref(ref.get()); // once too often: the shared count goes negative
                givenBack.countDown();
            });
        }

        @Test
        @DisplayName("when the owner's count reaches zero while others hold references, it merges; the last holder frees")
        void ownerDropsFirst() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            CountDownLatch counted = new CountDownLatch(1);
            CountDownLatch dropped = new CountDownLatch(1);
            onThreads(ts -> {
                Probe o = new Probe();
                ref.set(o);
                await(counted);
                mm.decref(o);
                assertThat(o.owner()).isNull();
                assertThat(state(o)).isEqualTo(BiasedMemoryManager.MERGED);
                assertThat(o.deallocations).hasValue(0);
                dropped.countDown();
            }, ts -> {
                while (ref.get() == null) {
                    Thread.onSpinWait();
                }
                mm.incref(ref.get());
                counted.countDown();
                await(dropped);
                assertThat(mm.refcount(ref.get())).isEqualTo(1);
                mm.decref(ref.get());
                assertThat(ref.get().deallocations).hasValue(1);
            });
        }

        @Test
        @DisplayName("ownership is handed over when the owner ends: another thread merges its objects itself")
        void handOverAfterExit() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            onThreads(ts -> {
                Probe o = new Probe();
                mm.incref(o); // two references, both counted in this thread's local half
                ref.set(o);
            });
            Probe o = ref.get();
            assertThat(o.refLocal()).isEqualTo(2);
            onThreads(ts -> {
                mm.decref(o); // would be queued, but the owner has ended: merged here
                assertThat(o.owner()).isNull();
                assertThat(mm.refcount(o)).isEqualTo(1);
                assertThat(o.deallocations).hasValue(0);
                mm.decref(o);
                assertThat(o.deallocations).hasValue(1);
            });
            assertThat(mm.statistics()).containsEntry("merged_for_exited_owner", 1L);
        }

        @Test
        @DisplayName("what is queued for a thread when it ends is merged as it exits")
        void mergedAtExit() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            CountDownLatch handed = new CountDownLatch(1);
            CountDownLatch givenBack = new CountDownLatch(1);
            onThreads(ts -> {
                Probe o = new Probe();
                mm.incref(o);
                ref.set(o);
                handed.countDown();
                await(givenBack);
                mm.decref(o);
                assertThat(o.deallocations).as("still queued").hasValue(0);
                // the thread ends without another check point
            }, ts -> {
                await(handed);
                mm.decref(ref.get());
                givenBack.countDown();
            });
            assertThat(ref.get().deallocations).hasValue(1);
        }

        @Test
        @DisplayName("tryIncref: the owner always can; others only once another thread has counted it, never after it is freed")
        void tryIncref() throws Exception {
            AtomicReference<Probe> ref = new AtomicReference<>();
            CountDownLatch created = new CountDownLatch(1);
            CountDownLatch tried = new CountDownLatch(1);
            onThreads(ts -> {
                Probe o = new Probe();
                ref.set(o);
                assertThat(mm.tryIncref(o)).isTrue();
                mm.decref(o);
                created.countDown();
                await(tried);
                mm.decref(o);
                assertThat(o.deallocations).hasValue(0);
            }, ts -> {
                await(created);
                Probe o = ref.get();
                // A shared word of 0: the owner could be freeing it with plain stores; refuse.
                assertThat(mm.tryIncref(o)).isFalse();
                mm.incref(o); // a counted reference (as a read under the container's lock) marks it
                assertThat(mm.tryIncref(o)).isTrue();
                mm.decref(o);
                tried.countDown();
                while (o.owner() != null) {
                    Thread.onSpinWait();
                }
                assertThat(mm.refcount(o)).isEqualTo(1);
                mm.decref(o);
                assertThat(o.deallocations).hasValue(1);
                assertThat(mm.tryIncref(o)).as("freed").isFalse();
            });
        }

        @Test
        @Tag("stress")
        @DisplayName("threads counting one object at once: the count stays exact and it is freed once, by the last holder")
        void concurrentCounting() throws Exception {
            int threads = 4;
            int rounds = 50_000 * SCALE;
            AtomicReference<Probe> ref = new AtomicReference<>();
            CyclicBarrier start = new CyclicBarrier(threads);
            Body body = ts -> {
                start.await(60, TimeUnit.SECONDS);
                Probe o = ref.get();
                SplittableRandom random = new SplittableRandom(ts.ident());
                int held = 0;
                for (int i = 0; i < rounds; i++) {
                    if (held == 0 || random.nextInt(3) != 0) {
                        mm.incref(o);
                        held++;
                    } else {
                        mm.decref(o);
                        held--;
                    }
                    if ((i & 1023) == 0) {
                        mm.handleMergeRequest(ts); // a check point
                    }
                }
                for (; held > 0; held--) {
                    mm.decref(o);
                }
            };
            CountDownLatch created = new CountDownLatch(1);
            CountDownLatch othersDone = new CountDownLatch(1);
            // the owner counts too, with plain stores, while the others count atomically
            Body owner = ts -> {
                Probe o = new Probe();
                ref.set(o);
                created.countDown();
                body.run(ts);
                await(othersDone);
                mm.handleMergeRequest(ts);
                assertThat(mm.refcount(o)).as("only the owner's first reference is left").isEqualTo(1);
                assertThat(o.deallocations).hasValue(0);
                mm.decref(o);
                assertThat(o.deallocations).hasValue(1);
            };
            CountDownLatch finished = new CountDownLatch(threads - 1);
            Body[] bodies = new Body[threads];
            bodies[0] = owner;
            for (int t = 1; t < threads; t++) {
                bodies[t] = ts -> {
                    await(created);
                    body.run(ts);
                    finished.countDown();
                    if (finished.getCount() == 0) {
                        othersDone.countDown();
                    }
                };
            }
            onThreads(bodies);
            assertThat(ref.get().deallocations).hasValue(1);
        }

        @Test
        @Tag("stress")
        @DisplayName("objects handed between threads at random: each is freed exactly once, after its last reference")
        void handedAround() throws Exception {
            int threads = 4;
            int objects = 20_000 * SCALE;
            ConcurrentLinkedQueue<Probe> mailbox = new ConcurrentLinkedQueue<>();
            List<Probe> all = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger created = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(threads);
            Body body = ts -> {
                start.await(60, TimeUnit.SECONDS);
                SplittableRandom random = new SplittableRandom(ts.ident() * 31);
                List<Probe> mine = new ArrayList<>();
                while (created.get() < objects || !mine.isEmpty()) {
                    int action = random.nextInt(6);
                    if (action == 0 && created.getAndIncrement() < objects) {
                        Probe p = new Probe(); // one reference, this thread's
                        all.add(p);
                        mine.add(p);
                    } else if (action == 1 && !mine.isEmpty()) {
                        Probe p = mine.get(random.nextInt(mine.size()));
                        mm.incref(p);
                        mine.add(p);
                    } else if (action == 2 && !mine.isEmpty()) {
                        mailbox.add(mine.remove(mine.size() - 1)); // the reference travels
                    } else if (action == 3) {
                        Probe p = mailbox.poll();
                        if (p != null) {
                            mine.add(p);
                        }
                    } else if (!mine.isEmpty()) {
                        Probe p = mine.remove(random.nextInt(mine.size()));
                        assertThat(p.deallocations).as("never freed while referenced").hasValue(0);
                        mm.decref(p);
                    }
                    if (random.nextInt(64) == 0) {
                        mm.handleMergeRequest(ts);
                    }
                }
                for (Probe p = mailbox.poll(); p != null; p = mailbox.poll()) {
                    mm.decref(p);
                }
            };
            Body[] bodies = new Body[threads];
            java.util.Arrays.fill(bodies, body);
            onThreads(bodies);
            // references still in the mailbox when every thread had finished
            onThreads(ts -> {
                for (Probe p = mailbox.poll(); p != null; p = mailbox.poll()) {
                    mm.decref(p);
                }
            });
            assertThat(all).hasSize(objects);
            assertThat(all).allSatisfy(p -> assertThat(p.deallocations).hasValue(1));
        }
    }

    @Nested
    @DisplayName("from Python")
    class FromPython {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.memory.ReferenceCountTest#programs")
        @DisplayName("sys.getrefcount agrees with CPython 3.11 for the same program")
        void sameCountsAsCpython(String name, Map<String, String> program) {
            PythonRunner.Result r = PythonRunner.with((m, s) -> new SerialStrategy(m, CheckPoints.CALLS_AND_BACKWARD_JUMPS),
                    new BiasedMemoryManager()).run(program.get("source"), "prog.py");
            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).isEqualTo(program.get("stdout"));
        }
    }
}
