package dev.interlock.vm.stdlib.functools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.Identity;
import dev.interlock.vm.objects.PyBool;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code lru_cache(maxsize=128, typed=False)} and {@code cache(user_function)}, as CPython's
 * {@code functools.py} defines them: an int maxsize (negative meaning 0) or None gives a decorator;
 * a callable is wrapped at once with maxsize 128. The wrapper gets {@code cache_parameters} in its
 * {@code __dict__} and the attributes of the wrapped function through {@code update_wrapper}.
 */
public final class LruCache {

    private LruCache() {
    }

    /** {@code lru_cache(maxsize, typed)}, arguments borrowed. */
    public static PyObject lruCache(PyObject maxsize, PyObject typed) {
        if (maxsize instanceof PyInt i) {
            return new Decorator(i.signum() < 0 ? PyInt.ZERO : i, typed);
        }
        if (maxsize.isCallable() && typed instanceof PyBool) {
            PyObject dflt = PyInt.of(128);
            try {
                return wrap(maxsize, dflt, typed, false);
            } finally {
                Refs.decref(dflt);
            }
        }
        if (maxsize != PyNone.INSTANCE) {
            throw Errors.typeError("Expected first argument to be an integer, a callable, or None");
        }
        return new Decorator(PyNone.INSTANCE, typed);
    }

    /** {@code cache(user_function)}: {@code lru_cache(maxsize=None)(user_function)}. */
    public static PyObject cache(PyObject fn) {
        return wrap(fn, PyNone.INSTANCE, PyBool.FALSE, true);
    }

    /**
     * The cached wrapper of {@code fn}, with {@code cache_parameters} and {@code update_wrapper}
     * applied; {@code viaDecorator} tells where CPython's lambda would have been defined.
     */
    static PyObject wrap(PyObject fn, PyObject maxsize, PyObject typed, boolean viaDecorator) {
        long bound = -1;
        if (maxsize != PyNone.INSTANCE) {
            PyInt i = maxsize.asIndex();
            try {
                if (!i.isSmall()) {
                    throw Errors.overflowError("Python int too large to convert to C ssize_t");
                }
                bound = Math.max(0, i.longValue());
            } finally {
                Refs.decref(i);
            }
        }
        LruCacheWrapper wrapper = new LruCacheWrapper(fn, bound, typed.isTrue());
        try {
            wrapper.instanceDict().setItemSteal("cache_parameters", new CacheParameters(maxsize, typed, viaDecorator));
            return Wrappers.updateWrapper(wrapper, fn, Wrappers.ASSIGNMENTS, Wrappers.UPDATES);
        } finally {
            Refs.decref(wrapper);
        }
    }

    static final PyType DECORATOR_TYPE = PyType.builtin("decorating_function", PyType.OBJECT).finalType()
            .module(FunctoolsTypes.MODULE).build();

    /** The {@code decorating_function} that {@code lru_cache(maxsize, typed)} returns. */
    static final class Decorator extends PyObject {
        private static final PythonSignature SIGNATURE =
                new PythonSignature("lru_cache.<locals>.decorating_function", new String[] {"user_function"}, 1, 0);

        private final PyObject maxsize;
        private final PyObject typed;

        /** Takes its own references. */
        Decorator(PyObject maxsize, PyObject typed) {
            this.maxsize = Refs.newRef(maxsize);
            this.typed = Refs.newRef(typed);
        }

        @Override
        public PyType type() {
            return DECORATOR_TYPE;
        }

        @Override
        public boolean isCallable() {
            return true;
        }

        @Override
        public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
            return wrap(SIGNATURE.bind(args, start, nargs, kwnames)[0], maxsize, typed, true);
        }

        @Override
        public String repr() {
            return "<function lru_cache.<locals>.decorating_function at " + Identity.address(this) + ">";
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            visitor.visit(maxsize);
            visitor.visit(typed);
        }
    }
}
