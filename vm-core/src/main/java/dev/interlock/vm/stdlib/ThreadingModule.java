package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code threading} module: {@code Thread}, {@code Lock}, {@code current_thread},
 * {@code main_thread}, {@code get_ident}, {@code active_count} and {@code enumerate}.
 */
public final class ThreadingModule implements NativeModule {

    @Override
    public String name() {
        return "threading";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("threading", d);
        Refs.decref(d);
        d.setItem("Thread", PyThreadObject.TYPE);
        d.setItem("Lock", PyLock.TYPE);
        d.setItemSteal("TIMEOUT_MAX", PyFloat.of(9223372036.0));
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "threading"));
        }
        return module;
    }

    private static List<BuiltinDef> functions() {
        return List.of(
                noArgs("current_thread", (PyObject self) -> currentThread(PyThreadState.current())),
                noArgs("currentThread", (PyObject self) -> currentThread(PyThreadState.current())),
                noArgs("main_thread", (PyObject self) -> {
                    PyThreadState main = Interpreter.current().mainThread();
                    return currentThread(main);
                }),
                noArgs("get_ident", (PyObject self) -> PyInt.of(PyThreadState.current().ident())),
                noArgs("get_native_id", (PyObject self) -> PyInt.of(PyThreadState.current().ident())),
                noArgs("active_count", (PyObject self) -> PyInt.of(liveThreads().size())),
                noArgs("activeCount", (PyObject self) -> PyInt.of(liveThreads().size())),
                noArgs("enumerate", (PyObject self) -> {
                    List<PyThreadState> live = liveThreads();
                    PyObject[] items = new PyObject[live.size()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = currentThread(live.get(i));
                    }
                    return PyList.steal(items);
                }));
    }

    private static List<PyThreadState> liveThreads() {
        List<PyThreadState> out = new ArrayList<>();
        for (PyThreadState ts : Interpreter.current().liveThreads()) {
            out.add(ts);
        }
        return out;
    }

    /**
     * The {@code Thread} object of a thread (a new reference), made on first request for threads
     * not started through {@code threading}: the main thread is {@code MainThread}.
     */
    static PyThreadObject currentThread(PyThreadState ts) {
        PyObject existing = ts.threadObject;
        if (existing == null) {
            boolean main = ts == ts.interpreter().mainThread();
            String name = main ? "MainThread" : "Dummy-" + ts.interpreter().nextThreadNumber();
            PyThreadObject t = PyThreadObject.forRunningThread(ts, name, !main);
            ts.threadObject = t;
            existing = t;
        }
        Refs.incref(existing);
        return (PyThreadObject) existing;
    }
}
