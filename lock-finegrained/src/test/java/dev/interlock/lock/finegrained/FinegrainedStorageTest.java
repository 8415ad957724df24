package dev.interlock.lock.finegrained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.api.storage.ListStorage;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.api.storage.SetStorage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The locked storages: each operation inside a section on its container, two-container operations
 * in the stable order, key comparisons that can run Python code with the locks released, and
 * dropped references given back after the lock.
 */
@DisplayName("Locked container storage")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FinegrainedStorageTest {

    private final ObjectLocks locks = new ObjectLocks();
    private final RecordingMemory memory = new RecordingMemory();
    private final SectionStacks stacks = new SectionStacks(locks, memory);
    private final FinegrainedStorage storage = new FinegrainedStorage(memory, stacks);

    /** Keys for tests: equal when their names are; the "python" ones say their comparison can call back. */
    private static final class Key extends ObjectHeader {
        final String name;
        final boolean python;

        Key(String name, boolean python) {
            this.name = name;
            this.python = python;
        }

        @Override
        public String typeName() {
            return python ? "K" : "str";
        }
    }

    /** Key semantics that record, for each comparison that may call back, whether a lock was held. */
    private final class TestKeys implements KeyOps<Key> {
        ObjectHeader owner;
        final AtomicInteger callbacks = new AtomicInteger();
        final AtomicBoolean lockedDuringCallback = new AtomicBoolean();

        @Override
        public boolean equal(Key stored, Key probe) {
            if (stored.python || probe.python) {
                callbacks.incrementAndGet();
                CriticalSections me = stacks.current();
                if (ObjectLocks.isHeldBy(owner, me) || !freeForOthers(owner)) {
                    lockedDuringCallback.set(true);
                }
            }
            return stored.name.equals(probe.name);
        }

        @Override
        public boolean mayCallBack(Key key) {
            return key.python;
        }
    }

    /** True if another thread can take {@code o}'s lock now. */
    private boolean freeForOthers(ObjectHeader o) {
        AtomicBoolean got = new AtomicBoolean();
        try {
            TestThreads.run(1, i -> {
                CriticalSections other = stacks.current();
                if (ObjectLocks.tryLock(o, other) == ObjectLocks.ACQUIRED) {
                    got.set(true);
                    ObjectLocks.unlock(o, other);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return got.get();
    }

    private static boolean unlocked(ObjectHeader o) {
        Object w = o.lockWord();
        return w == null || (w instanceof Monitor m && !m.isLocked());
    }

    @Nested
    @DisplayName("lists")
    class Lists {

        @Test
        @DisplayName("every operation leaves the list's lock free and the thread in no section")
        void eachOperationLocksAndUnlocks() {
            Obj owner = new Obj("list");
            ListStorage<Obj> list = storage.newList(owner, 0);
            Obj x = new Obj("x");
            list.append(x);
            list.insert(0, x);
            assertThat(list.size()).isEqualTo(2);
            Obj got = list.getNew(1);
            assertThat(got).isSameAs(x);
            assertThat(list.snapshot()).containsExactly(x, x);
            list.reverse();
            list.pop(0);
            assertThat(unlocked(owner)).isTrue();
            assertThat(stacks.current().depth()).isZero();
        }

        @Test
        @DisplayName("clearing gives the items back after the lock is released")
        void clearReleasesAfterUnlock() {
            Obj owner = new Obj("list");
            ListStorage<Obj> list = storage.newList(owner, 0);
            Obj x = new Obj("x");
            list.append(x);
            list.append(x);
            AtomicInteger underLock = new AtomicInteger();
            memory.onDecref(o -> {
                if (ObjectLocks.isHeldBy(owner, stacks.current())) {
                    underLock.incrementAndGet();
                }
            });
            list.clear();
            assertThat(memory.decrefs).containsExactly(x, x);
            assertThat(underLock).hasValue(0);
        }

        @Test
        @DisplayName("a.extend(b) and b.extend(a) at once on two threads never deadlock")
        void extendBothWays() throws Exception {
            Obj ownerA = new Obj("a");
            Obj ownerB = new Obj("b");
            ListStorage<Obj> a = storage.newList(ownerA, 0);
            ListStorage<Obj> b = storage.newList(ownerB, 0);
            Obj item = new Obj("item");
            a.append(item);
            b.append(item);
            int rounds = 10_000;
            CyclicBarrier start = new CyclicBarrier(2);
            TestThreads.run(2, i -> {
                ListStorage<Obj> self = i == 0 ? a : b;
                ListStorage<Obj> other = i == 0 ? b : a;
                start.await(60, TimeUnit.SECONDS);
                for (int k = 0; k < rounds; k++) {
                    self.extendFrom(other); // the other holds one item, or more while it is extended
                    int n = self.size();
                    assertThat(n).isGreaterThanOrEqualTo(2);
                    self.deleteRange(1, n, 1);
                }
            });
            assertThat(a.size()).isEqualTo(1);
            assertThat(b.size()).isEqualTo(1);
            assertThat(unlocked(ownerA) && unlocked(ownerB)).isTrue();
        }
    }

    @Nested
    @DisplayName("dicts and sets")
    class Maps {

        @Test
        @DisplayName("a key comparison that can run Python code runs with the dict unlocked; others run under the lock")
        void callbacksUnlocked() {
            Obj owner = new Obj("dict");
            TestKeys keys = new TestKeys();
            keys.owner = owner;
            MapStorage<Key, Obj> map = storage.newMap(owner, keys, 0);
            Obj v = new Obj("v");
            Key stored = new Key("k", true);
            map.put(stored, 7, v);
            map.put(new Key("s", false), 8, v);
            // an equal key, another object with the same hash: the comparison must call back
            assertThat(map.getNew(new Key("k", true), 7)).isSameAs(v);
            assertThat(map.getNew(new Key("s", false), 8)).isSameAs(v);
            assertThat(keys.callbacks).hasValue(1);
            assertThat(keys.lockedDuringCallback).isFalse();
            assertThat(stored.refLocal()).as("the stored key's count is back where it was").isEqualTo(2);
            assertThat(unlocked(owner)).isTrue();
        }

        @Test
        @DisplayName("the same for sets")
        void setCallbacksUnlocked() {
            Obj owner = new Obj("set");
            TestKeys keys = new TestKeys();
            keys.owner = owner;
            SetStorage<Key> set = storage.newSet(owner, keys, 0);
            set.add(new Key("k", true), 7);
            assertThat(set.contains(new Key("k", true), 7)).isTrue();
            assertThat(set.add(new Key("k", true), 7)).isFalse();
            assertThat(keys.callbacks).hasValue(2);
            assertThat(keys.lockedDuringCallback).isFalse();
        }

        @Test
        @DisplayName("an overwritten value is given back after the lock is released")
        void overwrittenValueAfterUnlock() {
            Obj owner = new Obj("dict");
            TestKeys keys = new TestKeys();
            keys.owner = owner;
            MapStorage<Key, Obj> map = storage.newMap(owner, keys, 0);
            Key k = new Key("k", false);
            Obj old = new Obj("old");
            map.put(k, 1, old);
            AtomicBoolean underLock = new AtomicBoolean();
            memory.onDecref(o -> underLock.compareAndSet(false, ObjectLocks.isHeldBy(owner, stacks.current())));
            map.put(k, 1, new Obj("new"));
            assertThat(memory.decrefs).containsExactly(old);
            assertThat(underLock).isFalse();
        }

        @Test
        @DisplayName("d[k] reads without the lock: it answers while another thread merely holds the dict's lock")
        void lockFreeRead() throws Exception {
            Obj owner = new Obj("dict");
            TestKeys keys = new TestKeys();
            keys.owner = owner;
            MapStorage<Key, Obj> map = storage.newMap(owner, keys, 0);
            Obj v = new Obj("v");
            map.put(new Key("k", false), 7, v);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch read = new CountDownLatch(1);
            TestThreads.run(2, i -> {
                if (i == 0) {
                    CriticalSections me = stacks.current();
                    me.enter(owner); // a reader or a compound operation holding the lock, changing nothing
                    held.countDown();
                    assertThat(read.await(60, TimeUnit.SECONDS)).as("read while the lock was held").isTrue();
                    me.exit(owner);
                } else {
                    held.await(60, TimeUnit.SECONDS);
                    assertThat(map.getNew(new Key("k", false), 7)).isSameAs(v);
                    assertThat(map.containsKey(new Key("k", false), 7)).isTrue();
                    assertThat(map.size()).isEqualTo(1);
                    read.countDown();
                }
            });
        }

        @Test
        @DisplayName("a read that meets a change in progress waits for it, under the lock")
        void readDuringChange() throws Exception {
            Obj owner = new Obj("dict");
            TestKeys keys = new TestKeys();
            keys.owner = owner;
            LockedMapStorage<Key, Obj> map = (LockedMapStorage<Key, Obj>) storage.<Key, Obj>newMap(owner, keys, 0);
            Obj v = new Obj("v");
            map.put(new Key("k", false), 7, v);
            CountDownLatch changing = new CountDownLatch(1);
            AtomicBoolean changed = new AtomicBoolean();
            TestThreads.run(2, i -> {
                if (i == 0) {
                    CriticalSections me = stacks.current();
                    me.enter(owner);
                    long s = map.beginWrite(); // a writer halfway through a change
                    changing.countDown();
                    Thread.sleep(50); // (no timing is asserted: the reader must wait however long this takes)
                    changed.set(true);
                    map.endWrite(s);
                    me.exit(owner);
                } else {
                    changing.await(60, TimeUnit.SECONDS);
                    assertThat(map.getNew(new Key("k", false), 7)).isSameAs(v);
                    assertThat(changed).as("the change had ended").isTrue();
                }
            });
        }

        @Test
        @DisplayName("once a key that can run Python code changes the dict, reads take the lock for good")
        void callbackKeysEndLockFreeReads() throws Exception {
            Obj owner = new Obj("dict");
            TestKeys keys = new TestKeys();
            keys.owner = owner;
            MapStorage<Key, Obj> map = storage.newMap(owner, keys, 0);
            Obj v = new Obj("v");
            map.put(new Key("s", false), 8, v);
            map.put(new Key("k", true), 7, v);
            CountDownLatch held = new CountDownLatch(1);
            AtomicBoolean released = new AtomicBoolean();
            TestThreads.run(2, i -> {
                if (i == 0) {
                    CriticalSections me = stacks.current();
                    me.enter(owner);
                    held.countDown();
                    Thread.sleep(50);
                    released.set(true);
                    me.exit(owner);
                } else {
                    held.await(60, TimeUnit.SECONDS);
                    assertThat(map.getNew(new Key("s", false), 8)).isSameAs(v);
                    assertThat(released).as("the read waited for the lock").isTrue();
                }
            });
        }

        @Test
        @DisplayName("d.update(e) and e.update(d) at once never deadlock")
        void updateBothWays() throws Exception {
            Obj ownerD = new Obj("d");
            Obj ownerE = new Obj("e");
            TestKeys keys = new TestKeys();
            keys.owner = ownerD;
            MapStorage<Key, Obj> d = storage.newMap(ownerD, keys, 0);
            MapStorage<Key, Obj> e = storage.newMap(ownerE, keys, 0);
            Obj v = new Obj("v");
            for (int i = 0; i < 8; i++) {
                d.put(new Key("d" + i, false), i, v);
                e.put(new Key("e" + i, false), 100 + i, v);
            }
            CyclicBarrier start = new CyclicBarrier(2);
            TestThreads.run(2, i -> {
                MapStorage<Key, Obj> self = i == 0 ? d : e;
                MapStorage<Key, Obj> other = i == 0 ? e : d;
                start.await(60, TimeUnit.SECONDS);
                for (int k = 0; k < 5_000; k++) {
                    self.putAll(other);
                }
            });
            assertThat(d.size()).isEqualTo(16);
            assertThat(e.size()).isEqualTo(16);
        }
    }
}
