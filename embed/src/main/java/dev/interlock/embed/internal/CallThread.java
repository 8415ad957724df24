package dev.interlock.embed.internal;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.runtime.Blocking;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A Python thread that runs calls from Java, one at a time: the interpreter's main thread, or one
 * of the threads a {@link Session} adds while calls overlap. Between calls it waits detached from
 * the interpreter (as a blocking call does), so it never holds up other Python threads, a GIL
 * included.
 */
final class CallThread {

    /** Tells the thread to stop serving. */
    private static final PendingCall<Void> STOP = new PendingCall<>(ts -> null);

    private final Session session;
    private final boolean main;
    private final BlockingQueue<PendingCall<?>> inbox = new ArrayBlockingQueue<>(1);
    private volatile Thread thread;

    CallThread(Session session, boolean main) {
        this.session = requireNonNull(session, "session is null");
        this.main = main;
    }

    /** True for the interpreter's main thread. */
    boolean isMain() {
        return main;
    }

    /** The Java thread serving calls, once it has started. */
    Thread thread() {
        return thread;
    }

    /** Records the Java thread that will serve calls, before it starts. */
    void setThread(Thread t) {
        thread = t;
    }

    /** Gives the thread its next call; it must be idle (taken from the session's idle threads). */
    void hand(PendingCall<?> call) {
        if (!inbox.offer(call)) {
            throw new IllegalStateException("a call was handed to a busy thread");
        }
    }

    /** Asks the thread to stop once idle. */
    void stop() {
        hand(STOP);
    }

    /** The loop the Python thread runs: take a call, run it, become idle again, until stopped. */
    void serve(PyThreadState ts) {
        thread = Thread.currentThread();
        while (true) {
            PendingCall<?> call;
            try {
                call = Blocking.get(ts, inbox::take);
            } catch (PyException stray) {
                // An interrupt meant for a call that has finished meanwhile: nothing to interrupt now.
                stray.release();
                continue;
            }
            if (call == STOP) {
                return;
            }
            Error fatal = call.run(ts);
            session.interpreter().stdout().flush();
            session.interpreter().stderr().flush();
            if (fatal != null) {
                call.complete();
                throw fatal; // the interpreter reports it and stops; this thread ends
            }
            session.idle(this); // before completing, so that the caller's next call finds this thread free
            call.complete();
        }
    }
}
