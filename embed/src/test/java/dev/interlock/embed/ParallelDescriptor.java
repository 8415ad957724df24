package dev.interlock.embed;

import com.google.inject.Module;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyPlugin;
import java.util.List;

/**
 * A descriptor of a strategy that runs threads in parallel, for the tests that choose plug-ins
 * without running code (the unsafe combination with {@code plain} counts, a script engine's
 * threading parameter). It has no module: building an interpreter with it fails.
 */
public final class ParallelDescriptor implements StrategyPlugin {

    @Override
    public String name() {
        return "parallel-descriptor";
    }

    @Override
    public String description() {
        return "a strategy descriptor that runs threads in parallel (tests only; cannot be built)";
    }

    @Override
    public String defaultMemoryManager() {
        return "plain";
    }

    @Override
    public boolean serializesBytecode() {
        return false;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of();
    }

    @Override
    public Module module() {
        throw new UnsupportedOperationException("a descriptor only");
    }
}
