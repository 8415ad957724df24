package dev.interlock.vm.stdlib.functools;

import dev.interlock.vm.objects.PyType;
import java.util.List;

/** Shared constants of the {@code functools} types. */
public final class FunctoolsTypes {

    /** The module name of every type defined here. */
    static final String MODULE = "functools";

    private FunctoolsTypes() {
    }

    /** The types the module exposes as attributes, by their names. */
    public static List<PyType> exposed() {
        return List.of(Partial.TYPE, LruCacheWrapper.TYPE, KeyWrapper.TYPE);
    }
}
