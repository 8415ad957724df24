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

    /**
     * The same manager either way: its counters (contention, objects made immortal) sit on slow
     * paths only and are always kept. It counts no single increments or decrements, even when
     * asked: that would add a write to shared memory to every one, the very cost this manager is
     * compared on.
     */
    @Override
    public MemoryManager create(boolean statistics) {
        return create();
    }
}
