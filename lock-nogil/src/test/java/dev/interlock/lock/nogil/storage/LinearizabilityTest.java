package dev.interlock.lock.nogil.storage;

import dev.interlock.lock.nogil.storage.TestItems.Item;
import dev.interlock.lock.nogil.storage.TestItems.ItemKeys;
import dev.interlock.vm.memory.AtomicMemoryManager;
import org.jetbrains.kotlinx.lincheck.LinCheckerKt;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Lincheck runs small concurrent scenarios of single operations on one storage and checks that
 * every outcome is one some sequential order of the same operations could produce: each list and
 * map operation is linearizable. Values go through counted items, so the tryIncref fallbacks run
 * too (a popped item is freed at once by the caller). The model checker explores interleavings
 * systematically: it is what found that a list published its new array and size as two visible
 * steps (see ConcurrentListStorage). Quick by default; {@code -Dinterlock.stress.scale=10} explores
 * ten times as many scenarios.
 */
@DisplayName("Storage operations are linearizable (Lincheck)")
class LinearizabilityTest {

    /** Small scenarios, quick by default; {@code -Dinterlock.stress.scale} multiplies the iterations. */
    private static StressOptions stress() {
        return new StressOptions().iterations(TestItems.scaled(10)).invocationsPerIteration(1_000).threads(3)
                .actorsPerThread(3);
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(TestItems.scaled(5)).invocationsPerIteration(300).threads(2)
                .actorsPerThread(3);
    }

    private static Integer valueOf(AtomicMemoryManager mm, Item it) {
        if (it == null) {
            return null;
        }
        int v = it.value;
        mm.decref(it);
        return v;
    }

    /** The list under test; Lincheck makes one instance per scenario. */
    @Param(name = "value", gen = IntGen.class, conf = "1:4")
    @Param(name = "index", gen = IntGen.class, conf = "-1:3")
    public static class ListScenario {
        private final AtomicMemoryManager mm = TestItems.sharedMemory();
        private final ConcurrentListStorage<Item> list = new ConcurrentListStorage<>(mm, 0, new Object());

        @Operation
        public void append(@Param(name = "value") int v) {
            Item it = new Item(v);
            list.append(it);
            mm.decref(it);
        }

        @Operation
        public void insertFirst(@Param(name = "value") int v) {
            Item it = new Item(v);
            list.insert(0, it);
            mm.decref(it);
        }

        @Operation
        public Integer get(@Param(name = "index") int i) {
            return valueOf(mm, list.getNew(i));
        }

        @Operation
        public Integer set(@Param(name = "index") int i, @Param(name = "value") int v) {
            Item it = new Item(v);
            Item old = list.replace(i, it);
            mm.decref(it);
            return valueOf(mm, old);
        }

        @Operation
        public Integer pop(@Param(name = "index") int i) {
            return valueOf(mm, list.pop(i));
        }

        @Operation
        public int size() {
            return list.size();
        }
    }

    /** The map under test, with keys whose comparison counts as Python code (compared outside the lock). */
    @Param(name = "key", gen = IntGen.class, conf = "1:9")
    @Param(name = "value", gen = IntGen.class, conf = "1:3")
    public static class MapScenario {
        private final AtomicMemoryManager mm = TestItems.sharedMemory();
        private final ConcurrentMapStorage<Item, Item> map = new ConcurrentMapStorage<>(mm, new ItemKeys(true), 0);

        @Operation
        public void put(@Param(name = "key") int k, @Param(name = "value") int v) {
            Item key = new Item(k);
            Item value = new Item(v);
            map.put(key, key.hash(), value);
            mm.decref(key);
            mm.decref(value);
        }

        @Operation
        public Integer putIfAbsent(@Param(name = "key") int k, @Param(name = "value") int v) {
            Item key = new Item(k);
            Item value = new Item(v);
            Item present = map.putIfAbsent(key, key.hash(), value);
            mm.decref(key);
            mm.decref(value);
            return valueOf(mm, present);
        }

        @Operation
        public Integer get(@Param(name = "key") int k) {
            Item key = new Item(k);
            Integer v = valueOf(mm, map.getNew(key, key.hash()));
            mm.decref(key);
            return v;
        }

        @Operation
        public Integer remove(@Param(name = "key") int k) {
            Item key = new Item(k);
            Integer v = valueOf(mm, map.remove(key, key.hash()));
            mm.decref(key);
            return v;
        }

        @Operation
        public int size() {
            return map.size();
        }
    }

    @Nested
    @DisplayName("list storage")
    class Lists {
        @Test
        @DisplayName("under stress")
        void stressTest() {
            LinCheckerKt.check(stress(), ListScenario.class);
        }

        @Test
        @DisplayName("under model checking")
        void modelCheckingTest() {
            LinCheckerKt.check(modelChecking(), ListScenario.class);
        }
    }

    @Nested
    @DisplayName("map storage")
    class Maps {
        @Test
        @DisplayName("under stress")
        void stressTest() {
            LinCheckerKt.check(stress(), MapScenario.class);
        }

        @Test
        @DisplayName("under model checking")
        void modelCheckingTest() {
            LinCheckerKt.check(modelChecking(), MapScenario.class);
        }
    }
}
