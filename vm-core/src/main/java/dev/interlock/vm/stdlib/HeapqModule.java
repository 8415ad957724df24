package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.api.storage.ListStorage;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.PyException;
import dev.interlock.vm.objects.BuiltinDef;
import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyList;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import java.util.List;

/**
 * {@code _heapq}: the heap operations on a list that CPython writes in C ({@code heappush},
 * {@code heappop}, {@code heapify}, {@code heapreplace}, {@code heappushpop} and the max-heap
 * helpers {@code merge} and {@code nsmallest} use). They compare with {@code <} only and sift
 * exactly as CPython does, so heaps come out item for item the same. {@code heapq} itself is
 * Python, bundled as {@code dev/interlock/lib/heapq.py}, and adds {@code merge},
 * {@code nlargest} and {@code nsmallest}.
 *
 * <p>Items are read and written through the list's storage one at a time, and every comparison
 * (which may run Python code) happens outside a storage operation. As in CPython, a list whose
 * size changes while a comparison runs gives {@code RuntimeError: list changed size during
 * iteration}; concurrent changes by other threads can at worst reorder the heap, never corrupt
 * the list.
 */
public final class HeapqModule implements NativeModule {

    @Override
    public String name() {
        return "_heapq";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("_heapq", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of("Heap queue algorithm (a.k.a. priority queue): the list operations, in Java."));
        for (BuiltinDef def : functions()) {
            d.setItemSteal(def.name(), new PyBuiltinFunction(def, "_heapq"));
        }
        return module;
    }

    private static List<BuiltinDef> functions() {
        return List.of(
                positional("heappush", 2, 2, (PyObject self, PyObject[] a, int s, int n) -> {
                    PyList heap = heapArg("heappush() argument 1", a[s]);
                    heap.append(a[s + 1]);
                    siftDown(heap, 0, heap.size() - 1, false);
                    return PyNone.INSTANCE;
                }),
                oneArg("heappop", (PyObject self, PyObject heap) -> pop(heapArg("heappop() argument", heap), false)),
                oneArg("heapify", (PyObject self, PyObject heap) -> {
                    heapify(heapArg("heapify() argument", heap), false);
                    return PyNone.INSTANCE;
                }),
                positional("heapreplace", 2, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        replace(heapArg("heapreplace() argument 1", a[s]), a[s + 1], false)),
                positional("heappushpop", 2, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        pushPop(heapArg("heappushpop() argument 1", a[s]), a[s + 1])),
                oneArg("_heappop_max", (PyObject self, PyObject heap) -> pop(heapArg("_heappop_max() argument", heap), true)),
                oneArg("_heapify_max", (PyObject self, PyObject heap) -> {
                    heapify(heapArg("_heapify_max() argument", heap), true);
                    return PyNone.INSTANCE;
                }),
                positional("_heapreplace_max", 2, 2, (PyObject self, PyObject[] a, int s, int n) ->
                        replace(heapArg("_heapreplace_max() argument 1", a[s]), a[s + 1], true)));
    }

    private static PyList heapArg(String what, PyObject o) {
        if (o instanceof PyList l) {
            return l;
        }
        throw Errors.typeError(what + " must be list, not " + o.typeName());
    }

    private static PyException changedSize() {
        return Errors.runtimeError("list changed size during iteration");
    }

    /** Item {@code i} as a new reference; RuntimeError if the list has shrunk below it. */
    private static PyObject item(ListStorage<PyObject> items, int i) {
        PyObject x = items.getNew(i);
        if (x == null) {
            throw changedSize();
        }
        return x;
    }

    /** {@code a < b} (or {@code b < a} for a max-heap), then checks that the list kept {@code size} items. */
    private static boolean before(PyObject a, PyObject b, boolean max, ListStorage<PyObject> items, int size) {
        boolean lt = max ? Compare.test(b, a, Compare.LT) : Compare.test(a, b, Compare.LT);
        if (items.size() != size) {
            throw changedSize();
        }
        return lt;
    }

    /** Exchanges items {@code i} and {@code j}. */
    private static void swap(ListStorage<PyObject> items, int i, int j) {
        PyObject a = items.getNew(i);
        PyObject b = items.getNew(j);
        try {
            if (a == null || b == null) {
                throw changedSize();
            }
            PyObject oldI = items.replace(i, b);
            PyObject oldJ = items.replace(j, a);
            Refs.xdecref(oldI);
            Refs.xdecref(oldJ);
        } finally {
            Refs.xdecref(a);
            Refs.xdecref(b);
        }
    }

