package dev.interlock.vm.runtime;

import dev.interlock.api.LockingStrategy;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Tracer;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ExceptionTypes;

/**
 * Runs a blocking call with the thread detached from the interpreter, as CPython's
 * {@code Py_BEGIN_ALLOW_THREADS} / {@code Py_END_ALLOW_THREADS}: under a GIL the lock is dropped
 * while the thread sleeps, waits for a join or a lock, and taken again after. Code inside must not
 * touch Python objects.
 *
 * <p>While the call blocks the thread state says so ({@link PyThreadState#isBlocking()}), so that
 * an interpreter that must stop its threads (after a fatal error, or to audit reference counts
 * at exit) can interrupt the wait instead of waiting for a long sleep or a lock nobody will
 * release. An interrupted call then unwinds the thread with {@link Interpreter.FatalStop}; an
 * interrupt from anywhere else is a {@code KeyboardInterrupt}, as before.
 */
public final class Blocking {

    /** A call that may block. */
    @FunctionalInterface
    public interface Call {
        void run() throws InterruptedException;
    }

    /** A blocking call with a result. */
    @FunctionalInterface
    public interface Supplier<T> {
        T get() throws InterruptedException;
    }

    private Blocking() {
    }

    /** Runs {@code call} detached. */
    public static void run(PyThreadState ts, Call call) {
        get(ts, () -> {
            call.run();
            return null;
        });
    }

    /** Runs {@code call} detached and returns its result. */
    public static <T> T get(PyThreadState ts, Supplier<T> call) {
        LockingStrategy strategy = ts.interpreter().strategy();
        Tracer tracer = ts.interpreter().tracer();
        ts.setBlocking(true);
        try {
            ts.interpreter().checkNotFatal(); // after the flag: a stop request cannot slip between the two
        } catch (Interpreter.FatalStop e) {
            ts.setBlocking(false);
            throw e;
        }
        tracer.activity(ts, Activity.DETACHED);
        strategy.detach(ts);
        boolean interrupted = false;
        T result = null;
        try {
            result = call.get();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            ts.setBlocking(false);
            // An interrupt that arrived after the call returned must not linger into attach.
            interrupted |= Thread.interrupted();
            strategy.attach(ts);
            tracer.activity(ts, Activity.RUNNING);
        }
        ts.interpreter().checkNotFatal(); // a stop request wins over the interrupt it caused
        if (interrupted) {
            throw Errors.of(ExceptionTypes.KEYBOARD_INTERRUPT);
        }
        return result;
    }
}
