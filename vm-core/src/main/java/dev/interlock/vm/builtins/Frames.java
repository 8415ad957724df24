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

    static PyObject locals() {
        Frame f = PyThreadState.current().frame;
        PyObject locals = f.namespace();
        if (locals == null) {
            throw new dev.interlock.vm.errors.NotSupportedError("locals() inside a function");
        }
        return Refs.newRef(locals);
    }
}
