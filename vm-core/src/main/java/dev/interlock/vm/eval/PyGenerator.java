package dev.interlock.vm.eval;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.bytecode.OpcodeNumbers;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyBaseException;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyFunction;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.PyThreadState;

/**
 * A generator: a suspended frame resumed by {@code next}, {@code send}, {@code throw} and
 * {@code close}. It has its own entry on the stack of handled exceptions, pushed while it runs,
 * as CPython 3.10's {@code gi_exc_state}. Compare CPython's {@code Objects/genobject.c}.
 */
public final class PyGenerator extends PyObject {

    public static final PyType TYPE = PyType.builtin("generator", PyType.OBJECT).finalType()
            .method(oneArg("send", (PyGenerator self, PyObject v) -> self.send(v)))
            .method(positional("throw", 1, 3, (PyGenerator self, PyObject[] a, int s, int n) ->
                    self.throwIn(makeException(a, s, n))))
            .method(noArgs("close", (PyGenerator self) -> {
                self.close();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("__next__", (PyGenerator self) -> {
                PyObject v = self.next();
                if (v == null) {
                    throw Errors.of(ExceptionTypes.STOP_ITERATION);
                }
                return v;
            }))
            .getter("gi_running", self -> PyBool.of(((PyGenerator) self).running))
            .getter("gi_code", self -> Refs.newRef(((PyGenerator) self).function.code()))
            .getter("__name__", self -> PyStr.of(((PyGenerator) self).function.name()))
            .getter("__qualname__", self -> PyStr.of(((PyGenerator) self).function.qualname()))
            .slotWrappers(PyGenerator.class)
            .build();

    /** What a resumption produced: a yielded value, or the value returned at the end. */
    record SendResult(PyObject value, boolean returned) {
    }

    private Frame frame;
    private final PyFunction function;
    private volatile boolean running;
    private static final java.lang.invoke.VarHandle RUNNING;

    static {
        try {
            RUNNING = java.lang.invoke.MethodHandles.lookup().findVarHandle(PyGenerator.class, "running", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private boolean started;
    private final PyThreadState.ExcItem excState = new PyThreadState.ExcItem();

    PyGenerator(Frame frame, PyFunction function) {
        this.frame = frame;
        this.function = Refs.newRef(function);
        frame.generator = this;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject iter() {
        return Refs.newRef(this);
    }

    /** The iteration protocol: the next yielded value, or null when the generator has finished. */
    @Override
    public PyObject next() {
        SendResult r = resume(PyNone.INSTANCE, null);
        if (r.returned()) {
            Refs.decref(r.value());
            return null;
        }
        return r.value();
    }

    /** {@code generator.send(value)}: raises StopIteration with the return value at the end. */
    PyObject send(PyObject value) {
        SendResult r = resume(value, null);
        if (r.returned()) {
            throw stopIteration(r.value());
        }
        return r.value();
    }

    private static PyException stopIteration(PyObject value) {
        try {
            return value == PyNone.INSTANCE ? Errors.of(ExceptionTypes.STOP_ITERATION) : Errors.stopIteration(value);
        } finally {
            Refs.decref(value);
        }
    }

    /**
     * Resumes the frame with {@code value} pushed (the result of the {@code yield} expression), or
     * raises {@code thrown} at the suspension point.
     */
    SendResult resume(PyObject value, PyException thrown) {
        enter(thrown);
        try {
            return resumeRunning(value, thrown);
        } finally {
            running = false;
        }
    }

    /**
     * Marks the generator as running, atomically: two threads resuming one generator at once get
     * {@code ValueError: generator already executing} in the second, as in CPython, instead of
     * running one frame on two threads. Releases {@code thrown} when refusing.
     */
    private void enter(PyException thrown) {
        if (!RUNNING.compareAndSet(this, false, true)) {
            if (thrown != null) {
                thrown.release();
            }
            throw Errors.valueError("generator already executing");
        }
    }

    private SendResult resumeRunning(PyObject value, PyException thrown) {
        Frame f = frame;
        if (f == null) {
            if (thrown != null) {
                throw thrown;
            }
            return new SendResult(PyNone.INSTANCE, true);
        }
        if (!started && value != PyNone.INSTANCE && thrown == null) {
            throw Errors.typeError("can't send non-None value to a just-started generator");
        }
        started = true;
        Refs.incref(value);
        f.slots[f.sp++] = value;
        PyThreadState ts = PyThreadState.current();
        EvalLoop loop = ts.interpreter().evalLoop();
        excState.previous = ts.excInfo;
        ts.excInfo = excState;
        PyObject result;
        try {
            result = loop.run(f, ts, thrown);
        } catch (PyException e) {
            frame = null;
            if (e.matches(ExceptionTypes.STOP_ITERATION)) {
                // PEP 479: a StopIteration escaping the body is a bug in the generator
                PyException wrapped = Errors.runtimeError("generator raised StopIteration");
                wrapped.value().setCause(e.value());
                wrapped.value().setContext(e.value());
                e.release();
                throw wrapped;
            }
            throw e;
        } finally {
            ts.excInfo = excState.previous;
            excState.previous = null;
        }
        if (f.suspended) {
            f.suspended = false;
            return new SendResult(result, false);
        }
        frame = null;
        return new SendResult(result, true);
    }

    /** The object this generator is delegating to with {@code yield from}, borrowed, or null. */
    private PyObject delegate() {
        Frame f = frame;
        if (f == null || !started || f.sp <= f.stackBase) {
            return null;
        }
        int op = f.code.instructions()[f.next] & 0xFF;
        return op == OpcodeNumbers.YIELD_FROM ? f.slots[f.sp - 1] : null;
    }

    /** {@code generator.throw(exc)}: forwarded to the delegate of a {@code yield from} first. */
    PyObject throwIn(PyException exc) {
        PyObject yf = delegate();
        if (yf != null) {
            Refs.incref(yf);
            try {
                if (exc.matches(ExceptionTypes.GENERATOR_EXIT)) {
                    enter(null);
                    try {
                        closeDelegate(yf);
                    } finally {
                        running = false;
                    }
                } else {
                    PyObject yielded;
                    try {
                        enter(exc);
                        try {
                            yielded = throwIntoDelegate(yf, exc);
                        } finally {
                            running = false;
                        }
                    } catch (PyException inner) {
                        // the delegate finished (StopIteration carries its result) or failed
                        if (inner.matches(ExceptionTypes.STOP_ITERATION)) {
                            PyObject result = stopValue(inner.value());
                            inner.release();
                            popDelegate();
                            return deliver(resume(result, null), true);
                        }
                        popDelegate();
                        return deliver(resume(PyNone.INSTANCE, inner), false);
                    }
                    if (yielded != null) {
                        return yielded;
                    }
                    return deliver(resume(PyNone.INSTANCE, null), false);
                }
            } finally {
                Refs.decref(yf);
            }
        }
        return deliver(resume(PyNone.INSTANCE, exc), false);
    }

    private PyObject throwIntoDelegate(PyObject yf, PyException exc) {
        if (yf instanceof PyGenerator g) {
            return g.throwIn(exc);
        }
        PyObject method;
        try {
            method = yf.getAttribute(PyStr.immortal("throw"));
        } catch (PyException missing) {
            if (!missing.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                exc.release();
                throw missing;
            }
            missing.release();
            throw exc;
        }
        try {
            PyBaseException v = exc.value();
            Refs.incref(v);
            exc.release();
            try {
                return method.call(new PyObject[] {v}, 0, 1, null);
            } finally {
                Refs.decref(v);
            }
        } finally {
            Refs.decref(method);
        }
    }

    /** Drops the delegate from the frame and moves past its YIELD_FROM. */
    private void popDelegate() {
        Frame f = frame;
        PyObject yf = f.slots[--f.sp];
        f.slots[f.sp] = null;
        Refs.decref(yf);
        f.next++;
    }

    private PyObject deliver(SendResult r, boolean ignored) {
        if (r.returned()) {
            throw stopIteration(r.value());
        }
        return r.value();
    }

    private static PyObject stopValue(PyBaseException stop) {
        PyTuple args = stop.args();
        return args.size() == 0 ? PyNone.INSTANCE : Refs.newRef(args.get(0));
    }

    private static void closeDelegate(PyObject yf) {
        if (yf instanceof PyGenerator g) {
            g.close();
            return;
        }
        PyObject close;
        try {
            close = yf.getAttribute(PyStr.immortal("close"));
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.ATTRIBUTE_ERROR)) {
                e.release();
                return;
            }
            throw e;
        }
        try {
            Refs.decref(close.call(new PyObject[0], 0, 0, null));
        } finally {
            Refs.decref(close);
        }
    }

    /** {@code generator.close()}: raises GeneratorExit inside, which must not be answered with a yield. */
    void close() {
        Frame f = frame;
        if (f == null) {
            return;
        }
        if (!started) {
            frame = null;
            ts().interpreter().evalLoop().releaseFrame(f);
            return;
        }
        PyObject yielded;
        try {
            yielded = throwIn(Errors.of(ExceptionTypes.GENERATOR_EXIT));
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.GENERATOR_EXIT) || e.matches(ExceptionTypes.STOP_ITERATION)) {
                e.release();
                return;
            }
            throw e;
        }
        Refs.decref(yielded);
        throw Errors.runtimeError("generator ignored GeneratorExit");
    }

    private static PyThreadState ts() {
        return PyThreadState.current();
    }

    /** {@code throw(exc)} or the deprecated {@code throw(type, value, traceback)}. */
    private static PyException makeException(PyObject[] a, int s, int n) {
        PyObject typ = a[s];
        PyObject val = n > 1 ? a[s + 1] : PyNone.INSTANCE;
        if (typ instanceof PyType t && t.isSubtypeOf(ExceptionTypes.BASE_EXCEPTION)) {
            PyObject instance;
            if (val instanceof PyBaseException be && be.type().isSubtypeOf(t)) {
                instance = Refs.newRef(be);
            } else if (val == PyNone.INSTANCE) {
                instance = t.call(new PyObject[0], 0, 0, null);
            } else if (val instanceof PyTuple args) {
                instance = t.call(args.array(), 0, args.size(), null);
            } else {
                instance = t.call(new PyObject[] {val}, 0, 1, null);
            }
            return new PyException((PyBaseException) instance);
        }
        if (typ instanceof PyBaseException be) {
            if (val != PyNone.INSTANCE) {
                throw Errors.typeError("instance exception may not have a separate value");
            }
            Refs.incref(be);
            return new PyException(be);
        }
        throw Errors.typeError("exceptions must be classes or instances deriving from BaseException, not "
                + typ.typeName());
    }

    /**
     * Sends {@code value} to the object a {@code yield from} delegates to: a generator resumes,
     * any other iterator gets {@code next()} for None and {@code send(value)} otherwise. Compare
     * CPython's {@code PyIter_Send}.
     */
    static SendResult sendTo(PyObject receiver, PyObject value) {
        if (receiver instanceof PyGenerator g) {
            return g.resume(value, null);
        }
        if (value == PyNone.INSTANCE) {
            PyObject v = receiver.next();
            return v == null ? new SendResult(PyNone.INSTANCE, true) : new SendResult(v, false);
        }
        PyObject send = receiver.getAttribute(PyStr.immortal("send"));
        try {
            return new SendResult(send.call(new PyObject[] {value}, 0, 1, null), false);
        } catch (PyException e) {
            if (e.matches(ExceptionTypes.STOP_ITERATION)) {
                PyObject v = stopValue(e.value());
                e.release();
                return new SendResult(v, true);
            }
            throw e;
        } finally {
            Refs.decref(send);
        }
    }

    // ------------------------------------------------------------------ life cycle

    @Override
    public boolean hasFinalizer() {
        return frame != null && started;
    }

    @Override
    public void runFinalizer() {
        try {
            close();
        } catch (PyException e) {
            dev.interlock.vm.objects.Unraisable.report(this, e);
        }
    }

    @Override
    public String repr() {
        return "<generator object " + function.qualname() + " at " + Identity.address(this) + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(function);
        Frame f = frame;
        if (f != null) {
            int top = Math.max(f.sp, f.stackBase);
            for (int i = 0; i < top; i++) {
                if (f.slots[i] != null) {
                    visitor.visit(f.slots[i]);
                }
            }
        }
        if (excState.value != null) {
            visitor.visit(excState.value);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        Frame f = frame;
        frame = null;
        if (f != null) {
            PyThreadState.current().interpreter().evalLoop().releaseFrame(f);
        }
        PyBaseException v = excState.value;
        excState.value = null;
        if (v != null) {
            memory.decref(v);
        }
        memory.decref(function);
    }
}
