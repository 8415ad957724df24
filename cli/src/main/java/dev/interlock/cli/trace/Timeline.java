package dev.interlock.cli.trace;

import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Mark;
import dev.interlock.vm.runtime.TraceRecorder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace turned into lanes: for each thread, the intervals it spent in each {@link Activity} and
 * the instants marked on it, over the span of the run.
 */
public final class Timeline {

    /** An interval of one activity, in nanoseconds from the start of the trace. */
    public record Segment(long start, long end, Activity activity) {
    }

    /** An instant on a lane. */
    public record Instant(long at, Mark mark) {
    }

    /** One thread's lane. */
    public record Lane(long thread, String name, List<Segment> segments, List<Instant> marks) {

        /** Total time in {@code activity}, in nanoseconds. */
        public long total(Activity activity) {
            long t = 0;
            for (Segment s : segments) {
                if (s.activity() == activity) {
                    t += s.end() - s.start();
                }
            }
            return t;
        }
    }

    private final List<Lane> lanes;
    private final long end;
    private final long dropped;

    private Timeline(List<Lane> lanes, long end, long dropped) {
        this.lanes = List.copyOf(lanes);
        this.end = end;
        this.dropped = dropped;
    }

    /** Builds the lanes from a recorder's events, up to the last one. */
    public static Timeline of(TraceRecorder recorder) {
        return of(recorder, 0);
    }

    /** Builds the lanes from a recorder's events; {@code end} is when the run ended (ns from the first event). */
    public static Timeline of(TraceRecorder recorder, long end) {
        Map<Long, String> names = recorder.threadNames();
        Map<Long, List<Segment>> segments = new LinkedHashMap<>();
        Map<Long, List<Instant>> marks = new LinkedHashMap<>();
        Map<Long, Activity> current = new LinkedHashMap<>();
        Map<Long, Long> since = new LinkedHashMap<>();
        // Time 0 is the first event (the main thread starting), not the recorder's creation.
        List<TraceRecorder.Event> events = recorder.events();
        long origin = events.isEmpty() ? 0 : events.get(0).nanos();
        long last = 0;
        for (TraceRecorder.Event raw : events) {
            TraceRecorder.Event e = new TraceRecorder.Event(raw.nanos() - origin, raw.thread(), raw.code());
            long t = e.thread();
            last = Math.max(last, e.nanos());
            segments.computeIfAbsent(t, k -> new ArrayList<>());
            marks.computeIfAbsent(t, k -> new ArrayList<>());
            if (e.isMark()) {
                marks.get(t).add(new Instant(e.nanos(), e.mark()));
                continue;
            }
            Activity previous = current.get(t);
            if (previous == e.activity()) {
                continue; // the same state reported twice
            }
            if (previous != null && previous != Activity.EXITED) {
                segments.get(t).add(new Segment(since.get(t), e.nanos(), previous));
            }
            current.put(t, e.activity());
            since.put(t, e.nanos());
        }
        long stop = Math.max(end, last);
        for (Map.Entry<Long, Activity> c : current.entrySet()) {
            if (c.getValue() != Activity.EXITED) {
                segments.get(c.getKey()).add(new Segment(since.get(c.getKey()), stop, c.getValue()));
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (Map.Entry<Long, List<Segment>> s : segments.entrySet()) {
            lanes.add(new Lane(s.getKey(), names.getOrDefault(s.getKey(), "thread " + s.getKey()), s.getValue(),
                    marks.get(s.getKey())));
        }
        return new Timeline(lanes, stop, recorder.dropped());
    }

    /** For tests and renderers: a timeline from lanes directly. */
    public static Timeline of(List<Lane> lanes, long end) {
        return new Timeline(lanes, end, 0);
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** The end of the run, in nanoseconds from the start of the trace. */
    public long end() {
        return end;
    }

    /** Events the buffer could not hold: the timeline stops short of the run's end if non-zero. */
    public long dropped() {
        return dropped;
    }

    /** Time per activity summed over every lane. */
    public Map<Activity, Long> totals() {
        Map<Activity, Long> m = new EnumMap<>(Activity.class);
        for (Lane l : lanes) {
            for (Activity a : Activity.values()) {
                m.merge(a, l.total(a), Long::sum);
            }
        }
        return m;
    }
}
