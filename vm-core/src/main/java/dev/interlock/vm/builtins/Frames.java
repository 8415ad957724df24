package dev.interlock.vm.builtins;

import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.objects.PyCell;
import dev.interlock.vm.objects.PyCode;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.PyThreadState;

/** {@code globals()} and {@code locals()}: the namespaces of the calling frame. */
final class Frames {

    private Frames() {
    }

    static PyObject globals() {
        Frame f = PyThreadState.current().frame;
        return Refs.newRef(f.globals());
    }

    /**
     * {@code locals()}: the namespace of a module or class body; in a function, a new dict of the
     * bound local, cell and free variables (a snapshot, as CPython's {@code PyFrame_FastToLocals}:
     * writing to it does not change the variables).
     */
    static PyObject locals() {
        Frame f = PyThreadState.current().frame;
        PyObject locals = f.namespace();
        if (locals != null) {
            return Refs.newRef(locals);
        }
        PyCode code = f.code();
        PyDict d = PyDict.create();
        int slot = 0;
        slot = copy(f, code.varnames(), slot, false, d);
        slot = copy(f, code.cellvars(), slot, true, d);
        copy(f, code.freevars(), slot, true, d);
        return d;
    }

    private static int copy(Frame f, PyTuple names, int slot, boolean cells, PyDict into) {
        for (int i = 0; i < names.size(); i++, slot++) {
            PyObject v = f.slot(slot);
            if (cells && v instanceof PyCell cell) {
                PyObject content = cell.getNew();
                if (content != null) {
                    into.setItem(names.get(i), content);
                    Refs.decref(content);
                }
            } else if (v != null && !cells) {
                into.setItem(names.get(i), v);
            }
        }
        return slot;
    }
}
