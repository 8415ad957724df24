package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.Compare;
import java.math.BigInteger;

/**
 * {@code range(start, stop, step)}: an immutable arithmetic sequence. Ranges whose bounds fit in
 * a long iterate without allocating anything but the ints they produce.
 */
public final class PyRange extends PyObject {

    public static final PyType TYPE = PyType.builtin("range", PyType.OBJECT).finalType()
            .constructor((t, a, s, n, kw) -> {
                if (kw != null && kw.size() > 0) {
                    throw Errors.typeError("range() takes no keyword arguments");
                }
                BuiltinDef.checkPositional("range", n, 1, 3);
                if (n == 1) {
                    return create(PyInt.ZERO, a[s], PyInt.ONE);
                }
                return create(a[s], a[s + 1], n == 3 ? a[s + 2] : PyInt.ONE);
            })
            .method(oneArg("count", (PyRange self, PyObject x) -> PyInt.of(self.contains(x) ? 1 : 0)))
            .method(oneArg("index", (PyRange self, PyObject x) -> {
                if (!(x instanceof PyInt i) || !self.containsInt(i)) {
                    throw Errors.valueError(x.repr() + " is not in range");
                }
                return PyInt.of(i.bigValue().subtract(self.start.bigValue()).divide(self.step.bigValue()));
            }))
            .getter("start", self -> Refs.newRef(((PyRange) self).start))
            .getter("stop", self -> Refs.newRef(((PyRange) self).stop))
            .getter("step", self -> Refs.newRef(((PyRange) self).step))
            .slotWrappers(PyRange.class)
            .build();

    private static final PyType ITERATOR = PyType.builtin("range_iterator", PyType.OBJECT).finalType()
            .slotWrappers(LongIterator.class).build();

    private final PyInt start;
    private final PyInt stop;
    private final PyInt step;
    private final BigInteger length;

    private PyRange(PyInt start, PyInt stop, PyInt step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.length = computeLength(start.bigValue(), stop.bigValue(), step.bigValue());
    }

    /** {@code range(start, stop, step)} from borrowed integer-like arguments. */
    public static PyRange create(PyObject start, PyObject stop, PyObject step) {
        PyInt b = index(start);
        PyInt e = index(stop);
        PyInt s = index(step);
        if (s.signum() == 0) {
            Refs.decref(b);
            Refs.decref(e);
            Refs.decref(s);
            throw Errors.valueError("range() arg 3 must not be zero");
        }
        return new PyRange(b, e, s);
    }

    private static PyInt index(PyObject o) {
        if (o instanceof PyInt i) {
            return i.asIndex();
        }
        return o.asIndex();
    }

