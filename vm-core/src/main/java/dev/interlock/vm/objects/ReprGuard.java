package dev.interlock.vm.objects;

import dev.interlock.vm.runtime.PyThread;

/**
 * Guards {@code repr} of containers against recursion through themselves, as CPython's
 * {@code Py_ReprEnter}: {@code a = []; a.append(a); repr(a)} gives {@code [[...]]}.
 */
public final class ReprGuard {

    private ReprGuard() {
    }

    /** Marks {@code o} as being printed by this thread; false if it already is. */
    public static boolean enter(PyObject o) {
        return PyThread.current().state().reprEnter(o);
    }

    /** Ends the mark made by a successful {@link #enter}. */
    public static void exit(PyObject o) {
        PyThread.current().state().reprExit(o);
    }
}
