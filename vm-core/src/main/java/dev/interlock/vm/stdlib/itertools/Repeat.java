package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code repeat(object, times=None)}: the object, {@code times} times or forever. As in CPython it
 * keeps the object after the last repetition (its repr still shows it).
 */
final class Repeat extends ItertoolsIterator {

    private static final ArgParser ARGS = new ArgParser("repeat", 1, 0, new String[] {"object", "times"});

    static final PyType TYPE = iteratorType("repeat")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                long times = p[1] == null ? -1 : Math.max(0, asSsize(p[1]));
                return new Repeat(p[0], times);
            })
            .build();

    private final PyObject element;
    /** Repetitions left; negative for forever. */
    private long remaining;

    private Repeat(PyObject element, long times) {
        this.element = Refs.newRef(element);
        this.remaining = times;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Synchronized: it runs no Python code, and concurrent callers must not overrun the count. */
    @Override
    public synchronized PyObject next() {
        if (remaining == 0) {
            return null;
        }
        if (remaining > 0) {
            remaining--;
        }
        return Refs.newRef(element);
    }

    @Override
    public String repr() {
        long left;
        synchronized (this) {
            left = remaining;
        }
        if (left < 0) {
            return "repeat(" + element.repr() + ")";
        }
        return "repeat(" + element.repr() + ", " + left + ")";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(element);
    }
}
