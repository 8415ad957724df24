package dev.interlock.vm.stdlib.functools;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.api.storage.MapStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.objects.ReprGuard;
import java.util.List;

/**
 * {@code functools.partial(func, /, *args, **keywords)}: a callable that calls {@code func} with
 * {@code args} before the call's positional arguments and {@code keywords} updated by the call's
 * keywords. A partial of a plain partial (one without instance attributes) is flattened, as in
 * CPython. {@code func}, {@code args} and {@code keywords} are read-only; other attributes go to
 * the instance {@code __dict__}.
 */
public final class Partial extends PyObject {

    public static final PyType TYPE = PyType.builtin("partial", PyType.OBJECT).module(FunctoolsTypes.MODULE)
            .allocator((t, a, s, n, kw) -> {
                throw new NotSupportedError("instances of classes derived from functools.partial");
            })
            .constructor((t, a, s, n, kw) -> create(a, s, n, kw))
            .getter("func", self -> Refs.newRef(((Partial) self).fn))
            .getter("args", self -> Refs.newRef(((Partial) self).args))
            .getter("keywords", self -> Refs.newRef(((Partial) self).keywords))
            .getter("__dict__", self -> Refs.newRef(((Partial) self).materializedDict()))
            .build();

    private final PyObject fn;
    private final PyTuple args;
    private final PyDict keywords;
    /** The instance dict, created when first needed: CPython flattens only partials without one. */
    private PyDict dict;
    private static final java.lang.invoke.VarHandle DICT = dev.interlock.vm.objects.SharedFields.handle(
            java.lang.invoke.MethodHandles.lookup(), Partial.class, "dict", PyDict.class);

    /** Takes over {@code args} and {@code keywords}; takes its own reference to {@code fn}. */
    private Partial(PyObject fn, PyTuple args, PyDict keywords) {
        this.fn = Refs.newRef(fn);
        this.args = args;
        this.keywords = keywords;
    }

    /** {@code partial(func, *args, **keywords)}, vectorcall style. */
    public static Partial create(PyObject[] a, int s, int n, PyTuple kwnames) {
        if (n < 1) {
            throw Errors.typeError("type 'partial' takes at least one argument");
        }
        PyObject func = a[s];
        if (!func.isCallable()) {
            throw Errors.typeError("the first argument must be callable");
        }
        PyTuple innerArgs = PyTuple.EMPTY;
        PyDict innerKeywords = null;
        if (func instanceof Partial inner && inner.dict == null) {
            func = inner.fn;
            innerArgs = inner.args;
            innerKeywords = inner.keywords;
        }
        PyTuple allArgs;
        if (n == 1) {
            allArgs = Refs.newRef(innerArgs);
        } else {
            PyObject[] items = new PyObject[innerArgs.size() + n - 1];
            System.arraycopy(innerArgs.array(), 0, items, 0, innerArgs.size());
            System.arraycopy(a, s + 1, items, innerArgs.size(), n - 1);
            allArgs = PyTuple.of(items);
        }
        PyDict kw = innerKeywords == null ? PyDict.create() : innerKeywords.copy();
        try {
            int k = kwnames == null ? 0 : kwnames.size();
            for (int i = 0; i < k; i++) {
                kw.setItem(kwnames.get(i), a[s + n + i]);
            }
        } catch (RuntimeException | Error e) {
            Refs.decref(allArgs);
            Refs.decref(kw);
            throw e;
        }
        return new Partial(func, allArgs, kw);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public String typeName() {
        return TYPE.qualifiedName();
    }

    /** {@code func}, borrowed. */
    public PyObject function() {
        return fn;
    }

    @Override
    public boolean isCallable() {
        return true;
    }

    @Override
    public PyObject call(PyObject[] a, int s, int n, PyTuple kwnames) {
        int k = kwnames == null ? 0 : kwnames.size();
        int np = args.size();
        if (keywords.size() == 0) {
            if (np == 0) {
                return fn.call(a, s, n, kwnames);
            }
            PyObject[] all = new PyObject[np + n + k];
            System.arraycopy(args.array(), 0, all, 0, np);
            System.arraycopy(a, s, all, np, n + k);
            return fn.call(all, 0, np + n, kwnames);
        }
        // Keywords: the partial's, updated by the call's (dict update order), as CPython's partial_call.
        PyDict merged = keywords.copy();
        List<MapStorage.Entry<PyObject, PyObject>> entries = null;
        try {
            for (int i = 0; i < k; i++) {
                merged.setItem(kwnames.get(i), a[s + n + i]);
            }
            entries = merged.entryList();
            int nk = entries.size();
            PyObject[] all = new PyObject[np + n + nk];
            PyObject[] names = new PyObject[nk];
            System.arraycopy(args.array(), 0, all, 0, np);
            System.arraycopy(a, s, all, np, n);
            for (int i = 0; i < nk; i++) {
                MapStorage.Entry<PyObject, PyObject> e = entries.get(i);
                if (!(e.key() instanceof PyStr)) {
                    throw Errors.typeError("keywords must be strings");
                }
                names[i] = e.key();
                all[np + n + i] = e.value();
            }
            PyTuple kwTuple = PyTuple.of(names);
            try {
                return fn.call(all, 0, np + n, kwTuple);
            } finally {
                Refs.decref(kwTuple);
            }
        } finally {
            if (entries != null) {
                PyDict.release(entries);
            }
            Refs.decref(merged);
        }
    }

    @Override
    public PyDict instanceDict() {
        return dict;
    }

    private PyDict materializedDict() {
        PyDict d = dev.interlock.vm.objects.SharedFields.peek(DICT, this);
        if (d == null) {
            d = dev.interlock.vm.objects.SharedFields.install(DICT, this, PyDict.create()); // two racing threads keep one dict
        }
        return d;
    }

    @Override
    public void setAttribute(PyStr name, PyObject value) {
        String n = name.value();
        if (n.equals("func") || n.equals("args") || n.equals("keywords")) {
            throw Errors.attributeError("readonly attribute");
        }
        if (n.equals("__dict__")) {
            if (!(value instanceof PyDict d)) {
                throw Errors.typeError("__dict__ must be set to a dictionary, not a '" + value.typeName() + "'");
            }
            PyDict old = dict;
            dict = Refs.newRef(d);
            Refs.xdecref(old);
            return;
        }
        materializedDict();
        super.setAttribute(name, value);
    }

    @Override
    public void deleteAttribute(PyStr name) {
        String n = name.value();
        if (n.equals("func") || n.equals("args") || n.equals("keywords")) {
            throw Errors.attributeError("readonly attribute");
        }
        super.deleteAttribute(name);
    }

    @Override
    public String repr() {
        if (!ReprGuard.enter(this)) {
            return "...";
        }
        List<MapStorage.Entry<PyObject, PyObject>> entries = keywords.entryList();
        try {
            StringBuilder b = new StringBuilder(typeName()).append('(').append(fn.repr());
            for (PyObject arg : args.array()) {
                b.append(", ").append(arg.repr());
            }
            for (MapStorage.Entry<PyObject, PyObject> e : entries) {
                b.append(", ").append(e.key().str()).append('=').append(e.value().repr());
            }
            return b.append(')').toString();
        } finally {
            PyDict.release(entries);
            ReprGuard.exit(this);
        }
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        visitor.visit(fn);
        visitor.visit(args);
        visitor.visit(keywords);
        if (dict != null) {
            visitor.visit(dict);
        }
    }

    @Override
    public void releaseReferences(MemoryManager memory) {
        super.releaseReferences(memory);
        dict = null;
    }
}
