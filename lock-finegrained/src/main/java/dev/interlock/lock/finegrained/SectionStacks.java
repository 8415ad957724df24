package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.errors.InterpreterError;

/**
 * Finds the calling thread's {@link CriticalSections}: for a Python thread, a field read of its
 * {@link ThreadState}'s strategy data; for any other thread (embedding code, tests driving the
 * strategy directly), a thread-local owned by this strategy instance.
 */
final class SectionStacks {

    private final ObjectLocks locks;
    private final MemoryManager memory;
    private final ThreadLocal<CriticalSections> others;

    SectionStacks(ObjectLocks locks, MemoryManager memory) {
        this.locks = requireNonNull(locks, "locks is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.others = ThreadLocal.withInitial(() -> new CriticalSections(Thread.currentThread(), this.locks, this.memory));
    }

    /** The calling thread's sections. */
    CriticalSections current() {
        if (Thread.currentThread() instanceof ThreadState.Carrier carrier) {
            ThreadState ts = carrier.threadState();
            if (ts != null && ts.strategyData() instanceof CriticalSections sections) {
                return sections;
            }
        }
        return others.get();
    }

    /** Gives a thread that begins (on that thread) its sections, reachable from its state from now on. */
    CriticalSections register(ThreadState thread) {
        CriticalSections sections = others.get();
        thread.setStrategyData(sections);
        return sections;
    }

    /** The sections of a registered thread. */
    static CriticalSections of(ThreadState thread) {
        if (thread.strategyData() instanceof CriticalSections sections) {
            return sections;
        }
        throw new InterpreterError("thread " + thread + " was never started under the finegrained strategy");
    }

    /** Forgets the calling thread, which has ended; returns how many sections it left open (a bug). */
    int unregister(ThreadState thread) {
        int open = of(thread).abandon();
        thread.setStrategyData(null);
        others.remove();
        return open;
    }
}
