package dev.interlock.vm.builtins;

import dev.interlock.vm.eval.Frame;
import dev.interlock.vm.objects.PyObject;
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

    /** In a function, a new dict of its bound variables, as CPython's snapshot. */
    static PyObject locals() {
        return dev.interlock.vm.eval.FrameObject.localsOf(PyThreadState.current().frame);
    }
}
