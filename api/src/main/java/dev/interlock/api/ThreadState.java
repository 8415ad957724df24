package dev.interlock.api;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the interpreter and its locking strategy share about one Python thread: its identity,
 * its eval breaker and a slot for the strategy's own per-thread data.
 *
 * <p>The eval breaker is read by its own thread at every check point with an opaque load (one
 * plain load the JIT cannot hoist out of the loop) and written by any thread with an atomic OR;
 * the owner clears the bits it handled. The interpreter extends this class with its frame stack
 * and exception state; strategies see only this part.
 */
public class ThreadState {

    private static final VarHandle BREAKER;

    static {
        try {
            BREAKER = MethodHandles.lookup().findVarHandle(ThreadState.class, "evalBreaker", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread;
    private final long ident;
    @SuppressWarnings("unused") // accessed through BREAKER
    private int evalBreaker;
    private Object strategyData;

    /**
     * @param thread the Java platform thread that runs this Python thread
     * @param ident the Python thread identifier ({@code threading.get_ident()})
     */
    public ThreadState(Thread thread, long ident) {
        this.thread = requireNonNull(thread, "thread is null");
        this.ident = ident;
    }

    /** The Java thread running this Python thread. */
    public final Thread thread() {
        return thread;
    }

    /** The identifier {@code threading.get_ident()} returns. */
    public final long ident() {
        return ident;
    }

    /** The whole breaker word, read opaquely: the cheap poll of the eval loop. */
    public final int evalBreaker() {
        return (int) BREAKER.getOpaque(this);
    }

    /** Sets bits in the breaker word; any thread may call this. */
    public final void requestBreak(int bits) {
        BREAKER.getAndBitwiseOr(this, bits);
    }

    /** Clears bits in the breaker word; normally called by the owning thread once handled. */
    public final void clearBreak(int bits) {
        BREAKER.getAndBitwiseAnd(this, ~bits);
    }

    /** Per-thread data a locking strategy keeps; null until the strategy sets it. */
    public final Object strategyData() {
        return strategyData;
    }

    /** Stores the strategy's per-thread data (call from the owning thread, at attach time). */
    public final void setStrategyData(Object data) {
        this.strategyData = data;
    }

    /**
     * The state of the Python thread running on the calling Java thread, or null when the calling
     * thread runs no Python code. Python code always runs on threads that implement
     * {@link Carrier}, so this is a field read, not a thread-local lookup.
     */
    public static ThreadState current() {
        return Thread.currentThread() instanceof Carrier carrier ? carrier.threadState() : null;
    }

    /** Implemented by the Java threads that run Python code. */
    public interface Carrier {

        /** The Python thread state this Java thread carries. */
        ThreadState threadState();
    }

    /** A short description for diagnostics and fatal-error reports. */
    public String displayName() {
        return thread.getName();
    }

    @Override
    public String toString() {
        return "ThreadState[" + displayName() + ", ident=" + ident + "]";
    }
}
