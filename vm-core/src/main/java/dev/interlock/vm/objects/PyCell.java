package dev.interlock.vm.objects;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;

/**
 * A cell: the box that holds a variable shared between a function and the functions nested in
 * it ({@code co_cellvars}, {@code co_freevars}). Threads running in parallel may read and rebind
 * one ({@code nonlocal}), so its contents are a {@link SharedFields shared field}: read with
 * {@code tryIncref}, replaced with an atomic exchange.
 */
public final class PyCell extends PyObject {

    private static final java.lang.invoke.VarHandle CONTENTS = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            PyCell.class, "contents", PyObject.class);

    public static final PyType TYPE = PyType.builtin("cell", PyType.OBJECT).finalType()
            .getter("cell_contents", self -> {
                PyObject v = ((PyCell) self).getNew();
                if (v == null) {
                    throw Errors.valueError("Cell is empty");
                }
                return v;
            })
            .build();

    private PyObject contents;

    /** An empty cell, or one holding a borrowed value. */
    public PyCell(PyObject value) {
        if (value != null) {
            Refs.incref(value);
        }
        this.contents = value;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The contents as a new reference, or null if the cell is empty. */
    public PyObject getNew() {
        PyObject v = SharedFields.loadNew(CONTENTS, this);
        if (v == null && isDeallocated()) {
            // emptied by deallocation, not by 'del': a stale reference must not read "unbound"
            throw dev.interlock.vm.memory.UseAfterFree.used(this);
        }
        return v;
    }

    /** Replaces the contents, taking over the caller's reference ({@code null} empties the cell). */
    public void setSteal(PyObject value) {
        Refs.xdecref(SharedFields.<PyObject>exchange(CONTENTS, this, value));
    }

    @Override
    public String repr() {
        PyObject v = SharedFields.peek(CONTENTS, this);
        if (v == null) {
            return "<cell at " + Identity.address(this) + ": empty>";
        }
        return "<cell at " + Identity.address(this) + ": " + v.typeName() + " object at " + Identity.address(v) + ">";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (contents != null) {
            visitor.visit(contents);
        }
    }

    @Override
    public void releaseReferences(dev.interlock.api.memory.MemoryManager memory) {
        PyObject old = SharedFields.exchange(CONTENTS, this, null);
        if (old != null) {
            memory.decref(old);
        }
    }
}
