package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.Invoke;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.Unraisable;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code _thread} module: starting threads and the primitives every other synchronisation
 * tool is built from ({@code lock}, {@code RLock}, {@code _local}). As in CPython, the
 * {@code threading} module is written in Python on top of it (it is bundled as
 * {@code lib/threading.py}), so {@code Condition}, {@code Event}, {@code Semaphore} and
 * {@code Barrier} block only ever in {@code lock.acquire}, which detaches from the interpreter
 * while it waits. Compare CPython's {@code Modules/_threadmodule.c}.
 *
 * <p>Interlock adds one private function, {@code _set_name(name)}, with which {@code threading}
 * tells the runtime the current thread's name (for fatal-error reports and traces).
 */
public final class ThreadModule implements NativeModule {

    /** CPython's {@code PY_TIMEOUT_MAX} in seconds, as {@code _thread.TIMEOUT_MAX} shows it on 64-bit Linux. */
    static final double TIMEOUT_MAX = 9223372036.0;

    /** Threads started through this module and still running ({@code _thread._count()}). */
    private final AtomicInteger running = new AtomicInteger();

    @Override
    public String name() {
        return "_thread";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("_thread", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of("This module provides primitive operations to write multi-threaded programs.\n"
                + "The 'threading' module provides a more convenient interface."));
        d.setItem("LockType", PyLock.TYPE);
        d.setItem("lock", PyLock.TYPE);
        d.setItem("RLock", PyRLock.TYPE);
        d.setItem("_local", PyLocal.TYPE);
        d.setItem("error", ExceptionTypes.RUNTIME_ERROR);
        d.setItemSteal("TIMEOUT_MAX", PyFloat.of(TIMEOUT_MAX));
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "_thread"));
        }
        return module;
    }

    private List<BuiltinDef> functions() {
        return List.of(
                positional("start_new_thread", 2, 3, (PyObject self, PyObject[] a, int s, int n) ->
                        startNewThread(a[s], a[s + 1], n > 2 ? a[s + 2] : null)),
                positional("start_new", 2, 3, (PyObject self, PyObject[] a, int s, int n) ->
                        startNewThread(a[s], a[s + 1], n > 2 ? a[s + 2] : null)),
                noArgs("allocate_lock", (PyObject self) -> new PyLock()),
                noArgs("allocate", (PyObject self) -> new PyLock()),
                noArgs("get_ident", (PyObject self) -> PyInt.of(PyThreadState.current().ident())),
                noArgs("get_native_id", (PyObject self) -> PyInt.of(PyThreadState.current().ident())),
                noArgs("_count", (PyObject self) -> PyInt.of(running.get())),
                positional("stack_size", 0, 1, (PyObject self, PyObject[] a, int s, int n) -> {
                    if (n == 1 && a[s].asIndex().signum() != 0) {
                        // Missing: a settable stack size; every Python thread gets PyThread.STACK_SIZE.
                        throw Errors.valueError("size not valid: " + a[s].repr() + " bytes");
                    }
                    return PyInt.ZERO;
                }),
                oneArg("_excepthook", (PyObject self, PyObject args) -> {
                    exceptHook(args);
                    return PyNone.INSTANCE;
                }),
                oneArg("_set_name", (PyObject self, PyObject name) -> {
                    PyThreadState.current().setName(name.str());
                    return PyNone.INSTANCE;
                }));
    }

    /** {@code start_new_thread(function, args[, kwargs])}: runs the call on a new thread, returns its ident. */
    private PyObject startNewThread(PyObject function, PyObject args, PyObject kwargs) {
        if (!function.isCallable()) {
            throw Errors.typeError("first arg must be callable");
        }
        if (!(args instanceof PyTuple argTuple)) {
            throw Errors.typeError("2nd arg must be a tuple");
        }
        if (kwargs != null && !(kwargs instanceof PyDict)) {
            throw Errors.typeError("optional 3rd arg must be a dictionary");
        }
        PyDict kw = (PyDict) kwargs;
        Interpreter interp = Interpreter.current();
        // The new thread owns these references until its call returns.
        Refs.incref(function);
        Refs.incref(argTuple);
        if (kw != null) {
            Refs.incref(kw);
        }
        PyThread thread = interp.newThread("Thread-" + interp.nextThreadNumber(), ts -> {
            try {
                Refs.decref(Invoke.call(function, argTuple.array(), kw));
            } catch (PyException e) {
                if (!e.matches(ExceptionTypes.SYSTEM_EXIT)) {
                    Unraisable.report("Exception ignored in thread started by", function, e);
                } else {
                    e.release();
                }
            } finally {
                running.decrementAndGet();
                Refs.decref(function);
                Refs.decref(argTuple);
                if (kw != null) {
                    Refs.decref(kw);
                }
            }
        });
        // As in CPython, threads do not keep the process alive: threading joins its non-daemon ones.
        thread.setDaemon(true);
        running.incrementAndGet();
        thread.start();
        return PyInt.of(thread.getId());
    }

    /**
     * The default {@code threading.excepthook}: {@code Exception in thread NAME:} and the
     * traceback on stderr; {@code SystemExit} is silent. {@code args} has the attributes
     * {@code exc_type}, {@code exc_value}, {@code exc_traceback} and {@code thread}.
     */
    private static void exceptHook(PyObject args) {
        PyObject type = attribute(args, "exc_type");
        PyObject value = attribute(args, "exc_value");
        PyObject thread = attribute(args, "thread");
        try {
            if (type == ExceptionTypes.SYSTEM_EXIT) {
                return;
            }
            String name;
            if (thread != PyNone.INSTANCE) {
                PyObject n = attribute(thread, "name");
                try {
                    name = n.str();
                } finally {
                    Refs.decref(n);
                }
            } else {
                name = Long.toString(PyThreadState.current().ident());
            }
            Interpreter interp = Interpreter.current();
            interp.stdout().flush();
            StringBuilder b = new StringBuilder("Exception in thread ").append(name).append(":\n");
            if (value instanceof PyBaseException e) {
                b.append(TracebackPrinter.format(e));
            } else {
                b.append(type.str()).append('\n');
            }
            interp.stderr().print(b);
            interp.stderr().flush();
        } finally {
            Refs.decref(type);
            Refs.decref(value);
            Refs.decref(thread);
        }
    }

    private static PyObject attribute(PyObject o, String name) {
        PyStr key = PyStr.of(name);
        try {
            return o.getAttribute(key);
        } finally {
            Refs.decref(key);
        }
    }
}
