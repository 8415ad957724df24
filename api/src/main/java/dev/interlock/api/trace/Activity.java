package dev.interlock.api.trace;

/** What a Python thread is doing, as a timeline shows it: one state at a time per thread. */
public enum Activity {
    /** Running bytecode (holding the GIL, under the GIL strategy). */
    RUNNING,
    /** Ready to run, waiting for the global interpreter lock. */
    WAITING_GIL,
    /** Waiting for another thread's per-object lock (a critical section). */
    WAITING_LOCK,
    /** Detached from the interpreter in a blocking call: sleep, join, a lock, I/O. */
    DETACHED,
    /** The thread has ended. */
    EXITED
}
