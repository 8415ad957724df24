package dev.interlock.cli;

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

    @Parameters(arity = "0..*", paramLabel = "FILE [ARGS...]", description = "The program and its arguments.")
    List<String> positional = new ArrayList<>();

    @Option(names = "--stats-json", paramLabel = "FILE", hidden = true,
            description = "Write the run's time, CPU time, peak heap and counters to FILE (used by compare).")
    Path statsJson;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
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
            cl.getErr().println("interlock: warning: '" + selection.memory().name() + "' reference counts without a GIL ('"
                    + selection.strategy().name() + "'): counts can be corrupted; running anyway because of --allow-unsafe");
            cl.getErr().flush();
        }
        // The program writes through System.out and System.err (which pass every write on at once,
        // and which Main flushes at exit), so that a test can capture them with System.setOut/setErr.
        InterpreterConfig config = new InterpreterConfig(selection.strategy().name(), selection.memory().name(),
                selection.options(), argv, scriptDirectory, System.out, System.err, false, runtime.allowUnsafe);
        Interpreter interpreter = PluginRegistry.create(selection, config);
        if (statsJson != null) {
            String program = source;
            return dev.interlock.cli.compare.RunMeasurement.measure(interpreter,
                    () -> interpreter.runMain(program, filename), statsJson);
        }
        return interpreter.runMain(source, filename);
    }

    private static int cannotOpen(CommandLine cl, Path path, String why) {
        cl.getErr().println("interlock: can't open file '" + path.toAbsolutePath() + "': " + why);
        cl.getErr().flush();
        return InterlockCommand.USAGE;
    }
}
