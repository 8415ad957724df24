package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.BinaryOp;

/**
 * {@code accumulate(iterable, func=None, *, initial=None)}: running totals (sums, or results of
 * {@code func(total, item)}), starting with {@code initial} when given. The last total is kept
 * after exhaustion, as CPython keeps it.
 */
final class Accumulate extends ItertoolsIterator {

    private static final ArgParser ARGS = new ArgParser("accumulate", 1, 0, new String[] {"iterable", "func"}, "initial");

    static final PyType TYPE = iteratorType("accumulate")
            .constructor((t, a, s, n, kw) -> {
                if (n > 2) {
                    throw Errors.typeError("accumulate() takes at most 2 positional arguments (" + n + " given)");
                }
                PyObject[] p = ARGS.parse(a, s, n, kw);
                PyObject func = p[1] == null || p[1] == PyNone.INSTANCE ? null : p[1];
                PyObject initial = p[2] == null || p[2] == PyNone.INSTANCE ? null : p[2];
                return new Accumulate(p[0].iter(), func, initial);
            })
            .build();

    private final PyObject it;
    /** The binary function, or null for addition. */
    private final PyObject func;
    /** The initial value not yet returned, or null. */
    private PyObject initial;
    /** The running total, or null before the first item. */
    private PyObject total;

    /** Takes over {@code it}; takes its own references to {@code func} and {@code initial}. */
    private Accumulate(PyObject it, PyObject func, PyObject initial) {
        this.it = it;
        this.func = func == null ? null : Refs.newRef(func);
        this.initial = initial == null ? null : Refs.newRef(initial);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        PyObject first = initial;
        if (first != null) {
            initial = null;
            total = first; // our reference moves to total
            return Refs.newRef(first);
        }
        PyObject value = it.next();
        if (value == null) {
            return null;
        }
        PyObject old = total;
        if (old == null) {
            total = value;
            return Refs.newRef(value);
        }
        PyObject updated;
        try {
            updated = func == null ? Arithmetic.binary(BinaryOp.ADD, old, value) : call2(func, old, value);
        } finally {
            Refs.decref(value);
        }
        total = updated;
        Refs.decref(old);
        return Refs.newRef(updated);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(it);
        if (func != null) {
            visitor.visit(func);
        }
        if (initial != null) {
            visitor.visit(initial);
        }
        if (total != null) {
            visitor.visit(total);
        }
    }
}
