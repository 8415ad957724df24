package dev.interlock.lock.nogil.storage;

import static dev.interlock.lock.nogil.storage.TestItems.inParallel;
import static dev.interlock.lock.nogil.storage.TestItems.scaled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.storage.MapStorage;
import dev.interlock.lock.nogil.storage.TestItems.Item;
import dev.interlock.lock.nogil.storage.TestItems.ItemKeys;
import dev.interlock.vm.memory.AtomicMemoryManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Concurrent map storage")
class ConcurrentMapStorageTest {

    private final AtomicMemoryManager mm = TestItems.sharedMemory();

    /** A map over items whose keys may "call back" (then compared only outside the lock) or not. */
    private ConcurrentMapStorage<Item, Item> map(boolean callsBack, Object[] unused, ItemKeys[] keysHolder) {
        ItemKeys keys = new ItemKeys(callsBack);
        ConcurrentMapStorage<Item, Item> m = new ConcurrentMapStorage<>(mm, keys, 0);
        keys.forbiddenLock = m;
        keysHolder[0] = keys;
        return m;
    }

    private static List<Integer> keyValues(MapStorage<Item, Item> m, AtomicMemoryManager mm) {
        List<Integer> out = new ArrayList<>();
        MapStorage.Cursor<Item, Item> c = m.cursor();
        for (MapStorage.Entry<Item, Item> e = c.next(); e != null; e = c.next()) {
            out.add(e.key().value);
            mm.decref(e.key());
            mm.decref(e.value());
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Timeout(60) // a guard: before the fix, the lookups spun for ever
    @DisplayName("a value freed while still stored (counts corrupted by plain counts in parallel) is reported, not spun on")
    void freedValueStillStored() {
        dev.interlock.vm.memory.PlainMemoryManager plain = new dev.interlock.vm.memory.PlainMemoryManager();
        ConcurrentMapStorage<Item, Item> m = new ConcurrentMapStorage<>(plain, new ItemKeys(false), 0);
        Item key = new Item(1);
        Item value = new Item(2);
        m.put(key, key.hash(), value); // the map takes its own reference
        plain.decref(value);
        plain.decref(value); // what a lost increment leads to: the map's reference given back too
        assertThat(plain.isFreed(value)).isTrue();
        for (Runnable use : List.<Runnable>of(() -> m.getNew(key, key.hash()),
                () -> m.putIfAbsent(key, key.hash(), new Item(3)))) {
            dev.interlock.api.memory.FatalError e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    dev.interlock.api.memory.FatalError.class, use::run);
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("Fatal Python error: use after free: a '" + value.typeName() + "' object");
        }
    }

    @Nested
    @DisplayName("on one thread, behaves as an insertion-ordered dict")
    class Sequential {

        @ParameterizedTest(name = "keys calling back: {0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("against a LinkedHashMap model, through growth, removals and re-insertions")
        void againstModel(boolean callsBack) {
            ItemKeys[] keys = new ItemKeys[1];
            ConcurrentMapStorage<Item, Item> m = map(callsBack, null, keys);
            Map<Integer, Integer> model = new LinkedHashMap<>();
            java.util.Random random = new java.util.Random(42);
            for (int step = 0; step < 5_000; step++) {
                int k = random.nextInt(200);
                Item key = new Item(k);
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        Item v = new Item(step);
                        m.put(key, key.hash(), v);
                        mm.decref(v);
                        model.put(k, step);
                    }
                    case 2 -> {
                        Item v = m.remove(key, key.hash());
                        Integer expected = model.remove(k);
                        assertThat(v == null ? null : v.value).isEqualTo(expected);
                        if (v != null) {
                            mm.decref(v);
                            assertThat(mm.isFreed(v)).isTrue();
                        }
                    }
                    case 3 -> {
                        Item v = new Item(-step);
                        Item present = m.putIfAbsent(key, key.hash(), v);
                        Integer expected = model.putIfAbsent(k, -step);
                        assertThat(present == null ? null : present.value).isEqualTo(expected);
                        if (present != null) {
                            mm.decref(present);
                        }
                        mm.decref(v);
                    }
                    default -> {
                        Item v = m.getNew(key, key.hash());
                        assertThat(v == null ? null : v.value).isEqualTo(model.get(k));
                        assertThat(m.containsKey(key, key.hash())).isEqualTo(model.containsKey(k));
                        if (v != null) {
                            mm.decref(v);
                        }
                    }
                }
                mm.decref(key);
                assertThat(m.size()).isEqualTo(model.size());
            }
            assertThat(keyValues(m, mm)).containsExactlyElementsOf(model.keySet());
            MapStorage.Entry<Item, Item> last = m.popLast();
            List<Integer> order = new ArrayList<>(model.keySet());
            assertThat(last.key().value).isEqualTo(order.get(order.size() - 1));
            mm.decref(last.key());
            mm.decref(last.value());
            m.clear();
            assertThat(m.size()).isZero();
            assertThat(keyValues(m, mm)).isEmpty();
            assertThat(keys[0].comparedUnderLock).as("a comparison that may run Python code ran under the lock").isFalse();
        }
    }

