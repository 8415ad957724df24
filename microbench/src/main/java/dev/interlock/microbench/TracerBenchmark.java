package dev.interlock.microbench;

import dev.interlock.api.ThreadState;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Tracer;
import dev.interlock.vm.runtime.TraceRecorder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reporting one thread-state change costs: with tracing off ({@link Tracer#OFF}, what every
 * run without {@code interlock trace} pays at each GIL wait, switch or blocking call) and with a
 * recorder that still has room. Events are reported in batches of {@value #BATCH} into a fresh
 * recorder, so the measurement never reaches the full buffer's drop path.
 *
 * <pre>java -jar microbench/target/microbench.jar TracerBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TracerBenchmark {

    static final int BATCH = 1000;

    private final ThreadState thread = new ThreadState(Thread.currentThread(), 1);
    private Tracer off;
    private TraceRecorder recorder;

    @Setup(Level.Invocation)
    public void setUp() {
        off = Tracer.OFF;
        recorder = new TraceRecorder(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void off() {
        Tracer t = off;
        for (int i = 0; i < BATCH; i++) {
            t.activity(thread, (i & 1) == 0 ? Activity.RUNNING : Activity.WAITING_GIL);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void recording() {
        TraceRecorder t = recorder;
        for (int i = 0; i < BATCH; i++) {
            t.activity(thread, (i & 1) == 0 ? Activity.RUNNING : Activity.WAITING_GIL);
        }
    }
}
