package dev.interlock.vm.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out {@code id()} values: unique among live objects, stable for an object's lifetime, and
 * shaped like the addresses CPython reports. Objects never asked for their id cost nothing.
 * ({@code PyObject} keeps identity equality, so a {@link WeakHashMap} keyed by objects is an
 * identity map whose entries go away with their objects.)
 */
public final class ObjectIds {

    private static final long BASE = 0x7f0000000000L;

    private final Map<Object, Long> ids = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong next = new AtomicLong();

    /** The id of {@code o}, assigned on first request. */
    public long idOf(Object o) {
        return ids.computeIfAbsent(o, k -> BASE + 16 * next.incrementAndGet());
    }
}
