package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;

/**
 * An instance of {@code BaseException} or of any exception class: CPython's
 * {@code PyBaseExceptionObject}. The class is a field, so one Java class serves every built-in
 * and user-defined exception type.
 */
public class PyBaseException extends PyObject {

    private PyType type;
    private PyTuple args;
    private PyTraceback traceback;
    private PyObject cause;
    private PyObject context;
    private boolean suppressContext;
    private PyDict dict;
    private static final java.lang.invoke.VarHandle DICT = SharedFields.handle(
            java.lang.invoke.MethodHandles.lookup(), PyBaseException.class, "dict", PyDict.class);

    /** A new exception of {@code type} with {@code args}, taking over the caller's reference to {@code args}. */
    public PyBaseException(PyType type, PyTuple args) {
        this.type = requireNonNull(type, "type is null");
        this.args = requireNonNull(args, "args is null");
        Refs.incref(type);
    }

    /** {@code type(message)}. */
    public static PyBaseException withMessage(PyType type, String message) {
        return new PyBaseException(type, PyTuple.steal(new PyObject[] {PyStr.of(message)}));
    }

    /** {@code type()}. */
    public static PyBaseException withoutArgs(PyType type) {
        return new PyBaseException(type, PyTuple.EMPTY);
    }

    /**
     * A SyntaxError (or subclass) for a compiler error, with CPython's args
     * {@code (msg, (filename, lineno, offset, text))} and the matching attributes.
     */
    public static PyBaseException syntaxError(PyType type, dev.interlock.vm.errors.SyntaxErrorException e) {
        PyObject text = e.text() == null ? PyNone.INSTANCE : PyStr.of(e.text());
        PyTuple details = PyTuple.steal(new PyObject[] {PyStr.of(e.filename()), PyInt.of(e.line()),
            PyInt.of(e.column()), text});
        PyBaseException ex = new PyBaseException(type, PyTuple.steal(new PyObject[] {PyStr.of(e.msg()), details}));
        PyDict d = ex.instanceDict();
        d.setItemSteal("msg", PyStr.of(e.msg()));
        d.setItem("filename", details.get(0));
        d.setItem("lineno", details.get(1));
        d.setItem("offset", details.get(2));
        d.setItem("text", details.get(3));
        return ex;
    }

    /** {@code type(arg)} with a borrowed argument. */
    public static PyBaseException withArg(PyType type, PyObject arg) {
        return new PyBaseException(type, PyTuple.of(arg));
    }

    @Override
    public PyType type() {
        return type;
    }

    /** {@code args}, borrowed. */
    public PyTuple args() {
        return args;
    }

    /** Replaces {@code args} ({@code BaseException.__init__}); {@code newArgs} is borrowed. */
    public void setArgs(PyTuple newArgs) {
        Refs.incref(newArgs);
        PyTuple old = args;
        args = newArgs;
        Refs.decref(old);
    }

    /** {@code __traceback__}, borrowed; null when none. */
    public PyTraceback traceback() {
        return traceback;
    }

    /** Replaces {@code __traceback__}, taking over the caller's reference ({@code null} clears it). */
    public void setTracebackSteal(PyTraceback tb) {
        PyTraceback old = traceback;
        traceback = tb;
        Refs.xdecref(old);
    }

    /**
     * Adds the frame being unwound to the front of the traceback, as CPython's
     * {@code PyTraceBack_Here} does.
     */
    public void addTraceback(PyCode code, int lineno, int lasti) {
        traceback = new PyTraceback(code, lineno, lasti, traceback);
    }

    /** {@code __cause__}, borrowed; null when unset. */
    public PyObject cause() {
        return cause;
    }

    /** Sets {@code __cause__} (borrowed; null or None clear it) and {@code __suppress_context__}. */
    public void setCause(PyObject newCause) {
        PyObject c = newCause == PyNone.INSTANCE ? null : newCause;
        if (c != null) {
            Refs.incref(c);
        }
        PyObject old = cause;
        cause = c;
        suppressContext = true;
        Refs.xdecref(old);
    }

    /** {@code __context__}, borrowed; null when unset. */
    public PyObject context() {
        return context;
    }

    /** Sets {@code __context__} (borrowed). */
    public void setContext(PyObject newContext) {
        PyObject c = newContext == PyNone.INSTANCE ? null : newContext;
        if (c == this) {
            return;
        }
        if (c != null) {
            Refs.incref(c);
        }
        PyObject old = context;
        context = c;
        Refs.xdecref(old);
    }

    /** {@code __suppress_context__}. */
    public boolean suppressContext() {
        return suppressContext;
    }

    @Override
    public PyDict instanceDict() {
        PyDict d = SharedFields.peek(DICT, this);
        if (d == null) {
            d = SharedFields.install(DICT, this, PyDict.create()); // two racing threads keep one dict
        }
        return d;
    }

    // Python subclasses may override the special methods: dispatch as HeapDispatch describes.

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
    public long hash() {
        if (type.isHeapType()) {
            Long h = HeapDispatch.hash(this, type);
            if (h != null) {
                return h;
            }
        }
        return super.hash();
    }

