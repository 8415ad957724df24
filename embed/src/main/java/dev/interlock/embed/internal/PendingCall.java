package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonException;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.concurrent.CountDownLatch;

/**
 * One call from Java on its way to a Python thread and back: the work, then its result or what it
 * threw. The Java thread that made the call waits for it; the Python thread runs it.
 */
final class PendingCall<T> {

    private final PythonCall<T> body;
    private final CountDownLatch done = new CountDownLatch(1);
    private T result;
    private Throwable failure;

    PendingCall(PythonCall<T> body) {
        this.body = requireNonNull(body, "body is null");
    }

    /**
     * Runs the work on the calling Python thread and keeps the outcome, Python errors translated.
     * Returns an {@link Error} the Python thread must rethrow to end (a fatal error), or null.
     */
    Error run(PyThreadState ts) {
        try {
            result = PythonErrors.translating(body, ts);
            return null;
        } catch (RuntimeException e) {
            failure = e;
            return null;
        } catch (Error e) {
            failure = e;
            return e;
        }
    }

    /** Lets the waiting Java thread go on; the outcome is published by the latch. */
    void complete() {
        done.countDown();
    }

    /** Records a failure that happened before the call could run, and completes it. */
    void fail(Throwable t) {
        failure = t;
        done.countDown();
    }

    /**
     * Waits for the outcome. An interrupt of the waiting thread is passed on to {@code runner}
     * (a blocking call there raises {@code KeyboardInterrupt}); the wait goes on until the call
     * has finished, and the interrupt status is restored before returning.
     */
    T await(Thread runner) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                runner.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof PythonException e) {
            // Its Java frames are the Python thread's machinery; the caller's are the useful ones.
            e.fillInStackTrace();
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return result;
    }
}
