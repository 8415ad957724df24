package dev.interlock.cli;

import dev.interlock.vm.bytecode.Disassembler;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code interlock dis FILE}: the bytecode of a program, as {@code python3.10 -m dis FILE} prints it. */
@Command(name = "dis", description = "Disassemble a program's bytecode (CPython 3.10's dis layout).",
        mixinStandardHelpOptions = true)
final class DisCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The program to disassemble.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            cl.getErr().println("interlock: can't open file '" + file.toAbsolutePath() + "': [Errno 2] No such file or directory");
            return InterlockCommand.USAGE;
        } catch (IOException e) {
            cl.getErr().println("interlock: can't open file '" + file.toAbsolutePath() + "': " + e.getMessage());
            return InterlockCommand.USAGE;
        }
        PluginRegistry registry = InterlockCommand.of(spec).plugins();
        PluginRegistry.Selection selection = registry.select("gil", null, dev.interlock.api.StrategyOptions.empty(), false);
        // System.out and System.err, so that tests can capture them (see RunCommand).
        InterpreterConfig config = new InterpreterConfig("gil", selection.memory().name(), selection.options(),
                List.of(file.toString()), null, System.out, System.err, false, false);
        Interpreter interpreter = PluginRegistry.create(selection, config);
        return interpreter.compileAndReport(source, file.toString(), code -> {
            interpreter.stdout().print(Disassembler.disassembleRecursive(code));
        });
    }
}
