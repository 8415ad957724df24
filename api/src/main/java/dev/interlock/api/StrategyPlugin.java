package dev.interlock.api;

import com.google.inject.Module;
import java.util.List;

/**
 * Describes one locking strategy, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.interlock.api.StrategyPlugin}. A third party adds a strategy by
 * putting a jar with such an entry on the class path; nothing else changes.
 *
 * <p>The runtime reads the descriptors, picks one by {@link #name()}, checks the {@code -X}
 * options against {@link #options()}, and only then builds its single Guice injector from the
 * core module and {@link #module}. The module must bind {@link LockingStrategy}; it may inject
 * the interpreter's {@link dev.interlock.api.memory.MemoryManager}, {@link SwitchSettings} and
 * {@link StrategyOptions}, which the core binds.
 */
public interface StrategyPlugin {

    /** The name users select it by, such as {@code gil}. */
    String name();

    /** One line for {@code interlock strategies}. */
    String description();

    /** The memory manager used when the user names none, such as {@code plain}. */
    String defaultMemoryManager();

    /**
     * True when the strategy lets only one thread run bytecode at a time; a memory manager that
     * is not thread-safe is allowed only with such a strategy (or with an explicit override).
     */
    boolean serializesBytecode();

    /** The {@code -X key=value} options the strategy accepts. */
    List<OptionSpec> options();

    /**
     * Checks the options given for a run before anything is built.
     *
     * @throws InvalidOptionException for an unknown key or a bad value
     */
    default void validate(StrategyOptions options) {
        options.requireOnly(name(), options());
    }

    /** The strategy's one unconditional Guice module; it binds {@link LockingStrategy}. */
    Module module();
}
