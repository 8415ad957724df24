package dev.interlock.cli;

import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.StrategyOptions;
import dev.interlock.vm.runtime.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options that choose how an interpreter is built: strategy, memory manager, {@code -X}. */
final class RuntimeOptions {

    @Option(names = "--lock", paramLabel = "NAME", defaultValue = "gil",
            description = "Locking strategy (default: ${DEFAULT-VALUE}); see 'interlock strategies'.")
    String lock;

    @Option(names = "--memory", paramLabel = "NAME",
            description = "Memory manager (default: the strategy's own); see 'interlock strategies'.")
    String memory;

    @Option(names = "-X", paramLabel = "KEY=VALUE",
            description = "A strategy option, such as -X switchinterval=0.001 or -X check=instruction.")
    List<String> xoptions = new ArrayList<>();

    @Option(names = "--allow-unsafe",
            description = "Allow a memory manager that is not thread-safe without a GIL (to demonstrate the race).")
    boolean allowUnsafe;

    /** Chooses the plug-ins, or throws a usage error naming what is wrong. */
    PluginRegistry.Selection select(CommandLine cl, PluginRegistry registry) {
        try {
            return registry.select(lock, memory, StrategyOptions.parse(xoptions), allowUnsafe);
        } catch (InvalidOptionException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }
}
