package dev.interlock.vm.stdlib.itertools;

import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;

/** {@code combinations(iterable, r)}: the r-length subsequences, in lexicographic order of positions. */
final class Combinations extends Combinatoric {

    private static final ArgParser ARGS = new ArgParser("combinations", 2, 0, new String[] {"iterable", "r"});

    static final PyType TYPE = iteratorType("combinations")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                long r = asSsize(p[1]); // converted first, checked after reading the pool
                PyTuple pool = poolOf(p[0], r);
                return new Combinations(pool, checkR(r));
            })
            .build();

    private Combinations(PyTuple pool, int r) {
        super(pool, r, firstIndices(r, pool.size()), r > pool.size());
    }

    private static int[] firstIndices(int r, int n) {
        int[] a = new int[r > n ? 0 : r];
        for (int i = 0; i < a.length; i++) {
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
        int n = pool.size();
        int i = r - 1;
        while (i >= 0 && indices[i] == i + n - r) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        indices[i]++;
        for (int j = i + 1; j < r; j++) {
            indices[j] = indices[j - 1] + 1;
        }
        return true;
    }
}
