package dev.interlock.cli;

import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.cli.compare.ChildRun;
import dev.interlock.cli.compare.Json;
import dev.interlock.cli.compare.Scaling;
import dev.interlock.cli.compare.ScalingReport;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code interlock bench scaling}: how the throughput of CPU-bound Python threads grows with their
 * number under each strategy, against the physical limit of the machine's cores; and each
 * strategy's single-thread cost relative to the gil. Each workload runs under each strategy in a
 * fresh JVM, which times every thread count after warm-up rounds and reports medians.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true,
        description = "Throughput ratio of CPU-bound threads per strategy, at each thread count.")
final class BenchScalingCommand implements Callable<Integer> {

    /** The built-in workloads and their default work per thread. */
    static final Map<String, Integer> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("arithmetic", 2_000_000);
        WORKLOADS.put("churn", 100_000);
        WORKLOADS.put("shared", 1_000_000);
    }

    @Option(names = "--threads", paramLabel = "LIST", split = ",", defaultValue = "1,2,4",
            description = "Thread counts (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--locks", paramLabel = "LIST", split = ",", description = "Strategies (default: all installed).")
    List<String> locks;

    @Option(names = "--workload", paramLabel = "NAME", split = ",",
            description = "Workloads: arithmetic, churn, shared (default: all).")
    List<String> workloads;

    @Option(names = "--size", paramLabel = "N", description = "Work per thread, overriding each workload's default.")
    Integer size;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report with a chart per workload.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the figures as JSON.")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        List<Integer> counts = new ArrayList<>(threads);
        if (counts.isEmpty() || counts.stream().anyMatch(n -> n < 1) || rounds < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(cl, "thread counts and --rounds must be 1 or more, --warmup 0 or more");
        }
        if (!counts.contains(1)) {
            counts.add(0, 1); // the ratio needs the single-thread time
        }
        List<String> chosenWorkloads = workloads == null ? new ArrayList<>(WORKLOADS.keySet()) : workloads;
        for (String w : chosenWorkloads) {
            if (!WORKLOADS.containsKey(w)) {
                throw new CommandLine.ParameterException(cl, "unknown workload '" + w + "' (available: "
                        + String.join(", ", WORKLOADS.keySet()) + ")");
            }
        }
        PluginRegistry registry = InterlockCommand.of(spec).plugins();
        List<PluginRegistry.Selection> selections = new ArrayList<>();
        List<String> names = locks == null ? registry.strategies().stream().map(StrategyPlugin::name).toList() : locks;
        for (String name : names) {
            try {
                selections.add(registry.select(name.strip(), null, StrategyOptions.empty(), false));
            } catch (InvalidOptionException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Scaling scaling = new Scaling(counts, cores);
        Path dir = Files.createTempDirectory("interlock-bench");
        try {
            for (String workload : chosenWorkloads) {
                Path script = dir.resolve(workload + ".py");
                Files.writeString(script, resource(workload + ".py") + "\n\n" + resource("harness.py"), StandardCharsets.UTF_8);
                int work = size != null ? size : WORKLOADS.get(workload);
                for (PluginRegistry.Selection sel : selections) {
                    String name = sel.strategy().name();
                    cl.getErr().println("interlock bench scaling: " + workload + " under " + name + "...");
                    cl.getErr().flush();
                    List<String> args = List.of(script.toString(), joined(counts), Integer.toString(work),
                            Integer.toString(rounds), Integer.toString(warmup));
                    ChildRun.Result r = ChildRun.run(InterlockCommand.of(spec).pluginPath().asArguments(),
                            List.of("--lock", name, "--memory", sel.memory().name()), args);
                    String error = null;
                    if (r.status() != 0) {
                        error = r.lastErrorLine();
                    } else if (!r.stdout().contains("check OK") || r.stdout().contains("check FAILED")) {
                        error = "the workload's check failed: " + r.stdout().lines().filter(l -> l.startsWith("check")).findFirst()
                                .orElse("no check line");
                    }
                    scaling.add(new Scaling.Row(workload, name, sel.memory().name(), Scaling.parse(r.stdout()), error));
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
        print(scaling);
        String machine = cores + " cores, Java " + System.getProperty("java.version");
        if (report != null) {
            Files.writeString(report, ScalingReport.html(scaling, machine), StandardCharsets.UTF_8);
            System.out.println("report: " + report);
        }
        if (json != null) {
            Map<String, Object> m = scaling.toJson();
            m.put("machine", machine);
            Files.writeString(json, Json.write(m), StandardCharsets.UTF_8);
            System.out.println("json: " + json);
        }
        System.out.flush();
        return 0;
    }

    private static String joined(List<Integer> counts) {
        return String.join(",", counts.stream().map(String::valueOf).toList());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BenchScalingCommand.class.getResourceAsStream("/dev/interlock/cli/bench/" + name)) {
            if (in == null) {
                throw new IOException("missing built-in workload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void print(Scaling s) {
        System.out.println("throughput ratio = N x t(1 thread) / t(N threads), the same work per thread; limit = min(N, "
                + s.cores() + " cores)");
        System.out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s %-20s", "workload", "strategy"));
        for (int n : s.threads()) {
            header.append(String.format(Locale.ROOT, " %10s", n + (n == 1 ? " thread" : " threads")));
        }
        header.append(String.format(Locale.ROOT, " %14s %8s", "1-thread time", "vs gil"));
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        String last = null;
        for (Scaling.Row r : s.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %-20s",
                    r.workload().equals(last) ? "" : r.workload(), r.strategy() + "/" + r.memory()));
            last = r.workload();
            if (r.error() != null) {
                System.out.println(line + " failed: " + r.error());
                continue;
            }
            for (int n : s.threads()) {
                line.append(String.format(Locale.ROOT, " %10.2f", r.ratio(n)));
            }
            Double one = r.seconds().get(1);
            double vsGil = s.overheadVsGil(r);
            line.append(String.format(Locale.ROOT, " %12.3f s %8s", one == null ? 0 : one,
                    vsGil > 0 ? String.format(Locale.ROOT, "%.2f", vsGil) : "-")); // no gil row to compare with
            System.out.println(line);
        }
        StringBuilder limit = new StringBuilder(String.format(Locale.ROOT, "%-12s %-20s", "limit", ""));
        for (int n : s.threads()) {
            limit.append(String.format(Locale.ROOT, " %10.2f", s.limit(n)));
        }
        System.out.println(limit);
    }
}
