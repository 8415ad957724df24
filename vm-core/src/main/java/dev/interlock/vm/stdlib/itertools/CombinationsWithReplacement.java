package dev.interlock.vm.stdlib.itertools;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.ArgParser;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import java.util.Arrays;

/**
 * {@code combinations_with_replacement(iterable, r)}: the r-length selections in which items may
 * repeat, in lexicographic order of positions.
 */
final class CombinationsWithReplacement extends Combinatoric {

    /** Beyond this length a result tuple could not be allocated (CPython raises MemoryError too). */
    private static final int MAX_R = 1 << 28;

    private static final ArgParser ARGS =
            new ArgParser("combinations_with_replacement", 2, 0, new String[] {"iterable", "r"});

    static final PyType TYPE = iteratorType("combinations_with_replacement")
            .constructor((t, a, s, n, kw) -> {
                PyObject[] p = ARGS.parse(a, s, n, kw);
                long r = asSsize(p[1]); // converted first, checked after reading the pool
                PyTuple pool = poolOf(p[0], r);
                if (r > MAX_R && pool.size() > 0) {
                    Refs.decref(pool);
                    throw Errors.memoryError();
                }
                return new CombinationsWithReplacement(pool, checkR(r));
            })
            .build();

    private CombinationsWithReplacement(PyTuple pool, int r) {
        super(pool, r, new int[pool.size() == 0 && r > 0 ? 0 : r], pool.size() == 0 && r > 0);
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    @Override
    protected boolean advance() {
        int n = pool.size();
        int i = r - 1;
        while (i >= 0 && indices[i] == n - 1) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        Arrays.fill(indices, i, r, indices[i] + 1);
        return true;
    }
}
