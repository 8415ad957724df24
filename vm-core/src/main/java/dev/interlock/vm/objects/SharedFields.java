package dev.interlock.vm.objects;

import dev.interlock.api.memory.ObjectHeader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Fields that hold a counted reference and that threads running in parallel read and replace: a
 * cell's contents, an object's lazily made {@code __dict__}, an iterator's underlying sequence.
 *
 * <p>A plain "load, then incref" is not enough without a GIL: between the two, another thread can
 * replace the field and give back the last reference, and the increment then touches a freed
 * object. The rules, as free-threaded CPython's ({@code _Py_XGetRef}, {@code _Py_TryIncrefCompare}
 * and {@code Py_XSETREF} under a critical section):
 * <ul>
 *   <li>A reader loads the field with acquire semantics and takes its reference with
 *       {@link Refs#tryIncref}; if the count had reached zero, the field has been replaced, and it
 *       loads again ({@link #loadNew}). On the JVM a freed object is never reused, so the attempt
 *       itself is always safe.</li>
 *   <li>A writer swaps the field atomically ({@link #exchange}) and releases the old value after,
 *       so exactly one thread gives back each reference the field held.</li>
 *   <li>A field made on first use is installed with a compare-and-set ({@link #install}): the
 *       thread that loses gives its own object back and uses the winner's, so no update made
 *       through the winner's object is lost.</li>
 * </ul>
 * Under a GIL these cost what plain accesses cost: acquire loads are plain loads on x86.
 */
public final class SharedFields {

    private SharedFields() {
    }

    /** A {@link VarHandle} for a reference field of {@code owner}, for the methods below. */
    public static VarHandle handle(MethodHandles.Lookup lookup, Class<?> owner, String field, Class<?> type) {
        try {
            return lookup.findVarHandle(owner, field, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A new reference to what the field holds, or null if it holds nothing. */
    @SuppressWarnings("unchecked")
    public static <T extends ObjectHeader> T loadNew(VarHandle field, Object holder) {
        for (;;) {
            T v = (T) field.getAcquire(holder);
            if (v == null || Refs.tryIncref(v)) {
                return v;
            }
            if (field.getAcquire(holder) == v) {
                // freed yet still stored (a count corrupted by the unsafe combination): the
                // increment reports the use after free instead of this loop spinning on it
                Refs.incref(v);
                return v;
            }
            // replaced and freed between the load and the increment: load the new value
        }
    }

    /** The field's value without taking a reference (it may be replaced at any time). */
    @SuppressWarnings("unchecked")
    public static <T> T peek(VarHandle field, Object holder) {
        return (T) field.getAcquire(holder);
    }

    /**
     * Stores {@code value} (the caller's reference moves into the field) and returns what the field
     * held, whose reference now belongs to the caller.
     */
    @SuppressWarnings("unchecked")
    public static <T> T exchange(VarHandle field, Object holder, T value) {
        if (value instanceof ObjectHeader o) {
            Refs.memory().share(o);
        }
        return (T) field.getAndSet(holder, value);
    }

    /**
     * Installs {@code made} (a new reference the caller hands over) if the field is still null,
     * and returns the field's value afterwards (borrowed: the field keeps it). If another thread
     * installed one first, {@code made} is given back.
     */
    @SuppressWarnings("unchecked")
    public static <T extends ObjectHeader> T install(VarHandle field, Object holder, T made) {
        Refs.memory().share(made);
        T witness = (T) field.compareAndExchange(holder, (Object) null, made);
        if (witness == null) {
            return made;
        }
        Refs.decref(made);
        return witness;
    }
}
