package dev.interlock.lock.gil;

import com.google.inject.Module;
import dev.interlock.api.CheckPoints;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import java.util.List;

/** Describes the {@code gil} strategy to the plug-in registry. */
public final class GilPlugin implements StrategyPlugin {

    static final String NAME = "gil";
    static final String SWITCH_INTERVAL = "switchinterval";
    static final String CHECK_INTERVAL = "checkinterval";
    static final String CHECK = "check";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CPython's global interpreter lock: one thread runs bytecode at a time, switching on request";
    }

    @Override
    public String defaultMemoryManager() {
        return "plain";
    }

    @Override
    public boolean serializesBytecode() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec(SWITCH_INTERVAL, "SECONDS", "how long a waiting thread waits before asking the holder to drop "
                        + "the GIL (sys.setswitchinterval)", "0.005"),
                new OptionSpec(CHECK_INTERVAL, "N", "instructions between check points with check=ticks "
                        + "(sys.setcheckinterval, Python 2)", "100"),
                new OptionSpec(CHECK, "calls|instruction|ticks", "where the holder looks for a drop request: backward jumps "
                        + "and calls (CPython 3.10+), every instruction (before 3.10), or every checkinterval instructions "
                        + "(Python 2)", "calls"));
    }

    /**
     * Checks the values as well as the keys, so a bad value is a usage error before anything is
     * built (the strategy's constructor parses the same values).
     */
    @Override
    public void validate(StrategyOptions options) {
        StrategyPlugin.super.validate(options);
        options.positiveSeconds(SWITCH_INTERVAL);
        options.positiveInt(CHECK_INTERVAL);
        options.get(CHECK).ifPresent(CheckPoints::fromOption);
    }

    @Override
    public Module module() {
        return new GilModule();
    }
}
