package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.runtime.Blocking;
import dev.interlock.vm.runtime.PyThreadState;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code threading.Lock} ({@code _thread.lock}): a non-reentrant lock that any thread may release.
 * An uncontended acquire never leaves the interpreter; a contended one detaches while it waits, so
 * under a GIL the holder can run and release it. Compare CPython's {@code Modules/_threadmodule.c}.
 */
public final class PyLock extends PyObject {

    private static final ArgParser ACQUIRE = new ArgParser("acquire", 0, 0, new String[] {"blocking", "timeout"});

    public static final PyType TYPE = PyType.builtin("lock", PyType.OBJECT).finalType()
            .constructor((t, a, s, n, kw) -> {
                if (n != 0 || (kw != null && kw.size() > 0)) {
                    throw Errors.typeError("lock() takes no arguments");
                }
                return new PyLock();
            })
            .method(keywords("acquire", (self, a, s, n, kw) -> {
                PyObject[] p = ACQUIRE.parse(a, s, n, kw);
                return PyBool.of(((PyLock) self).acquire(p[0] == null || p[0].isTrue(), timeoutOf(p[1])));
            }))
            .method(keywords("acquire_lock", (self, a, s, n, kw) -> {
                PyObject[] p = ACQUIRE.parse(a, s, n, kw);
                return PyBool.of(((PyLock) self).acquire(p[0] == null || p[0].isTrue(), timeoutOf(p[1])));
            }))
            .method(noArgs("release", (PyLock self) -> {
                self.release();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("locked", (PyLock self) -> PyBool.of(self.isLocked())))
            .method(noArgs("__enter__", (PyLock self) -> PyBool.of(self.acquire(true, -1))))
            .method(positional("__exit__", 0, 3, (PyLock self, PyObject[] a, int s, int n) -> {
                self.release();
                return PyNone.INSTANCE;
            }))
            .build();

    private final Semaphore permit = new Semaphore(1);

    @Override
    public PyType type() {
        return TYPE;
    }

    static double timeoutOf(PyObject o) {
        if (o == null) {
            return -1;
        }
        if (o instanceof PyFloat || o instanceof PyInt) {
            return PyFloat.toDouble(o);
        }
        throw Errors.typeError("'" + o.typeName() + "' object cannot be interpreted as an integer");
    }

    /**
     * {@code acquire(blocking, timeout)}: true once held. A non-blocking call, or a timed-out one,
     * returns false.
     */
    public boolean acquire(boolean blocking, double timeout) {
        if (!blocking && timeout != -1) {
            throw Errors.valueError("can't specify a timeout for a non-blocking call");
        }
        if (timeout < 0 && timeout != -1) {
            throw Errors.valueError("timeout value must be a non-negative number");
        }
        if (permit.tryAcquire()) {
            return true;
        }
        if (!blocking) {
            return false;
        }
        PyThreadState ts = PyThreadState.current();
        if (timeout == -1) {
            Blocking.run(ts, permit::acquire);
            return true;
        }
        long nanos = (long) Math.min(timeout * 1e9, Long.MAX_VALUE);
        return Blocking.get(ts, () -> permit.tryAcquire(nanos, TimeUnit.NANOSECONDS));
    }

    /** {@code release()}; RuntimeError if the lock is not held. */
    public void release() {
        synchronized (this) {
            if (permit.availablePermits() != 0) {
                throw Errors.runtimeError("release unlocked lock");
            }
            permit.release();
        }
    }

    /** {@code locked()}. */
    public boolean isLocked() {
        return permit.availablePermits() == 0;
    }

    @Override
    public String repr() {
        return "<" + (isLocked() ? "locked" : "unlocked") + " _thread.lock object at " + Identity.address(this) + ">";
    }
}
