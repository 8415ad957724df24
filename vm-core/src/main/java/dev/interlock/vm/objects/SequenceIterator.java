package dev.interlock.vm.objects;

import dev.interlock.api.memory.ReferenceVisitor;

/** An iterator over a tuple's items by index. */
final class SequenceIterator extends PyObject {

    private final PyType type;
    private final PyTuple tuple;
    private int index;

    SequenceIterator(PyTuple tuple, PyType type) {
        this.type = type;
        this.tuple = tuple;
        Refs.incref(tuple);
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public PyObject iter() {
        return Refs.newRef(this);
    }

    @Override
    public PyObject next() {
        int i = index; // threads sharing this iterator may repeat an item, never read past the end
        if (i >= tuple.size()) {
            return null;
        }
        index = i + 1;
        return Refs.newRef(tuple.get(i));
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(tuple);
    }
}
