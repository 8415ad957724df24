package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.runtime.PyThreadState;

/**
 * {@code threading.RLock} ({@code _thread.RLock}): a lock its owner may take again; it is free
 * once released as often as it was acquired. Only the owner may release it. Compare
 * {@code rlockobject} in CPython's {@code Modules/_threadmodule.c}.
 *
 * <p>The owner and count are written only by the owning thread while it holds {@link #lock}, so
 * the owner's re-entry needs no atomic operation: a thread reading {@code owner} either sees its
 * own ident (it holds the lock) or some other value (it does not). {@code owner} is volatile so
 * that the check is correct when threads run in parallel, without a GIL.
 */
public final class PyRLock extends PyObject {

    private static final ArgParser ACQUIRE = new ArgParser("acquire", 0, 0, new String[] {"blocking", "timeout"});

    public static final PyType TYPE = PyType.builtin("RLock", PyType.OBJECT).module("_thread")
            .constructor((t, a, s, n, kw) -> new PyRLock())
            .method(keywords("acquire", (self, a, s, n, kw) -> {
                PyObject[] p = ACQUIRE.parse(a, s, n, kw);
                return PyBool.of(((PyRLock) self).acquire(p[0] == null || p[0].isTrue(), PyLock.timeoutOf(p[1])));
            }))
            .method(noArgs("release", (PyRLock self) -> {
                self.release();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("__enter__", (PyRLock self) -> PyBool.of(self.acquire(true, -1))))
            .method(positional("__exit__", 0, 3, (PyRLock self, PyObject[] a, int s, int n) -> {
                self.release();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("_is_owned", (PyRLock self) -> PyBool.of(self.isOwned())))
            .method(noArgs("_release_save", (PyRLock self) -> self.releaseSave()))
            .method(oneArg("_acquire_restore", (PyRLock self, PyObject state) -> {
                self.acquireRestore(state);
                return PyNone.INSTANCE;
            }))
            .build();

    /** The lock itself; held while {@link #count} > 0. */
    private final PyLock lock = new PyLock();
    private volatile long owner;
    private long count;

    @Override
    public PyType type() {
        return TYPE;
    }

    /** {@code acquire(blocking, timeout)}: true once held, at once if this thread owns it. */
    public boolean acquire(boolean blocking, double timeout) {
        long me = PyThreadState.current().ident();
        if (count > 0 && owner == me) {
            count++;
            return true;
        }
        if (!lock.acquire(blocking, timeout)) {
            return false;
        }
        owner = me;
        count = 1;
        return true;
    }

    /** {@code release()}: RuntimeError unless this thread owns the lock. */
    public void release() {
        long me = PyThreadState.current().ident();
        if (count == 0 || owner != me) {
            throw Errors.runtimeError("cannot release un-acquired lock");
        }
        if (--count == 0) {
            owner = 0;
            lock.release();
        }
    }

    boolean isOwned() {
        return count > 0 && owner == PyThreadState.current().ident();
    }

    /** For {@code Condition.wait}: releases completely and returns {@code (count, owner)}. */
    PyObject releaseSave() {
        if (count == 0) {
            throw Errors.runtimeError("cannot release un-acquired lock");
        }
        long savedCount = count;
        long savedOwner = owner;
        count = 0;
        owner = 0;
        lock.release();
        return PyTuple.steal(new PyObject[] {PyInt.of(savedCount), PyInt.of(savedOwner)});
    }

    /** For {@code Condition.wait}: takes the lock again with the state {@link #releaseSave} gave. */
    void acquireRestore(PyObject state) {
        if (!(state instanceof PyTuple t) || t.size() != 2) {
            throw Errors.typeError("_acquire_restore() argument must be a (count, owner) tuple");
        }
        long savedCount = t.get(0).asIndex().toLong();
        long savedOwner = t.get(1).asIndex().toLong();
        lock.acquire(true, -1);
        owner = savedOwner;
        count = savedCount;
    }

    /** The inner lock was created with one reference, which this lock holds until it is freed. */
    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(lock);
    }

    @Override
    public String repr() {
        long c = count;
        return "<" + (c > 0 ? "locked" : "unlocked") + " _thread.RLock object owner=" + (c > 0 ? owner : 0)
                + " count=" + c + " at " + Identity.address(this) + ">";
    }
}
