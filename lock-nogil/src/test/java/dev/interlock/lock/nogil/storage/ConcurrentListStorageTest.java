package dev.interlock.lock.nogil.storage;

import static dev.interlock.lock.nogil.storage.TestItems.inParallel;
import static dev.interlock.lock.nogil.storage.TestItems.scaled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.lock.nogil.storage.TestItems.Item;
import dev.interlock.vm.memory.AtomicMemoryManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Concurrent list storage")
class ConcurrentListStorageTest {

    private final AtomicMemoryManager mm = TestItems.sharedMemory();
    private final ConcurrentListStorage<Item> list = new ConcurrentListStorage<>(mm, 0, new Object());

    private static int value(ObjectHeader o) {
        return ((Item) o).value;
    }

    @Nested
    @DisplayName("on one thread, behaves as a list")
    class Sequential {

        @Test
        @DisplayName("append, insert, pop, replace, slices, reverse and sort support keep order and counts")
        void operations() {
            Item[] items = new Item[6];
            for (int i = 0; i < items.length; i++) {
                items[i] = new Item(i);
            }
            for (Item it : items) {
                list.append(it);
            }
            list.insert(0, items[5]);
            list.insert(100, items[0]);
            assertThat(values(list.snapshot())).containsExactly(5, 0, 1, 2, 3, 4, 5, 0);
            assertThat(mm.refcount(items[5])).as("creator + two slots").isEqualTo(3);
            Item popped = list.pop(-1);
            assertThat(popped).isSameAs(items[0]);
            mm.decref(popped);
            assertThat(value(list.pop(0))).isEqualTo(5);
            mm.decref(items[5]);
            Item old = list.replace(1, items[4]);
            assertThat(old).isSameAs(items[1]);
            mm.decref(old);
            assertThat(values(list.snapshot())).containsExactly(0, 4, 2, 3, 4, 5);
            assertThat(values(list.snapshot(5, -1, -2))).containsExactly(5, 3, 4);
            list.deleteRange(0, 6, 2);
            assertThat(values(list.snapshot())).containsExactly(4, 3, 5);
            list.reverse();
            assertThat(values(list.snapshot())).containsExactly(5, 3, 4);
            list.replaceRange(1, 2, new ObjectHeader[] {items[1], items[2]});
            assertThat(values(list.snapshot())).containsExactly(5, 1, 2, 4);
            assertThat(list.replaceStrided(0, 2, new ObjectHeader[] {items[0], items[0]})).isTrue();
            assertThat(list.replaceStrided(3, 2, new ObjectHeader[] {items[0], items[0]})).isFalse();
            ObjectHeader[] taken = list.takeAll();
            assertThat(list.size()).isZero();
            assertThat(list.restoreIfEmpty(taken)).isTrue();
            assertThat(values(list.snapshot())).containsExactly(0, 1, 0, 4);
            assertThat(list.getNew(4)).isNull();
            assertThat(list.getNew(-1)).isNull();
            list.clear();
            for (Item it : items) {
                assertThat(mm.refcount(it)).as("%s", it).isEqualTo(1);
            }
        }

        private List<Integer> values(ObjectHeader[] snapshot) {
            List<Integer> out = new ArrayList<>();
            for (ObjectHeader o : snapshot) {
                out.add(value(o));
                mm.decref(o);
            }
            return out;
        }
    }

    @Nested
    @DisplayName("with threads at once")
    class Parallel {

        @Test
        @DisplayName("4 threads appending lose no item and count every reference")
        void appendsAreNeverLost() throws Exception {
            int perThread = scaled(20_000);
            Item shared = new Item(-1);
            inParallel(4, t -> {
                for (int i = 0; i < perThread; i++) {
                    list.append(i % 2 == 0 ? shared : new Item(t * perThread + i));
                }
            });
            assertThat(list.size()).isEqualTo(4 * perThread);
            assertThat(mm.refcount(shared)).isEqualTo(1 + 2 * perThread);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Item it = list.getNew(i);
                if (it != shared) {
                    assertThat(seen.add(it.value)).isTrue();
                }
                mm.decref(it);
            }
            assertThat(seen).hasSize(2 * perThread);
        }

        @Test
        @DisplayName("readers racing appends, pops, inserts and assignment never fail and never see a freed item")
        void readersNeverSeeFreedItems() throws Exception {
            int rounds = scaled(20_000);
            for (int i = 0; i < 64; i++) {
                list.append(new Item(i)); // each item's only reference is the list's... after this decref
            }
            for (int i = 0; i < 64; i++) {
                Item it = list.getNew(i);
                mm.decref(it);
                mm.decref(it);
            }
            AtomicBoolean done = new AtomicBoolean();
            inParallel(4, t -> {
                if (t < 2) {
                    for (int i = 0; i < rounds; i++) {
                        Item fresh = new Item(i);
                        switch (i % 3) {
                            case 0 -> list.append(fresh);
                            case 1 -> list.insert(i % 7, fresh);
                            default -> {
                                Item old = list.replace(i % 5, fresh);
                                if (old != null) {
                                    mm.decref(old); // frees it: the list held the only reference
                                }
                            }
                        }
                        mm.decref(fresh); // ours; the list took its own
                        Item gone = list.pop(i % 2 == 0 ? -1 : i % 3);
                        if (gone != null) {
                            mm.decref(gone); // frees it: the list held the only reference
                        }
                    }
                    done.set(true);
                } else {
                    while (!done.get()) {
                        int n = list.size();
                        for (int i = -1; i <= n + 1; i++) {
                            Item it = list.getNew(i);
                            if (it != null) {
                                assertThat(mm.isFreed(it)).isFalse();
                                mm.decref(it);
                            }
                        }
                    }
                }
            });
            ObjectHeader[] rest = list.snapshot();
            list.clear();
            for (ObjectHeader o : rest) {
                assertThat(mm.refcount(o)).isEqualTo(1);
                mm.decref(o);
                assertThat(mm.isFreed(o)).isTrue();
            }
        }

        @Test
        @DisplayName("two threads extending each list with the other do not deadlock and copy consistent snapshots")
        void extendEachOther() throws Exception {
            Object tie = new Object();
            ConcurrentListStorage<Item> a = new ConcurrentListStorage<>(mm, 0, tie);
            ConcurrentListStorage<Item> b = new ConcurrentListStorage<>(mm, 0, tie);
            Item x = new Item(1);
            a.append(x);
            b.append(x);
            inParallel(2, t -> {
                for (int i = 0; i < 6; i++) {
                    if (t == 0) {
                        a.extendFrom(b);
                    } else {
                        b.extendFrom(a);
                    }
                }
            });
            assertThat(a.size() + b.size()).isGreaterThan(2);
            assertThat(mm.refcount(x)).isEqualTo(1 + a.size() + b.size());
            a.clear();
            b.clear();
            assertThat(mm.refcount(x)).isEqualTo(1);
        }
    }
}
