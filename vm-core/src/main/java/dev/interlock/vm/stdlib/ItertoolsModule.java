package dev.interlock.vm.stdlib;

import static dev.interlock.vm.objects.BuiltinDef.keywords;

import dev.interlock.vm.objects.PyBuiltinFunction;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyModule;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyType;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.runtime.Interpreter;
import dev.interlock.vm.runtime.NativeModule;
import dev.interlock.vm.stdlib.itertools.Types;

/**
 * The {@code itertools} module of CPython 3.11: {@code count}, {@code cycle}, {@code repeat},
 * {@code accumulate}, {@code chain}, {@code compress}, {@code dropwhile}, {@code takewhile},
 * {@code filterfalse}, {@code groupby}, {@code islice}, {@code starmap}, {@code tee},
 * {@code zip_longest}, {@code pairwise}, {@code product}, {@code permutations},
 * {@code combinations} and {@code combinations_with_replacement}. The iterator types are in
 * package {@code stdlib.itertools}, one class each.
 */
public final class ItertoolsModule implements NativeModule {

    @Override
    public String name() {
        return "itertools";
    }

    @Override
    public PyModule create(Interpreter interp) {
        PyDict d = PyDict.createNamespace(interp);
        PyModule module = new PyModule("itertools", d);
        Refs.decref(d);
        d.setItemSteal("__doc__", PyStr.of("Functional tools for creating and using iterators."));
        for (PyType type : Types.all()) {
            d.setItem(type.name(), type);
        }
        d.setItemSteal("tee", new PyBuiltinFunction(keywords("tee", (self, a, s, n, kw) -> Types.tee(a, s, n, kw)),
                "itertools"));
        return module;
    }
}
