package dev.interlock.vm.memory;

import dev.interlock.api.memory.ObjectHeader;
import java.util.Arrays;

/**
 * The objects other threads have queued for one owner thread to merge their reference counts:
 * the per-thread queue of biased reference counting. Compare CPython's
 * {@code struct _brc_thread_state} in {@code Include/internal/pycore_brc.h}.
 *
 * <p>A queued object is held by the queue: the thread that queued it deferred its decrement, and
 * the owner applies it when it merges. Once the owner thread ends, the queue is closed: an offer
 * is refused, and the thread that offered merges the counts itself. Offering and closing take the
 * queue's monitor, so a thread that sees the queue closed also sees every count the owner wrote
 * before it closed it.
 */
public final class MergeQueue {

    private static final ObjectHeader[] EMPTY = new ObjectHeader[0];

    private ObjectHeader[] items = EMPTY;
    private int size;
    private boolean closed;

    /** Queues {@code o} for the owner; false, queueing nothing, once the owner has ended. */
    public synchronized boolean offer(ObjectHeader o) {
        if (closed) {
            return false;
        }
        if (size == items.length) {
            items = Arrays.copyOf(items, Math.max(8, size * 2));
        }
        items[size++] = o;
        return true;
    }

    /** Takes every queued object, in queueing order. */
    public synchronized ObjectHeader[] drain() {
        if (size == 0) {
            return EMPTY;
        }
        ObjectHeader[] out = Arrays.copyOf(items, size);
        Arrays.fill(items, 0, size, null);
        size = 0;
        return out;
    }

    /** Closes the queue if nothing is queued; false if something is (drain and merge it first). */
    public synchronized boolean closeIfEmpty() {
        if (size != 0) {
            return false;
        }
        closed = true;
        items = EMPTY;
        return true;
    }

    /** True once the owner has ended. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** The number of objects waiting. */
    public synchronized int size() {
        return size;
    }
}
