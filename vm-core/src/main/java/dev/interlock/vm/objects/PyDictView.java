package dev.interlock.vm.objects;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.ops.Compare;
import java.util.List;

/**
 * {@code dict.keys()}, {@code dict.values()} and {@code dict.items()}: live views of a dict; for
 * an OrderedDict the {@code odict_keys} family, subclasses of these. Both can be reversed.
 */
public final class PyDictView extends PyObject {

    /** Which view. */
    public enum Kind {
        KEYS("keys", DictIterator.Kind.KEYS),
        VALUES("values", DictIterator.Kind.VALUES),
        ITEMS("items", DictIterator.Kind.ITEMS);

        final PyType type;
        final PyType orderedType;
        final PyType reverseIterator;
        final DictIterator.Kind iteration;

        Kind(String name, DictIterator.Kind iteration) {
            this.type = PyType.builtin("dict_" + name, PyType.OBJECT).finalType()
                    .method(BuiltinDef.noArgs("__reversed__", (PyDictView self) -> reversedIterator(self.dict, self.kind)))
                    .slotWrappers(PyDictView.class)
                    .build();
            this.orderedType = PyType.builtin("odict_" + name, type).finalType().build();
            this.reverseIterator = PyType.builtin("dict_reverse" + name.substring(0, name.length() - 1) + "iterator",
                    PyType.OBJECT).finalType().build();
            this.iteration = iteration;
        }
    }

    private final PyDict dict;
    private final Kind kind;
    private final boolean ordered;

    PyDictView(PyDict dict, Kind kind) {
        this(dict, kind, false);
    }

    private PyDictView(PyDict dict, Kind kind, boolean ordered) {
        this.dict = dict;
        this.kind = kind;
        this.ordered = ordered;
        Refs.incref(dict);
    }

    /** An {@code odict_keys}, {@code odict_values} or {@code odict_items} view of {@code dict}. */
    public static PyDictView ordered(PyDict dict, Kind kind) {
        return new PyDictView(dict, kind, true);
    }

    /**
     * {@code reversed(d)} or {@code reversed(d.keys())} and the like: the keys, values or pairs
     * last first, from a snapshot taken now.
     */
    public static PyObject reversedIterator(PyDict dict, Kind kind) {
        List<MapStorage.Entry<PyObject, PyObject>> list = dict.entryList();
        PyObject[] out = new PyObject[list.size()];
        for (int i = 0; i < out.length; i++) {
            MapStorage.Entry<PyObject, PyObject> e = list.get(out.length - 1 - i);
            switch (kind) {
                case KEYS:
                    out[i] = e.key();
                    Refs.decref(e.value());
                    break;
                case VALUES:
                    out[i] = e.value();
                    Refs.decref(e.key());
                    break;
                default:
                    out[i] = PyTuple.steal(new PyObject[] {e.key(), e.value()});
                    break;
            }
        }
        PyTuple items = PyTuple.steal(out);
        PyObject it = new SequenceIterator(items, kind.reverseIterator);
        Refs.decref(items);
        return it;
    }

    @Override
    public PyType type() {
        return ordered ? kind.orderedType : kind.type;
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
        StringBuilder b = new StringBuilder(type().name()).append("([");
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
