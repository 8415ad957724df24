package dev.interlock.lock.finegrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.errors.InterpreterError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Critical sections as PEP 703 has them: nesting, two objects in a stable order, suspension of
 * every section when the thread waits, resumption of the innermost only, callback markers, and
 * references given back after the outermost section.
 */
@DisplayName("Critical sections")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CriticalSectionsTest {

    private static final int SCALE = Integer.getInteger("interlock.stress.scale", 1);

    private final ObjectLocks locks = new ObjectLocks();
    private final RecordingMemory memory = new RecordingMemory();

    private CriticalSections sections() {
        return new CriticalSections(Thread.currentThread(), locks, memory);
    }

    /** True if another thread can take {@code o}'s lock now (it is not held by anyone). */
    private boolean freeForOthers(ObjectHeader o) throws Exception {
        AtomicBoolean got = new AtomicBoolean();
        TestThreads.run(1, i -> {
            CriticalSections other = sections();
            if (ObjectLocks.tryLock(o, other) == ObjectLocks.ACQUIRED) {
                got.set(true);
                ObjectLocks.unlock(o, other);
            }
        });
        return got.get();
    }

    @Nested
    @DisplayName("nesting")
    class Nesting {

        @Test
        @DisplayName("a two-object section inside a one-object section takes only the lock it lacks")
        void twoInsideOne() throws Exception {
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            CriticalSections me = sections();
            me.enter(a);
            me.enter(b, a);
            assertThat(ObjectLocks.isHeldBy(a, me)).isTrue();
            assertThat(ObjectLocks.isHeldBy(b, me)).isTrue();
            me.exit(b, a);
            assertThat(ObjectLocks.isHeldBy(a, me)).as("the outer section's").isTrue();
            assertThat(freeForOthers(b)).isTrue();
            me.exit(a);
            assertThat(freeForOthers(a)).isTrue();
        }

        @Test
        @DisplayName("ending sections out of order, or naming other objects, is an interpreter error")
        void outOfOrder() {
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            CriticalSections me = sections();
            assertThatThrownBy(() -> me.exit(a)).isInstanceOf(InterpreterError.class);
            me.enter(a);
            me.enter(b);
            assertThatThrownBy(() -> me.exit(a)).isInstanceOf(InterpreterError.class);
            assertThatThrownBy(() -> me.exit(a, b)).isInstanceOf(InterpreterError.class);
            me.exit(b);
            me.exit(a);
            me.enter(a, b);
            assertThatThrownBy(() -> me.exit(b, a)).as("named in another order").isInstanceOf(InterpreterError.class);
            me.exit(a, b);
        }
    }

    @Nested
    @DisplayName("suspension")
    class Suspension {

        @Test
        @DisplayName("waiting (detached) releases every section's locks; going on re-takes only the innermost section's")
        void suspendAndResume() throws Exception {
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            Obj c = new Obj("c");
            CriticalSections me = sections();
            me.enter(a);
            me.enter(b, c);
            me.suspendAll(); // as detach() does before a blocking call
            assertThat(freeForOthers(a)).isTrue();
            assertThat(freeForOthers(b)).isTrue();
            assertThat(freeForOthers(c)).isTrue();
            me.resume(); // as attach() does after it
            assertThat(ObjectLocks.isHeldBy(b, me)).isTrue();
            assertThat(ObjectLocks.isHeldBy(c, me)).isTrue();
            assertThat(freeForOthers(a)).as("the outer section is re-taken only when the inner ends").isTrue();
            me.exit(b, c);
            assertThat(ObjectLocks.isHeldBy(a, me)).isTrue();
            assertThat(freeForOthers(b)).isTrue();
            me.exit(a);
            assertThat(freeForOthers(a)).isTrue();
            assertThat(locks.statistics().get("suspensions")).isEqualTo(1L);
        }

        @Test
        @DisplayName("a thread waiting for a lock first releases the locks it holds: opposite nesting orders never deadlock")
        void oppositeNestingNeverDeadlocks() throws Exception {
            // Thread 0 nests a inside b's section, thread 1 nests b inside a's: with plain locks
            // this deadlocks at once. Each counter is guarded by the innermost section only.
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            int rounds = 20_000 * SCALE;
            int[] counters = {0, 0};
            CyclicBarrier start = new CyclicBarrier(2);
            TestThreads.run(2, i -> {
                CriticalSections me = sections();
                Obj outer = i == 0 ? b : a;
                Obj inner = i == 0 ? a : b;
                start.await(60, TimeUnit.SECONDS);
                for (int k = 0; k < rounds; k++) {
                    me.enter(outer);
                    try {
                        me.enter(inner);
                        try {
                            int read = counters[i];
                            Thread.onSpinWait();
                            counters[i] = read + 1;
                        } finally {
                            me.exit(inner);
                        }
                    } finally {
                        me.exit(outer);
                    }
                }
                assertThat(me.depth()).isZero();
            });
            assertThat(counters[0]).isEqualTo(rounds);
            assertThat(counters[1]).isEqualTo(rounds);
            assertThat(a.lockWord() instanceof Monitor m ? m.isLocked() : a.lockWord() != null).isFalse();
            assertThat(b.lockWord() instanceof Monitor m ? m.isLocked() : b.lockWord() != null).isFalse();
        }

        @Test
        @DisplayName("two-object sections naming the objects in opposite orders exclude each other and never deadlock")
        void twoObjectsBothOrders() throws Exception {
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            int rounds = 20_000 * SCALE;
            int[] counter = {0};
            CyclicBarrier start = new CyclicBarrier(4);
            TestThreads.run(4, i -> {
                CriticalSections me = sections();
                ObjectHeader first = i % 2 == 0 ? a : b;
                ObjectHeader second = i % 2 == 0 ? b : a;
                start.await(60, TimeUnit.SECONDS);
                for (int k = 0; k < rounds; k++) {
                    me.enter(first, second);
                    try {
                        int read = counter[0];
                        Thread.onSpinWait();
                        counter[0] = read + 1;
                    } finally {
                        me.exit(first, second);
                    }
                }
            });
            assertThat(counter[0]).isEqualTo(4 * rounds);
        }

        @Test
        @DisplayName("a callback releases every lock; sections begun and ended inside it do not re-take the outer ones")
        void callbackMarker() throws Exception {
            Obj dict = new Obj("dict");
            Obj other = new Obj("list");
            CriticalSections me = sections();
            me.enter(dict);
            me.beginCallback(); // a key's __eq__ is about to run
            assertThat(freeForOthers(dict)).isTrue();
            me.enter(other); // the Python code uses another container
            me.exit(other);
            assertThat(freeForOthers(dict)).as("still released inside the callback").isTrue();
            me.endCallback();
            assertThat(ObjectLocks.isHeldBy(dict, me)).isTrue();
            me.exit(dict);
            assertThat(me.depth()).isZero();
        }

        @Test
        @DisplayName("a thread blocked inside a callback lets another thread use the container meanwhile")
        void callbackLetsOthersIn() throws Exception {
            Obj dict = new Obj("dict");
            CountDownLatch inCallback = new CountDownLatch(1);
            CountDownLatch otherDone = new CountDownLatch(1);
            TestThreads.run(2, i -> {
                CriticalSections me = sections();
                if (i == 0) {
                    me.enter(dict);
                    me.beginCallback();
                    inCallback.countDown();
                    assertThat(otherDone.await(60, TimeUnit.SECONDS)).as("the other thread got the lock").isTrue();
                    me.endCallback();
                    me.exit(dict);
                } else {
                    inCallback.await(60, TimeUnit.SECONDS);
                    me.enter(dict);
                    me.exit(dict);
                    otherDone.countDown();
                }
            });
        }
    }

    @Nested
    @DisplayName("released references")
    class Releases {

        @Test
        @DisplayName("are given back once the thread has left its outermost section, in the order dropped")
        void afterOutermost() {
            Obj list = new Obj("list");
            Obj dict = new Obj("dict");
            Obj x = new Obj("x");
            Obj y = new Obj("y");
            CriticalSections me = sections();
            List<Integer> depthAtRelease = new ArrayList<>();
            memory.onDecref(o -> depthAtRelease.add(me.depth()));
            me.enter(list);
            me.enter(dict, list);
            me.release(x);
            me.exit(dict, list);
            me.release(y);
            assertThat(memory.decrefs).isEmpty();
            me.exit(list);
            assertThat(memory.decrefs).containsExactly(x, y);
            assertThat(depthAtRelease).containsOnly(0);
            me.release(x); // outside any section: at once
            assertThat(memory.decrefs).containsExactly(x, y, x);
        }

        @Test
        @DisplayName("a finalizer run by one release, dropping references in its own sections, gives those back before the next release")
        void reentrantFlush() {
            Obj list = new Obj("list");
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            Obj nested = new Obj("nested");
            CriticalSections me = sections();
            memory.onDecref(o -> {
                if (o == a) { // a's finalizer uses a container and drops a reference there
                    me.enter(list);
                    me.release(nested);
                    me.exit(list);
                }
            });
            me.enter(list);
            me.release(a);
            me.release(b);
            me.exit(list);
            assertThat(memory.decrefs).containsExactly(a, nested, b);
        }
    }
}
