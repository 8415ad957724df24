package dev.interlock.vm.stdlib.functools;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyBaseObject;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyMethod;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * The callable {@code functools.lru_cache} makes ({@code functools._lru_cache_wrapper}): it calls
 * the wrapped function only for arguments not seen among the most recent {@code maxsize} calls.
 *
 * <p>Keys are CPython's ({@code _make_key} and its C twin): the positional arguments, then a
 * marker and the keyword items in the order given (so {@code f(a=1, b=2)} and {@code f(b=2, a=1)}
 * are cached apart), then the argument types when {@code typed}; a single int or str argument is
 * its own key.
 *
 * <p>Three modes, as CPython: {@code maxsize=0} caches nothing, {@code maxsize=None} caches
 * everything in a dict of key to result, and a bounded cache maps each key to a {@link Link} of a
 * doubly-linked list in order of use, the least recently used first.
 *
 * <p>Thread safety: the dict is a {@code PyDict}, whose storage the strategy makes safe; its
 * operations may run Python code (key hashing and equality). The recency list and the counters
 * are guarded by a Java lock that is never held while Python code runs: not while the wrapped
 * function runs, not during a dict operation, and not while a reference is given back (which could
 * run a finalizer). A result computed by two threads at once is stored by the first to finish.
 */
public final class LruCacheWrapper extends PyObject {

    public static final PyType TYPE = PyType.builtin("_lru_cache_wrapper", PyType.OBJECT).finalType()
            .module(FunctoolsTypes.MODULE)
            .method(noArgs("cache_info", (LruCacheWrapper self) -> self.cacheInfo()))
            .method(noArgs("cache_clear", (LruCacheWrapper self) -> {
                self.cacheClear();
                return PyNone.INSTANCE;
            }))
            .method(noArgs("__copy__", (LruCacheWrapper self) -> Refs.newRef(self)))
            .method(oneArg("__deepcopy__", (LruCacheWrapper self, PyObject memo) -> Refs.newRef(self)))
            .getter("__dict__", self -> Refs.newRef(((LruCacheWrapper) self).dict))
            .build();

    static final PyType LINK_TYPE = PyType.builtin("_lru_list_elem", PyType.OBJECT).finalType()
            .module(FunctoolsTypes.MODULE).build();

    /** Separates positional arguments from keyword items in keys ({@code kwd_mark}). */
    private static final PyObject KWD_MARK = new PyBaseObject();

    static {
        KWD_MARK.setRefLocal(IMMORTAL);
    }

    private final PyObject func;
    /** The bound, or -1 for no bound ({@code maxsize=None}). */
    private final long maxsize;
    private final boolean typed;
    private final PyDict cache = PyDict.create();
    private final PyDict dict = PyDict.create();

    private final Object lock = new Object();
    /** Sentinel of the recency list: {@code root.next} is the least recently used link. */
    private final Link root = new Link(this);
    private long linked;
    private long hits;
    private long misses;

