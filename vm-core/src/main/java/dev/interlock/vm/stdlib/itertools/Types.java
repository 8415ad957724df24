package dev.interlock.vm.stdlib.itertools;

import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.PyType;
import java.util.List;

/** The public face of this package: the types and functions the {@code itertools} module exposes. */
public final class Types {

    private Types() {
    }

    /** Every type of the module, as its attributes, in CPython's order of {@code dir(itertools)}. */
    public static List<PyType> all() {
        return List.of(GroupBy.GROUPER, Tee.TYPE, Tee.DATA, Accumulate.TYPE, Chain.TYPE, Combinations.TYPE,
                CombinationsWithReplacement.TYPE, Compress.TYPE, Count.TYPE, Cycle.TYPE, DropWhile.TYPE,
                FilterFalse.TYPE, GroupBy.TYPE, ISlice.TYPE, Pairwise.TYPE, Permutations.TYPE, Product.TYPE,
                Repeat.TYPE, StarMap.TYPE, TakeWhile.TYPE, ZipLongest.TYPE);
    }

    /** {@code itertools.tee(iterable, n=2)}, vectorcall style. */
    public static PyObject tee(PyObject[] args, int start, int nargs, PyTuple kwnames) {
        return Tee.tee(args, start, nargs, kwnames);
    }
}
