package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.errors.TracebackPrinter;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Blocking;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.PyThread;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.List;
import dev.interlock.api.storage.MapStorage;

/**
 * {@code threading.Thread}: a Python thread object backed by a Java platform thread. Its
 * behaviour follows CPython's {@code Lib/threading.py}: default names {@code Thread-N (target)},
 * daemon status inherited from the creating thread, {@code start} at most once, {@code join}
 * with a timeout, and an uncaught exception reported on stderr without stopping the program.
 */
public final class PyThreadObject extends PyObject {

    private static final ArgParser INIT = new ArgParser("Thread", 0, 0,
            new String[] {"group", "target", "name", "args", "kwargs"}, "daemon");
    private static final ArgParser JOIN = new ArgParser("join", 0, 0, new String[] {"timeout"});

    public static final PyType TYPE = PyType.builtin("Thread", PyType.OBJECT)
            .constructor((t, a, s, n, kw) -> construct(t, INIT.parse(a, s, n, kw)))
            .method(noArgs("start", (PyThreadObject self) -> {
                self.start();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("run", (PyThreadObject self) -> {
                self.runTarget();
                return PyNone.INSTANCE;
            }))
            .method(keywords("join", (self, a, s, n, kw) -> {
                PyObject[] p = JOIN.parse(a, s, n, kw);
                ((PyThreadObject) self).join(p[0] == null || p[0] == PyNone.INSTANCE ? -1 : PyLock.timeoutOf(p[0]));
                return PyNone.INSTANCE;
            }))
            .method(noArgs("is_alive", (PyThreadObject self) -> PyBool.of(self.isAlive())))
            .method(noArgs("getName", (PyThreadObject self) -> PyStr.of(self.name)))
            .method(noArgs("isDaemon", (PyThreadObject self) -> PyBool.of(self.daemon)))
            .property("name", self -> PyStr.of(((PyThreadObject) self).name), (self, v) -> ((PyThreadObject) self).setName(v))
            .property("daemon", self -> PyBool.of(((PyThreadObject) self).daemon),
                    (self, v) -> ((PyThreadObject) self).setDaemon(v))
            .getter("ident", self -> ((PyThreadObject) self).identOrNone())
            .getter("native_id", self -> ((PyThreadObject) self).identOrNone())
            .build();

    private final PyType type;
    private PyObject target;
    private PyTuple args;
    private PyDict kwargs;
    private volatile String name;
    private volatile boolean daemon;
    private volatile boolean started;
    private volatile boolean finished;
    private volatile PyThread thread;
    private volatile long ident;

    private PyThreadObject(PyType type, String name, boolean daemon) {
        this.type = type;
        this.name = name;
        this.daemon = daemon;
        Refs.incref(type);
    }

    /** The object that stands for a thread not started through {@code threading} (the main thread). */
    static PyThreadObject forRunningThread(PyThreadState ts, String name, boolean daemon) {
        PyThreadObject t = new PyThreadObject(TYPE, name, daemon);
        t.started = true;
        t.thread = ts.pyThread();
        t.ident = ts.ident();
        return t;
    }

    private static PyObject construct(PyType type, PyObject[] p) {
        if (p[0] != null && p[0] != PyNone.INSTANCE) {
            throw Errors.of(ExceptionTypes.ASSERTION_ERROR, "group argument must be None for now");
        }
        PyObject target = p[1] == PyNone.INSTANCE ? null : p[1];
        Interpreter interp = Interpreter.current();
        String name;
        if (p[2] != null && p[2] != PyNone.INSTANCE) {
            name = p[2].str();
        } else {
            name = "Thread-" + interp.nextThreadNumber();
            if (target != null) {
                String targetName = targetName(target);
                if (targetName != null) {
                    name += " (" + targetName + ")";
                }
            }
        }
        boolean daemon;
        if (p[5] != null && p[5] != PyNone.INSTANCE) {
            daemon = p[5].isTrue();
        } else {
            PyThreadObject current = ThreadingModule.currentThread(PyThreadState.current());
            daemon = current.daemon;
            Refs.decref(current);
        }
        PyThreadObject t = new PyThreadObject(type, name, daemon);
        t.target = target == null ? null : Refs.newRef(target);
        t.args = p[3] == null ? PyTuple.EMPTY : PyTuple.fromIterable(p[3]);
        if (p[4] != null && p[4] != PyNone.INSTANCE) {
            if (!(p[4] instanceof PyDict d)) {
                throw Errors.typeError("argument after ** must be a mapping, not " + p[4].typeName());
            }
            t.kwargs = d.copy();
        }
        return t;
    }

    private static String targetName(PyObject target) {
        if (target instanceof PyFunction f) {
            return f.name();
        }
        try {
            PyObject n = target.getAttribute(PyStr.immortal("__name__"));
            try {
                return n.str();
            } finally {
                Refs.decref(n);
            }
        } catch (PyException e) {
            e.release();
            return null;
        }
    }

    @Override
    public PyType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public boolean isDaemon() {
        return daemon;
    }

    private void setName(PyObject v) {
        name = v.str();
        PyThread t = thread;
        if (t != null && t.state() != null) {
            t.state().setName(name);
        }
    }

    private void setDaemon(PyObject v) {
        if (started) {
            throw Errors.runtimeError("cannot set daemon status of active thread");
        }
        daemon = v.isTrue();
    }

    private PyObject identOrNone() {
        return started ? PyInt.of(ident) : PyNone.INSTANCE;
    }

    /** {@code start()}: runs {@code self.run()} on a new Python thread. */
    void start() {
        if (started) {
            throw Errors.runtimeError("threads can only be started once");
        }
        Interpreter interp = Interpreter.current();
        Refs.incref(this); // the running thread holds its Thread object until it ends
        PyThread t = interp.newThread(name, ts -> body(interp, ts));
        t.setDaemon(daemon);
        thread = t;
        ident = t.getId();
        started = true;
        if (!daemon) {
            interp.registerNonDaemon(t);
        }
        t.start();
    }

    private void body(Interpreter interp, PyThreadState ts) {
        ts.threadObject = this; // takes over the reference taken in start()
        try {
            PyObject run = getAttribute(PyStr.immortal("run"));
            try {
                Refs.decref(run.call(new PyObject[0], 0, 0, null));
            } finally {
                Refs.decref(run);
            }
        } catch (PyException e) {
            reportUncaught(interp, e);
        } finally {
            finished = true;
            releaseTarget();
            ts.threadObject = null;
            Refs.decref(this);
        }
    }

    /** CPython's {@code threading.excepthook}: the exception is printed, the program goes on. */
    private void reportUncaught(Interpreter interp, PyException e) {
        try {
            if (e.matches(ExceptionTypes.SYSTEM_EXIT)) {
                return;
            }
            interp.stdout().flush();
            interp.stderr().print("Exception in thread " + name + ":\n" + TracebackPrinter.format(e.value()));
            interp.stderr().flush();
        } finally {
            e.release();
        }
    }

    /** The default {@code run()}: {@code target(*args, **kwargs)}. */
    void runTarget() {
        PyObject t = target;
        if (t == null) {
            return;
        }
        PyObject[] positional = args.array();
        if (kwargs == null || kwargs.size() == 0) {
            Refs.decref(t.call(positional, 0, positional.length, null));
            return;
        }
        List<MapStorage.Entry<PyObject, PyObject>> entries = kwargs.entryList();
        try {
            PyObject[] all = new PyObject[positional.length + entries.size()];
            PyObject[] names = new PyObject[entries.size()];
            System.arraycopy(positional, 0, all, 0, positional.length);
            for (int i = 0; i < names.length; i++) {
                names[i] = entries.get(i).key();
                all[positional.length + i] = entries.get(i).value();
            }
            PyTuple kwnames = PyTuple.of(names);
            try {
                Refs.decref(t.call(all, 0, positional.length, kwnames));
            } finally {
                Refs.decref(kwnames);
            }
        } finally {
            PyDict.release(entries);
        }
    }

    /** As CPython, a finished thread drops its target and arguments. */
    private void releaseTarget() {
        PyObject t = target;
        target = null;
        Refs.xdecref(t);
        PyTuple a = args;
        args = PyTuple.EMPTY;
        Refs.xdecref(a);
        PyDict k = kwargs;
        kwargs = null;
        Refs.xdecref(k);
    }

    /** {@code join(timeout)}: detached while it waits; a negative timeout waits forever. */
    void join(double timeout) {
        if (!started) {
            throw Errors.runtimeError("cannot join thread before it is started");
        }
        PyThread t = thread;
        if (t == Thread.currentThread()) {
            throw Errors.runtimeError("cannot join current thread");
        }
        if (finished && !t.isAlive()) {
            return;
        }
        PyThreadState ts = PyThreadState.current();
        Interpreter interp = ts.interpreter();
        if (timeout < 0) {
            Blocking.run(ts, () -> {
                while (t.isAlive() && interp.fatalError() == null) {
                    t.join(50);
                }
            });
        } else {
            long millis = (long) (timeout * 1000);
            int nanos = (int) ((timeout * 1e9) % 1_000_000);
            Blocking.run(ts, () -> t.join(millis, nanos));
        }
    }

    /** {@code is_alive()}: started and its body has not returned. */
    boolean isAlive() {
        return started && !finished && thread != null;
    }

    @Override
    public String repr() {
        String status = !started ? "initial" : finished ? "stopped " + ident : "started " + ident;
        return "<" + type.name() + "(" + name + ", " + status + (daemon ? " daemon" : "") + ")>";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(type);
        if (target != null) {
            visitor.visit(target);
        }
        if (args != null) {
            visitor.visit(args);
        }
        if (kwargs != null) {
            visitor.visit(kwargs);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        releaseTarget();
        memory.decref(type);
    }
}
