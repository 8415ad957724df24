package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.runtime.Finalizers;

/**
 * An instance of a class with {@code __del__} when no reference counts say when it dies (the
 * {@code tracing} memory manager): the JVM's collector finds it unreachable and calls
 * {@link #finalize()}, which hands it to the interpreter's {@link Finalizers} to run
 * {@code __del__} on a Python thread. The object itself is resurrected for that call, so
 * {@code __del__} sees the very object, with its identity and attributes, and may even store it
 * somewhere; the JVM finalizes an object at most once, which is PEP 442's rule too.
 *
 * <p>This is Jython's design ({@code org.python.core.finalization}), on the JVM's finalization
 * mechanism. Finalization is deprecated for removal (JEP 421); a JVM started with
 * {@code --finalization=disabled} never calls {@code finalize}, and then {@code __del__} does not
 * run under {@code tracing}. A {@link java.lang.ref.Cleaner} cannot replace it here: its action
 * must not reach the object, so it could only call {@code __del__} on a copy, and holding the
 * copy's attributes would keep alive any instance whose attributes lead back to it.
 */
final class FinalizableInstance extends PyInstance {

    private final Finalizers finalizers;

    FinalizableInstance(PyType type, Finalizers finalizers) {
        super(type);
        this.finalizers = requireNonNull(finalizers, "finalizers is null");
    }

    /** Called by the JVM's finalizer thread once the instance is unreachable: no Python code here. */
    @Override
    @SuppressWarnings({"deprecation", "removal"}) // the JVM's finalization, deliberately: see the class comment
    protected void finalize() {
        finalizers.enqueue(this);
    }
}
