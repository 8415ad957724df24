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

    /** A new manager for one interpreter, keeping no statistics. */
    MemoryManager create();

    /**
     * A new manager for one interpreter that, when {@code statistics} is true, counts increments,
     * decrements and deallocations for {@link MemoryManager#statistics()}. Counting is asked for
     * up front, not switched on later, so that a manager can be a different class when it counts
     * and pay nothing at all on its hot path when it does not. The default keeps none.
     */
    default MemoryManager create(boolean statistics) {
        return create();
    }
}
