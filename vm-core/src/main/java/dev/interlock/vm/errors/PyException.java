package dev.interlock.vm.errors;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * A Python exception on its way up the Java stack. It carries the Python exception object and
 * owns one reference to it; whoever catches it and does not rethrow it must {@link #release()}
 * that reference (or take it over, as the eval loop does when an {@code except} clause handles
 * it).
 *
 * <p>It records no Java stack trace: raising a Python exception costs an allocation, not a stack
 * walk. The Python traceback is built on the exception object as frames unwind.
 */
public final class PyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PyBaseException value;

    /** @param value the exception object; this Java exception takes over the caller's reference */
    public PyException(PyBaseException value) {
        super(null, null, false, false);
        this.value = requireNonNull(value, "value is null");
    }

    /** The Python exception object (borrowed: this Java exception keeps its reference). */
    public PyBaseException value() {
        return value;
    }

    /** The exception's Python type. */
    public PyType pyType() {
        return value.type();
    }

    /** True if the exception is an instance of {@code type} ({@code except type:}). */
    public boolean matches(PyType type) {
        return value.type().isSubtypeOf(type);
    }

    /** Gives back the reference to the exception object, when the exception is swallowed. */
    public void release() {
        Refs.decref(value);
    }

    @Override
    public String getMessage() {
        return value.type().qualifiedName() + ": " + value.str();
    }
}
