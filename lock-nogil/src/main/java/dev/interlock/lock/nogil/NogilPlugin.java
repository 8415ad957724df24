package dev.interlock.lock.nogil;

import com.google.inject.Module;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyPlugin;
import java.util.List;

/** Describes the {@code nogil} strategy to the plug-in registry. */
public final class NogilPlugin implements StrategyPlugin {

    static final String NAME = "nogil";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Jython's model: no global lock, threads run bytecode in parallel on atomic counts and concurrent containers";
    }

    @Override
    public String defaultMemoryManager() {
        return "atomic";
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
        return new NogilModule();
    }
}
