package dev.interlock.vm.stdlib.itertools;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code tee(iterable, n=2)} and its iterators ({@code itertools._tee}). The iterators share a
 * linked list of blocks ({@code _tee_dataobject}) holding the items read so far, as CPython does:
 * each iterator holds a counted reference to its current block, each block to the next one, so a
 * block and its items are released as soon as the slowest iterator has moved past it.
 */
final class Tee extends ItertoolsIterator {

    /** Items per block, as CPython's {@code LINKCELLS}. */
    static final int BLOCK = 57;

    static final PyType TYPE = iteratorType("_tee").finalType()
            .constructor((t, a, s, n, kw) -> {
                noKeywords("_tee", kw);
                BuiltinDef.checkPositional("_tee", n, 1, 1);
                PyObject it = a[s].iter();
                if (it instanceof Tee tee) {
                    try {
                        return tee.copy();
                    } finally {
                        Refs.decref(it);
                    }
                }
                return fromIterator(it);
            })
            .method(noArgs("__copy__", (Tee self) -> self.copy()))
            .build();

    static final PyType DATA = PyType.builtin("_tee_dataobject", PyType.OBJECT).finalType().module(MODULE).build();

    private Data data;
    private int index;

    private Tee(Data data, int index) {
        this.data = data;
        this.index = index;
    }

    /** A tee over {@code it}, whose reference it takes over. */
    static Tee fromIterator(PyObject it) {
        return new Tee(new Data(it), 0);
    }

    /** An independent iterator at the same position ({@code __copy__}). */
    Tee copy() {
        return new Tee(Refs.newRef(data), index);
    }

    /** {@code itertools.tee(iterable, n=2)}. */
    static PyObject tee(PyObject[] a, int s, int n, PyTuple kw) {
        if (kw != null && kw.size() > 0) {
            throw Errors.typeError("itertools.tee() takes no keyword arguments");
        }
        BuiltinDef.checkPositional("tee", n, 1, 2);
        long count = n > 1 ? asSsize(a[s + 1]) : 2;
        if (count < 0) {
            throw Errors.valueError("n must be >= 0");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw Errors.memoryError();
        }
        PyObject[] result = new PyObject[(int) count];
        if (count == 0) {
            return PyTuple.EMPTY;
        }
        PyObject it = a[s].iter();
        Tee first = it instanceof Tee tee ? tee : fromIterator(it);
        result[0] = first;
        for (int i = 1; i < count; i++) {
            result[i] = first.copy();
        }
        return PyTuple.steal(result);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        if (index >= BLOCK) {
            Data old = data;
            data = old.nextBlock();
            index = 0;
            Refs.decref(old);
        }
        PyObject value = data.get(index);
        if (value != null) {
            index++;
        }
        return value;
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(data);
    }

    /** One block of items read from the shared iterator, and the link to the next block. */
    static final class Data extends PyObject {
        private final PyObject it;
        private final PyObject[] values = new PyObject[BLOCK];
        private int numread;
        private boolean running;
        private Data next;

        /** Takes over {@code it}. */
        private Data(PyObject it) {
            this.it = it;
        }

        @Override
        public PyType type() {
            return DATA;
        }

        @Override
        public String typeName() {
            return DATA.qualifiedName();
        }

        /** The following block, created on first use: a new reference. */
        Data nextBlock() {
            if (next == null) {
                next = new Data(Refs.newRef(it));
            }
            return Refs.newRef(next);
        }

        /** Item {@code i} of this block as a new reference, reading it if no iterator has yet; null at the end. */
        PyObject get(int i) {
            if (i < numread) {
                return Refs.newRef(values[i]);
            }
            if (running) {
                throw Errors.runtimeError("cannot re-enter the tee iterator");
            }
            running = true;
            PyObject value;
            try {
                value = it.next();
            } finally {
                running = false;
            }
            if (value == null) {
                return null;
            }
            values[numread++] = value;
            return Refs.newRef(value);
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(it);
            for (int i = 0; i < numread; i++) {
                visitor.visit(values[i]);
            }
            if (next != null) {
                visitor.visit(next);
            }
        }
    }
}
