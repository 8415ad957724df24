package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.MemoryManagerPlugin;

/** Describes the {@code plain} memory manager to the plug-in registry. */
public final class PlainMemoryPlugin implements MemoryManagerPlugin {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public String description() {
        return "int field, non-atomic: CPython's counts, correct only under a GIL";
    }

    @Override
    public boolean isThreadSafe() {
        return false;
    }

    @Override
    public MemoryManager create() {
        return new PlainMemoryManager();
    }

    @Override
    public MemoryManager create(boolean statistics) {
        return statistics ? new CountingPlainMemoryManager() : new PlainMemoryManager();
    }
}
