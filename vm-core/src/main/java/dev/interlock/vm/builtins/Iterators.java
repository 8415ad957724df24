package dev.interlock.vm.builtins;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.SharedFields;
import dev.interlock.vm.ops.Compare;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The iterator types behind {@code enumerate}, {@code zip}, {@code map}, {@code filter},
 * {@code reversed} and two-argument {@code iter}. Each holds counted references to what it
 * iterates: enumerate, zip, map and filter until they are deallocated, as CPython's;
 * {@code reversed} and {@code iter(callable, sentinel)} drop theirs when exhausted.
 */
final class Iterators {

    // Threads may share one of these iterators. As in CPython, enumerate, zip, map and filter keep
    // their underlying iterators until they are deallocated (so no thread can find one freed by
    // another); reversed and iter(callable, sentinel) give theirs back when exhausted, exactly once,
    // with a compare-and-set, and each next() works on a reference of its own. Items may be skipped
    // or repeated between threads, never invented, and no count is taken twice.

    private Iterators() {
    }

    /** Shared shape: an iterator is its own iterator. */
    abstract static class Base extends PyObject {
        @Override
        public PyObject iter() {
            return Refs.newRef(this);
        }
    }

    static final PyType ENUMERATE = PyType.builtin("enumerate", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code enumerate(iterable, start)}. */
    static final class Enumerate extends Base {
        private static final VarHandle COUNT = SharedFields.handle(MethodHandles.lookup(), Enumerate.class, "count", PyInt.class);
        private final PyObject it;
        private volatile PyInt count;

        Enumerate(PyObject it, PyInt start) {
            this.it = it;
            this.count = start;
        }

        @Override
        public PyType type() {
            return ENUMERATE;
        }

        @Override
        public PyObject next() {
            PyObject v = it.next();
            if (v == null) {
                return null;
            }
            return PyTuple.steal(new PyObject[] {takeIndex(), v});
        }

        /** The next index, whose reference moves from the field to the caller: exactly one thread takes each. */
        private PyInt takeIndex() {
            for (;;) {
                PyInt index = count;
                PyInt next = PyInt.add(index, PyInt.ONE);
                if (COUNT.compareAndSet(this, index, next)) {
                    return index;
                }
                Refs.decref(next);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(it);
            visitor.visit(count);
        }
    }

    static final PyType ZIP = PyType.builtin("zip", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code zip(*iterables, strict=False)}. */
    static final class Zip extends Base {
        private final PyObject[] its;
        private final boolean strict;

        Zip(PyObject[] its, boolean strict) {
            this.its = its;
            this.strict = strict;
        }

        @Override
        public PyType type() {
            return ZIP;
        }

        @Override
        public PyObject next() {
            if (its.length == 0) {
                return null;
            }
            PyObject[] items = new PyObject[its.length];
            for (int i = 0; i < its.length; i++) {
                PyObject v = its[i].next();
                if (v == null) {
                    for (int k = 0; k < i; k++) {
                        Refs.decref(items[k]);
                    }
                    if (strict) {
                        checkStrict(i);
                    }
                    return null;
                }
                items[i] = v;
            }
            return PyTuple.steal(items);
        }

        private void checkStrict(int exhausted) {
            if (exhausted > 0) {
                String plural = exhausted == 1 ? " " : "s 1-";
                String msg = "zip() argument " + (exhausted + 1) + " is shorter than argument" + plural + exhausted;
                throw Errors.valueError(msg);
            }
            for (int i = 1; i < its.length; i++) {
                PyObject v = its[i].next();
                if (v != null) {
                    Refs.decref(v);
                    String plural = i == 1 ? " " : "s 1-";
                    String msg = "zip() argument " + (i + 1) + " is longer than argument" + plural + i;
                    throw Errors.valueError(msg);
                }
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            for (PyObject o : its) {
                visitor.visit(o);
            }
        }
    }

    static final PyType MAP = PyType.builtin("map", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code map(function, *iterables)}. */
    static final class MapIterator extends Base {
        private final PyObject function;
        private final PyObject[] its;

        MapIterator(PyObject function, PyObject[] its) {
            this.function = Refs.newRef(function);
            this.its = its;
        }

