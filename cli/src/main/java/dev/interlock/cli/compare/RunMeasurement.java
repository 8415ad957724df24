package dev.interlock.cli.compare;

import dev.interlock.vm.runtime.Interpreter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What one run of a program cost, measured inside the JVM that ran it ({@code interlock run
 * --stats-json FILE}, which {@code compare} uses): the program's wall time (JVM start-up excluded),
 * the process's CPU time over the same span (every thread: interpreter, JIT compilers, collector),
 * the peak heap, and the counters of the strategy and the memory manager.
 */
public final class RunMeasurement {

    private RunMeasurement() {
    }

    /** Runs {@code program}, writes the measurement to {@code file} as JSON, returns the exit status. */
    public static int measure(Interpreter interpreter, IntSupplier program, Path file) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int status = program.getAsInt();
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("wall_nanos", wall);
        m.put("cpu_nanos", cpu);
        m.put("peak_heap_bytes", peak);
        m.put("strategy", new LinkedHashMap<>(interpreter.strategy().statistics()));
        m.put("memory", new LinkedHashMap<>(interpreter.memory().statistics()));
        try {
            Files.writeString(file, Json.write(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("interlock: cannot write " + file + ": " + e.getMessage());
        }
        return status;
    }
}
