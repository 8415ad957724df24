package dev.interlock.vm.stdlib.collections;

import static dev.interlock.vm.objects.BuiltinDef.noArgs;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code _collections._tuplegetter(index, doc)}: the read-only field descriptors of the classes
 * {@code namedtuple} makes. Read through an instance it gives item {@code index} of the tuple;
 * assigning or deleting raises {@code AttributeError: can't set attribute} /
 * {@code can't delete attribute}.
 */
final class TupleGetter extends PyObject {

    static final PyType TYPE = PyType.builtin("_tuplegetter", PyType.OBJECT).module("_collections").finalType()
            .constructor((t, a, s, n, kw) -> {
                if (kw != null && kw.size() > 0) {
                    throw Errors.typeError("_tuplegetter() takes no keyword arguments");
                }
                BuiltinDef.checkPositional("_tuplegetter", n, 2, 2);
                PyInt i = a[s].asIndex();
                try {
                    if (!i.isSmall()) {
                        throw Errors.overflowError("Python int too large to convert to C ssize_t");
                    }
                    return new TupleGetter(i.longValue(), a[s + 1]);
                } finally {
                    Refs.decref(i);
                }
            })
            .property("__doc__", self -> Refs.newRef(((TupleGetter) self).doc), (self, v) -> ((TupleGetter) self).replaceDoc(v))
            .method(noArgs("__reduce__", (TupleGetter self) -> {
                PyInt i = PyInt.of(self.index);
                PyTuple args = PyTuple.of(i, self.doc);
                Refs.decref(i);
                return PyTuple.steal(new PyObject[] {Refs.newRef(self.type()), args});
            }))
            .build();

    private final long index;
    private PyObject doc;

    private TupleGetter(long index, PyObject doc) {
        this.index = index;
        this.doc = Refs.newRef(doc);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String typeName() {
        return TYPE.qualifiedName();
    }

    private void replaceDoc(PyObject v) {
        PyObject old = doc;
        doc = Refs.newRef(v == null ? PyNone.INSTANCE : v);
        Refs.decref(old);
    }

    @Override
    public PyObject descriptorGet(PyObject instance, PyType owner) {
        if (instance == null || instance == PyNone.INSTANCE) {
            return Refs.newRef(this);
        }
        if (!(instance instanceof PyTuple t)) {
            throw Errors.typeError("descriptor for index '" + index + "' for tuple subclasses doesn't apply to '"
                    + instance.typeName() + "' object");
        }
        if (index < 0 || index >= t.size()) {
            throw Errors.indexError("tuple index out of range");
        }
        return Refs.newRef(t.get((int) index));
    }

    @Override
    public boolean isDataDescriptor() {
        return true;
    }

    @Override
    public void descriptorSet(PyObject instance, PyObject value) {
        throw Errors.attributeError(value == null ? "can't delete attribute" : "can't set attribute");
    }

    @Override
    public String repr() {
        return "_tuplegetter(" + index + ", " + doc.repr() + ")";
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(doc);
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        PyObject d = doc;
        doc = PyNone.INSTANCE;
        memory.decref(d);
    }
}
