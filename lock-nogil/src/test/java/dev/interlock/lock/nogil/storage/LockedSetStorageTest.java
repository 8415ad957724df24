package dev.interlock.lock.nogil.storage;

import static dev.interlock.lock.nogil.storage.TestItems.inParallel;
import static dev.interlock.lock.nogil.storage.TestItems.scaled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.storage.SetStorage;
import dev.interlock.lock.nogil.storage.TestItems.Item;
import dev.interlock.lock.nogil.storage.TestItems.ItemKeys;
import dev.interlock.vm.memory.AtomicMemoryManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Locked set storage")
class LockedSetStorageTest {

    private final AtomicMemoryManager mm = TestItems.sharedMemory();
    private final LockedSetStorage<Item> set = new LockedSetStorage<>(mm, new ItemKeys(false), 0);

    private List<Integer> elements() {
        List<Integer> out = new ArrayList<>();
        SetStorage.Cursor<Item> c = set.cursor();
        for (Item k = c.next(); k != null; k = c.next()) {
            out.add(k.value);
            assertThat(c.hash()).isEqualTo(k.hash());
            mm.decref(k);
        }
        return out;
    }

    @Test
    @DisplayName("add, contains, remove, pop and clear, with counts exact")
    void operations() {
        Item a = new Item(1);
        Item b = new Item(8); // same hash as 1
        Item a2 = new Item(1);
        assertThat(set.add(a, a.hash())).isTrue();
        assertThat(set.add(b, b.hash())).isTrue();
        assertThat(set.add(a2, a2.hash())).as("an equal element is present").isFalse();
        assertThat(set.contains(a2, a2.hash())).isTrue();
        assertThat(elements()).containsExactly(1, 8);
        assertThat(set.hashes()).containsExactly(1L, 1L);
        assertThat(mm.refcount(a)).isEqualTo(2);
        assertThat(mm.refcount(a2)).isEqualTo(1);
        assertThat(set.remove(a2, a2.hash())).isTrue();
        assertThat(mm.refcount(a)).isEqualTo(1);
        Item popped = set.pop();
        assertThat(popped).isSameAs(b);
        mm.decref(popped);
        assertThat(set.pop()).isNull();
        set.add(a, a.hash());
        set.clear();
        assertThat(set.size()).isZero();
        assertThat(mm.refcount(a)).isEqualTo(1);
        List<Object> visited = new ArrayList<>();
        set.add(b, b.hash());
        set.traverse(visited::add);
        assertThat(visited).containsExactly(b);
        set.clear();
    }

    @Test
    @DisplayName("threads adding and discarding end with exactly the expected elements")
    void parallelAddDiscard() throws Exception {
        int rounds = scaled(20_000);
        inParallel(4, t -> {
            for (int i = 0; i < rounds; i++) {
                Item k = new Item(t * 1000 + i % 500);
                set.add(k, k.hash());
                mm.decref(k);
                Item d = new Item(t * 1000 + (i + 250) % 500);
                set.remove(d, d.hash());
                mm.decref(d);
            }
        });
        // after the last round, each thread holds the 250 values added last and not discarded since
        assertThat(set.size()).isEqualTo(4 * 250);
        assertThat(elements()).hasSize(1000).doesNotHaveDuplicates();
        set.clear();
    }

    @Test
    @DisplayName("elements iterate in CPython's table order: by hash modulo the table size, not by insertion")
    void tableOrder() {
        for (int v : new int[] {5, 3, 1, 2}) {
            Item k = new Item(v);
            set.add(k, v);
            mm.decref(k);
        }
        assertThat(elements()).containsExactly(1, 2, 3, 5);
        set.clear();
    }

    @Test
    @DisplayName("a comparison that can run Python code runs with the set's lock released")
    void callbackOutsideLock() throws Exception {
        java.util.concurrent.atomic.AtomicReference<LockedSetStorage<Item>> self = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean addedMeanwhile = new java.util.concurrent.atomic.AtomicBoolean();
        dev.interlock.api.storage.KeyOps<Item> keys = new dev.interlock.api.storage.KeyOps<>() {
            @Override
            public boolean equal(Item stored, Item probe) {
                if (stored != probe && !addedMeanwhile.get()) {
                    // another thread must be able to change the set while __eq__ runs
                    Thread other = new Thread(() -> {
                        Item z = new Item(100);
                        self.get().add(z, z.hash());
                        mm.decref(z);
                    });
                    other.start();
                    try {
                        other.join(10_000);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    addedMeanwhile.set(!other.isAlive());
                }
                return stored.value == probe.value;
            }

            @Override
            public boolean mayCallBack(Item key) {
                return true;
            }
        };
        LockedSetStorage<Item> s = new LockedSetStorage<>(mm, keys, 0);
        self.set(s);
        Item a = new Item(1);
        Item b = new Item(8); // same hash as 1: adding it compares with a
        s.add(a, a.hash());
        s.add(b, b.hash());
        assertThat(addedMeanwhile).isTrue();
        assertThat(s.size()).isEqualTo(3);
        s.clear();
        mm.decref(a);
        mm.decref(b);
    }
}
