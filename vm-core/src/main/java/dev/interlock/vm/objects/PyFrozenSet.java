package dev.interlock.vm.objects;

import dev.interlock.api.storage.SetStorage;

/** Python's {@code frozenset}: immutable and hashable, its hash independent of element order. */
public final class PyFrozenSet extends PyAnySet {

    public static final PyType TYPE = SetTypes.defineFrozenSet();

    private long hash = -1;

    PyFrozenSet(int capacity) {
        super(capacity);
    }

    /** {@code frozenset(iterable)}. */
    public static PyFrozenSet fromIterable(PyObject iterable) {
        PyFrozenSet s = new PyFrozenSet(0);
        try {
            s.addAllFrom(iterable);
        } catch (RuntimeException | Error e) {
            Refs.decref(s);
            throw e;
        }
        return s;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    PyAnySet emptyLike() {
        return new PyFrozenSet(0);
    }

    @Override
    boolean frozen() {
        return true;
    }

    @Override
    public long hash() {
        long h = hash;
        if (h == -1) {
            h = hashOfElements(elements);
            hash = h;
        }
        return h;
    }

    /**
     * CPython's frozenset hash: the xor of each element's hash with its bits shuffled (so the
     * order does not matter), mixed with the size. Compare {@code frozenset_hash} in
     * {@code Objects/setobject.c}.
     */
    static long hashOfElements(SetStorage<PyObject> elements) {
        long h = 0;
        for (long eh : elements.hashes()) {
            h ^= shuffle(eh);
        }
        h ^= ((long) elements.size() + 1) * 1927868237L;
        h ^= (h >>> 11) ^ (h >>> 25);
        h = h * 69069L + 907133923L;
        if (h == -1) {
            h = 590923713L;
        }
        return h;
    }

    private static long shuffle(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }
}
