package dev.interlock.vm.builtins;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Compare;

/**
 * The iterator types behind {@code enumerate}, {@code zip}, {@code map}, {@code filter},
 * {@code reversed} and two-argument {@code iter}. Each holds counted references to what it
 * iterates and drops them when exhausted.
 */
final class Iterators {

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
        private PyObject it;
        private PyInt count;

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
            if (it == null) {
                return null;
            }
            PyObject v = it.next();
            if (v == null) {
                release();
                return null;
            }
            PyInt index = count;
            count = PyInt.add(index, PyInt.ONE);
            return PyTuple.steal(new PyObject[] {index, v});
        }

        private void release() {
            PyObject i = it;
            it = null;
            Refs.decref(i);
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (it != null) {
                visitor.visit(it);
            }
            visitor.visit(count);
        }
    }

    static final PyType ZIP = PyType.builtin("zip", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code zip(*iterables, strict=False)}. */
    static final class Zip extends Base {
        private PyObject[] its;
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
            if (its == null || its.length == 0) {
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
                    release();
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
                release();
                throw Errors.valueError(msg);
            }
            for (int i = 1; i < its.length; i++) {
                PyObject v = its[i].next();
                if (v != null) {
                    Refs.decref(v);
                    String plural = i == 1 ? " " : "s 1-";
                    String msg = "zip() argument " + (i + 1) + " is longer than argument" + plural + i;
                    release();
                    throw Errors.valueError(msg);
                }
            }
        }

        private void release() {
            PyObject[] a = its;
            its = null;
            if (a != null) {
                Refs.decrefAll(a);
            }
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (its != null) {
                for (PyObject o : its) {
                    visitor.visit(o);
                }
            }
        }
    }

    static final PyType MAP = PyType.builtin("map", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code map(function, *iterables)}. */
    static final class MapIterator extends Base {
        private final PyObject function;
        private PyObject[] its;

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
            if (its == null) {
                return null;
            }
            PyObject[] args = new PyObject[its.length];
            try {
                for (int i = 0; i < its.length; i++) {
                    PyObject v = its[i].next();
                    if (v == null) {
                        PyObject[] a = its;
                        its = null;
                        Refs.decrefAll(a);
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
            if (its != null) {
                for (PyObject o : its) {
                    visitor.visit(o);
                }
            }
        }
    }

    static final PyType FILTER = PyType.builtin("filter", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code filter(function, iterable)}; a None function keeps the true items. */
    static final class Filter extends Base {
        private final PyObject function;
        private PyObject it;

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
            while (it != null) {
                PyObject v = it.next();
                if (v == null) {
                    PyObject i = it;
                    it = null;
                    Refs.decref(i);
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
            return null;
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(function);
            if (it != null) {
                visitor.visit(it);
            }
        }
    }

    static final PyType REVERSED = PyType.builtin("reversed", PyType.OBJECT).slotWrappers(Base.class).build();

    /** {@code reversed(sequence)} over a sequence with {@code len} and integer indexing. */
    static final class Reversed extends Base {
        private PyObject seq;
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
            if (seq == null) {
                return null;
            }
            if (index < 0 || index >= seq.length()) {
                PyObject s = seq;
                seq = null;
                Refs.decref(s);
                return null;
            }
            PyInt key = PyInt.of(index--);
            try {
                return seq.getItem(key);
            } finally {
                Refs.decref(key);
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
        private PyObject callable;
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
            if (callable == null) {
                return null;
            }
            PyObject v = callable.call(new PyObject[0], 0, 0, null);
            if (Compare.isEqual(v, sentinel)) {
                Refs.decref(v);
                PyObject c = callable;
                callable = null;
                Refs.decref(c);
                return null;
            }
            return v;
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
