package dev.interlock.vm.runtime;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.ThreadState;
import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.memory.Deallocation;
import dev.interlock.vm.memory.MergeQueue;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter's state for one Python thread, on top of what it shares with the locking
 * strategy: the frame being executed, the recursion depth, the exception being handled
 * ({@code sys.exc_info()}), and small per-thread helpers. Compare CPython's
 * {@code PyThreadState}. Only its own thread touches the fields.
 */
public final class PyThreadState extends ThreadState {

    private final Interpreter interpreter;
    private final PyThread thread;
    private final Deallocation.Queue deallocationQueue = new Deallocation.Queue();
    private final MergeQueue mergeQueue = new MergeQueue();
    private final List<PyObject> reprInProgress = new ArrayList<>();
    private String name;
    /** True while the thread waits in a {@link Blocking} call, detached. */
    private volatile boolean blocking;

    /** The innermost frame being executed, or null. */
    public Frame frame;
    /** Python call depth, checked against the recursion limit. */
    public int depth;
    /**
     * One entry of the stack of exceptions being handled, as CPython 3.10's
     * {@code _PyErr_StackItem}: the thread has one, each running generator pushes its own.
     */
    public static final class ExcItem {
        /** The exception being handled at this level, or null; a counted reference. */
        public PyBaseException value;
        /** The entry below (the generator's caller), or null. */
        public ExcItem previous;
    }

    /** The thread's own entry of the handled-exception stack. */
    private final ExcItem baseExcItem = new ExcItem();
    /** The top of the handled-exception stack. */
    public ExcItem excInfo = baseExcItem;

    /**
     * The exception being handled ({@code sys.exc_info()[1]}), or null: the topmost non-empty
     * entry, as CPython's {@code _PyErr_GetTopmostException}. Borrowed.
     */
    public PyBaseException handledException() {
        for (ExcItem i = excInfo; i != null; i = i.previous) {
            if (i.value != null) {
                return i.value;
            }
        }
        return null;
    }

    /** The thread's own entry (for clean-up when the thread ends). */
    public ExcItem baseExcItem() {
        return baseExcItem;
    }
    /**
     * The object whose next special-method dispatch runs the built-in behaviour, skipping a
     * Python override (set by {@code HeapDispatch.builtin} for slot wrappers); usually null.
     */
    public dev.interlock.vm.objects.PyObject builtinCallTarget;
    /** Instructions left before the next check point in ticks mode (Python 2's ticker). */
    public int ticks;
    /** Work to do, still attached, when the thread ends (such as dropping its thread-local dicts). */
    private final List<Runnable> exitHooks = new ArrayList<>();

    /** Registers {@code hook} to run on this thread, attached, when the thread ends. */
    public void addExitHook(Runnable hook) {
        exitHooks.add(requireNonNull(hook, "hook is null"));
    }

    /** Runs and forgets the exit hooks, in registration order. */
    void runExitHooks() {
        for (int i = 0; i < exitHooks.size(); i++) {
            exitHooks.get(i).run();
        }
        exitHooks.clear();
    }

    PyThreadState(Interpreter interpreter, PyThread thread, long ident, String name) {
        super(thread, ident);
        this.interpreter = requireNonNull(interpreter, "interpreter is null");
        this.thread = thread;
        this.name = requireNonNull(name, "name is null");
    }

    /** The state of the Python thread running on the calling Java thread. */
    public static PyThreadState current() {
        return PyThread.current().state();
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public PyThread pyThread() {
        return thread;
    }

    /** The thread's Python name ({@code threading.current_thread().name}). */
    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    @Override
    public String displayName() {
        return name;
    }

    /** The thread's Python stack where a fatal error was first seen, or null. */
    private String fatalStack;

    /** The Python stack recorded when a fatal error began to unwind this thread, or null. */
    public String fatalStack() {
        return fatalStack;
    }

    /** Records the Python stack for the fatal-error report, before the frames unwind. */
    public void setFatalStack(String stack) {
        this.fatalStack = stack;
    }

    /** True while the thread waits in a blocking call, detached from the interpreter. */
    public boolean isBlocking() {
        return blocking;
    }

    /** Set by {@link Blocking} around the wait. */
    void setBlocking(boolean blocking) {
        this.blocking = blocking;
    }

    /** The trashcan of nested deallocations on this thread. */
    public Deallocation.Queue deallocationQueue() {
        return deallocationQueue;
    }

    /**
     * The objects other threads queued for this thread to merge their reference counts (biased
     * counting); any thread may offer to it.
     */
    public MergeQueue mergeQueue() {
        return mergeQueue;
    }

    /** Marks {@code o} as being printed; false if it already is (recursion through itself). */
    public boolean reprEnter(PyObject o) {
        for (PyObject p : reprInProgress) {
            if (p == o) {
                return false;
            }
        }
        reprInProgress.add(o);
        return true;
    }

    /** Ends a successful {@link #reprEnter}. */
    public void reprExit(PyObject o) {
        for (int i = reprInProgress.size() - 1; i >= 0; i--) {
            if (reprInProgress.get(i) == o) {
                reprInProgress.remove(i);
                return;
            }
        }
    }
}
