package dev.interlock.lock.nogil.storage;

import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.KeyOps;
import dev.interlock.vm.memory.AtomicMemoryManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/** Counted test objects, their key semantics, and a helper to run Java threads at once. */
final class TestItems {

    private TestItems() {
    }

    /** The quick default multiplied by {@code -Dinterlock.stress.scale}. */
    static int scaled(int quick) {
        return quick * Integer.getInteger("interlock.stress.scale", 1);
    }

    /** An atomic memory manager counting atomically, as with several Python threads. */
    static AtomicMemoryManager sharedMemory() {
        AtomicMemoryManager mm = new AtomicMemoryManager();
        mm.threadStarting(new Thread(() -> { }));
        mm.threadStarting(new Thread(() -> { }));
        return mm;
    }

    /** A counted object with a value; equal values are equal keys. */
    static final class Item extends ObjectHeader {
        final int value;

        Item(int value) {
            this.value = value;
        }

        long hash() {
            return value % 7; // few distinct hashes: many collisions, many comparisons
        }

        @Override
        public String typeName() {
            return "item";
        }

        @Override
        public String toString() {
            return "Item(" + value + ")";
        }
    }

    /** Equality by value; may "call back" (as a Python __eq__ would) when asked to. */
    static final class ItemKeys implements KeyOps<Item> {
        private final boolean callsBack;
        /** The storage whose monitor must not be held while a comparison that calls back runs. */
        volatile Object forbiddenLock;
        volatile boolean comparedUnderLock;

        ItemKeys(boolean callsBack) {
            this.callsBack = callsBack;
        }

        @Override
        public boolean equal(Item stored, Item probe) {
            Object lock = forbiddenLock;
            if (callsBack && lock != null && Thread.holdsLock(lock)) {
                comparedUnderLock = true;
            }
            return stored.value == probe.value;
        }

        @Override
        public boolean mayCallBack(Item key) {
            return callsBack;
        }
    }

    /** Runs {@code body(threadIndex)} on {@code n} threads started together; rethrows the first failure. */
    static void inParallel(int n, ThreadBody body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int index = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    body.run(index);
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
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            if (first instanceof Exception e) {
                throw e;
            }
            throw (Error) first;
        }
    }

    /** The body of one test thread. */
    @FunctionalInterface
    interface ThreadBody {
        void run(int thread) throws Exception;
    }
}
