package dev.interlock.vm.runtime;

import dev.interlock.vm.objects.PyModule;

/** A module implemented in Java ({@code sys}, {@code time}, {@code threading}...). */
public interface NativeModule {

    /** The name {@code import} finds it by. */
    String name();

    /** Makes the module object for one interpreter; called on a Python thread, once. */
    PyModule create(Interpreter interpreter);
}
