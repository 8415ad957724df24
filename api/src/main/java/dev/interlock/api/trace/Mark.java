package dev.interlock.api.trace;

/** Instants a timeline marks on a thread's lane. */
public enum Mark {
    /** This thread, waiting for the GIL, asked the holder to drop it (after one switch interval). */
    DROP_REQUEST,
    /** This thread dropped the GIL on request and waited for another to take it (forced switching). */
    FORCED_SWITCH
}
