package dev.interlock.vm.testing;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import dev.interlock.api.LockingStrategy;
import dev.interlock.api.OptionSpec;
import dev.interlock.api.StrategyPlugin;
import java.util.List;

/**
 * {@link ParallelStrategy} as a plug-in named {@code parallel}, for command-line tests of the
 * unsafe combination. Deliberately not registered in this jar's {@code META-INF/services} (the
 * conformance module would run the corpus under it); a test module that wants it registers it in
 * its own test resources.
 */
public final class ParallelPlugin implements StrategyPlugin {

    @Override
    public String name() {
        return "parallel";
    }

    @Override
    public String description() {
        return "test only: every thread runs bytecode at once over synchronized containers";
    }

    @Override
    public String defaultMemoryManager() {
        return "plain"; // there is no thread-safe manager in vm-core yet; its default is only usable with --allow-unsafe
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
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(LockingStrategy.class).to(ParallelStrategy.class).in(Scopes.SINGLETON);
            }
        };
    }
}
