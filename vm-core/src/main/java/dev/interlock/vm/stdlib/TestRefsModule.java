package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import java.util.List;

/**
 * The {@code _testrefs} module: native functions with reference-counting bugs on purpose, so that
 * tests (and anyone curious) can watch the interpreter catch them: use-after-free detection stops
 * the program, and {@code --audit-refcounts} names the object at exit. Compare CPython's
 * {@code _testcapi.negative_refcount} and {@code _testcapi.decref_freed_object}
 * ({@code Modules/_testcapimodule.c}), which exist to test {@code Py_DECREF}'s fatal errors.
 *
 * <ul>
 *   <li>{@code leak(obj)}: takes a reference to {@code obj} and never gives it back, as native code
 *       that forgets a {@code Py_DECREF} does. The object outlives its last Python reference.</li>
 *   <li>{@code overrelease(obj)}: gives back a reference it never took, as native code with one
 *       {@code Py_DECREF} too many does. The object is freed while Python code still refers to it,
 *       one reference early.</li>
 * </ul>
 */
public final class TestRefsModule implements NativeModule {

    @Override
    public String name() {
        return "_testrefs";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("_testrefs", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of("Reference-counting bugs on purpose, for testing their detection."));
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "_testrefs"));
        }
        return module;
    }

    private static List<BuiltinDef> functions() {
        return List.of(
                oneArg("leak", (PyObject self, PyObject o) -> {
                    Refs.incref(o); // the bug: nothing ever gives this reference back
                    return PyNone.INSTANCE;
                }),
                oneArg("overrelease", (PyObject self, PyObject o) -> {
                    Refs.decref(o); // the bug: the argument is borrowed, this reference was never ours
                    return PyNone.INSTANCE;
                }));
    }
}
