package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Arithmetic;
import dev.interlock.vm.ops.BinaryOp;

/** {@code count(start=0, step=1)}: start, start+step, start+2*step, ... forever. */
final class Count extends ItertoolsIterator {

    private static final ArgParser ARGS = new ArgParser("count", 0, 0, new String[] {"start", "step"});

    static final PyType TYPE = iteratorType("count")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                return create(p[0] == null ? PyInt.ZERO : p[0], p[1] == null ? PyInt.ONE : p[1]);
            })
            .build();

    /** The next value to return. */
    private PyObject current;
    private final PyObject step;

    private Count(PyObject start, PyObject step) {
        this.current = start;
        this.step = step;
    }

    /** Takes its own references to the borrowed {@code start} and {@code step}. */
    static Count create(PyObject start, PyObject step) {
        if (!isNumber(start) || !isNumber(step)) {
            throw Errors.typeError("a number is required");
        }
        if (start instanceof PyInt i && isIntOne(step)) {
            // CPython's fast mode counts in plain ints: count(True) gives 1, 2, ... and repr count(1).
            return new Count(i instanceof PyBool ? PyInt.of(i.bigValue()) : Refs.newRef(i), PyInt.ONE);
        }
        return new Count(Refs.newRef(start), Refs.newRef(step));
    }

    private static boolean isNumber(PyObject o) {
        return o instanceof PyInt || o instanceof PyFloat;
    }

    private static boolean isIntOne(PyObject o) {
        return o instanceof PyInt i && i.isSmall() && i.longValue() == 1;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** Synchronized: it runs no Python code, and concurrent callers must not share a value. */
    @Override
    public synchronized PyObject next() {
        PyObject value = current;
        PyObject following = value instanceof PyInt a && step instanceof PyInt b
                ? PyInt.add(a, b)
                : Arithmetic.binary(BinaryOp.ADD, value, step);
        current = following; // our reference to value passes to the caller
        return value;
    }

    @Override
    public String repr() {
        PyObject value;
        synchronized (this) {
            value = Refs.newRef(current);
        }
        try {
            if (isIntOne(step)) {
                return "count(" + value.repr() + ")";
            }
            return "count(" + value.repr() + ", " + step.repr() + ")";
        } finally {
            Refs.decref(value);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(current);
        visitor.visit(step);
    }
}
