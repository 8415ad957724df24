package dev.interlock.vm.testing;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.memory.PlainMemoryManager;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs Python source in-process and captures what it prints, for tests. By default it uses
 * {@link SerialStrategy} with the {@code plain} memory manager; plug-in modules pass their own
 * strategy (or a plug-in name found on the test class path).
 */
public final class PythonRunner {

    /** What a run produced. */
    public record Result(String stdout, String stderr, int status) {

        /** The last line of stderr, as the conformance runner compares it. */
        public String lastErrorLine() {
            String[] lines = stderr.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1];
        }
    }

    private final BiFunction<MemoryManager, SwitchSettings, LockingStrategy> strategyFactory;
    private final MemoryManager memory;
    private final StrategyOptions options;
    private final boolean audit;

    private PythonRunner(BiFunction<MemoryManager, SwitchSettings, LockingStrategy> strategyFactory, MemoryManager memory,
            StrategyOptions options, boolean audit) {
        this.strategyFactory = strategyFactory;
        this.memory = memory;
        this.options = options;
        this.audit = audit;
    }

    /** The default runner: serial strategy, plain counts, CPython 3.10+ check points. */
    public static PythonRunner serial() {
        return new PythonRunner((m, s) -> new SerialStrategy(m, CheckPoints.CALLS_AND_BACKWARD_JUMPS),
                new PlainMemoryManager(), StrategyOptions.empty(), false);
    }

    /** A runner with a given strategy (built from the memory manager and switch settings). */
    public static PythonRunner with(BiFunction<MemoryManager, SwitchSettings, LockingStrategy> factory, MemoryManager memory) {
        return new PythonRunner(factory, memory, StrategyOptions.empty(), false);
    }

    /**
     * The same runner with the reference-count audit at exit ({@code --audit-refcounts}). Each run
     * needs a fresh memory manager only if the manager keeps per-run state; the plain one does not.
     */
    public PythonRunner auditing() {
        return new PythonRunner(strategyFactory, memory, options, true);
    }

    /** Runs {@code source} as {@code __main__} from a file called {@code filename}. */
    public Result run(String source, String filename) {
        return runArgs(source, filename);
    }

    /** Runs {@code source} as {@code __main__} from {@code filename}, with {@code args} after it in {@code sys.argv}. */
    public Result runArgs(String source, String filename, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> argv = new java.util.ArrayList<>();
        argv.add(filename);
        argv.addAll(List.of(args));
        InterpreterConfig config = new InterpreterConfig("test", memory.name(), options, argv, null, out, err,
                audit, false);
        SwitchSettings switches = new SwitchSettings();
        Interpreter interpreter = new Interpreter(config, strategyFactory.apply(memory, switches), memory, switches);
        int status = interpreter.runMain(source, filename);
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    /** Runs {@code source} as {@code __main__} from {@code <test>}. */
    public Result run(String source) {
        return run(source, "<test>");
    }

    /**
     * Runs a program through the plug-in registry (the strategies on the test class path), as the
     * command line does.
     */
    public static Result runWithPlugin(String lockName, String memoryName, StrategyOptions options, boolean allowUnsafe,
            String source, String filename, Path scriptDirectory) {
        return runWithPlugin(lockName, memoryName, options, allowUnsafe, false, source, filename, scriptDirectory);
    }

    /** As {@link #runWithPlugin(String, String, StrategyOptions, boolean, String, String, Path)}, optionally with the audit. */
    public static Result runWithPlugin(String lockName, String memoryName, StrategyOptions options, boolean allowUnsafe,
            boolean auditRefcounts, String source, String filename, Path scriptDirectory) {
        return runWithPlugin(lockName, memoryName, options, allowUnsafe, auditRefcounts, source, filename, scriptDirectory,
                List.of());
    }

    /** As above, with {@code args} after the file name in {@code sys.argv}. */
    public static Result runWithPlugin(String lockName, String memoryName, StrategyOptions options, boolean allowUnsafe,
            boolean auditRefcounts, String source, String filename, Path scriptDirectory, List<String> args) {
        List<String> argv = new java.util.ArrayList<>();
        argv.add(filename);
        argv.addAll(args);
        PluginRegistry registry = PluginRegistry.load();
        PluginRegistry.Selection selection = registry.select(lockName, memoryName, options, allowUnsafe);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InterpreterConfig config = new InterpreterConfig(lockName, selection.memory().name(), options, argv,
                scriptDirectory, out, err, auditRefcounts, allowUnsafe);
        Interpreter interpreter = PluginRegistry.create(selection, config);
        int status = interpreter.runMain(source, filename);
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }
}
