package dev.interlock.cli;

import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.api.memory.MemoryManagerPlugin;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code interlock strategies}: the locking strategies and memory managers on the class path. */
@Command(name = "strategies", description = "List the locking strategies and memory managers available.",
        mixinStandardHelpOptions = true)
final class StrategiesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = InterlockCommand.of(spec).plugins();
        out.println("Locking strategies (--lock NAME):");
        for (StrategyPlugin p : registry.strategies()) {
            out.printf("  %-12s %s%n", p.name(), p.description());
            out.printf("  %-12s default memory manager: %s%s%n", "", p.defaultMemoryManager(),
                    p.serializesBytecode() ? "; serializes bytecode" : "; threads run in parallel");
            for (OptionSpec o : p.options()) {
                out.printf("  %-12s -X %s=%s  %s (default %s)%n", "", o.key(), o.valueHint(), o.description(),
                        o.defaultValue());
            }
        }
        out.println();
        out.println("Memory managers (--memory NAME):");
        for (MemoryManagerPlugin m : registry.memoryManagers()) {
            out.printf("  %-12s %s%s%n", m.name(), m.description(), m.isThreadSafe() ? "" : " (not thread-safe)");
        }
        out.flush();
        return 0;
    }
}
