package dev.interlock.vm.objects;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.ops.Compare;
import java.util.List;

/** {@code dict.keys()}, {@code dict.values()} and {@code dict.items()}: live views of a dict. */
public final class PyDictView extends PyObject {

    /** Which view. */
    enum Kind {
        KEYS("dict_keys", DictIterator.Kind.KEYS),
        VALUES("dict_values", DictIterator.Kind.VALUES),
        ITEMS("dict_items", DictIterator.Kind.ITEMS);

        final PyType type;
        final DictIterator.Kind iteration;

        Kind(String name, DictIterator.Kind iteration) {
            this.type = PyType.builtin(name, PyType.OBJECT).finalType().slotWrappers(PyDictView.class).build();
            this.iteration = iteration;
        }
    }

    private final PyDict dict;
    private final Kind kind;

    PyDictView(PyDict dict, Kind kind) {
        this.dict = dict;
        this.kind = kind;
        Refs.incref(dict);
    }

    @Override
    public PyType type() {
        return kind.type;
    }

    @Override
    public boolean hasLength() {
        return true;
    }

    @Override
    public int length() {
        return dict.size();
    }

    @Override
    public boolean isTrue() {
        return dict.size() != 0;
    }

    @Override
    public PyObject iter() {
        return new DictIterator(dict, kind.iteration);
    }

    @Override
    public boolean contains(PyObject item) {
        switch (kind) {
            case KEYS:
                return dict.contains(item);
            case ITEMS:
                if (!(item instanceof PyTuple t) || t.size() != 2) {
                    return false;
                }
                PyObject v = dict.getItemOrNull(t.get(0));
                if (v == null) {
                    return false;
                }
                try {
                    return Compare.isEqual(v, t.get(1));
                } finally {
                    Refs.decref(v);
                }
            default:
                return super.contains(item);
        }
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (kind == Kind.VALUES || !(other instanceof PyDictView o) || o.kind != kind
                || (op != Compare.EQ && op != Compare.NE)) {
            return PyNotImplemented.INSTANCE;
        }
        boolean eq = dict.size() == o.dict.size();
        if (eq) {
            PyObject it = iter();
            try {
                for (PyObject x = it.next(); x != null && eq; x = it.next()) {
                    eq = o.contains(x);
                    Refs.decref(x);
                }
            } finally {
                Refs.decref(it);
            }
        }
        return PyBool.of(op == Compare.EQ ? eq : !eq);
    }

    @Override
    public String repr() {
        StringBuilder b = new StringBuilder(kind.type.name()).append("([");
        List<MapStorage.Entry<PyObject, PyObject>> list = dict.entryList();
        try {
            boolean first = true;
            for (MapStorage.Entry<PyObject, PyObject> e : list) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                switch (kind) {
                    case KEYS:
                        b.append(e.key().repr());
                        break;
                    case VALUES:
                        b.append(e.value().repr());
                        break;
                    default:
                        b.append('(').append(e.key().repr()).append(", ").append(e.value().repr()).append(')');
                        break;
                }
            }
        } finally {
            PyDict.release(list);
        }
        return b.append("])").toString();
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(dict);
    }
}
