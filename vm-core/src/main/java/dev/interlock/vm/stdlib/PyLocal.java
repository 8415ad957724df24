package dev.interlock.vm.stdlib;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.HeapDispatch;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.Invoke;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.Slot;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code threading.local} ({@code _thread._local}): an object whose attributes are separate for
 * each thread. Each thread that touches it gets its own {@code __dict__}; a subclass's
 * {@code __init__} runs again, with the constructor's arguments, in each new thread. Compare
 * {@code localobject} in CPython's {@code Modules/_threadmodule.c}.
 *
 * <p>Notes about the implementation: the dicts live in a concurrent map keyed by thread state,
 * so threads running in parallel (without a GIL) never share a dict or corrupt the map. A
 * thread's dict is dropped by whichever comes first, the thread ending (an exit hook on the thread)
 * or the local being freed; {@link Map#remove} decides which, so a dict is released once.
 */
public final class PyLocal extends PyObject {

    public static final PyType TYPE = PyType.builtin("_local", PyType.OBJECT).module("_thread")
            .doc("Thread-local data")
            .constructor((t, a, s, n, kw) -> {
                if (n != 0 || (kw != null && kw.size() > 0)) {
                    throw Errors.typeError("Initialization arguments are not supported");
                }
                return new PyLocal(t, PyTuple.EMPTY, null);
            })
            .allocator(PyLocal::allocate)
            .getter("__dict__", self -> Refs.newRef(self.instanceDict()))
            .build();

    private final PyType type;
    /** The constructor's arguments, given again to {@code __init__} in each new thread. */
    private final PyTuple initArgs;
    private final PyDict initKwargs;
    private final ConcurrentHashMap<PyThreadState, PyDict> dicts = new ConcurrentHashMap<>();

    private PyLocal(PyType type, PyTuple initArgs, PyDict initKwargs) {
        this.type = type;
        this.initArgs = initArgs;
        this.initKwargs = initKwargs;
        Refs.incref(type);
        Refs.incref(initArgs);
        // The creating thread's dict exists from the start: the type call runs __init__ in it.
        dictFor(PyThreadState.current(), false);
    }

    private static PyObject allocate(PyType subtype, PyObject[] a, int s, int n, PyTuple kw) {
        boolean hasArgs = n != 0 || (kw != null && kw.size() > 0);
        if (hasArgs && subtype.lookupSlot(Slot.INIT) == null) {
            throw Errors.typeError("Initialization arguments are not supported");
        }
        int nk = kw == null ? 0 : kw.size();
        PyObject[] positional = new PyObject[n];
        System.arraycopy(a, s, positional, 0, n);
        PyTuple args = PyTuple.ofBorrowed(positional);
        PyDict kwargs = null;
        if (nk > 0) {
            kwargs = PyDict.create();
            for (int i = 0; i < nk; i++) {
                kwargs.setItem(kw.get(i), a[s + n + i]);
            }
        }
        try {
            return new PyLocal(subtype, args, kwargs);
        } finally {
            Refs.decref(args);
        }
    }

    @Override
    public PyType type() {
        return type;
    }

    /** The calling thread's dict: made, and set up by a subclass's {@code __init__}, on first use. */
    @Override
    public PyDict instanceDict() {
        PyThreadState ts = PyThreadState.current();
        PyDict d = dicts.get(ts);
        return d != null ? d : dictFor(ts, true);
    }

    private PyDict dictFor(PyThreadState ts, boolean runInit) {
        PyDict d = PyDict.create();
        dicts.put(ts, d);
        ts.addExitHook(() -> release(dicts.remove(ts)));
        PyObject init = runInit ? type.lookupSlot(Slot.INIT) : null;
        if (init != null) {
            PyObject[] positional = initArgs.array();
            PyObject[] args = new PyObject[positional.length + 1];
            args[0] = this;
            System.arraycopy(positional, 0, args, 1, positional.length);
            PyObject bound = init.descriptorGet(this, type);
            try {
                PyObject r = bound != null
                        ? Invoke.call(bound, positional, initKwargs)
                        : Invoke.call(init, args, initKwargs);
                Refs.decref(r);
            } catch (RuntimeException | Error e) {
                release(dicts.remove(ts));
                throw e;
            } finally {
                Refs.xdecref(bound);
            }
        }
        return d;
    }

    private static void release(PyDict d) {
        if (d != null) {
            Refs.decref(d);
        }
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return !type.isHeapType() || type.lookupSlot(Slot.GETATTRIBUTE) == null;
    }

    @Override
    public PyObject getAttribute(PyStr name) {
        if (type.isHeapType()) {
            return HeapDispatch.getAttribute(this, type, name);
        }
        return genericGetAttribute(name);
    }

    @Override
    public String repr() {
        if (type.isHeapType()) {
            String r = HeapDispatch.repr(this, type);
            if (r != null) {
                return r;
            }
        }
        return "<" + type.qualifiedName() + " object at " + Identity.address(this) + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(type);
        visitor.visit(initArgs);
        if (initKwargs != null) {
            visitor.visit(initKwargs);
        }
        for (PyDict d : dicts.values()) {
            visitor.visit(d);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        for (PyThreadState ts : dicts.keySet()) {
            PyDict d = dicts.remove(ts);
            if (d != null) {
                memory.decref(d);
            }
        }
        memory.decref(initArgs);
        if (initKwargs != null) {
            memory.decref(initKwargs);
        }
        memory.decref(type);
    }
}
