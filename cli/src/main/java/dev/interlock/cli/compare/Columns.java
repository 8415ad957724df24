package dev.interlock.cli.compare;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The columns of the comparison, shared by the terminal table and the HTML report: each gives a
 * header and the cell for a strategy. Counters a strategy does not keep show as "-".
 */
final class Columns {

    record Column(String header, boolean numeric, BiFunction<Comparison, StrategyRuns, String> cell) {
    }

    static final List<Column> ALL = List.of(
            new Column("strategy", false, (c, s) -> s.strategy() + "/" + s.memory()),
            new Column("median", true, (c, s) -> Format.seconds(s.medianWall())),
            new Column("min", true, (c, s) -> Format.seconds(s.minWall())),
            new Column("max", true, (c, s) -> Format.seconds(s.maxWall())),
            new Column("cpu", true, (c, s) -> Format.seconds(s.medianCpu())),
            new Column("speed-up", true, (c, s) -> Format.ratio(c.speedUp(s))),
            new Column("stdout", false, (c, s) -> c.output(s).label()),
            new Column("switches", true, (c, s) -> Format.count(s.medianCounter("strategy", "switches"))),
            new Column("drop requests", true, (c, s) -> Format.count(s.medianCounter("strategy", "drop_requests"))),
            new Column("waits", true, (c, s) -> Format.count(s.medianCounterSum("strategy", "waits"))),
            new Column("time waiting", true, (c, s) -> Format.millis(s.medianCounterSum("strategy", "wait_nanos"))),
            new Column("refcount ops", true, (c, s) -> Format.count(refcountOps(s))),
            new Column("peak heap", true, (c, s) -> Format.mebibytes(s.medianPeakHeap())));

    private Columns() {
    }

    /** Increments plus decrements, when the memory manager counted them. */
    private static long refcountOps(StrategyRuns s) {
        long inc = s.medianCounterSum("memory", "increfs");
        long dec = s.medianCounterSum("memory", "decrefs");
        return inc < 0 && dec < 0 ? -1 : Math.max(inc, 0) + Math.max(dec, 0);
    }
}
