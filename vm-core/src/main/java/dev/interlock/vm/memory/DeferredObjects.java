package dev.interlock.vm.memory;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects a manager was told are deferred ({@link MemoryManager#deferred}): counted as usual
 * while the interpreter has one thread, made immortal when the second thread starts, and immortal
 * from birth after that. Free-threaded CPython 3.13 does the same on its first thread start
 * ({@code _PyGC_ImmortalizeDeferredObjects}), so that threads calling one function never write
 * its count. The switch runs on the thread starting the second thread, before it runs, while
 * that thread is the only one counting.
 */
final class DeferredObjects {

    private final MemoryManager memory;
    private int threadsStarted;
    /** Deferred while alone; null once a second thread has started. */
    private List<WeakReference<ObjectHeader>> pending = new ArrayList<>();

    DeferredObjects(MemoryManager memory) {
        this.memory = requireNonNull(memory, "memory is null");
    }

    synchronized void add(ObjectHeader o) {
        if (pending == null) {
            memory.makeImmortal(o);
        } else {
            pending.add(new WeakReference<>(o));
        }
    }

    /** Called before each Python thread starts; the first call is for the main thread. */
    synchronized void threadStarting() {
        if (++threadsStarted < 2 || pending == null) {
            return;
        }
        for (WeakReference<ObjectHeader> ref : pending) {
            ObjectHeader o = ref.get();
            if (o != null && !memory.isFreed(o) && !memory.isImmortal(o)) {
                memory.makeImmortal(o);
            }
        }
        pending = null;
    }
}
