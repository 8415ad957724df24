package dev.interlock.embed.internal;

import dev.interlock.vm.runtime.PyThreadState;

/**
 * Work a {@link Session} runs on one of its Python threads, attached to the interpreter. It may
 * throw Python errors ({@code PyException}, syntax errors, {@code NotSupportedError}): the session
 * turns them into {@link dev.interlock.embed.PythonException} on that thread.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface PythonCall<T> {

    /** Does the work on the Python thread {@code ts}. */
    T run(PyThreadState ts);
}
