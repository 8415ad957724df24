package dev.interlock.cli;

import dev.interlock.api.InvalidOptionException;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock run [options] (FILE | -c CODE) [ARGS...]}: runs a program, exit status as CPython's. */
@Command(name = "run", description = "Run a Python program (everything after FILE goes to the program's sys.argv).",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "-c", paramLabel = "CODE", description = "Run CODE instead of a file.")
    String code;

    @Option(names = "--audit-refcounts", description = "At exit, recount every reference from the roots and report leaks,"
            + " over-releases and premature frees on stderr; exit status 3 if any are found.")
    boolean auditRefcounts;

    @Option(names = "--memory-stats", description = "Count the memory manager's operations (increments, decrements,"
            + " deallocations, where it keeps them) and print them on stderr at exit.")
    boolean memoryStats;

    @Parameters(arity = "0..*", paramLabel = "FILE [ARGS...]", description = "The program and its arguments.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--stats-json", paramLabel = "FILE", hidden = true,
            description = "Write the run's time, CPU time, peak heap and counters to FILE (used by compare).")
    Path statsJson;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (auditRefcounts && System.getProperty("interlock.traceRefs") == null) {
            // Before any Python object exists: the audit needs every allocation logged, a JVM-wide
            // constant so that it costs nothing when off (AllocationLog.TRACE_REFS).
            System.setProperty("interlock.traceRefs", "true");
        }
        CommandLine cl = spec.commandLine();
        String source;
        String filename;
        List<String> argv = new ArrayList<>();
        Path scriptDirectory;
        if (code != null) {
            source = code;
            filename = "<string>";
            argv.add("-c");
            argv.addAll(positional);
            scriptDirectory = Path.of("").toAbsolutePath();
        } else {
            if (positional.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "missing FILE or -c CODE");
            }
            String file = positional.get(0);
            Path path = Path.of(file);
            try {
                source = Files.readString(path, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return cannotOpen(cl, path, "[Errno 2] No such file or directory");
            } catch (IOException e) {
                return cannotOpen(cl, path, e.getMessage());
            }
            if (Files.isDirectory(path)) {
                return cannotOpen(cl, path, "[Errno 21] Is a directory");
            }
            filename = path.toAbsolutePath().normalize().toString(); // __main__.__file__ is absolute, as CPython 3.9+
            argv.addAll(positional);
            Path parent = path.toAbsolutePath().getParent();
            scriptDirectory = parent == null ? Path.of("").toAbsolutePath() : parent;
        }
        PluginRegistry registry = InterlockCommand.of(spec).plugins();
        PluginRegistry.Selection selection = runtime.select(cl, registry);
        if (selection.unsafe()) {
            cl.getErr().println(selection.unsafeWarning());
            cl.getErr().flush();
        }
        // The program writes through System.out and System.err (which pass every write on at once,
        // and which Main flushes at exit), so that a test can capture them with System.setOut/setErr.
        InterpreterConfig config = new InterpreterConfig(selection.strategy().name(), selection.memory().name(),
                selection.options(), argv, scriptDirectory, System.out, System.err, auditRefcounts, runtime.allowUnsafe,
                memoryStats);
        Interpreter interpreter;
        try {
            interpreter = PluginRegistry.create(selection, config);
        } catch (InvalidOptionException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        if (statsJson != null) {
            String program = source;
            return dev.interlock.cli.compare.RunMeasurement.measure(interpreter,
                    () -> interpreter.runMain(program, filename), statsJson);
        }
        int status = interpreter.runMain(source, filename);
        if (memoryStats) {
            cl.getErr().println("interlock: memory statistics (" + interpreter.memory().name() + "): "
                    + formatStatistics(interpreter.memory().statistics()));
            cl.getErr().flush();
        }
        return status;
    }

    private static String formatStatistics(java.util.Map<String, Long> statistics) {
        if (statistics.isEmpty()) {
            return "none kept";
        }
        StringBuilder b = new StringBuilder();
        statistics.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format("%,d", v)));
        return b.toString();
    }

    private static int cannotOpen(CommandLine cl, Path path, String why) {
        cl.getErr().println("interlock: can't open file '" + path.toAbsolutePath() + "': " + why);
        cl.getErr().flush();
        return InterlockCommand.USAGE;
    }
}
