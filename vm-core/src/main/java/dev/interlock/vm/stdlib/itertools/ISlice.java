package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code islice(iterable, stop)} and {@code islice(iterable, start, stop[, step])}: the selected
 * items, read lazily. The iterator is dropped once the slice is done.
 */
final class ISlice extends ItertoolsIterator {

    private static final String STOP_ERROR =
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    private static final String INDEX_ERROR =
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    private static final String STEP_ERROR = "Step for islice() must be a positive integer or None.";

    static final PyType TYPE = iteratorType("islice")
            .constructor((t, a, s, n, kw) -> {
                noKeywords("islice", kw);
                BuiltinDef.checkPositional("islice", n, 2, 4);
                // CPython's checks, in its order: a stop that is not an index (or is -1) first,
                // then negative indices, then the step.
                long start = 0;
                long stop = -1;
                long step = 1;
                PyObject stopArg = n == 2 ? a[s + 1] : a[s + 2];
                if (n > 2 && a[s + 1] != PyNone.INSTANCE) {
                    start = indexOrMinusOne(a[s + 1]);
                }
                if (stopArg != PyNone.INSTANCE) {
                    stop = indexOrMinusOne(stopArg);
                    if (stop == -1) {
                        throw Errors.valueError(STOP_ERROR);
                    }
                }
                if (start < 0 || stop < -1) {
                    throw Errors.valueError(INDEX_ERROR);
                }
                if (n == 4 && a[s + 3] != PyNone.INSTANCE) {
                    step = indexOrMinusOne(a[s + 3]);
                }
                if (step < 1) {
                    throw Errors.valueError(STEP_ERROR);
                }
                return new ISlice(a[s].iter(), start, stop, step);
            })
            .build();

    /** The index value of {@code o}, or -1 if it is not an integer or is out of range. */
    private static long indexOrMinusOne(PyObject o) {
        try {
            return asSsize(o);
        } catch (PyException e) {
            e.release();
            return -1;
        }
    }

    private PyObject it;
    /** How many items have been read from the iterator. */
    private long count;
    /** The position of the next item to return. */
    private long nextIndex;
    /** Where to stop, or -1 for no limit. */
    private final long stop;
    private final long step;

    /** Takes over {@code it}. */
    private ISlice(PyObject it, long start, long stop, long step) {
        this.it = it;
        this.nextIndex = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        PyObject source = it;
        if (source == null) {
            return null;
        }
        while (count < nextIndex) {
            PyObject skipped = source.next();
            if (skipped == null) {
                return finish(source);
            }
            Refs.decref(skipped);
            count++;
        }
        if (stop != -1 && count >= stop) {
            return finish(source);
        }
        PyObject item = source.next();
        if (item == null) {
            return finish(source);
        }
        count++;
        long following = nextIndex + step;
        if (following < nextIndex || (stop != -1 && following > stop)) {
            following = stop; // overflow past sys.maxsize, or beyond the stop: the slice ends there
        }
        nextIndex = following;
        return item;
    }

    private PyObject finish(PyObject source) {
        if (it == source) {
            it = null;
            Refs.decref(source);
        }
        return null;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (it != null) {
            visitor.visit(it);
        }
    }
}
