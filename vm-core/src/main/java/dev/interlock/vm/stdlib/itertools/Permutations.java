package dev.interlock.vm.stdlib.itertools;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyNone;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;

/**
 * {@code permutations(iterable, r=None)}: the r-length orderings of the items, in lexicographic
 * order of their positions. The algorithm is the documented one: {@code indices} is the current
 * arrangement of the pool and {@code cycles[i]} counts the rotations left at position i.
 */
final class Permutations extends Combinatoric {

    private static final ArgParser ARGS = new ArgParser("permutations", 1, 0, new String[] {"iterable", "r"});

    static final PyType TYPE = iteratorType("permutations")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                PyTuple pool = PyTuple.fromIterable(p[0]);
                try {
                    int r = pool.size();
                    if (p[1] != null && p[1] != PyNone.INSTANCE) {
                        if (!(p[1] instanceof PyInt)) {
                            throw Errors.typeError("Expected int as r");
                        }
                        r = rArgument(p[1]);
                    }
                    return new Permutations(pool, r);
                } catch (RuntimeException | Error e) {
                    Refs.decref(pool);
                    throw e;
                }
            })
            .build();

    private final int[] cycles;

    private Permutations(PyTuple pool, int r) {
        super(pool, r, range(pool.size()), r > pool.size());
        int n = pool.size();
        this.cycles = new int[Math.min(r, n)];
        for (int i = 0; i < cycles.length; i++) {
            cycles[i] = n - i;
        }
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected boolean advance() {
        int n = indices.length;
        if (n == 0) {
            return false;
        }
        for (int i = r - 1; i >= 0; i--) {
            cycles[i]--;
            if (cycles[i] == 0) {
                // rotate indices[i:] left by one
                int first = indices[i];
                System.arraycopy(indices, i + 1, indices, i, n - i - 1);
                indices[n - 1] = first;
                cycles[i] = n - i;
            } else {
                int j = cycles[i];
                int tmp = indices[i];
                indices[i] = indices[n - j];
                indices[n - j] = tmp;
                return true;
            }
        }
        return false;
    }
}
