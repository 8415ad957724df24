package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;

/**
 * The shape shared by {@code permutations}, {@code combinations} and
 * {@code combinations_with_replacement}: a pool (the items of the iterable, as a tuple), an index
 * array that a subclass advances in lexicographic order, and the last result, which CPython keeps
 * until the iterator dies and so do these.
 */
abstract class Combinatoric extends ItertoolsIterator {

    protected final PyTuple pool;
    protected final int r;
    protected final int[] indices;
    private PyTuple result;
    private boolean stopped;

    /** Takes over {@code pool}. */
    Combinatoric(PyTuple pool, int r, int[] indices, boolean empty) {
        this.pool = pool;
        this.r = r;
        this.indices = indices;
        this.stopped = empty;
    }

    /** Moves {@link #indices} to the next selection; false when there is none. */
    protected abstract boolean advance();

    @Override
    public final PyObject next() {
        if (stopped) {
            return null;
        }
        if (result != null && !advance()) {
            // CPython copies a result tuple still held by the caller before giving up: whoever
            // holds the last result, its items are held once more by the iterator.
            stopped = true;
            PyTuple last = result;
            result = PyTuple.of(last.array());
            Refs.decref(last);
            return null;
        }
        PyObject[] items = new PyObject[r];
        for (int i = 0; i < r; i++) {
            items[i] = pool.get(indices[i]);
        }
        PyTuple fresh = PyTuple.of(items);
        PyTuple old = result;
        result = Refs.newRef(fresh);
        Refs.xdecref(old);
        return fresh;
    }

    /** {@code r} as the combinatoric functions take it: an index, not negative. */
    static int rArgument(PyObject o) {
        return checkR(asSsize(o));
    }

    /** ValueError for a negative {@code r}; beyond any possible pool size it is clamped. */
    static int checkR(long r) {
        if (r < 0) {
            throw Errors.valueError("r must be non-negative");
        }
        return (int) Math.min(r, Integer.MAX_VALUE);
    }

    /** The pool read from {@code iterable}, then {@code r} checked, as CPython orders them. */
    static PyTuple poolOf(PyObject iterable, long r) {
        PyTuple pool = PyTuple.fromIterable(iterable);
        if (r < 0) {
            Refs.decref(pool);
            checkR(r);
        }
        return pool;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(pool);
        if (result != null) {
            visitor.visit(result);
        }
    }
}
