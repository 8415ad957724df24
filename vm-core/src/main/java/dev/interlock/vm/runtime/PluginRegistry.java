package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.interlock.api.InvalidOptionException;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.MemoryManagerPlugin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The locking strategies and memory managers on the class path, found with
 * {@link ServiceLoader}. Choosing happens here, by name, before anything is built: unknown names,
 * unknown {@code -X} options and unsafe combinations are refused as usage errors
 * ({@link InvalidOptionException}); then {@link #create} builds the one injector from the core
 * module and the chosen strategy's module.
 */
public final class PluginRegistry {

    /** The choice for one interpreter. */
    public record Selection(StrategyPlugin strategy, MemoryManagerPlugin memory, StrategyOptions options, boolean unsafe) {

        public Selection {
            requireNonNull(strategy, "strategy is null");
            requireNonNull(memory, "memory is null");
            requireNonNull(options, "options is null");
        }

        /**
         * For an unsafe selection, the one-line warning to print before running it: what is
         * unsafe, why, and that it runs because the user asked.
         */
        public String unsafeWarning() {
            return "interlock: warning: unsafe combination --lock " + strategy.name() + " --memory " + memory.name()
                    + ": " + whyUnsafe(strategy, memory) + "; running it anyway (--allow-unsafe)";
        }
    }

    /** Why a memory manager that is not thread-safe must not run under a strategy that runs threads in parallel. */
    private static String whyUnsafe(StrategyPlugin strategy, MemoryManagerPlugin memory) {
        return "'" + memory.name() + "' changes reference counts with plain loads and stores, exact only while one thread"
                + " runs at a time, and '" + strategy.name() + "' runs threads in parallel, so increments and decrements"
                + " are lost and objects are freed while still in use";
    }

    private final List<StrategyPlugin> strategies;
    private final List<MemoryManagerPlugin> memoryManagers;

    private PluginRegistry(List<StrategyPlugin> strategies, List<MemoryManagerPlugin> memoryManagers) {
        this.strategies = List.copyOf(strategies);
        this.memoryManagers = List.copyOf(memoryManagers);
    }

    /** The plug-ins visible to {@code loader}. */
    public static PluginRegistry load(ClassLoader loader) {
        List<StrategyPlugin> s = new ArrayList<>();
        ServiceLoader.load(StrategyPlugin.class, loader).forEach(s::add);
        s.sort(Comparator.comparing(PluginRegistry::order).thenComparing(StrategyPlugin::name));
        List<MemoryManagerPlugin> m = new ArrayList<>();
        ServiceLoader.load(MemoryManagerPlugin.class, loader).forEach(m::add);
        m.sort(Comparator.comparing(MemoryManagerPlugin::name));
        return new PluginRegistry(s, m);
    }

    /** The plug-ins visible to the class loader that loaded the interpreter. */
    public static PluginRegistry load() {
        return load(PluginRegistry.class.getClassLoader());
    }

    /** The built-in three first, in the order of the story they tell; third-party ones after. */
    private static int order(StrategyPlugin p) {
        switch (p.name()) {
            case "gil":
                return 0;
            case "nogil":
                return 1;
            case "finegrained":
                return 2;
            default:
                return 3;
        }
    }

    public List<StrategyPlugin> strategies() {
        return strategies;
    }

    public List<MemoryManagerPlugin> memoryManagers() {
        return memoryManagers;
    }

    public Optional<StrategyPlugin> strategy(String name) {
        return strategies.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<MemoryManagerPlugin> memoryManager(String name) {
        return memoryManagers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Chooses a strategy and a memory manager by name and checks the options.
     *
     * @param lockName the strategy name
     * @param memoryName the memory manager, or null for the strategy's default
     * @param options the {@code -X} options
     * @param allowUnsafe whether a memory manager that is not thread-safe may run without a GIL
     * @throws InvalidOptionException for unknown names or options, or an unsafe combination
     */
    public Selection select(String lockName, String memoryName, StrategyOptions options, boolean allowUnsafe) {
        StrategyPlugin strategy = strategy(lockName).orElseThrow(() -> new InvalidOptionException(
                "unknown locking strategy '" + lockName + "' (available: " + names(strategies.stream().map(StrategyPlugin::name)) + ")"));
        String memName = memoryName == null ? strategy.defaultMemoryManager() : memoryName;
        MemoryManagerPlugin memory = memoryManager(memName).orElseThrow(() -> new InvalidOptionException(
                "unknown memory manager '" + memName + "' (available: "
                        + names(memoryManagers.stream().map(MemoryManagerPlugin::name)) + ")"));
        strategy.validate(options);
        boolean unsafe = !memory.isThreadSafe() && !strategy.serializesBytecode();
        if (unsafe && !allowUnsafe) {
            throw new InvalidOptionException("unsafe combination --lock " + strategy.name() + " --memory " + memory.name()
                    + ": " + whyUnsafe(strategy, memory) + ". Pass --allow-unsafe to run it anyway (it exists to show"
                    + " that race), or choose a thread-safe memory manager");
        }
        return new Selection(strategy, memory, options, unsafe);
    }

    private static String names(java.util.stream.Stream<String> s) {
        return s.collect(Collectors.joining(", "));
    }

    /**
     * Builds an interpreter for a selection: one injector, the core module plus the strategy's module.
     *
     * @throws InvalidOptionException if the configuration asks for a reference-count audit and the
     *     memory manager keeps no counts
     */
    public static Interpreter create(Selection selection, InterpreterConfig config) {
        return create(selection, config, dev.interlock.api.trace.Tracer.OFF);
    }

    /**
     * As {@link #create(Selection, InterpreterConfig)}, with a tracer for the strategy and the interpreter.
     *
     * @throws InvalidOptionException if the configuration asks for a reference-count audit and the
     *     memory manager keeps no counts
     */
    public static Interpreter create(Selection selection, InterpreterConfig config, dev.interlock.api.trace.Tracer tracer) {
        MemoryManager memory = selection.memory().create(config.memoryStatistics());
        if (config.auditRefcounts() && !memory.countsReferences()) {
            throw new InvalidOptionException("--audit-refcounts recounts reference counts, and the '" + memory.name()
                    + "' memory manager keeps none (the JVM's collector reclaims memory); choose a counting manager"
                    + " such as --memory plain");
        }
        Injector injector = Guice.createInjector(new CoreModule(config, memory, tracer), selection.strategy().module());
        return injector.getInstance(Interpreter.class);
    }
}
