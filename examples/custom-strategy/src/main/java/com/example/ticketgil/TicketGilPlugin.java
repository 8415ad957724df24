package com.example.ticketgil;

import com.google.inject.Module;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import java.util.List;

/**
 * Describes the {@code ticket} strategy to Interlock. The interpreter finds this class through
 * {@code META-INF/services/dev.interlock.api.StrategyPlugin} in this jar, reads the descriptor
 * ({@code interlock strategies} prints it), checks the {@code -X} options with {@link #validate},
 * and only when {@code --lock ticket} is chosen builds its injector with {@link #module()}.
 */
public final class TicketGilPlugin implements StrategyPlugin {

    static final String NAME = "ticket";
    static final String SWITCH_INTERVAL = "switchinterval";
    static final String SPINS = "spins";
    static final int DEFAULT_SPINS = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a GIL handed over in arrival order (ticket lock): FIFO, no barging (example plug-in)";
    }

    @Override
    public String defaultMemoryManager() {
        // One thread runs bytecode at a time, so plain (non-atomic) reference counts are exact.
        return "plain";
    }

    @Override
    public boolean serializesBytecode() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec(SWITCH_INTERVAL, "SECONDS", "how long the next thread in line waits without a handoff "
                        + "before asking the holder to let go (sys.setswitchinterval)", "0.005"),
                new OptionSpec(SPINS, "N", "how many times a waiting thread polls before it parks (0: park at once)",
                        Integer.toString(DEFAULT_SPINS)));
    }

    /** Checks values as well as keys, so a bad value is a usage error before anything is built. */
    @Override
    public void validate(StrategyOptions options) {
        StrategyPlugin.super.validate(options);
        options.positiveSeconds(SWITCH_INTERVAL);
        TicketGilStrategy.spins(options);
    }

    @Override
    public Module module() {
        return new TicketGilModule();
    }
}
