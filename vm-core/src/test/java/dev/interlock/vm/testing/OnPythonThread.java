package dev.interlock.vm.testing;

import dev.interlock.api.CheckPoints;
import dev.interlock.api.StrategyOptions;
import dev.interlock.api.SwitchSettings;
import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.memory.PlainMemoryManager;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.InterpreterConfig;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Java test code on a Python thread. Python objects are counted through the memory manager of
 * the {@link PyThread} that touches them, so unit tests that create or count objects, or compile
 * source, must run on one. The body runs attached (the interpreter's builtins are not set up: it is
 * for code below the eval loop); whatever it throws, assertion errors included, is rethrown on the
 * calling thread.
 */
public final class OnPythonThread {

    /** The body of a test running on a Python thread. */
    @FunctionalInterface
    public interface Body<T> {
        T run(PyThreadState ts) throws Exception;
    }

    private OnPythonThread() {
    }

    /** A fresh interpreter with the serial strategy and {@code memory}, writing nowhere. */
    public static Interpreter newInterpreter(MemoryManager memory) {
        InterpreterConfig config = new InterpreterConfig("test", memory.name(), StrategyOptions.empty(), List.of("<test>"),
                null, new ByteArrayOutputStream(), new ByteArrayOutputStream(), false, false);
        return new Interpreter(config, new SerialStrategy(memory, CheckPoints.CALLS_AND_BACKWARD_JUMPS), memory,
                new SwitchSettings());
    }

    /** Runs {@code body} on a Python thread of a fresh interpreter with plain reference counts. */
    public static <T> T call(Body<T> body) {
        return call(newInterpreter(new PlainMemoryManager()), body);
    }

    /** Runs {@code body} on a new Python thread of {@code interpreter} and returns its result. */
    public static <T> T call(Interpreter interpreter, Body<T> body) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        PyThread thread = interpreter.newThread("test", ts -> {
            try {
                result.set(body.run(ts));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Python thread", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }
}
