package dev.interlock.lock.finegrained;

import static java.util.Objects.requireNonNull;

import dev.interlock.api.memory.MemoryManager;
import dev.interlock.api.memory.ObjectHeader;
import dev.interlock.api.storage.KeyOps;

/**
 * Key equality as the plain storages inside the locked ones see it: a comparison that can run
 * Python code ({@link KeyOps#mayCallBack}) runs with every container lock of the thread released
 * ({@link CriticalSections#beginCallback}), as the {@code MapStorage} contract asks; the plain
 * storage re-validates its table afterwards. The stored key is kept alive across the call with a
 * reference of its own, since another thread may remove it meanwhile (CPython's {@code lookdict}
 * increments {@code startkey} for the same reason). Comparisons of strings and numbers run as they
 * are, under the lock.
 *
 * @param <K> the key type
 */
final class SuspendingKeyOps<K extends ObjectHeader> implements KeyOps<K> {

    private final KeyOps<K> keys;
    private final SectionStacks stacks;
    private final MemoryManager memory;

    SuspendingKeyOps(KeyOps<K> keys, SectionStacks stacks, MemoryManager memory) {
        this.keys = requireNonNull(keys, "keys is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    /** The Python semantics this wraps. */
    KeyOps<K> keys() {
        return keys;
    }

    @Override
    public boolean equal(K stored, K probe) {
        if (!keys.mayCallBack(stored) && !keys.mayCallBack(probe)) {
            return keys.equal(stored, probe);
        }
        CriticalSections sections = stacks.current();
        memory.incref(stored);
        sections.beginCallback();
        try {
            return keys.equal(stored, probe);
        } finally {
            try {
                memory.decref(stored);
            } finally {
                sections.endCallback();
            }
        }
    }

    @Override
    public boolean mayCallBack(K key) {
        return keys.mayCallBack(key);
    }
}
