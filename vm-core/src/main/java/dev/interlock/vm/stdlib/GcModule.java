package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Blocking;
import dev.interlock.vm.runtime.Finalizers;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.List;

/**
 * The {@code gc} module, as far as Interlock has a collector to control: {@code collect},
 * {@code enable}, {@code disable}, {@code isenabled}.
 *
 * <ul>
 *   <li>Under the {@code tracing} memory manager, {@code collect()} asks the JVM for a collection,
 *       waits for the JVM's finalization, and runs the {@code __del__} methods that became due on
 *       the calling thread before it returns (as Jython's {@code gc.collect()} asks the JVM). It
 *       returns how many ran.</li>
 *   <li>Under a counting manager objects are freed when their count reaches zero; Interlock has no
 *       cycle collector, so {@code collect()} finds nothing and returns 0 (CPython would free
 *       unreachable cycles here).</li>
 * </ul>
 * {@code enable}/{@code disable} only change what {@code isenabled()} reports: there is no
 * automatic cycle collection to switch, and the JVM's collector cannot be switched off.
 *
 * <p>Missing: a cycle collector for the counting managers; {@code get_objects}, {@code get_referrers},
 * thresholds, callbacks, {@code garbage}.
 */
public final class GcModule implements NativeModule {

    @Override
    public String name() {
        return "gc";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("gc", d);
        Refs.decref(d);
        boolean[] enabled = {true};
        for (BuiltinDef def : functions(enabled)) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "gc"));
        }
        return module;
    }

    private static List<BuiltinDef> functions(boolean[] enabled) {
        return List.of(
                positional("collect", 0, 1, (PyObject self, PyObject[] a, int s, int n) -> {
                    if (n == 1) {
                        int generation = a[s].asIndex().intValue();
                        if (generation < 0 || generation > 2) {
                            throw dev.interlock.vm.errors.Errors.valueError("invalid generation");
                        }
                    }
                    return PyInt.of(collect());
                }),
                noArgs("enable", (PyObject self) -> {
                    enabled[0] = true;
                    return PyNone.INSTANCE;
                }),
                noArgs("disable", (PyObject self) -> {
                    enabled[0] = false;
                    return PyNone.INSTANCE;
                }),
                noArgs("isenabled", (PyObject self) -> PyBool.of(enabled[0])));
    }

    /** A collection: under tracing, the JVM's, then the finalizers it made due. */
    private static int collect() {
        Finalizers finalizers = Interpreter.current().finalizers();
        if (finalizers == null) {
            return 0; // counted objects are freed at once; there is no cycle collector
        }
        Blocking.run(PyThreadState.current(), finalizers::awaitCollection);
        return finalizers.runPending();
    }
}
