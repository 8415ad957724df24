package dev.interlock.vm.eval;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyCell;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * A frame as Python code sees it ({@code sys._getframe()}): read-only {@code f_code},
 * {@code f_globals}, {@code f_builtins}, {@code f_lineno},
 * {@code f_back} and {@code f_locals}. It keeps the code and namespaces alive; {@code f_back}
 * of a frame that has since returned is None.
 */
public final class FrameObject extends PyObject {

    public static final PyType TYPE = PyType.builtin("frame", PyType.OBJECT).finalType()
            .getter("f_code", self -> Refs.newRef(((FrameObject) self).code))
            .getter("f_globals", self -> Refs.newRef(((FrameObject) self).globals))
            .getter("f_builtins", self -> Refs.newRef(((FrameObject) self).builtins))
            .getter("f_lineno", self -> PyInt.of(((FrameObject) self).lineNow()))
            .getter("f_back", self -> ((FrameObject) self).back())
            .getter("f_locals", self -> ((FrameObject) self).locals())
            .build();

    private final Frame frame;
    private final PyCode code;
    private final PyDict globals;
    private final PyDict builtins;
    private final int line;

    private FrameObject(Frame frame) {
        this.frame = frame;
        this.code = Refs.newRef(frame.code);
        this.globals = Refs.newRef(frame.globals);
        this.builtins = Refs.newRef(frame.builtins);
        this.line = frame.currentLine();
    }

    /** The frame {@code depth} calls above {@code top}, as an object (a new reference), or null if there is none. */
    public static FrameObject of(Frame top, int depth) {
        Frame f = top;
        for (int i = 0; i < depth && f != null; i++) {
            f = f.back;
        }
        return f == null ? null : new FrameObject(f);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The line running now, or the last one once the frame has returned. */
    private int lineNow() {
        return frame.finished ? line : frame.currentLine();
    }

    private PyObject back() {
        Frame b = frame.back;
        if (b == null || b.finished) {
            return PyNone.INSTANCE;
        }
        return new FrameObject(b);
    }

    private PyObject locals() {
        if (frame.finished && frame.locals == null) {
            throw new NotSupportedError("f_locals of a function frame that has returned");
        }
        return localsOf(frame);
    }

    /**
     * The NAME namespace of a module or class frame, or for a function a new dict of its bound
     * variables (cells and free variables included): what {@code locals()} gives. A new reference.
     */
    public static PyObject localsOf(Frame f) {
        PyObject ns = f.namespace();
        if (ns != null) {
            return Refs.newRef(ns);
        }
        PyCode code = f.code();
        PyDict snapshot = PyDict.create();
        int nlocals = code.localCount();
        PyTuple varnames = code.varnames();
        for (int i = 0; i < nlocals; i++) {
            PyObject v = f.slot(i);
            if (v != null) {
                snapshot.putItem(varnames.get(i), v);
            }
        }
        PyTuple cells = code.cellvars();
        PyTuple free = code.freevars();
        for (int i = 0; i < cells.size() + free.size(); i++) {
            if (f.slot(nlocals + i) instanceof PyCell cell) {
                PyObject v = cell.getNew();
                if (v != null) {
                    snapshot.putItem(i < cells.size() ? cells.get(i) : free.get(i - cells.size()), v);
                    Refs.decref(v);
                }
            }
        }
        return snapshot;
    }

    @Override
    public String repr() {
        return "<frame at " + Identity.address(this) + ", file '" + code.filename() + "', line " + lineNow() + ", code "
                + code.name() + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(code);
        visitor.visit(globals);
        visitor.visit(builtins);
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        memory.decref(code);
        memory.decref(globals);
        memory.decref(builtins);
    }
}
