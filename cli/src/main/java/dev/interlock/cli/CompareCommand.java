package dev.interlock.cli;

import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.cli.compare.CompareReport;
import dev.interlock.cli.compare.Comparison;
import dev.interlock.cli.compare.ComparisonRunner;
import dev.interlock.cli.compare.Json;
import dev.interlock.cli.compare.TextTable;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock compare FILE [ARGS...]}: runs one program under several strategies, each run in
 * its own fresh JVM, and shows side by side what each costs and whether its output matched the
 * GIL's (lost updates show as a differing stdout).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run a program under several locking strategies, each in a fresh JVM, and compare them.")
final class CompareCommand implements Callable<Integer> {

    @Option(names = "--locks", paramLabel = "LIST", split = ",",
            description = "Strategies to compare, comma-separated (default: all installed).")
    List<String> locks;

    @Option(names = "--memory", paramLabel = "NAME|LOCK=NAME",
            description = "Memory manager for every strategy, or for one (repeatable): --memory nogil=tracing.")
    List<String> memory = new ArrayList<>();

    @Option(names = "-X", paramLabel = "KEY=VALUE",
            description = "A strategy option; it goes to each compared strategy that accepts it.")
    List<String> xoptions = new ArrayList<>();

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Warm-up runs per strategy, discarded (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Measured runs per strategy (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON.")
    Path json;

    @Option(names = "--allow-unsafe", description = "Allow unsafe strategy/memory combinations (see run --help).")
    boolean allowUnsafe;

    @Option(names = "--memory-stats", description = "Have each memory manager count its operations, for the"
            + " 'refcount ops' column (plain counts every increment and decrement; atomic and biased keep"
            + " slow-path counters only). Counting costs the plain manager about 4%, so leave it off for timing.")
    boolean memoryStats;

    @Parameters(arity = "1..*", paramLabel = "FILE [ARGS...]", description = "The program and its arguments.")
    List<String> program = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cl = spec.commandLine();
        if (warmup < 0 || repeat < 1) {
            throw new CommandLine.ParameterException(cl, "--warmup must be 0 or more and --repeat 1 or more");
        }
        Path file = Path.of(program.get(0));
        if (!Files.isRegularFile(file)) {
            cl.getErr().println("interlock: can't open file '" + file.toAbsolutePath() + "': [Errno 2] No such file or directory");
            cl.getErr().flush();
            return InterlockCommand.USAGE;
        }
        PluginRegistry registry = InterlockCommand.of(spec).plugins();
        List<ComparisonRunner.Plan> plans = plan(cl, registry);
        List<String> programArgs = new ArrayList<>(program);
        programArgs.set(0, file.toAbsolutePath().toString());
        Comparison comparison = ComparisonRunner.run(InterlockCommand.of(spec).pluginPath().asArguments(), plans, programArgs,
                file.toString(), warmup, repeat, cl.getErr());
        TextTable.print(comparison, System.out);
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        if (report != null) {
            Files.writeString(report, CompareReport.html(comparison, machine), StandardCharsets.UTF_8);
            System.out.println("report: " + report);
        }
        if (json != null) {
            Map<String, Object> out = comparison.toJson();
            out.put("machine", machine);
            Files.writeString(json, Json.write(out), StandardCharsets.UTF_8);
            System.out.println("json: " + json);
        }
        System.out.flush();
        return 0;
    }

    /** What to run: each strategy with its memory manager and the -X options it accepts. */
    private List<ComparisonRunner.Plan> plan(CommandLine cl, PluginRegistry registry) {
        List<StrategyPlugin> chosen = new ArrayList<>();
        if (locks == null || locks.isEmpty()) {
            chosen.addAll(registry.strategies());
        } else {
            for (String name : locks) {
                chosen.add(registry.strategy(name.strip()).orElseThrow(() -> new CommandLine.ParameterException(cl,
                        "unknown locking strategy '" + name + "' (available: " + names(registry) + ")")));
            }
        }
        String memoryForAll = null;
        Map<String, String> memoryFor = new LinkedHashMap<>();
        for (String m : memory) {
            int eq = m.indexOf('=');
            if (eq < 0) {
                memoryForAll = m;
            } else {
                memoryFor.put(m.substring(0, eq), m.substring(eq + 1));
            }
        }
        StrategyOptions all;
        try {
            all = StrategyOptions.parse(xoptions);
        } catch (InvalidOptionException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        for (String key : all.keys()) {
            boolean accepted = chosen.stream().anyMatch(p -> p.options().stream().map(OptionSpec::key).anyMatch(key::equals));
            if (!accepted) {
                throw new CommandLine.ParameterException(cl, "no compared strategy accepts -X " + key);
            }
        }
        List<ComparisonRunner.Plan> plans = new ArrayList<>();
        for (StrategyPlugin p : chosen) {
            Map<String, String> mine = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : all.asMap().entrySet()) {
                if (p.options().stream().anyMatch(o -> o.key().equals(e.getKey()))) {
                    mine.put(e.getKey(), e.getValue());
                }
            }
            String mem = memoryFor.getOrDefault(p.name(), memoryForAll);
            try {
                PluginRegistry.Selection s = registry.select(p.name(), mem, StrategyOptions.of(mine), allowUnsafe);
                plans.add(new ComparisonRunner.Plan(p.name(), s.memory().name(), mine, allowUnsafe, memoryStats));
            } catch (InvalidOptionException e) {
                throw new CommandLine.ParameterException(cl, p.name() + ": " + e.getMessage());
            }
        }
        return plans;
    }

    private static String names(PluginRegistry registry) {
        return String.join(", ", registry.strategies().stream().map(StrategyPlugin::name).toList());
    }

}
