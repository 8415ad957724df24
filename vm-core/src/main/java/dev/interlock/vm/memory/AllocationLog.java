package dev.interlock.vm.memory;

import dev.interlock.api.memory.ObjectHeader;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The objects one Python thread allocated that have not been deallocated yet, kept only while the
 * reference-count audit is on (and the JVM logs allocations: {@link #TRACE_REFS}). It lets the audit see objects that nothing reachable refers to any
 * more: garbage kept alive by reference cycles, and leaked objects that nothing refers to at all.
 * A walk from the roots alone cannot find either, and would blame the references such objects hold
 * on the objects they point to.
 *
 * <p>Compare CPython's {@code Py_TRACE_REFS} builds, which link every live object into a list for
 * {@code sys.getobjects()}, and its collector's list of tracked containers.
 *
 * <h2>Notes about the implementation</h2>
 * An array owned by one thread, appended to without synchronization; nothing is removed when an
 * object is deallocated (that path stays as it is), but when the array is full the deallocated
 * entries are dropped first ({@link ObjectHeader#isDeallocated()}), so it holds at most twice the
 * thread's live objects. When the thread ends the interpreter keeps its log for the audit.
 *
 * <h2>Costs</h2>
 * Off ({@link #TRACE_REFS} false, the default): nothing at all. With {@code TRACE_REFS} but no
 * audit in this interpreter: a type check and a null field per object. Auditing: one array store
 * per object, and an amortized sweep.
 */
public final class AllocationLog {

    /**
     * Whether objects are logged at all in this JVM: {@code -Dinterlock.traceRefs=true}, read once.
     * A JVM-wide constant rather than a per-interpreter flag, so that when it is false the check in
     * every object's constructor folds away: allocation then costs exactly what it did before the
     * audit existed. (A per-thread check in the constructor, written inline, made
     * {@code benchmarks/loop.py}, whose loop allocates ints, about 10% slower.) Compare CPython's {@code Py_TRACE_REFS}, a build option for the same
     * reason. {@code interlock run --audit-refcounts} sets the property for its own process; an
     * embedder sets it on the command line. Without it the audit still walks from the roots, but
     * cannot see objects that nothing reachable refers to.
     */
    public static final boolean TRACE_REFS = Boolean.getBoolean("interlock.traceRefs");

    private ObjectHeader[] objects = new ObjectHeader[1024];
    private int size;

    /** Records a new object; called on the owning thread only. */
    public void add(ObjectHeader o) {
        if (size == objects.length) {
            makeRoom();
        }
        objects[size++] = o;
    }

    private void makeRoom() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            ObjectHeader o = objects[i];
            if (!o.isDeallocated()) {
                objects[live++] = o;
            }
        }
        Arrays.fill(objects, live, size, null);
        size = live;
        if (size > objects.length / 2) {
            objects = Arrays.copyOf(objects, objects.length * 2);
        }
    }

    /** Passes each recorded object not deallocated yet to {@code action}, in allocation order. */
    public void forEachLive(Consumer<ObjectHeader> action) {
        for (int i = 0; i < size; i++) {
            ObjectHeader o = objects[i];
            if (!o.isDeallocated()) {
                action.accept(o);
            }
        }
    }
}
