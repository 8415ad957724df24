package dev.interlock.vm.memory;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import java.util.Map;

/**
 * Reference counts in a plain {@code int} field, changed with ordinary loads and stores: what
 * CPython does with the GIL held ({@code Py_INCREF}/{@code Py_DECREF} in
 * {@code Include/object.h}). Correct only while one thread at a time changes counts, which a GIL
 * guarantees. Run it without one (an explicit, unsafe choice) and increments are lost between
 * threads: objects are freed while still referenced, and the checks below report the first later
 * use as a fatal error instead of letting the program go on with corrupted state.
 *
 * <h2>Notes about the implementation</h2>
 * Each operation is one load, one compare that sends immortal, freed and dying objects off the
 * fast path, and one store: small enough to inline into the eval loop. Statistics are kept by a
 * subclass ({@link CountingPlainMemoryManager}) through three package-private hooks that are empty
 * here: a run that did not ask for statistics uses this class only, the JIT inlines the empty hooks
 * into nothing, and counting costs nothing at all.
 */
public class PlainMemoryManager implements MemoryManager, Deallocation.Counts {

    /** Reported by {@code sys.getrefcount} for immortal objects (CPython 3.12's value). */
    static final long IMMORTAL_REPORTED = 4294967295L;

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public boolean isThreadSafe() {
        return false;
    }

    @Override
    public boolean countsReferences() {
        return true;
    }

    @Override
    public final void incref(ObjectHeader o) {
        int c = o.refLocal();
        if (c <= 0 || c >= ObjectHeader.IMMORTAL) {
            if (c >= ObjectHeader.IMMORTAL) {
                return;
            }
            throw UseAfterFree.used(o);
        }
        o.setRefLocal(c + 1);
        countIncref();
    }

    @Override
    public final void decref(ObjectHeader o) {
        int c = o.refLocal();
        if (c <= 1 || c >= ObjectHeader.IMMORTAL) {
            if (c >= ObjectHeader.IMMORTAL) {
                return;
            }
            if (c == 1) {
                o.setRefLocal(0);
                countDecref();
                countDeallocation();
                Deallocation.deallocate(o, this, this);
                return;
            }
            throw c == ObjectHeader.FREED ? UseAfterFree.used(o) : UseAfterFree.negative(o);
        }
        o.setRefLocal(c - 1);
        countDecref();
    }

    @Override
    public final boolean tryIncref(ObjectHeader o) {
        int c = o.refLocal();
        if (c >= ObjectHeader.IMMORTAL) {
            return true;
        }
        if (c <= 0) {
            return false;
        }
        o.setRefLocal(c + 1);
        countIncref();
        return true;
    }

    @Override
    public final long refcount(ObjectHeader o) {
        int c = o.refLocal();
        if (c >= ObjectHeader.IMMORTAL) {
            return IMMORTAL_REPORTED;
        }
        if (c <= 0) {
            throw UseAfterFree.used(o);
        }
        return c;
    }

    @Override
    public final void makeImmortal(ObjectHeader o) {
        o.setRefLocal(ObjectHeader.IMMORTAL);
    }

    @Override
    public final boolean isImmortal(ObjectHeader o) {
        return o.refLocal() >= ObjectHeader.IMMORTAL;
    }

    @Override
    public final boolean isFreed(ObjectHeader o) {
        return o.refLocal() == ObjectHeader.FREED;
    }

    // ---- the deallocation protocol's view of the counts

    @Override
    public final void resurrect(ObjectHeader o) {
        o.setRefLocal(1);
    }

    @Override
    public final boolean releaseResurrected(ObjectHeader o) {
        int c = o.refLocal() - 1;
        o.setRefLocal(c);
        return c == 0;
    }

    @Override
    public final void markFreed(ObjectHeader o) {
        o.setRefLocal(ObjectHeader.FREED);
    }

    // ---- statistics

    /** Called after each increment; empty unless statistics were asked for. */
    void countIncref() {
        // no statistics
    }

    /** Called after each decrement; empty unless statistics were asked for. */
    void countDecref() {
        // no statistics
    }

    /** Called when a count reaches zero, before the object is deallocated; empty unless statistics were asked for. */
    void countDeallocation() {
        // no statistics
    }

    @Override
    public Map<String, Long> statistics() {
        return Map.of();
    }
}
