package dev.interlock.vm.stdlib;

import dev.interlock.vm.runtime.NativeModule;
import java.util.List;

/** The modules written in Java that every interpreter can import. */
public final class NativeModules {

    private NativeModules() {
    }

    /** All of them, in no particular order. */
    public static List<NativeModule> all() {
        return List.of(new SysModule(), new TimeModule(), new ThreadModule(), new DisModule(),
                new RandomModule(),
                new MathModule(),
                new StringModule(),
                new ItertoolsModule(),
                new FunctoolsModule(),
                new HeapqModule(),
                new CollectionsModule(),
                new GcModule(),
                new TestRefsModule());
    }
}
