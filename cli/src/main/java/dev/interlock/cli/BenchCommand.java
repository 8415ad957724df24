package dev.interlock.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code interlock bench}: built-in benchmarks; {@code bench scaling} so far. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Built-in benchmarks of the strategies.",
        subcommands = {BenchScalingCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing benchmark: scaling");
    }
}
