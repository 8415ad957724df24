package dev.interlock.vm.stdlib.collections;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ExceptionTypes;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code odict_iterator}: iterates an OrderedDict's keys, values or pairs, forwards or (from a
 * snapshot of the keys) backwards. Once keys have been added, removed or moved it raises
 * {@code RuntimeError: OrderedDict mutated during iteration}; once exhausted it stays exhausted.
 */
final class ODictIterator extends PyObject {

    /** What the iterator yields. */
    enum Kind {
        KEYS, VALUES, ITEMS
    }

    static final PyType TYPE = PyType.builtin("odict_iterator", PyType.OBJECT).finalType()
            .method(noArgs("__iter__", (PyObject self) -> Refs.newRef(self)))
            .method(noArgs("__next__", (PyObject self) -> {
                PyObject v = self.next();
                if (v == null) {
                    throw Errors.of(ExceptionTypes.STOP_ITERATION);
                }
                return v;
            }))
            .build();

    private PyDict dict;
    private final Kind kind;
    private final long version;
    private final MapStorage.Cursor<PyObject, PyObject> cursor;
    /** For a reverse iterator: the keys, last first, and how many were returned. */
    private PyObject[] reversedKeys;
    private int position;

    ODictIterator(PyDict dict, Kind kind, boolean reverse) {
        this.dict = Refs.newRef(dict);
        this.kind = kind;
        this.version = dict.storage().version();
        if (reverse) {
            PyObject[] keys = PyDict.keysOf(dict).toArray(new PyObject[0]);
            for (int i = 0, j = keys.length - 1; i < j; i++, j--) {
                PyObject t = keys[i];
                keys[i] = keys[j];
                keys[j] = t;
            }
            this.reversedKeys = keys;
            this.cursor = null;
        } else {
            this.cursor = dict.storage().cursor();
        }
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject iter() {
        return Refs.newRef(this);
    }

    @Override
    public PyObject next() {
        PyDict d = dict;
        if (d == null) {
            return null;
        }
        if (d.storage().version() != version) {
            finish();
            throw Errors.runtimeError("OrderedDict mutated during iteration");
        }
        PyObject key;
        PyObject value = null;
        if (cursor != null) {
            MapStorage.Entry<PyObject, PyObject> e = cursor.next();
            if (e == null) {
                finish();
                return null;
            }
            key = e.key();
            value = e.value();
        } else {
            if (position >= reversedKeys.length) {
                finish();
                return null;
            }
            key = Refs.newRef(reversedKeys[position++]);
            if (kind != Kind.KEYS) {
                value = d.getItemOrNull(key);
                if (value == null) {
                    Refs.decref(key);
                    finish();
                    throw Errors.runtimeError("OrderedDict mutated during iteration");
                }
            }
        }
        switch (kind) {
            case KEYS:
                Refs.xdecref(value);
                return key;
            case VALUES:
                Refs.decref(key);
                return value;
            default:
                return PyTuple.steal(new PyObject[] {key, value});
        }
    }

    /** Drops the dict and the snapshot: an exhausted iterator stays exhausted. */
    private void finish() {
        PyDict d = dict;
        dict = null;
        PyObject[] keys = reversedKeys;
        reversedKeys = null;
        if (keys != null) {
            Refs.decrefAll(keys);
        }
        Refs.xdecref(d);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        if (dict != null) {
            visitor.visit(dict);
        }
        if (reversedKeys != null) {
            for (int i = 0; i < reversedKeys.length; i++) {
                visitor.visit(reversedKeys[i]);
            }
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyDict d = dict;
        dict = null;
        PyObject[] keys = reversedKeys;
        reversedKeys = null;
        if (keys != null) {
            for (PyObject k : keys) {
                memory.decref(k);
            }
        }
        if (d != null) {
            memory.decref(d);
        }
    }
}
