package dev.interlock.embed;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.interlock.api.CheckPoints;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.testing.SerialStrategy;
import java.util.List;

/**
 * A second strategy on the test class path, so that interpreters with different strategies can
 * live side by side in these tests: vm-core's {@link SerialStrategy} as a plug-in named
 * {@code serial}.
 */
public final class SerialPlugin implements StrategyPlugin {

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public String description() {
        return "one fair lock held while a thread is attached (tests only)";
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
        return List.of();
    }

    @Override
    public Module module() {
        return new AbstractModule() {
            @Provides
            @Singleton
            LockingStrategy strategy(MemoryManager memory) {
                return new SerialStrategy(memory, CheckPoints.CALLS_AND_BACKWARD_JUMPS);
            }
        };
    }
}
