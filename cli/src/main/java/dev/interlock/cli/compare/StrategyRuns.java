package dev.interlock.cli.compare;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The measured runs of one strategy (warm-up runs already dropped) and what the comparison says of
 * them: medians and spread of the times, and the counters of its first run.
 */
public final class StrategyRuns {

    private final String strategy;
    private final String memory;
    private final List<ChildRun.Result> runs = new ArrayList<>();

    public StrategyRuns(String strategy, String memory) {
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    public String strategy() {
        return strategy;
    }

    public String memory() {
        return memory;
    }

    public List<ChildRun.Result> runs() {
        return runs;
    }

    public void add(ChildRun.Result r) {
        runs.add(r);
    }

    /** The first failed run, or null when every run exited as the first one did with status 0. */
    public ChildRun.Result failure() {
        for (ChildRun.Result r : runs) {
            if (r.status() != 0 || r.stats().isEmpty()) {
                return r;
            }
        }
        return null;
    }

    /** The stdout of the first run (the one compared with the reference strategy). */
    public String stdout() {
        return runs.isEmpty() ? "" : runs.get(0).stdout();
    }

    /** True when the runs did not all print the same stdout (a race shows as varying output). */
    public boolean stdoutVaries() {
        return runs.stream().map(ChildRun.Result::stdout).distinct().count() > 1;
    }

    public long medianWall() {
        return median(r -> r.longStat("wall_nanos"));
    }

    public long minWall() {
        return runs.stream().mapToLong(r -> r.longStat("wall_nanos")).min().orElse(0);
    }

    public long maxWall() {
        return runs.stream().mapToLong(r -> r.longStat("wall_nanos")).max().orElse(0);
    }

    public long medianCpu() {
        return median(r -> r.longStat("cpu_nanos"));
    }

    public long medianPeakHeap() {
        return median(r -> r.longStat("peak_heap_bytes"));
    }

    /** The median over the runs of a strategy counter, or -1 when the strategy has no such counter. */
    public long medianCounter(String section, String key) {
        if (runs.isEmpty() || !runs.get(0).counters(section).containsKey(key)) {
            return -1;
        }
        return median(r -> r.counters(section).get(key) instanceof Number n ? n.longValue() : 0);
    }

    /** The median of the sum of the counters of {@code section} whose names end with {@code suffix}; -1 if none. */
    public long medianCounterSum(String section, String suffix) {
        if (runs.isEmpty() || runs.get(0).counters(section).keySet().stream().noneMatch(k -> String.valueOf(k).endsWith(suffix))) {
            return -1;
        }
        return median(r -> {
            long sum = 0;
            for (Map.Entry<?, ?> e : r.counters(section).entrySet()) {
                if (String.valueOf(e.getKey()).endsWith(suffix) && e.getValue() instanceof Number n) {
                    sum += n.longValue();
                }
            }
            return sum;
        });
    }

    private long median(ToLongFunction<ChildRun.Result> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
