package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.List;

/**
 * The {@code sys} module: {@code argv}, {@code modules}, the standard streams,
 * {@code getrefcount}, the switch and check intervals, the recursion limit, and which locking
 * strategy and memory manager this interpreter runs ({@code getstrategy()},
 * {@code getmemorymanager()}, and CPython 3.13's {@code _is_gil_enabled()}).
 */
public final class SysModule implements NativeModule {

    @Override
    public String name() {
        return "sys";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("sys", d);
        Refs.decref(d);
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "sys"));
        }
        PyObject[] argv = new PyObject[interp.config().argv().size()];
        for (int i = 0; i < argv.length; i++) {
            argv[i] = PyStr.of(interp.config().argv().get(i));
        }
        d.setItemSteal("argv", PyList.steal(argv));
        String dir = interp.config().scriptDirectory() == null ? "" : interp.config().scriptDirectory().toString();
        d.setItemSteal("path", PyList.steal(new PyObject[] {PyStr.of(dir)}));
        d.setItem("modules", interp.sysModules());
        d.setItemSteal("stdout", new TextStream(interp.stdout(), "<stdout>"));
        d.setItemSteal("stderr", new TextStream(interp.stderr(), "<stderr>"));
        d.setItem("__stdout__", PyNone.INSTANCE);
        d.setItemSteal("version", PyStr.of("3.11.7 (Interlock 0.1.0, " + interp.strategy().name() + ") [Java "
                + Runtime.version().feature() + "]"));
        d.setItemSteal("version_info", PyTuple.steal(new PyObject[] {PyInt.of(3), PyInt.of(11), PyInt.of(7),
            PyStr.of("final"), PyInt.of(0)}));
        d.setItemSteal("hexversion", PyInt.of(0x030B07F0));
        d.setItemSteal("platform", PyStr.of("java"));
        d.setItemSteal("byteorder", PyStr.of("little"));
        d.setItemSteal("maxsize", PyInt.of(Long.MAX_VALUE));
        d.setItemSteal("executable", PyStr.of("interlock"));
        return module;
    }

    private static List<BuiltinDef> functions() {
        return List.of(
                oneArg("getrefcount", (PyObject self, PyObject o) -> getrefcount(o)),
                positional("_getframe", 0, 1, (PyObject self, PyObject[] a, int s, int n) -> getframe(n == 0 ? null : a[s])),
                noArgs("getswitchinterval", (PyObject self) ->
                        PyFloat.of(Interpreter.current().switches().switchIntervalSeconds())),
                oneArg("setswitchinterval", (PyObject self, PyObject o) -> {
                    double seconds = PyFloat.toDouble(realArg("setswitchinterval", o));
                    try {
                        Interpreter.current().switches().setSwitchIntervalSeconds(seconds);
                    } catch (IllegalArgumentException e) {
                        throw Errors.valueError(e.getMessage());
                    }
                    return PyNone.INSTANCE;
                }),
                noArgs("getcheckinterval", (PyObject self) -> PyInt.of(Interpreter.current().switches().checkInterval())),
                oneArg("setcheckinterval", (PyObject self, PyObject o) -> {
                    int ticks = o.asIndex().intValue();
                    try {
                        Interpreter.current().switches().setCheckInterval(ticks);
                    } catch (IllegalArgumentException e) {
                        throw Errors.valueError(e.getMessage());
                    }
                    return PyNone.INSTANCE;
                }),
                noArgs("getrecursionlimit", (PyObject self) -> PyInt.of(Interpreter.current().recursionLimit())),
                oneArg("setrecursionlimit", (PyObject self, PyObject o) -> {
                    int limit = o.asIndex().intValue();
                    if (limit < 1) {
                        throw Errors.valueError("recursion limit must be greater or equal than 1");
                    }
                    Interpreter.current().setRecursionLimit(limit);
                    return PyNone.INSTANCE;
                }),
                positional("exit", 0, 1, (PyObject self, PyObject[] a, int s, int n) -> {
                    PyBaseException e = n == 0 ? PyBaseException.withoutArgs(ExceptionTypes.SYSTEM_EXIT)
                            : PyBaseException.withArg(ExceptionTypes.SYSTEM_EXIT, a[s]);
                    throw new dev.interlock.vm.errors.PyException(e);
                }),
                noArgs("exc_info", (PyObject self) -> {
                    PyBaseException e = PyThreadState.current().handledException();
                    if (e == null) {
                        return PyTuple.of(PyNone.INSTANCE, PyNone.INSTANCE, PyNone.INSTANCE);
                    }
                    PyObject tb = e.traceback() == null ? PyNone.INSTANCE : e.traceback();
                    return PyTuple.of(e.type(), e, tb);
                }),
                noArgs("getstrategy", (PyObject self) -> PyStr.of(Interpreter.current().strategy().name())),
                noArgs("getmemorymanager", (PyObject self) -> PyStr.of(Interpreter.current().memory().name())),
                noArgs("_is_gil_enabled", (PyObject self) ->
                        PyBool.of(Interpreter.current().strategy().serializesBytecode())),
                noArgs("get_int_max_str_digits", (PyObject self) -> PyInt.of(PyInt.MAX_STR_DIGITS)),
                oneArg("intern", (PyObject self, PyObject o) -> {
                    if (!(o instanceof PyStr)) {
                        throw Errors.typeError("intern() argument must be str, not " + o.typeName());
                    }
                    return Refs.newRef(o);
                }));
    }

    private static PyObject realArg(String fn, PyObject o) {
        if (o instanceof PyFloat || o instanceof PyInt) {
            return o;
        }
        throw Errors.typeError("must be real number, not " + o.typeName());
    }

    /**
     * {@code sys.getrefcount(o)}: the count as the memory manager keeps it, which includes the
     * reference the call itself holds, as in CPython.
     */
    /** {@code sys._getframe(depth=0)}: the caller's frame, or the one {@code depth} calls above it. */
    private static PyObject getframe(PyObject depthArg) {
        long depth = 0;
        if (depthArg != null) {
            PyInt d = depthArg.asIndex();
            try {
                depth = d.isSmall() ? d.longValue() : (d.signum() < 0 ? -1 : Long.MAX_VALUE);
            } finally {
                Refs.decref(d);
            }
        }
        dev.interlock.vm.eval.FrameObject f = dev.interlock.vm.eval.FrameObject.of(
                dev.interlock.vm.runtime.PyThreadState.current().frame, (int) Math.max(0, Math.min(depth, Integer.MAX_VALUE)));
        if (f == null) {
            throw dev.interlock.vm.errors.Errors.valueError("call stack is not deep enough");
        }
        return f;
    }

    private static PyObject getrefcount(PyObject o) {
        MemoryManager memory = Interpreter.current().memory();
        if (!memory.countsReferences()) {
            throw Errors.runtimeError("sys.getrefcount() is not available: the '" + memory.name()
                    + "' memory manager keeps no reference counts (the JVM's garbage collector reclaims memory)");
        }
        return PyInt.of(memory.refcount(o));
    }
}
