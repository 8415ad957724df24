package dev.interlock.vm.stdlib.functools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code functools.CacheInfo(hits, misses, maxsize, currsize)}, what {@code cache_info()} returns.
 * In CPython it is a named tuple; here it is a read-only object that behaves as one for what
 * programs do with it: the named fields, indexing, {@code len}, iteration, unpacking, comparison
 * and hashing as the tuple of its fields, and the named tuple's repr.
 */
public final class CacheInfo extends PyObject {

    public static final PyType TYPE = PyType.builtin("CacheInfo", PyType.OBJECT).finalType().module(FunctoolsTypes.MODULE)
            .getter("hits", self -> field(self, 0))
            .getter("misses", self -> field(self, 1))
            .getter("maxsize", self -> field(self, 2))
            .getter("currsize", self -> field(self, 3))
            .build();

    private static final String[] NAMES = {"hits", "misses", "maxsize", "currsize"};

    private final PyTuple values;

    /** Takes its own references to the four values. */
    public CacheInfo(PyObject hits, PyObject misses, PyObject maxsize, PyObject currsize) {
        this.values = PyTuple.of(hits, misses, maxsize, currsize);
    }

    private static PyObject field(PyObject self, int i) {
        return Refs.newRef(((CacheInfo) self).values.get(i));
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
    public String repr() {
        StringBuilder b = new StringBuilder("CacheInfo(");
        for (int i = 0; i < NAMES.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(NAMES[i]).append('=').append(values.get(i).repr());
        }
        return b.append(')').toString();
    }

    @Override
    public boolean hasLength() {
        return true;
    }

    @Override
    public int length() {
        return values.size();
    }

    @Override
    public PyObject getItem(PyObject key) {
        return values.getItem(key);
    }

    @Override
    public PyObject iter() {
        return values.iter();
    }

    @Override
    public boolean contains(PyObject item) {
        return values.contains(item);
    }

    @Override
    public long hash() {
        return values.hash();
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        return values.richCompare(other instanceof CacheInfo c ? c.values : other, op);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(values);
    }
}