    private static BigInteger computeLength(BigInteger lo, BigInteger hi, BigInteger step) {
        if (step.signum() > 0) {
            if (lo.compareTo(hi) >= 0) {
                return BigInteger.ZERO;
            }
            return hi.subtract(lo).subtract(BigInteger.ONE).divide(step).add(BigInteger.ONE);
        }
        if (lo.compareTo(hi) <= 0) {
            return BigInteger.ZERO;
        }
        return lo.subtract(hi).subtract(BigInteger.ONE).divide(step.negate()).add(BigInteger.ONE);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public boolean hasLength() {
        return true;
    }

    @Override
    public int length() {
        if (length.bitLength() > 31) {
            throw Errors.overflowError("Python int too large to convert to C ssize_t");
        }
        return length.intValue();
    }

    @Override
    public boolean isTrue() {
        return length.signum() != 0;
    }

    @Override
    public PyObject getItem(PyObject key) {
        if (key instanceof PySlice slice) {
            PySlice.Indices ix = slice.indices(length());
            BigInteger st = step.bigValue();
            BigInteger newStart = start.bigValue().add(st.multiply(BigInteger.valueOf(ix.start())));
            BigInteger newStep = st.multiply(BigInteger.valueOf(ix.step()));
            BigInteger newStop = newStart.add(newStep.multiply(BigInteger.valueOf(ix.length())));
            return new PyRange(PyInt.of(newStart), PyInt.of(newStop), PyInt.of(newStep));
        }
        PyInt i = key instanceof PyInt k ? k.asIndex() : indexKey(key);
        try {
            BigInteger idx = i.bigValue();
            if (idx.signum() < 0) {
                idx = idx.add(length);
            }
            if (idx.signum() < 0 || idx.compareTo(length) >= 0) {
                throw Errors.indexError("range object index out of range");
            }
            return PyInt.of(start.bigValue().add(step.bigValue().multiply(idx)));
        } finally {
            Refs.decref(i);
        }
    }

    private static PyInt indexKey(PyObject key) {
        try {
            return key.asIndex();
        } catch (dev.interlock.vm.errors.PyException e) {
            if (e.matches(ExceptionTypes.TYPE_ERROR)) {
                e.release();
                throw Errors.typeError("range indices must be integers or slices, not " + key.typeName());
            }
            throw e;
        }
    }

    private boolean containsInt(PyInt i) {
        BigInteger v = i.bigValue();
        BigInteger lo = start.bigValue();
        BigInteger hi = stop.bigValue();
        BigInteger st = step.bigValue();
        if (st.signum() > 0 ? (v.compareTo(lo) < 0 || v.compareTo(hi) >= 0) : (v.compareTo(lo) > 0 || v.compareTo(hi) <= 0)) {
            return false;
        }
        return v.subtract(lo).mod(st.abs()).signum() == 0;
    }

    @Override
    public boolean contains(PyObject item) {
        if (item instanceof PyInt i) {
            return containsInt(i);
        }
        return super.contains(item);
    }

    @Override
    public PyObject iter() {
        if (start.isSmall() && stop.isSmall() && step.isSmall() && length.bitLength() < 63) {
            return new LongIterator(start.longValue(), step.longValue(), length.longValue());
        }
        return new BigIterator(start.bigValue(), step.bigValue(), length);
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyRange o) || (op != Compare.EQ && op != Compare.NE)) {
            return PyNotImplemented.INSTANCE;
        }
        boolean eq;
        if (length.signum() == 0 || o.length.signum() == 0) {
            eq = length.equals(o.length);
        } else if (!length.equals(o.length) || start.compareTo(o.start) != 0) {
            eq = false;
        } else {
            eq = length.equals(BigInteger.ONE) || step.compareTo(o.step) == 0;
        }
        return PyBool.of(op == Compare.EQ ? eq : !eq);
    }

    @Override
    public long hash() {
        PyTuple t = PyTuple.steal(new PyObject[] {PyInt.of(length), Refs.newRef(start), Refs.newRef(step)});
        try {
            return t.hash();
        } finally {
            Refs.decref(t);
        }
    }

    @Override
    public String repr() {
        if (step.isSmall() && step.longValue() == 1) {
            return "range(" + start.repr() + ", " + stop.repr() + ")";
        }
        return "range(" + start.repr() + ", " + stop.repr() + ", " + step.repr() + ")";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(start);
        visitor.visit(stop);
        visitor.visit(step);
    }

    // The iterators keep one position and compute each value from it, so threads sharing one
    // iterator may repeat a value after a lost update but never step past the end (CPython's
    // rangeiterobject keeps start, step and a length the same way).

    /** The common case: bounds that fit in a long. */
    static final class LongIterator extends PyObject {
        private final long start;
        private final long step;
        private final long count;
        private long index;

        LongIterator(long start, long step, long count) {
            this.start = start;
            this.step = step;
            this.count = count;
        }

        @Override
        public PyType type() {
            return ITERATOR;
        }

        @Override
        public PyObject iter() {
            return Refs.newRef(this);
        }

        @Override
        public PyObject next() {
            long i = index;
            if (i >= count) {
                return null;
            }
            index = i + 1;
            return PyInt.of(start + i * step);
        }
    }

    /** Ranges with huge bounds. */
    static final class BigIterator extends PyObject {
        private final BigInteger start;
        private final BigInteger step;
        private final BigInteger count;
        private volatile BigInteger index = BigInteger.ZERO;

        BigIterator(BigInteger start, BigInteger step, BigInteger count) {
            this.start = start;
            this.step = step;
            this.count = count;
        }

        @Override
        public PyType type() {
            return ITERATOR;
        }

        @Override
        public PyObject iter() {
            return Refs.newRef(this);
        }

        @Override
        public PyObject next() {
            BigInteger i = index;
            if (i.compareTo(count) >= 0) {
                return null;
            }
            index = i.add(BigInteger.ONE);
            return PyInt.of(start.add(i.multiply(step)));
        }
    }
}
