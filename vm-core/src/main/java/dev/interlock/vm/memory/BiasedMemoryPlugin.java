package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.MemoryManagerPlugin;

/** Describes the {@code biased} memory manager to the plug-in registry. */
public final class BiasedMemoryPlugin implements MemoryManagerPlugin {

    @Override
    public String name() {
        return "biased";
    }

    @Override
    public String description() {
        return "biased reference counting (PEP 703): the owner thread counts without atomics, others atomically, merged";
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public MemoryManager create() {
        return new BiasedMemoryManager();
    }

    /**
     * The same manager either way: its counters (counts queued to their owner, merged, merged for
     * an owner that has exited) sit on the slow paths and are always kept. It counts no single
     * increments or decrements, even when asked: on the owner's path that would be the only
     * extra work, and the compare command times this manager against the others.
     */
    @Override
    public MemoryManager create(boolean statistics) {
        return create();
    }
}
