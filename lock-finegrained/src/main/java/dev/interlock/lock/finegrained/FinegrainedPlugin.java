package dev.interlock.lock.finegrained;

import com.google.inject.Module;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyPlugin;
import java.util.List;

/** Describes the {@code finegrained} strategy to the plug-in registry. */
public final class FinegrainedPlugin implements StrategyPlugin {

    static final String NAME = "finegrained";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "free-threaded CPython (PEP 703): no global lock, a lock per container, critical sections, biased counts";
    }

    @Override
    public String defaultMemoryManager() {
        return "biased";
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
        return new FinegrainedModule();
    }
}
