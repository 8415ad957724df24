package dev.interlock.cli.compare;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code interlock compare}: the runs of each strategy, in the order they were
 * asked for, and the reference they are compared with ({@code gil} when it ran, else the first).
 */
public final class Comparison {

    /** How a strategy's stdout relates to the reference's. */
    public enum Output {
        REFERENCE("reference"),
        /** The reference itself printed different things in different runs (lost updates). */
        REFERENCE_VARIES("reference, varies"),
        SAME("same"),
        DIFFERS("DIFFERS"),
        VARIES("varies between runs");

        private final String label;

        Output(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String program;
    private final List<String> arguments;
    private final int warmup;
    private final int repeat;
    private final List<StrategyRuns> strategies = new ArrayList<>();

    public Comparison(String program, List<String> arguments, int warmup, int repeat) {
        this.program = requireNonNull(program, "program is null");
        this.arguments = List.copyOf(arguments);
        this.warmup = warmup;
        this.repeat = repeat;
    }

    public String program() {
        return program;
    }

    public List<String> arguments() {
        return arguments;
    }

    public int warmup() {
        return warmup;
    }

    public int repeat() {
        return repeat;
    }

    public List<StrategyRuns> strategies() {
        return strategies;
    }

    public void add(StrategyRuns s) {
        strategies.add(s);
    }

    /** The strategy the others are compared with: gil if it ran successfully, else the first that did. */
    public StrategyRuns reference() {
        for (StrategyRuns s : strategies) {
            if (s.strategy().equals("gil") && s.failure() == null) {
                return s;
            }
        }
        return strategies.stream().filter(s -> s.failure() == null).findFirst().orElse(null);
    }

    /** {@code reference median / this median}; 0 when either is missing. */
    public double speedUp(StrategyRuns s) {
        StrategyRuns ref = reference();
        if (ref == null || s.failure() != null || s.medianWall() == 0) {
            return 0;
        }
        return (double) ref.medianWall() / s.medianWall();
    }

    public Output output(StrategyRuns s) {
        StrategyRuns ref = reference();
        if (s.stdoutVaries()) {
            return s == ref ? Output.REFERENCE_VARIES : Output.VARIES;
        }
        if (s == ref) {
            return Output.REFERENCE;
        }
        return ref != null && s.stdout().equals(ref.stdout()) ? Output.SAME : Output.DIFFERS;
    }

    /** Everything as plain maps and lists, for {@code --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", program);
        m.put("arguments", arguments);
        m.put("warmup", warmup);
        m.put("repeat", repeat);
        StrategyRuns ref = reference();
        m.put("reference", ref == null ? null : ref.strategy());
        List<Object> rows = new ArrayList<>();
        for (StrategyRuns s : strategies) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", s.strategy());
            row.put("memory", s.memory());
            ChildRun.Result failed = s.failure();
            row.put("failed", failed != null);
            if (failed != null) {
                row.put("status", failed.status());
                row.put("error", failed.lastErrorLine());
            }
            row.put("wall_nanos_median", s.medianWall());
            row.put("wall_nanos_min", s.minWall());
            row.put("wall_nanos_max", s.maxWall());
            row.put("cpu_nanos_median", s.medianCpu());
            row.put("speed_up", speedUp(s));
            row.put("stdout", output(s).name().toLowerCase(java.util.Locale.ROOT));
            row.put("peak_heap_bytes_median", s.medianPeakHeap());
            List<Object> runs = new ArrayList<>();
            for (ChildRun.Result r : s.runs()) {
                Map<String, Object> run = new LinkedHashMap<>(r.stats());
                run.put("status", r.status());
                runs.add(run);
            }
            row.put("runs", runs);
            rows.add(row);
        }
        m.put("strategies", rows);
        return m;
    }
}
