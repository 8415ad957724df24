package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.ThreadState;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.errors.InterpreterError;
import dev.interlock.vm.memory.AllocationLog;

/**
 * A Java platform thread that runs Python code. Every Python thread, the main one included, is
 * one of these, so the interpreter and its memory manager are a field read away from any code
 * running on it ({@link #current()}), with no thread-local lookup.
 *
 * <p>Python recursion needs a deep Java stack: each Python call nests a few Java frames of the
 * eval loop. The stack size is chosen so that CPython's default recursion limit (1000) is reached
 * long before the Java stack runs out.
 */
public final class PyThread extends Thread implements ThreadState.Carrier {

    /** Java stack for each Python thread. */
    public static final long STACK_SIZE = 64L * 1024 * 1024;

    private final Interpreter interpreter;
    private final MemoryManager memory;
    private final AllocationLog allocationLog;
    private volatile PyThreadState state;

    /**
     * @param interpreter the interpreter this thread belongs to
     * @param name the Java thread name
     * @param body what the thread runs
     */
    public PyThread(Interpreter interpreter, String name, Runnable body) {
        super(null, body, name, STACK_SIZE);
        this.interpreter = requireNonNull(interpreter, "interpreter is null");
        this.memory = interpreter.memory();
        this.allocationLog = AllocationLog.TRACE_REFS && interpreter.config().auditRefcounts() ? new AllocationLog() : null;
    }

    /** The Python thread running on the calling Java thread. */
    public static PyThread current() {
        if (Thread.currentThread() instanceof PyThread thread) {
            return thread;
        }
        throw new InterpreterError("Python code is running outside a Python thread ("
                + Thread.currentThread().getName() + ")");
    }

    /** The interpreter this thread belongs to. */
    public Interpreter interpreter() {
        return interpreter;
    }

    /** The memory manager of the interpreter, cached for the reference-count fast path. */
    public MemoryManager memory() {
        return memory;
    }

    /**
     * The objects this thread allocated, kept for the reference-count audit; null (the usual case)
     * when no audit was asked for.
     */
    public AllocationLog allocationLog() {
        return allocationLog;
    }

    /** Records a new object in the allocation log, if there is one. */
    public void logAllocation(dev.interlock.api.memory.ObjectHeader o) {
        if (allocationLog != null) {
            allocationLog.add(o);
        }
    }

    /** The Python thread state; null before the thread has started running Python code. */
    public PyThreadState state() {
        return state;
    }

    /** Installs the thread state; called once, on this thread, before any Python code runs. */
    void setState(PyThreadState state) {
        this.state = state;
    }

    /** Tells the memory manager a Python thread is about to run, then starts it. */
    @Override
    public synchronized void start() {
        memory.threadStarting(this);
        super.start();
    }

    @Override
    public ThreadState threadState() {
        return state;
    }
}