    /**
     * Moves the item at {@code pos} up towards {@code start} while it comes before its parent,
     * exchanging it with the parent at each step (CPython's {@code siftdown}).
     */
    private static void siftDown(PyList heap, int start, int pos, boolean max) {
        ListStorage<PyObject> items = heap.storage();
        int size = items.size();
        if (pos >= size) {
            throw Errors.indexError("index out of range");
        }
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            PyObject newItem = item(items, pos);
            PyObject parent;
            try {
                parent = item(items, parentPos);
            } catch (RuntimeException | Error e) {
                Refs.decref(newItem);
                throw e;
            }
            boolean lt;
            try {
                lt = before(newItem, parent, max, items, size);
            } finally {
                Refs.decref(newItem);
                Refs.decref(parent);
            }
            if (!lt) {
                break;
            }
            swap(items, parentPos, pos);
            pos = parentPos;
        }
    }

    /**
     * Moves the item at {@code pos} down to a leaf along the path of smaller children, then back
     * up to its place (CPython's {@code siftup}: fewer comparisons than stopping early).
     */
    private static void siftUp(PyList heap, int pos, boolean max) {
        ListStorage<PyObject> items = heap.storage();
        int end = items.size();
        int start = pos;
        if (pos >= end) {
            throw Errors.indexError("index out of range");
        }
        int limit = end >> 1;
        while (pos < limit) {
            int child = 2 * pos + 1;
            if (child + 1 < end) {
                PyObject left = item(items, child);
                PyObject right;
                try {
                    right = item(items, child + 1);
                } catch (RuntimeException | Error e) {
                    Refs.decref(left);
                    throw e;
                }
                boolean leftFirst;
                try {
                    leftFirst = before(left, right, max, items, end);
                } finally {
                    Refs.decref(left);
                    Refs.decref(right);
                }
                if (!leftFirst) {
                    child++;
                }
            }
            swap(items, child, pos);
            pos = child;
        }
        siftDown(heap, start, pos, max);
    }

    private static void heapify(PyList heap, boolean max) {
        int n = heap.size();
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftUp(heap, i, max);
        }
    }

    /** {@code heappop}: the smallest (largest) item; the last item refills the root. */
    private static PyObject pop(PyList heap, boolean max) {
        ListStorage<PyObject> items = heap.storage();
        PyObject last = items.pop(-1);
        if (last == null) {
            throw Errors.indexError("index out of range");
        }
        if (items.size() == 0) {
            return last;
        }
        PyObject top = items.replace(0, last);
        Refs.decref(last);
        if (top == null) {
            throw changedSize();
        }
        try {
            siftUp(heap, 0, max);
        } catch (RuntimeException | Error e) {
            Refs.decref(top);
            throw e;
        }
        return top;
    }

    /** {@code heapreplace}: pops the root, then pushes {@code item}, in one sift. */
    private static PyObject replace(PyList heap, PyObject item, boolean max) {
        ListStorage<PyObject> items = heap.storage();
        PyObject top = items.replace(0, item);
        if (top == null) {
            throw Errors.indexError("index out of range");
        }
        try {
            siftUp(heap, 0, max);
        } catch (RuntimeException | Error e) {
            Refs.decref(top);
            throw e;
        }
        return top;
    }

    /** {@code heappushpop}: {@code item} itself if it is not greater than the root, else the root. */
    private static PyObject pushPop(PyList heap, PyObject item) {
        ListStorage<PyObject> items = heap.storage();
        PyObject top = items.getNew(0);
        if (top == null) {
            return Refs.newRef(item);
        }
        boolean lt;
        try {
            lt = Compare.test(top, item, Compare.LT);
        } finally {
            Refs.decref(top);
        }
        if (!lt) {
            return Refs.newRef(item);
        }
        PyObject old = items.replace(0, item);
        if (old == null) {
            throw Errors.indexError("index out of range");
        }
        try {
            siftUp(heap, 0, false);
        } catch (RuntimeException | Error e) {
            Refs.decref(old);
            throw e;
        }
        return old;
    }
}
