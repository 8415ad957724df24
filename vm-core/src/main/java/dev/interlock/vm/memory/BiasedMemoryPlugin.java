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
}
