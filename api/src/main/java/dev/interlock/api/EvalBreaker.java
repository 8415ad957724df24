package dev.interlock.api;

/**
 * The bits of a thread's eval breaker: the one word the eval loop polls at each check point.
 * Any thread may set a bit in another thread's word; the owning thread handles and clears it.
 *
 * <p>Compare {@code eval_breaker} in CPython's {@code Include/internal/pycore_ceval.h}: a word
 * per interpreter in 3.12, per thread from 3.13, OR-ing the pending events. Events are handled
 * in the order of the constants below.
 */
public final class EvalBreaker {

    /** Another thread hit a fatal error: unwind without running more Python code. */
    public static final int FATAL_STOP = 1;
    /** A stop-the-world pause was requested (free-threaded collection points). */
    public static final int STOP_THE_WORLD = 1 << 1;
    /** Reference counts queued by other threads are waiting to be merged by this owner. */
    public static final int REFCOUNT_MERGE = 1 << 2;
    /** The GIL holder is asked to drop it at the next check point. */
    public static final int GIL_DROP_REQUEST = 1 << 3;
    /** An asynchronous exception was posted to this thread. */
    public static final int ASYNC_EXCEPTION = 1 << 4;

    /** The bits a locking strategy owns: handled by {@link LockingStrategy#handleEvalBreaker}. */
    public static final int STRATEGY_MASK = STOP_THE_WORLD | GIL_DROP_REQUEST;

    private EvalBreaker() {
    }

    /** A readable list of the bits set in {@code word}, for diagnostics. */
    public static String describe(int word) {
        StringBuilder b = new StringBuilder();
        append(b, word, FATAL_STOP, "fatal-stop");
        append(b, word, STOP_THE_WORLD, "stop-the-world");
        append(b, word, REFCOUNT_MERGE, "refcount-merge");
        append(b, word, GIL_DROP_REQUEST, "gil-drop-request");
        append(b, word, ASYNC_EXCEPTION, "async-exception");
        return b.length() == 0 ? "none" : b.toString();
    }

    private static void append(StringBuilder b, int word, int bit, String name) {
        if ((word & bit) != 0) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(name);
        }
    }
}
