package dev.interlock.lock.finegrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.vm.errors.InterpreterError;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-object lock in the header's lock word: its three states, mutual exclusion, re-entry
 * through the section stack, inflation under contention, and the stable order of two objects.
 * Threads here are plain Java threads driving {@link CriticalSections} directly.
 */
@DisplayName("Per-object locks")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ObjectLocksTest {

    private static final int SCALE = Integer.getInteger("interlock.stress.scale", 1);

    private final ObjectLocks locks = new ObjectLocks();
    private final RecordingMemory memory = new RecordingMemory();

    private CriticalSections sections() {
        return new CriticalSections(Thread.currentThread(), locks, memory);
    }

    @Nested
    @DisplayName("the lock word")
    class LockWord {

        @Test
        @DisplayName("is empty until used, holds the thread's token while thin-locked, and is empty again after")
        void thin() {
            Obj o = new Obj("list");
            CriticalSections me = sections();
            assertThat(o.lockWord()).isNull();
            me.enter(o);
            assertThat(o.lockWord()).isSameAs(me);
            assertThat(ObjectLocks.isHeldBy(o, me)).isTrue();
            me.exit(o);
            assertThat(o.lockWord()).isNull();
            assertThat(ObjectLocks.isHeldBy(o, me)).isFalse();
        }

        @Test
        @DisplayName("is re-entered without locking: only the outermost section releases it")
        void reentry() {
            Obj o = new Obj("list");
            CriticalSections me = sections();
            me.enter(o);
            me.enter(o);
            me.enter(o, o);
            me.exit(o, o);
            me.exit(o);
            assertThat(o.lockWord()).as("still held by the outermost section").isSameAs(me);
            me.exit(o);
            assertThat(o.lockWord()).isNull();
            assertThat(me.depth()).isZero();
        }

        @Test
        @DisplayName("a contender inflates it to a monitor held by the holder; the holder's release wakes the contender")
        void inflation() throws Exception {
            Obj o = new Obj("dict");
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch contenderWaiting = new CountDownLatch(1);
            TestThreads.run(2, i -> {
                CriticalSections me = sections();
                if (i == 0) {
                    me.enter(o);
                    held.countDown();
                    contenderWaiting.await(60, TimeUnit.SECONDS);
                    // the contender spins, then replaces the thin word with a monitor held by this thread
                    while (!(o.lockWord() instanceof Monitor)) {
                        Thread.onSpinWait();
                    }
                    Monitor m = (Monitor) o.lockWord();
                    assertThat(m.isHeldBy(Thread.currentThread())).isTrue();
                    assertThat(ObjectLocks.isHeldBy(o, me)).isTrue();
                    me.exit(o); // the compare-and-set fails; the monitor's release wakes the contender
                } else {
                    held.await(60, TimeUnit.SECONDS);
                    contenderWaiting.countDown();
                    me.enter(o);
                    assertThat(ObjectLocks.isHeldBy(o, me)).isTrue();
                    me.exit(o);
                }
            });
            assertThat(o.lockWord()).as("inflated for good").isInstanceOf(Monitor.class);
            assertThat(((Monitor) o.lockWord()).isLocked()).as("held").isFalse();
            assertThat(locks.statistics()).containsEntry("inflations", 1L).containsEntry("contended", 1L);
            // still an ordinary lock afterwards, re-entry included
            CriticalSections me = sections();
            me.enter(o);
            me.enter(o);
            me.exit(o);
            me.exit(o);
            assertThat(((Monitor) o.lockWord()).isLocked()).isFalse();
        }

        @Test
        @DisplayName("a lock released by a thread that does not hold it is an interpreter error")
        void unlockNotHeld() {
            Obj o = new Obj("list");
            CriticalSections me = sections();
            assertThatThrownBy(() -> ObjectLocks.unlock(o, me)).isInstanceOf(InterpreterError.class);
            Monitor m = locks.monitorOf(o);
            assertThat(o.lockWord()).isSameAs(m);
            assertThatThrownBy(() -> ObjectLocks.unlock(o, me)).isInstanceOf(InterpreterError.class);
        }
    }

    @Nested
    @DisplayName("mutual exclusion")
    class MutualExclusion {

        /** Four threads, each adding to a plain int inside sections on one object. */
        private void countUnderLock(Obj o, int perThread) throws Exception {
            int[] counter = {0};
            CyclicBarrier start = new CyclicBarrier(4);
            TestThreads.run(4, i -> {
                CriticalSections me = sections();
                start.await(60, TimeUnit.SECONDS);
                for (int k = 0; k < perThread; k++) {
                    me.enter(o);
                    try {
                        int read = counter[0];
                        Thread.onSpinWait();
                        counter[0] = read + 1;
                    } finally {
                        me.exit(o);
                    }
                }
            });
            assertThat(counter[0]).isEqualTo(4 * perThread);
        }

        @Test
        @DisplayName("a non-atomic update inside the section is exact, thin or inflated")
        void exact() throws Exception {
            countUnderLock(new Obj("list"), 20_000 * SCALE);
        }

        @Test
        @DisplayName("the same, starting from an inflated lock")
        void exactInflated() throws Exception {
            Obj o = new Obj("list");
            locks.monitorOf(o);
            countUnderLock(o, 20_000 * SCALE);
        }
    }

    @Nested
    @DisplayName("the order of two objects")
    class Order {

        @Test
        @DisplayName("is a strict order: exactly one of two distinct objects goes first, every time")
        void strict() {
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            boolean ab = locks.lockedBefore(a, b);
            assertThat(locks.lockedBefore(b, a)).isEqualTo(!ab);
            for (int i = 0; i < 10; i++) {
                assertThat(locks.lockedBefore(a, b)).isEqualTo(ab);
            }
        }

        @Test
        @DisplayName("equal identity hashes are ordered by the serial numbers of the monitors both are inflated to")
        void ties() {
            Obj a = new Obj("a");
            Obj b = new Obj("b");
            boolean ab = locks.lockedBefore(a, 42, b, 42);
            assertThat(a.lockWord()).isInstanceOf(Monitor.class);
            assertThat(b.lockWord()).isInstanceOf(Monitor.class);
            assertThat(locks.lockedBefore(b, 42, a, 42)).isEqualTo(!ab);
            assertThat(ab).isEqualTo(((Monitor) a.lockWord()).serial() < ((Monitor) b.lockWord()).serial());
            assertThat(locks.lockedBefore(a, 42, b, 42)).as("stable").isEqualTo(ab);
        }
    }
}
