package dev.interlock.api.trace;

import dev.interlock.api.ThreadState;

/**
 * Where a strategy and the interpreter report what threads do, for {@code interlock trace}. The
 * interpreter reports what every strategy shares (threads starting and ending, detaching around
 * blocking calls); a strategy reports what only it knows (waiting for the GIL, for a per-object
 * lock, drop requests, forced switches).
 *
 * <p>Tracing costs nothing when off: the interpreter and the strategy are given {@link #OFF}, a
 * final class with empty methods, and in a run where it is the only implementation loaded the JIT
 * inlines the calls away. Calls are made from the thread concerned, outside any hot bytecode path
 * (attach, detach, waits).
 */
public interface Tracer {

    /** Records that {@code thread} now does {@code activity}. */
    void activity(ThreadState thread, Activity activity);

    /** Records an instant on {@code thread}'s lane. */
    void mark(ThreadState thread, Mark mark);

    /** The tracer that records nothing. */
    Tracer OFF = new Off();

    /** The implementation of {@link #OFF}. */
    final class Off implements Tracer {

        private Off() {
        }

        @Override
        public void activity(ThreadState thread, Activity activity) {
            // tracing is off
        }

        @Override
        public void mark(ThreadState thread, Mark mark) {
            // tracing is off
        }
    }
}
