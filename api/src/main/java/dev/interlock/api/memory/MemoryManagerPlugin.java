package dev.interlock.api.memory;

/**
 * Describes one memory manager, found with {@link java.util.ServiceLoader}. The runtime lists
 * them, checks a requested name before anything is built, and asks the chosen one for a fresh
 * manager per interpreter.
 */
public interface MemoryManagerPlugin {

    /** The name users select it by, such as {@code plain}. */
    String name();

    /** One line for {@code interlock strategies}. */
    String description();

    /** True when counts stay exact with threads running in parallel. */
    boolean isThreadSafe();

    /** A new manager for one interpreter. */
    MemoryManager create();
}
