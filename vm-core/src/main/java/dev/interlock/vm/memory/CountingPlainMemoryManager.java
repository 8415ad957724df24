package dev.interlock.vm.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code plain} manager when statistics were asked for: the same counting, plus three
 * counters. The counters are plain {@code long}s, as exact as the counts themselves: under a GIL
 * they miss nothing, and in the unsafe combination they lose updates just as the counts do.
 */
final class CountingPlainMemoryManager extends PlainMemoryManager {

    private long increfs;
    private long decrefs;
    private long deallocations;

    @Override
    void countIncref() {
        increfs++;
    }

    @Override
    void countDecref() {
        decrefs++;
    }

    @Override
    void countDeallocation() {
        deallocations++;
    }

    @Override
    public Map<String, Long> statistics() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("increfs", increfs);
        m.put("decrefs", decrefs);
        m.put("deallocations", deallocations);
        return m;
    }
}
