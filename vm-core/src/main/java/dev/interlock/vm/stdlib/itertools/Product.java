package dev.interlock.vm.stdlib.itertools;

import dev.interlock.api.memory.ReferenceVisitor;
import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code product(*iterables, repeat=1)}: the Cartesian product, in lexicographic order of the
 * positions (the rightmost element advancing fastest). Each iterable is read into a tuple (a
 * "pool") up front. As in CPython, the pools and the last result tuple are kept until the product
 * dies; at exhaustion that tuple holds the first element of each pool (the odometer rolled over).
 */
final class Product extends ItertoolsIterator {

    private static final ArgParser ARGS = ArgParser.keywordsOnly("product", "repeat");

    static final PyType TYPE = iteratorType("product")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s + n, 0, kw);
                long repeat = p[0] == null ? 1 : asSsize(p[0]);
                if (repeat < 0) {
                    throw Errors.valueError("repeat argument cannot be negative");
                }
                if (repeat != 0 && n > Integer.MAX_VALUE / 2 / repeat) {
                    throw Errors.overflowError("repeat argument too large");
                }
                PyTuple[] base = new PyTuple[n];
                try {
                    for (int i = 0; i < n; i++) {
                        base[i] = PyTuple.fromIterable(a[s + i]);
                    }
                } catch (RuntimeException | Error e) {
                    Refs.decrefAll(base);
                    throw e;
                }
                PyTuple[] pools = new PyTuple[(int) (n * repeat)];
                for (int i = 0; i < pools.length; i++) {
                    pools[i] = Refs.newRef(base[i % n]);
                }
                Refs.decrefAll(base);
                return new Product(pools);
            })
            .build();

    private final PyTuple[] pools;
    private final int[] indices;
    /** The last result, or null before the first. */
    private PyTuple result;
    private boolean stopped;

    /** Takes over the tuples in {@code pools}. */
    private Product(PyTuple[] pools) {
        this.pools = pools;
        this.indices = new int[pools.length];
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    public PyObject next() {
        if (stopped) {
            return null;
        }
        PyObject[] items = new PyObject[pools.length];
        if (result == null) {
            for (int i = 0; i < pools.length; i++) {
                if (pools[i].size() == 0) {
                    stopped = true;
                    return null;
                }
                items[i] = pools[i].get(0);
            }
        } else {
            System.arraycopy(result.array(), 0, items, 0, items.length);
            int i = pools.length - 1;
            for (; i >= 0; i--) {
                PyTuple pool = pools[i];
                indices[i]++;
                if (indices[i] == pool.size()) {
                    indices[i] = 0;
                    items[i] = pool.get(0);
                } else {
                    items[i] = pool.get(indices[i]);
                    break;
                }
            }
            if (i < 0) {
                stopped = true;
                replaceResult(PyTuple.of(items));
                return null;
            }
        }
        PyTuple next = PyTuple.of(items);
        replaceResult(Refs.newRef(next));
        return next;
    }

    private void replaceResult(PyTuple fresh) {
        PyTuple old = result;
        result = fresh;
        Refs.xdecref(old);
    }

    @Override
    public void traverse(ReferenceVisitor visitor) {
        for (PyTuple pool : pools) {
            visitor.visit(pool);
        }
        if (result != null) {
            visitor.visit(result);
        }
    }
}
