package dev.interlock.vm.objects;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;

/**
 * Iterates a dict's keys, values or items in insertion order. As CPython's dict iterators, it
 * raises {@code RuntimeError: dictionary changed size during iteration} when the dict's size
 * changes under it.
 */
final class DictIterator extends PyObject {

    enum Kind {
        KEYS("dict_keyiterator"),
        VALUES("dict_valueiterator"),
        ITEMS("dict_itemiterator");

        final PyType type;

        Kind(String name) {
            this.type = PyType.builtin(name, PyType.OBJECT).finalType().slotWrappers(DictIterator.class).build();
        }
    }

    private static final java.lang.invoke.VarHandle DICT = SharedFields.handle(java.lang.invoke.MethodHandles.lookup(),
            DictIterator.class, "dict", PyDict.class);
    private volatile PyDict dict;
    private final Kind kind;
    private final MapStorage.Cursor<PyObject, PyObject> cursor;
    private final int size;

    DictIterator(PyDict dict, Kind kind) {
        this.dict = dict;
        this.kind = kind;
        this.cursor = dict.storage().cursor();
        this.size = dict.size();
        Refs.incref(dict);
        Refs.memory().share(dict); // threads sharing the iterator count it with tryIncref
    }

    @Override
    public PyType type() {
        return kind.type;
    }

    @Override
    public PyObject iter() {
        return Refs.newRef(this);
    }

    @Override
    public PyObject next() {
        // A reference of this call's own: another thread sharing the iterator may reach the end
        // and give the dict back (possibly its last reference) while this one still reads it.
        PyDict d = SharedFields.loadNew(DICT, this);
        if (d == null) {
            return null;
        }
        try {
            if (d.size() != size) {
                if (dict == null) {
                    return null; // another thread sharing this iterator reached the end and gave the dict back
                }
                throw Errors.runtimeError("dictionary changed size during iteration");
            }
            MapStorage.Entry<PyObject, PyObject> e = cursor.next();
            if (e == null) {
                if (DICT.compareAndSet(this, d, null)) { // exactly one of the threads sharing it gives the dict back
                    Refs.decref(d);
                }
                return null;
            }
            switch (kind) {
                case KEYS:
                    Refs.decref(e.value());
                    return e.key();
                case VALUES:
                    Refs.decref(e.key());
                    return e.value();
                default:
                    return PyTuple.steal(new PyObject[] {e.key(), e.value()});
            }
        } finally {
            Refs.decref(d);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (dict != null) {
            visitor.visit(dict);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyDict d = SharedFields.exchange(DICT, this, null);
        if (d != null) {
            memory.decref(d);
        }
    }
}
