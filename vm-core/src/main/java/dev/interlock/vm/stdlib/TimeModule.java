package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Blocking;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.List;

/**
 * The {@code time} module: {@code sleep} (which detaches the thread, so under a GIL other threads
 * run meanwhile), {@code time}, {@code perf_counter}, {@code monotonic} and their
 * nanosecond variants.
 */
public final class TimeModule implements NativeModule {

    @Override
    public String name() {
        return "time";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("time", d);
        Refs.decref(d);
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "time"));
        }
        return module;
    }

    private static List<BuiltinDef> functions() {
        return List.of(
                oneArg("sleep", (PyObject self, PyObject secs) -> sleep(secs)),
                noArgs("time", (PyObject self) -> PyFloat.of(nowNanos() / 1e9)),
                noArgs("time_ns", (PyObject self) -> PyInt.of(nowNanos())),
                noArgs("perf_counter", (PyObject self) -> PyFloat.of(System.nanoTime() / 1e9)),
                noArgs("perf_counter_ns", (PyObject self) -> PyInt.of(System.nanoTime())),
                noArgs("monotonic", (PyObject self) -> PyFloat.of(System.nanoTime() / 1e9)),
                noArgs("monotonic_ns", (PyObject self) -> PyInt.of(System.nanoTime())),
                noArgs("process_time", (PyObject self) -> PyFloat.of(cpuNanos() / 1e9)),
                noArgs("thread_time", (PyObject self) -> PyFloat.of(threadCpuNanos() / 1e9)));
    }

    private static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** {@code time.sleep(secs)}: detached for the whole sleep. */
    static PyObject sleep(PyObject secs) {
        double seconds;
        if (secs instanceof PyFloat f) {
            seconds = f.value();
        } else if (secs instanceof PyInt i) {
            seconds = i.toDouble();
        } else {
            throw Errors.typeError("'" + secs.typeName() + "' object cannot be interpreted as an integer");
        }
        if (Double.isNaN(seconds)) {
            throw Errors.valueError("Invalid value NaN (not a number)");
        }
        if (seconds < 0) {
            throw Errors.valueError("sleep length must be non-negative");
        }
        long nanos = (long) Math.min(seconds * 1e9, Long.MAX_VALUE);
        PyThreadState ts = PyThreadState.current();
        Blocking.run(ts, () -> {
            long deadline = System.nanoTime() + nanos;
            long left = nanos;
            while (left > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                left = deadline - System.nanoTime();
            }
        });
        return PyNone.INSTANCE;
    }
}
