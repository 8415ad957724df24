package dev.interlock.cli.compare;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of {@code interlock bench scaling}: for each workload and strategy, the median time
 * at each thread count (the same work per thread), from which the throughput ratio
 * {@code N × t(1) / t(N)} follows, beside the physical limit {@code min(N, cores)}.
 */
public final class Scaling {

    /** One workload under one strategy: median seconds per thread count, or an error. */
    public record Row(String workload, String strategy, String memory, Map<Integer, Double> seconds, String error) {

        public Row {
            requireNonNull(workload, "workload is null");
            requireNonNull(strategy, "strategy is null");
            requireNonNull(memory, "memory is null");
            seconds = Map.copyOf(seconds);
        }

        /** {@code N × t(1) / t(N)}: how much more work N threads do per second than one. */
        public double ratio(int threads) {
            Double one = seconds.get(1);
            Double n = seconds.get(threads);
            if (one == null || n == null || n <= 0) {
                return 0;
            }
            return threads * one / n;
        }
    }

    private final List<Integer> threads;
    private final int cores;
    private final List<Row> rows = new ArrayList<>();

    public Scaling(List<Integer> threads, int cores) {
        this.threads = List.copyOf(threads);
        this.cores = cores;
    }

    public List<Integer> threads() {
        return threads;
    }

    public int cores() {
        return cores;
    }

    public List<Row> rows() {
        return rows;
    }

    public void add(Row row) {
        rows.add(row);
    }

    /** The most a perfect implementation could reach with {@code n} threads on this machine. */
    public double limit(int n) {
        return Math.min(n, cores);
    }

    /** The single-thread time of {@code row} over the gil's on the same workload; 0 when unknown. */
    public double overheadVsGil(Row row) {
        Double mine = row.seconds().get(1);
        for (Row r : rows) {
            if (r.workload().equals(row.workload()) && r.strategy().equals("gil") && r.seconds().get(1) != null && mine != null) {
                return mine / r.seconds().get(1);
            }
        }
        return 0;
    }

    /** Parses the harness's lines {@code threads N median SECONDS}. */
    public static Map<Integer, Double> parse(String stdout) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] p = line.strip().split("\\s+");
            if (p.length == 4 && p[0].equals("threads") && p[2].equals("median")) {
                m.put(Integer.parseInt(p[1]), Double.parseDouble(p[3]));
            }
        }
        return m;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threads", threads);
        m.put("cores", cores);
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("workload", r.workload());
            row.put("strategy", r.strategy());
            row.put("memory", r.memory());
            if (r.error() != null) {
                row.put("error", r.error());
            }
            Map<String, Object> secs = new LinkedHashMap<>();
            Map<String, Object> ratios = new LinkedHashMap<>();
            for (int n : threads) {
                secs.put(Integer.toString(n), r.seconds().get(n));
                ratios.put(Integer.toString(n), r.ratio(n));
            }
            row.put("median_seconds", secs);
            row.put("throughput_ratio", ratios);
            row.put("single_thread_vs_gil", overheadVsGil(r));
            out.add(row);
        }
        m.put("rows", out);
        return m;
    }
}
