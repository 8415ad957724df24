package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.vm.errors.InterpreterError;

/**
 * No reference counts at all: the JVM's collector reclaims every object once nothing refers to
 * it, as in Jython (and PyPy). Incrementing and decrementing do nothing, so they cost nothing and
 * are trivially thread-safe under any locking strategy; nothing is ever deallocated by this manager,
 * so there is nothing to use after free.
 *
 * <h2>Notes about the implementation</h2>
 *
 * <p>Every method is a constant or empty: the eval loop's {@code mm.incref(v)} inlines to nothing.
 * Objects still carry a header count (it starts at 1 and is never changed), which
 * {@link #isImmortal} reads so that immortal objects stay recognisable.
 *
 * <p>What changes for programs, as it does on Jython:
 * <ul>
 *   <li>{@code sys.getrefcount} raises {@code RuntimeError} saying that this manager keeps no
 *       counts (CPython has no such mode; Jython's {@code sys} has no {@code getrefcount} at all,
 *       but an error that names the reason tells a reader of the GIL article more than an
 *       {@code AttributeError}).</li>
 *   <li>Objects are reclaimed when the collector runs, not when their last reference goes: a file
 *       or lock released "by going out of scope" stays held until then.</li>
 *   <li>{@code __del__} of an instance runs after the collector has found the instance unreachable,
 *       on the interpreter's finalizer thread (or in {@code gc.collect()}), if at all before the
 *       program ends; the JVM's finalization resurrects the object itself for the call
 *       ({@link dev.interlock.vm.runtime.Finalizers}).</li>
 *   <li>Reference cycles are no problem: the collector traces, it does not count.</li>
 *   <li>{@code --audit-refcounts} is refused: there are no counts to audit.</li>
 * </ul>
 *
 * <p>Missing: {@code __del__} under this manager runs only for instances laid out as
 * {@code object}'s (a Python class without a built-in base other than {@code object}); instances
 * of classes derived from {@code list}, {@code dict} and the like, and generators' cleanup on
 * close, are reclaimed without it.
 *
 * <h2>Invariants</h2>
 * No count is ever read to decide anything: {@link #refcount} is an internal error, because callers
 * must ask {@link #countsReferences()} first.
 *
 * <h2>Costs</h2>
 * Nothing per reference; the collector's own costs instead (allocation-rate driven, concurrent).
 */
public final class TracingMemoryManager implements MemoryManager {

    @Override
    public String name() {
        return "tracing";
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    @Override
    public boolean countsReferences() {
        return false;
    }

    @Override
    public void incref(ObjectHeader object) {
        // the collector traces references; there is nothing to count
    }

    @Override
    public void decref(ObjectHeader object) {
        // the collector reclaims the object once unreachable
    }

    @Override
    public boolean tryIncref(ObjectHeader object) {
        return true; // an object someone can still reach is never reclaimed
    }

    @Override
    public long refcount(ObjectHeader object) {
        throw new InterpreterError("the 'tracing' memory manager keeps no reference counts (check countsReferences())");
    }

    @Override
    public void makeImmortal(ObjectHeader object) {
        object.setRefLocal(ObjectHeader.IMMORTAL);
    }

    @Override
    public boolean isImmortal(ObjectHeader object) {
        return object.refLocal() >= ObjectHeader.IMMORTAL;
    }

    @Override
    public boolean isFreed(ObjectHeader object) {
        return false;
    }
}
