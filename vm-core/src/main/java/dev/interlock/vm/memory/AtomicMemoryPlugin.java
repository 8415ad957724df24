package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.MemoryManagerPlugin;

/** Describes the {@code atomic} memory manager to the plug-in registry. */
public final class AtomicMemoryPlugin implements MemoryManagerPlugin {

    @Override
    public String name() {
        return "atomic";
    }

    @Override
    public String description() {
        return "int field, compare-and-set: exact counts with threads in parallel, a locked instruction per change";
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public MemoryManager create() {
        return new AtomicMemoryManager();
    }
}
