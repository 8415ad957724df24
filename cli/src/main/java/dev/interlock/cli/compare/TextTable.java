package dev.interlock.cli.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The comparison as a terminal table: one row per strategy, failures with their error below. */
public final class TextTable {

    private TextTable() {
    }

    public static void print(Comparison c, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        String[] header = Columns.ALL.stream().map(Columns.Column::header).toArray(String[]::new);
        rows.add(header);
        List<String> failures = new ArrayList<>();
        for (StrategyRuns s : c.strategies()) {
            ChildRun.Result failed = s.failure();
            if (failed != null) {
                String[] row = new String[header.length];
                java.util.Arrays.fill(row, "");
                row[0] = s.strategy() + "/" + s.memory();
                row[1] = "FAILED (exit " + failed.status() + ")";
                rows.add(row);
                failures.add(s.strategy() + ": " + failed.lastErrorLine());
                continue;
            }
            rows.add(Columns.ALL.stream().map(col -> col.cell().apply(c, s)).toArray(String[]::new));
        }
        int[] width = new int[header.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder b = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append("  ");
                }
                boolean right = r > 0 && Columns.ALL.get(i).numeric() && !row[i].startsWith("FAILED");
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                b.append(right ? pad + cell : cell + pad);
            }
            out.println(b.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(b.toString().stripTrailing().length()));
            }
        }
        for (String f : failures) {
            out.println("  " + f);
        }
        StrategyRuns ref = c.reference();
        out.println();
        out.println("median of " + c.repeat() + " run" + (c.repeat() == 1 ? "" : "s") + " after " + c.warmup()
                + " warm-up run" + (c.warmup() == 1 ? "" : "s") + ", each in a fresh JVM; speed-up and stdout against "
                + (ref == null ? "(no successful run)" : ref.strategy()));
        out.flush();
    }
}
