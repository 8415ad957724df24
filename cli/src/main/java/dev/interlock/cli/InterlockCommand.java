package dev.interlock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code interlock run|dis|strategies}. */
@Command(name = "interlock",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Python 3 interpreter for the JVM whose thread coordination is a plug-in.",
        subcommands = {RunCommand.class, CompareCommand.class, TraceCommand.class, BenchCommand.class, ReplCommand.class, DisCommand.class, StrategiesCommand.class, CommandLine.HelpCommand.class})
public final class InterlockCommand implements Runnable {

    /** Usage errors: CPython and picocli agree on 2. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--plugin-path", paramLabel = "PATH",
            description = "Jars (or directories of jars) with more strategy plug-ins, separated by '"
                    + "${sys:path.separator}'; default: $" + PluginPath.ENVIRONMENT_VARIABLE + ".")
    String pluginPathOption;

    private PluginPath pluginPath;
    private dev.interlock.vm.runtime.PluginRegistry registry;

    /** The top-level command of the command line {@code spec} belongs to. */
    static InterlockCommand of(CommandLine.Model.CommandSpec spec) {
        return (InterlockCommand) spec.root().userObject();
    }

    /** The plug-in jars given with {@code --plugin-path} or {@code $INTERLOCK_PLUGIN_PATH}. */
    PluginPath pluginPath() {
        if (pluginPath == null) {
            try {
                pluginPath = PluginPath.choose(pluginPathOption, System.getenv(PluginPath.ENVIRONMENT_VARIABLE));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return pluginPath;
    }

    /** The strategies and memory managers on the class path and the plug-in path. */
    dev.interlock.vm.runtime.PluginRegistry plugins() {
        if (registry == null) {
            registry = pluginPath().registry();
        }
        return registry;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, dis or strategies");
    }

    /** The configured command line: usage errors exit 2, internal failures never show a Java stack trace. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new InterlockCommand());
        // everything after the program's file belongs to the program
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.getSubcommands().get("compare").setStopAtPositional(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("interlock: internal error: " + ex);
            err.flush();
            return 70;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("interlock: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return USAGE;
        });
        return cl;
    }
}