    @Nested
    @DisplayName("with threads at once")
    class Parallel {

        @ParameterizedTest(name = "keys calling back: {0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("mixed puts, gets and removes end with exactly the expected entries and counts")
        void mixedWorkload(boolean callsBack) throws Exception {
            ItemKeys[] keys = new ItemKeys[1];
            ConcurrentMapStorage<Item, Item> m = map(callsBack, null, keys);
            int rounds = scaled(20_000);
            Item[] values = new Item[4];
            for (int t = 0; t < 4; t++) {
                values[t] = new Item(1000 + t);
            }
            inParallel(4, t -> {
                for (int i = 0; i < rounds; i++) {
                    // each thread owns keys t*100 .. t*100+99, and also reads the others'
                    Item key = new Item(t * 100 + i % 100);
                    m.put(key, key.hash(), values[t]);
                    Item other = new Item(((t + 1) % 4) * 100 + i % 100);
                    Item v = m.getNew(other, other.hash());
                    if (v != null) {
                        assertThat(mm.isFreed(v)).isFalse();
                        mm.decref(v);
                    }
                    if (i % 3 == 0) {
                        Item gone = m.remove(key, key.hash());
                        assertThat(gone).isSameAs(values[t]);
                        mm.decref(gone);
                    }
                    mm.decref(key);
                    mm.decref(other);
                }
            });
            // the last round of each key decides: i = rounds-100+j, removed when i % 3 == 0
            int expected = 0;
            for (int j = 0; j < 100; j++) {
                int last = rounds - 100 + j;
                if (last % 3 != 0) {
                    expected++;
                }
            }
            assertThat(m.size()).isEqualTo(4 * expected);
            assertThat(keyValues(m, mm)).hasSize(4 * expected);
            for (int t = 0; t < 4; t++) {
                assertThat(mm.refcount(values[t])).isEqualTo(1 + expected);
            }
            m.clear();
            for (Item v : values) {
                assertThat(mm.refcount(v)).isEqualTo(1);
            }
            assertThat(keys[0].comparedUnderLock).isFalse();
        }

        @ParameterizedTest(name = "keys calling back: {0}")
        @ValueSource(booleans = {false, true})
        @DisplayName("readers racing value replacement never get a freed value, cursors never fail or invent")
        void readersAndCursors(boolean callsBack) throws Exception {
            ItemKeys[] keys = new ItemKeys[1];
            ConcurrentMapStorage<Item, Item> m = map(callsBack, null, keys);
            int rounds = scaled(20_000);
            AtomicBoolean done = new AtomicBoolean();
            inParallel(4, t -> {
                if (t == 0) {
                    for (int i = 0; i < rounds; i++) {
                        Item key = new Item(i % 50);
                        Item v = new Item(i);
                        m.put(key, key.hash(), v); // replaces, and frees, the previous value
                        mm.decref(v);
                        if (i % 7 == 0) {
                            Item k2 = new Item(50 + i % 30);
                            Item v2 = m.remove(k2, k2.hash());
                            if (v2 == null) {
                                m.put(k2, k2.hash(), k2);
                            } else {
                                mm.decref(v2);
                            }
                            mm.decref(k2);
                        }
                        mm.decref(key);
                    }
                    done.set(true);
                } else if (t == 1) {
                    while (!done.get()) {
                        MapStorage.Cursor<Item, Item> c = m.cursor();
                        for (MapStorage.Entry<Item, Item> e = c.next(); e != null; e = c.next()) {
                            assertThat(e.key().value).isBetween(0, 79);
                            assertThat(mm.isFreed(e.value())).isFalse();
                            mm.decref(e.key());
                            mm.decref(e.value());
                        }
                    }
                } else {
                    while (!done.get()) {
                        for (int k = 0; k < 80; k++) {
                            Item key = new Item(k);
                            Item v = m.getNew(key, key.hash());
                            if (v != null) {
                                assertThat(mm.isFreed(v)).isFalse();
                                mm.decref(v);
                            }
                            mm.decref(key);
                        }
                    }
                }
            });
            assertThat(keys[0].comparedUnderLock).isFalse();
            m.clear();
        }
    }
}
