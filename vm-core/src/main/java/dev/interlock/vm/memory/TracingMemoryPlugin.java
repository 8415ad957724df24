package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.MemoryManagerPlugin;

/**
 * Describes the {@code tracing} memory manager to the plug-in registry. It keeps no statistics:
 * it performs no operations to count.
 */
public final class TracingMemoryPlugin implements MemoryManagerPlugin {

    @Override
    public String name() {
        return "tracing";
    }

    @Override
    public String description() {
        return "no counts: the JVM's collector reclaims memory, as in Jython (no sys.getrefcount)";
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public MemoryManager create() {
        return new TracingMemoryManager();
    }
}
