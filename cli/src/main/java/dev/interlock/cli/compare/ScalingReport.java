package dev.interlock.cli.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench scaling --report FILE}: one self-contained HTML file with, per workload, a chart of
 * the throughput ratio against the thread count, one line per strategy beside the physical limit,
 * and the table of figures. Strategies differ in dash pattern and marker shape as well as colour,
 * so the chart reads in grayscale too.
 */
public final class ScalingReport {

    private static final String[] COLOURS = {"#1f4e9c", "#c0392b", "#1e8449", "#7d3c98", "#b9770e"};
    private static final String[] DASHES = {"", "8 4", "3 3", "10 3 2 3", "1 4"};
    private static final int WIDTH = 520;
    private static final int HEIGHT = 320;
    private static final int LEFT = 56;
    private static final int BOTTOM = 44;
    private static final int TOP = 20;
    private static final int RIGHT = 150;

    private ScalingReport() {
    }

    public static String html(Scaling s, String machine) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>interlock bench scaling</title>\n")
                .append("<style>\nbody{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#1b1b1b;max-width:1100px}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}\n")
                .append("table{border-collapse:collapse;font-size:0.9em}th,td{border:1px solid #bbb;padding:4px 8px;white-space:nowrap}\n")
                .append("th{background:#eee;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".meta{color:#555}\n</style>\n</head>\n<body>\n<h1>interlock bench scaling</h1>\n")
                .append("<p class=\"meta\">Throughput ratio = N &#215; t(1 thread) / t(N threads), the same work per thread; ")
                .append("the limit is min(N, cores). ").append(Html.escape(machine)).append("</p>\n");
        Map<String, List<Scaling.Row>> byWorkload = new LinkedHashMap<>();
        for (Scaling.Row r : s.rows()) {
            byWorkload.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Scaling.Row>> e : byWorkload.entrySet()) {
            b.append("<section class=\"workload\" data-workload=\"").append(Html.escape(e.getKey())).append("\">\n<h2>")
                    .append(Html.escape(e.getKey())).append("</h2>\n");
            chart(s, e.getValue(), b);
            table(s, e.getValue(), b);
            b.append("</section>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void chart(Scaling s, List<Scaling.Row> rows, StringBuilder b) {
        List<Integer> threads = s.threads();
        double yMax = Math.max(threads.get(threads.size() - 1), 1);
        for (Scaling.Row r : rows) {
            for (int n : threads) {
                yMax = Math.max(yMax, r.ratio(n));
            }
        }
        yMax = Math.ceil(yMax);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        // the legend's column grows with its longest label (about 7 px a character at 12 px)
        int longest = 0;
        for (Scaling.Row r : rows) {
            longest = Math.max(longest, (r.strategy() + "/" + r.memory() + (r.error() == null ? "" : " (failed)")).length());
        }
        int width = WIDTH - RIGHT + Math.max(RIGHT, 48 + 7 * longest);
        b.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"throughput ratio by thread count\">\n");
        b.append("<g class=\"axis\" font-size=\"12\" fill=\"#333\">\n");
        for (int i = 0; i <= (int) yMax; i++) {
            double y = TOP + plotH - plotH * i / yMax;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e2e2\"/>", LEFT, y,
                    LEFT + plotW, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\">%d</text>\n",
                    LEFT - 6, y, i));
        }
        for (int k = 0; k < threads.size(); k++) {
            double x = xOf(k, threads.size(), plotW);
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x,
                    TOP + plotH + 18, threads.get(k)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">threads</text>\n",
                LEFT + plotW / 2.0, HEIGHT - 6));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "throughput ratio</text>\n", TOP + plotH / 2.0));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP + plotH,
                LEFT + plotW, TOP + plotH));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", LEFT, TOP, LEFT,
                TOP + plotH));
        b.append("</g>\n");
        // the physical limit
        StringBuilder limit = new StringBuilder();
        for (int k = 0; k < threads.size(); k++) {
            limit.append(k == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", xOf(k, threads.size(), plotW),
                    TOP + plotH - plotH * s.limit(threads.get(k)) / yMax));
        }
        b.append("<g class=\"limit\"><path d=\"").append(limit).append("\" fill=\"none\" stroke=\"#999\" stroke-width=\"6\" ")
                .append("stroke-opacity=\"0.35\"/></g>\n");
        int legendY = TOP + 6;
        legend(b, legendY, "#999", "", "limit (" + s.cores() + " cores)", true, -1);
        for (int i = 0; i < rows.size(); i++) {
            Scaling.Row r = rows.get(i);
            String colour = COLOURS[i % COLOURS.length];
            String dash = DASHES[i % DASHES.length];
            StringBuilder d = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            for (int k = 0; k < threads.size(); k++) {
                double ratio = r.ratio(threads.get(k));
                double x = xOf(k, threads.size(), plotW);
                double y = TOP + plotH - plotH * ratio / yMax;
                d.append(k == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                markers.append(marker(i, x, y, colour));
            }
            b.append("<g class=\"series\" data-strategy=\"").append(Html.escape(r.strategy())).append("\">");
            if (r.error() == null) {
                b.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2.5\"").append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                        .append("/>").append(markers);
            }
            b.append("</g>\n");
            legend(b, legendY + 22 * (i + 1), colour, dash, r.strategy() + "/" + r.memory() + (r.error() == null ? "" : " (failed)"),
                    false, i);
        }
        b.append("</svg>\n");
    }

    private static double xOf(int k, int count, int plotW) {
        return count == 1 ? LEFT + plotW / 2.0 : LEFT + 20 + (plotW - 40) * k / (double) (count - 1);
    }

    /** Circles, squares, triangles, diamonds: a different shape for each strategy. */
    private static String marker(int series, double x, double y, String colour) {
        switch (series % 4) {
            case 0:
                return String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>", x, y, colour);
            case 1:
                return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"%s\"/>", x - 4.5,
                        y - 4.5, colour);
            case 2:
                return String.format(Locale.ROOT, "<path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f Z\" fill=\"%s\"/>", x, y - 5.5, x + 5.5,
                        y + 4.5, x - 5.5, y + 4.5, colour);
            default:
                return String.format(Locale.ROOT, "<path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1f Z\" fill=\"white\" "
                        + "stroke=\"%s\" stroke-width=\"2\"/>", x, y - 6, x + 6, y, x, y + 6, x - 6, y, colour);
        }
    }

    private static void legend(StringBuilder b, int y, String colour, String dash, String label, boolean limit, int series) {
        int x = WIDTH - RIGHT + 14;
        b.append("<g class=\"legend\">");
        if (limit) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"6\" "
                    + "stroke-opacity=\"0.35\"/>", x, y, x + 28, y, colour));
        } else {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\"%s/>",
                    x, y, x + 28, y, colour, dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
            b.append(marker(series, x + 14, y, colour));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" dominant-baseline=\"middle\">%s</text>",
                x + 34, y, Html.escape(label)));
        b.append("</g>\n");
    }

    private static void table(Scaling s, List<Scaling.Row> rows, StringBuilder b) {
        b.append("<table class=\"figures\">\n<thead><tr><th>strategy</th>");
        for (int n : s.threads()) {
            b.append("<th>").append(n).append(n == 1 ? " thread" : " threads").append("</th>");
        }
        b.append("<th>1-thread time</th><th>vs gil</th></tr></thead>\n<tbody>\n");
        for (Scaling.Row r : rows) {
            b.append("<tr data-strategy=\"").append(Html.escape(r.strategy())).append("\"><td>")
                    .append(Html.escape(r.strategy() + "/" + r.memory())).append("</td>");
            if (r.error() != null) {
                b.append("<td colspan=\"").append(s.threads().size() + 2).append("\">failed: ").append(Html.escape(r.error()))
                        .append("</td></tr>\n");
                continue;
            }
            for (int n : s.threads()) {
                b.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", r.ratio(n))).append("</td>");
            }
            Double one = r.seconds().get(1);
            b.append("<td class=\"num\">").append(one == null ? "-" : String.format(Locale.ROOT, "%.3f s", one)).append("</td>");
            double vsGil = s.overheadVsGil(r);
            b.append("<td class=\"num\">").append(vsGil > 0 ? String.format(Locale.ROOT, "%.2f", vsGil) : "-").append("</td></tr>\n");
        }
        b.append("<tr class=\"limit\"><td>limit</td>");
        for (int n : s.threads()) {
            b.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", s.limit(n))).append("</td>");
        }
        b.append("<td></td><td></td></tr>\n</tbody>\n</table>\n");
    }
}
