package dev.interlock.microbench;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.memory.AtomicMemoryManager;
import dev.interlock.vm.memory.BiasedMemoryManager;
import dev.interlock.vm.memory.PlainMemoryManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One incref followed by one decref of a live, mortal object, on the thread that made it: what
 * every {@code LOAD_FAST} and the {@code POP_TOP} after it cost under each memory manager. The
 * atomic manager is measured after a second thread has started (its counts are atomic from then
 * on; before, it counts as plain does), the biased one on the owning thread (its common case).
 *
 * <pre>java -jar microbench/target/microbench.jar RefcountBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RefcountBenchmark {

    /** A bare object header, as every Python object has. */
    static final class Obj extends ObjectHeader {
        @Override
        public String typeName() {
            return "object";
        }
    }

    @Param({"plain", "atomic", "biased"})
    public String manager;

    private MemoryManager memory;
    private Obj object;

    @Setup
    public void setUp() {
        memory = switch (manager) {
            case "plain" -> new PlainMemoryManager();
            case "atomic" -> {
                AtomicMemoryManager m = new AtomicMemoryManager();
                m.threadStarting(Thread.currentThread()); // the main thread
                m.threadStarting(Thread.currentThread()); // a second one: counts are atomic now
                yield m;
            }
            case "biased" -> new BiasedMemoryManager();
            default -> throw new IllegalArgumentException(manager);
        };
        object = new Obj(); // a count of one, owned by this thread
    }

    @Benchmark
    public void increfDecref() {
        memory.incref(object);
        memory.decref(object);
    }
}