    @Override
    public boolean isTrue() {
        if (type.isHeapType()) {
            Boolean b = HeapDispatch.isTrue(this, type);
            if (b != null) {
                return b;
            }
        }
        return true;
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (type.isHeapType()) {
            PyObject r = HeapDispatch.richCompare(this, type, other, op);
            if (r != null) {
                return r;
            }
        }
        return PyNotImplemented.INSTANCE;
    }

    @Override
    public String str() {
        if (type.isHeapType()) {
            String r = HeapDispatch.str(this, type);
            if (r != null) {
                return r;
            }
        }
        if (type.isSubtypeOf(ExceptionTypes.KEY_ERROR) && args.size() == 1) {
            return args.get(0).repr();
        }
        if (type.isSubtypeOf(ExceptionTypes.SYNTAX_ERROR) && args.size() == 2 && args.get(1) instanceof PyTuple t
                && t.size() >= 2 && t.get(0) instanceof PyStr file && t.get(1) instanceof PyInt line) {
            String base = file.value();
            int slash = base.lastIndexOf('/');
            if (slash >= 0) {
                base = base.substring(slash + 1);
            }
            return args.get(0).str() + " (" + base + ", line " + line.repr() + ")";
        }
        switch (args.size()) {
            case 0:
                return "";
            case 1:
                return args.get(0).str();
            default:
                return args.repr();
        }
    }

    @Override
    public String repr() {
        if (type.isHeapType()) {
            String r = HeapDispatch.repr(this, type);
            if (r != null) {
                return r;
            }
        }
        String name = type.name();
        if (args.size() == 1) {
            return name + "(" + args.get(0).repr() + ")";
        }
        return name + args.repr();
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(type);
        visitor.visit(args);
        if (traceback != null) {
            visitor.visit(traceback);
        }
        if (cause != null) {
            visitor.visit(cause);
        }
        if (context != null) {
            visitor.visit(context);
        }
        if (dict != null) {
            visitor.visit(dict);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        super.releaseReferences(memory);
        traceback = null;
        cause = null;
        context = null;
        dict = null;
    }

    // ------------------------------------------------------------------ the BaseException type

    /** Makes {@code type(*args)} for any exception type. */
    static PyObject construct(PyType type, PyObject[] a, int start, int nargs, PyTuple kwnames) {
        if (kwnames != null && kwnames.size() > 0 && !type.isHeapType()) {
            throw Errors.typeError(type.name() + "() takes no keyword arguments");
        }
        return new PyBaseException(type, PyTuple.copyOf(a, start, nargs));
    }

    static PyType.Builder defineBase() {
        return PyType.builtin("BaseException", PyType.OBJECT)
                .constructor(PyBaseException::construct)
                .allocator((t, a, s, n, kw) -> new PyBaseException(t, PyTuple.copyOf(a, s, n)))
                .doc("Common base class for all exceptions")
                .property("args", self -> Refs.newRef(((PyBaseException) self).args),
                        (self, v) -> ((PyBaseException) self).setArgs(PyTuple.fromIterable(v)))
                .property("__traceback__", self -> {
                    PyTraceback tb = ((PyBaseException) self).traceback;
                    return tb == null ? PyNone.INSTANCE : Refs.newRef(tb);
                }, (self, v) -> {
                    if (v != PyNone.INSTANCE && !(v instanceof PyTraceback)) {
                        throw Errors.typeError("__traceback__ must be a traceback or None");
                    }
                    ((PyBaseException) self).setTracebackSteal(v == PyNone.INSTANCE ? null : Refs.newRef((PyTraceback) v));
                })
                .property("__cause__", self -> {
                    PyObject c = ((PyBaseException) self).cause;
                    return c == null ? PyNone.INSTANCE : Refs.newRef(c);
                }, (self, v) -> ((PyBaseException) self).setCause(v))
                .property("__context__", self -> {
                    PyObject c = ((PyBaseException) self).context;
                    return c == null ? PyNone.INSTANCE : Refs.newRef(c);
                }, (self, v) -> ((PyBaseException) self).setContext(v))
                .property("__suppress_context__", self -> PyBool.of(((PyBaseException) self).suppressContext),
                        (self, v) -> ((PyBaseException) self).suppressContext = v.isTrue())
                .method(BuiltinDef.keywords("__init__", (self, a, start, nargs, kw) -> {
                    ((PyBaseException) self).setArgsSteal(PyTuple.copyOf(a, start, nargs));
                    return PyNone.INSTANCE;
                }))
                .method(BuiltinDef.oneArg("with_traceback", (PyBaseException self, PyObject tb) -> {
                    self.setTracebackSteal(tb == PyNone.INSTANCE ? null : Refs.newRef((PyTraceback) tb));
                    return Refs.newRef(self);
                }));
    }

    private void setArgsSteal(PyTuple newArgs) {
        PyTuple old = args;
        args = newArgs;
        Refs.decref(old);
    }
}
