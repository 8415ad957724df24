package dev.interlock.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare --report FILE}: one self-contained HTML file (inline CSS and SVG, nothing fetched)
 * with the table, a bar chart of each strategy's median wall time and its min–max spread, and the
 * differences of each strategy's stdout from the reference's.
 */
public final class CompareReport {

    private static final int CHART_WIDTH = 760;
    private static final int LABEL_WIDTH = 170;
    private static final int ROW_HEIGHT = 34;

    private CompareReport() {
    }

    public static String html(Comparison c, String machine) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>interlock compare: ")
                .append(Html.escape(c.program())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#1b1b1b;max-width:1100px}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}\n")
                .append("table{border-collapse:collapse;font-size:0.85em}th,td{border:1px solid #bbb;padding:4px 6px}td{white-space:nowrap}\n")
                .append("th{background:#eee;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("td.differs{background:#fbd5d5;font-weight:bold}td.failed{background:#fbd5d5}\n")
                .append("pre{background:#f6f6f6;border:1px solid #ddd;padding:8px;overflow-x:auto;font-size:0.85em}\n")
                .append(".meta{color:#555}\n</style>\n</head>\n<body>\n");
        b.append("<h1>interlock compare: <code>").append(Html.escape(c.program())).append("</code></h1>\n");
        b.append("<p class=\"meta\">").append(c.arguments().isEmpty() ? "no arguments"
                        : "arguments: <code>" + Html.escape(String.join(" ", c.arguments())) + "</code>")
                .append(" &#183; median of ").append(c.repeat()).append(" runs after ").append(c.warmup())
                .append(" warm-up runs, each in a fresh JVM &#183; ").append(Html.escape(machine)).append("</p>\n");
        table(c, b);
        chart(c, b);
        outputs(c, b);
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void table(Comparison c, StringBuilder b) {
        b.append("<h2>Results</h2>\n<table class=\"results\">\n<thead><tr>");
        for (Columns.Column col : Columns.ALL) {
            b.append("<th>").append(Html.escape(col.header())).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (StrategyRuns s : c.strategies()) {
            b.append("<tr data-strategy=\"").append(Html.escape(s.strategy())).append("\">");
            ChildRun.Result failed = s.failure();
            if (failed != null) {
                b.append("<td>").append(Html.escape(s.strategy() + "/" + s.memory())).append("</td><td class=\"failed\" colspan=\"")
                        .append(Columns.ALL.size() - 1).append("\">failed (exit ").append(failed.status()).append("): ")
                        .append(Html.escape(failed.lastErrorLine())).append("</td>");
            } else {
                for (Columns.Column col : Columns.ALL) {
                    String cell = col.cell().apply(c, s);
                    String cls = col.numeric() ? "num" : "";
                    if (col.header().equals("stdout") && (cell.equals("DIFFERS") || cell.contains("varies"))) {
                        cls = "differs";
                    }
                    b.append("<td").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"").append('>')
                            .append(Html.escape(cell)).append("</td>");
                }
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /** Horizontal bars: median wall time, with a whisker from min to max. */
    private static void chart(Comparison c, StringBuilder b) {
        List<StrategyRuns> ok = new ArrayList<>();
        for (StrategyRuns s : c.strategies()) {
            if (s.failure() == null) {
                ok.add(s);
            }
        }
        b.append("<h2>Wall time</h2>\n");
        if (ok.isEmpty()) {
            b.append("<p>No strategy ran the program successfully.</p>\n");
            return;
        }
        long max = ok.stream().mapToLong(StrategyRuns::maxWall).max().orElse(1);
        double scale = niceCeiling(max / 1e9);
        int plot = CHART_WIDTH - LABEL_WIDTH - 90; // room on the right for the value label
        int height = ok.size() * ROW_HEIGHT + 50;
        b.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(CHART_WIDTH)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"median wall time per strategy\">\n");
        b.append("<g class=\"axis\" font-size=\"12\" fill=\"#333\">\n");
        for (int i = 0; i <= 4; i++) {
            double v = scale * i / 4;
            double x = LABEL_WIDTH + plot * i / 4.0;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", x, x,
                    height - 30));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, height - 14,
                    trimSeconds(v)));
        }
        b.append("</g>\n");
        int y = 14;
        for (StrategyRuns s : ok) {
            double med = s.medianWall() / 1e9;
            double lo = s.minWall() / 1e9;
            double hi = s.maxWall() / 1e9;
            double w = plot * med / scale;
            double xlo = LABEL_WIDTH + plot * lo / scale;
            double xhi = LABEL_WIDTH + plot * hi / scale;
            double mid = y + (ROW_HEIGHT - 10) / 2.0;
            b.append("<g class=\"bar\" data-strategy=\"").append(Html.escape(s.strategy())).append("\">");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\" "
                    + "dominant-baseline=\"middle\">%s</text>", LABEL_WIDTH - 8, mid, Html.escape(s.strategy() + "/" + s.memory())));
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#4a78b5\"/>",
                    LABEL_WIDTH, y, w, ROW_HEIGHT - 10));
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" stroke-width=\"2\"/>",
                    xlo, mid, xhi, mid));
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" stroke-width=\"2\"/>",
                    xlo, mid - 6, xlo, mid + 6));
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" stroke-width=\"2\"/>",
                    xhi, mid - 6, xhi, mid + 6));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" dominant-baseline=\"middle\">%s</text>",
                    Math.max(xhi, LABEL_WIDTH + w) + 6, mid, Format.seconds(s.medianWall())));
            b.append("</g>\n");
            y += ROW_HEIGHT;
        }
        b.append("</svg>\n<p class=\"meta\">Bars: median; whiskers: fastest and slowest run.</p>\n");
    }

    private static void outputs(Comparison c, StringBuilder b) {
        StrategyRuns ref = c.reference();
        b.append("<h2>Output</h2>\n");
        if (ref == null) {
            b.append("<p>No reference run.</p>\n");
            return;
        }
        b.append("<p>Each strategy's stdout (its first run) against <b>").append(Html.escape(ref.strategy())).append("</b>'s.</p>\n");
        for (StrategyRuns s : c.strategies()) {
            if (s == ref || s.failure() != null) {
                continue;
            }
            Comparison.Output o = c.output(s);
            b.append("<h3>").append(Html.escape(s.strategy())).append(": ").append(Html.escape(o.label())).append("</h3>\n");
            if (o == Comparison.Output.DIFFERS) {
                b.append("<pre>").append(Html.escape(LineDiff.describe(ref.stdout(), s.stdout(), ref.strategy(), s.strategy())))
                        .append("</pre>\n");
            } else if (o == Comparison.Output.VARIES || o == Comparison.Output.REFERENCE_VARIES) {
                b.append("<p>The runs of this strategy printed different outputs (a race).</p>\n");
            }
        }
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String trimSeconds(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " s";
    }
}
