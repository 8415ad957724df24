package dev.interlock.vm.runtime;

import dev.interlock.api.ThreadState;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Mark;
import dev.interlock.api.trace.Tracer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Tracer} that records events into a bounded buffer: three parallel arrays (time,
 * thread, event) claimed slot by slot with one atomic increment, so recording takes no lock and
 * allocates nothing. When the buffer is full, later events are counted and dropped: the timeline
 * then covers the start of the run, and says how much is missing.
 *
 * <p>Read it ({@link #events}) once the threads it traced have finished.
 */
public final class TraceRecorder implements Tracer {

    /** One recorded event: {@code code} is an {@link Activity} ordinal, or {@code MARK_BASE + } a {@link Mark} ordinal. */
    public record Event(long nanos, long thread, int code) {

        public boolean isMark() {
            return code >= MARK_BASE;
        }

        public Activity activity() {
            return Activity.values()[code];
        }

        public Mark mark() {
            return Mark.values()[code - MARK_BASE];
        }
    }

    static final int MARK_BASE = 100;

    private final long start = System.nanoTime();
    private final long[] times;
    private final long[] threads;
    private final int[] codes;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<Long, ThreadState> seen = new ConcurrentHashMap<>();

    /** A recorder that keeps the first {@code capacity} events. */
    public TraceRecorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        times = new long[capacity];
        threads = new long[capacity];
        codes = new int[capacity];
    }

    @Override
    public void activity(ThreadState thread, Activity activity) {
        record(thread, activity.ordinal());
    }

    @Override
    public void mark(ThreadState thread, Mark mark) {
        record(thread, MARK_BASE + mark.ordinal());
    }

    private void record(ThreadState thread, int code) {
        long now = System.nanoTime();
        seen.putIfAbsent(thread.ident(), thread);
        int i = next.getAndIncrement();
        if (i >= times.length) {
            dropped.incrementAndGet();
            return;
        }
        times[i] = now - start;
        threads[i] = thread.ident();
        codes[i] = code;
    }

    /** The recorded events in time order (nanoseconds from the recorder's creation). */
    public List<Event> events() {
        int n = Math.min(next.get(), times.length);
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Event(times[i], threads[i], codes[i]));
        }
        out.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
        return out;
    }

    /** Events that did not fit in the buffer. */
    public long dropped() {
        return dropped.get();
    }

    /** The traced threads' names by ident, in the order they first appeared. */
    public Map<Long, String> threadNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Event e : events()) {
            ThreadState t = seen.get(e.thread());
            names.putIfAbsent(e.thread(), t == null ? "thread " + e.thread() : t.displayName());
        }
        return names;
    }
}
