package dev.interlock.cli.compare;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs the plan of a comparison: for each strategy in turn, its warm-up runs (discarded) and its
 * measured runs, every one in a fresh JVM. A strategy whose program fails is recorded with its
 * error and the others still run. Progress goes to stderr: a progress bar on a terminal, a line
 * per run otherwise.
 */
public final class ComparisonRunner {

    /**
     * One strategy to run: its memory manager, the {@code -X} options it accepts, the unsafe flag,
     * and whether the memory manager should count its operations ({@code run --memory-stats}).
     */
    public record Plan(String strategy, String memory, Map<String, String> options, boolean allowUnsafe,
            boolean memoryStats) {

        public Plan(String strategy, String memory, Map<String, String> options, boolean allowUnsafe) {
            this(strategy, memory, options, allowUnsafe, false);
        }

        public Plan {
            requireNonNull(strategy, "strategy is null");
            requireNonNull(memory, "memory is null");
            options = Map.copyOf(options);
        }

        List<String> runOptions() {
            List<String> o = new ArrayList<>(List.of("--lock", strategy, "--memory", memory));
            for (Map.Entry<String, String> e : options.entrySet()) {
                o.add("-X");
                o.add(e.getKey() + "=" + e.getValue());
            }
            if (allowUnsafe) {
                o.add("--allow-unsafe");
            }
            if (memoryStats) {
                o.add("--memory-stats");
            }
            return o;
        }
    }

    private ComparisonRunner() {
    }

    /**
     * Runs the plans; {@code globalOptions} go before {@code run} in every child's command line
     * ({@code --plugin-path}).
     */
    public static Comparison run(List<String> globalOptions, List<Plan> plans, List<String> programAndArgs, String programName,
            int warmup, int repeat, PrintWriter progress) throws IOException, InterruptedException {
        Comparison c = new Comparison(programName, programAndArgs.subList(1, programAndArgs.size()), warmup, repeat);
        int total = plans.size() * (warmup + repeat);
        boolean terminal = System.console() != null;
        try (ProgressBar bar = terminal ? new ProgressBarBuilder().setTaskName("compare").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build() : null) {
            int done = 0;
            for (Plan plan : plans) {
                StrategyRuns runs = new StrategyRuns(plan.strategy(), plan.memory());
                for (int i = 0; i < warmup + repeat; i++) {
                    String what = plan.strategy() + (i < warmup ? " warm-up " + (i + 1) : " run " + (i - warmup + 1));
                    if (bar != null) {
                        bar.setExtraMessage(what);
                    } else {
                        progress.println("interlock compare: " + what + " (" + (done + 1) + "/" + total + ")");
                        progress.flush();
                    }
                    ChildRun.Result r = ChildRun.run(globalOptions, plan.runOptions(), programAndArgs);
                    done++;
                    if (bar != null) {
                        bar.step();
                    }
                    if (i >= warmup) {
                        runs.add(r);
                    }
                    if (r.status() != 0 || r.stats().isEmpty()) {
                        // A failing program fails the same way again: record it, go on to the next strategy.
                        if (i < warmup) {
                            runs.add(r);
                        }
                        done += warmup + repeat - i - 1;
                        if (bar != null) {
                            bar.stepTo(done);
                        }
                        break;
                    }
                }
                c.add(runs);
            }
        }
        return c;
    }
}