        @Override
        public PyType type() {
            return MAP;
        }

        @Override
        public PyObject next() {
            PyObject[] args = new PyObject[its.length];
            try {
                for (int i = 0; i < its.length; i++) {
                    PyObject v = its[i].next();
                    if (v == null) {
                        return null;
                    }
                    args[i] = v;
                }
                return function.call(args, 0, args.length, null);
            } finally {
                Refs.decrefAll(args);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(function);
            for (PyObject o : its) {
                visitor.visit(o);
            }
        }
    }

    static final PyType FILTER = PyType.builtin("filter", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code filter(function, iterable)}; a None function keeps the true items. */
    static final class Filter extends Base {
        private final PyObject function;
        private final PyObject it;

        Filter(PyObject function, PyObject it) {
            this.function = Refs.newRef(function);
            this.it = it;
        }

        @Override
        public PyType type() {
            return FILTER;
        }

        @Override
        public PyObject next() {
            for (;;) {
                PyObject v = it.next();
                if (v == null) {
                    return null;
                }
                boolean keep;
                try {
                    if (function == dev.interlock.vm.objects.PyNone.INSTANCE
                            || function == dev.interlock.vm.objects.PyBool.TYPE) {
                        keep = v.isTrue();
                    } else {
                        PyObject r = function.call(new PyObject[] {v}, 0, 1, null);
                        try {
                            keep = r.isTrue();
                        } finally {
                            Refs.decref(r);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    Refs.decref(v);
                    throw e;
                }
                if (keep) {
                    return v;
                }
                Refs.decref(v);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(function);
            visitor.visit(it);
        }
    }

    static final PyType REVERSED = PyType.builtin("reversed", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code reversed(sequence)} over a sequence with {@code len} and integer indexing. */
    static final class Reversed extends Base {
        private static final VarHandle SEQ = SharedFields.handle(MethodHandles.lookup(), Reversed.class, "seq", PyObject.class);
        private volatile PyObject seq;
        private int index;

        Reversed(PyObject seq) {
            this.seq = Refs.newRef(seq);
            this.index = seq.length() - 1;
        }

        @Override
        public PyType type() {
            return REVERSED;
        }

        @Override
        public PyObject next() {
            PyObject s = SharedFields.loadNew(SEQ, this);
            if (s == null) {
                return null;
            }
            try {
                int i = index;
                if (i < 0 || i >= s.length()) {
                    if (SEQ.compareAndSet(this, s, null)) {
                        Refs.decref(s); // the field's reference; ours is given back below
                    }
                    return null;
                }
                index = i - 1;
                PyInt key = PyInt.of(i);
                try {
                    return s.getItem(key);
                } finally {
                    Refs.decref(key);
                }
            } finally {
                Refs.decref(s);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (seq != null) {
                visitor.visit(seq);
            }
        }
    }

    static final PyType CALLABLE_ITERATOR = PyType.builtin("callable_iterator", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code iter(callable, sentinel)}. */
    static final class CallableIterator extends Base {
        private static final VarHandle CALLABLE = SharedFields.handle(MethodHandles.lookup(), CallableIterator.class, "callable",
                PyObject.class);
        private volatile PyObject callable;
        private final PyObject sentinel;

        CallableIterator(PyObject callable, PyObject sentinel) {
            this.callable = Refs.newRef(callable);
            this.sentinel = Refs.newRef(sentinel);
        }

        @Override
        public PyType type() {
            return CALLABLE_ITERATOR;
        }

        @Override
        public PyObject next() {
            PyObject c = SharedFields.loadNew(CALLABLE, this);
            if (c == null) {
                return null;
            }
            try {
                PyObject v = c.call(new PyObject[0], 0, 0, null);
                if (Compare.isEqual(v, sentinel)) {
                    Refs.decref(v);
                    if (CALLABLE.compareAndSet(this, c, null)) {
                        Refs.decref(c); // the field's reference; ours is given back below
                    }
                    return null;
                }
                return v;
            } finally {
                Refs.decref(c);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (callable != null) {
                visitor.visit(callable);
            }
            visitor.visit(sentinel);
        }
    }
}