    /**
     * Wraps {@code func} (borrowed).
     *
     * @param maxsize the bound (negative treated as 0), or -1 for unbounded
     */
    public LruCacheWrapper(PyObject func, long maxsize, boolean typed) {
        if (!func.isCallable()) {
            throw Errors.typeError("the first argument must be callable");
        }
        this.func = Refs.newRef(func);
        this.maxsize = maxsize;
        this.typed = typed;
        root.prev = root;
        root.next = root;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String typeName() {
        return TYPE.qualifiedName();
    }

    @Override
    public PyDict instanceDict() {
        return dict;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    /** Like a function, it binds to an instance when found on a class. */
    @Override
    public PyObject descriptorGet(PyObject instance, PyType owner) {
        if (instance == null) {
            return Refs.newRef(this);
        }
        return new PyMethod(this, instance);
    }

    @Override
    public PyObject call(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        if (maxsize == 0) {
            synchronized (lock) {
                misses++;
            }
            return func.call(args, start, nargs, kwnames);
        }
        PyObject key = makeKey(args, start, nargs, kwnames);
        try {
            return maxsize < 0 ? callUnbounded(key, args, start, nargs, kwnames)
                    : callBounded(key, args, start, nargs, kwnames);
        } finally {
            Refs.decref(key);
        }
    }

    private PyObject callUnbounded(PyObject key, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        PyObject result = cache.getItemOrNull(key);
        if (result != null) {
            synchronized (lock) {
                hits++;
            }
            return result;
        }
        synchronized (lock) {
            misses++;
        }
        result = func.call(args, start, nargs, kwnames);
        try {
            cache.setItem(key, result);
        } catch (RuntimeException | Error e) {
            Refs.decref(result);
            throw e;
        }
        return result;
    }

    private PyObject callBounded(PyObject key, PyObject[] args, int start, int nargs, PyTuple kwnames) {
        PyObject found = cache.getItemOrNull(key);
        if (found != null) {
            Link link = (Link) found;
            synchronized (lock) {
                if (link.isLinked()) {
                    link.unlink();
                    link.linkLast(root);
                }
                hits++;
            }
            PyObject result = Refs.newRef(link.result);
            Refs.decref(link);
            return result;
        }
        synchronized (lock) {
            misses++;
        }
        PyObject result = func.call(args, start, nargs, kwnames);
        Link oldest = null;
        try {
            Link link = new Link(this, key, result);
            try {
                PyObject present = cache.setDefault(key, link);
                Refs.decref(present);
                if (present != link) {
                    return result; // the same key was cached during the call: keep that entry
                }
                synchronized (lock) {
                    link.linkLast(root);
                    linked++;
                    if (linked > maxsize) {
                        oldest = root.next;
                        oldest.unlink();
                        linked--;
                        Refs.incref(oldest);
                    }
                }
            } finally {
                Refs.decref(link);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(result);
            throw e;
        }
        if (oldest != null) {
            try {
                PyObject popped = cache.pop(oldest.key);
                Refs.xdecref(popped);
            } finally {
                Refs.decref(oldest);
            }
        }
        return result;
    }

    /** The cache key of a call ({@code _make_key}), as a new reference. */
    private PyObject makeKey(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        int nk = kwnames == null ? 0 : kwnames.size();
        if (!typed && nk == 0) {
            if (nargs == 1) {
                PyObject only = args[start];
                PyType t = only.type();
                if (t == PyInt.TYPE || t == PyStr.TYPE) {
                    return Refs.newRef(only);
                }
            }
            return PyTuple.copyOf(args, start, nargs);
        }
        int size = nargs + (nk > 0 ? 2 * nk + 1 : 0) + (typed ? nargs + nk : 0);
        PyObject[] items = new PyObject[size];
        int i = 0;
        for (int j = 0; j < nargs; j++) {
            items[i++] = args[start + j];
        }
        if (nk > 0) {
            items[i++] = KWD_MARK;
            for (int j = 0; j < nk; j++) {
                items[i++] = kwnames.get(j);
                items[i++] = args[start + nargs + j];
            }
        }
        if (typed) {
            for (int j = 0; j < nargs; j++) {
                items[i++] = args[start + j].type();
            }
            for (int j = 0; j < nk; j++) {
                items[i++] = args[start + nargs + j].type();
            }
        }
        return PyTuple.of(items);
    }

    /** {@code cache_info()}. */
    private PyObject cacheInfo() {
        long h;
        long m;
        synchronized (lock) {
            h = hits;
            m = misses;
        }
        PyObject[] fields = {PyInt.of(h), PyInt.of(m), maxsize < 0 ? PyNone.INSTANCE : PyInt.of(maxsize),
                PyInt.of(cache.size())};
        try {
            return new CacheInfo(fields[0], fields[1], fields[2], fields[3]);
        } finally {
            Refs.decrefAll(fields);
        }
    }

    /** {@code cache_clear()}: forgets every entry and resets the statistics. */
    private void cacheClear() {
        synchronized (lock) {
            Link l = root.next;
            while (l != root) {
                Link following = l.next;
                l.prev = null;
                l.next = null;
                l = following;
            }
            root.next = root;
            root.prev = root;
            linked = 0;
            hits = 0;
            misses = 0;
        }
        cache.clear();
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(func);
        visitor.visit(cache);
        visitor.visit(dict);
    }

    /**
     * An entry of a bounded cache: the key, the result, and its place in the recency list (links
     * guarded by the wrapper's lock). A link leaves the list when evicted or cleared, or at the
     * latest when it is deallocated, so the list only ever holds live links.
     */
    static final class Link extends PyObject {
        private final LruCacheWrapper owner;
        final PyObject key;
        final PyObject result;
        Link prev;
        Link next;

        /** The root sentinel: no key, no result. */
        private Link(LruCacheWrapper owner) {
            this.owner = owner;
            this.key = null;
            this.result = null;
            makeStaticImmortal();
        }

        /** Takes its own references to {@code key} and {@code result}. */
        Link(LruCacheWrapper owner, PyObject key, PyObject result) {
            this.owner = owner;
            this.key = Refs.newRef(key);
            this.result = Refs.newRef(result);
        }

        @Override
        public PyType type() {
            return LINK_TYPE;
        }

        boolean isLinked() {
            return next != null;
        }

        /** Under the owner's lock. */
        void unlink() {
            prev.next = next;
            next.prev = prev;
            prev = null;
            next = null;
        }

        /** Under the owner's lock: makes this the most recently used. */
        void linkLast(Link root) {
            Link last = root.prev;
            prev = last;
            next = root;
            last.next = this;
            root.prev = this;
        }

        @Override
        public void traverse(ReferenceVisitor visitor) {
            if (key != null) {
                visitor.visit(key);
                visitor.visit(result);
            }
        }

        @Override
        public void releaseReferences(MemoryManager memory) {
            synchronized (owner.lock) {
                if (isLinked()) {
                    unlink();
                    owner.linked--;
                }
            }
            super.releaseReferences(memory);
        }
    }
}
