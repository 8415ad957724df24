package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.trace.Tracer;

/**
 * The interpreter's own Guice module: the configuration, the options, the scheduling settings,
 * the chosen memory manager and the interpreter itself. The chosen strategy plug-in contributes
 * the other module, which binds {@link dev.interlock.api.LockingStrategy}.
 */
public final class CoreModule extends AbstractModule {

    private final InterpreterConfig config;
    private final MemoryManager memory;
    private final Tracer tracer;

    public CoreModule(InterpreterConfig config, MemoryManager memory) {
        this(config, memory, Tracer.OFF);
    }

    /** With a tracer that records what the threads do ({@code interlock trace}). */
    public CoreModule(InterpreterConfig config, MemoryManager memory, Tracer tracer) {
        this.config = requireNonNull(config, "config is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.tracer = requireNonNull(tracer, "tracer is null");
    }

    @Override
    protected void configure() {
        bind(InterpreterConfig.class).toInstance(config);
        bind(StrategyOptions.class).toInstance(config.options());
        bind(SwitchSettings.class).toInstance(new SwitchSettings());
        bind(MemoryManager.class).toInstance(memory);
        bind(Tracer.class).toInstance(tracer);
        bind(Interpreter.class).in(Scopes.SINGLETON);
    }
}
