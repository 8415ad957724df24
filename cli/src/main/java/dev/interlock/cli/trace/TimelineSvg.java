package dev.interlock.cli.trace;

import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Mark;
import dev.interlock.cli.compare.Html;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Timeline} as SVG: one lane per thread over time, like the classic picture of
 * threads taking turns for the GIL. Activities are told apart by pattern as well as colour (solid,
 * hatched, cross-hatched, dotted), so the picture reads in grayscale.
 *
 * <p>The picture stays readable for long runs: each lane is drawn pixel column by pixel column.
 * Where one activity fills a column it is drawn whole (and neighbouring columns merged); where the
 * thread changed state within the column, the column shows the share of each activity stacked,
 * so fast alternation reads as a mix rather than noise. {@code window} selects a time range.
 */
public final class TimelineSvg {

    /** How to draw: the time window (nanoseconds) and the switch interval to mark (0 for none). */
    public record Options(long windowStart, long windowEnd, long switchIntervalNanos, String title) {
    }

    static final int PLOT_WIDTH = 900;
    static final int LABEL_WIDTH = 170;
    static final int LANE_HEIGHT = 26;
    static final int LANE_GAP = 12;
    static final int TOP = 70;
    static final int LEGEND_HEIGHT = 64;

    private static final Map<Activity, String> FILL = new EnumMap<>(Activity.class);
    private static final Map<Activity, String> LABEL = new EnumMap<>(Activity.class);

    static {
        FILL.put(Activity.RUNNING, "#1e6b34");
        FILL.put(Activity.WAITING_GIL, "url(#waiting-gil)");
        FILL.put(Activity.WAITING_LOCK, "url(#waiting-lock)");
        FILL.put(Activity.DETACHED, "url(#detached)");
        LABEL.put(Activity.RUNNING, "running bytecode");
        LABEL.put(Activity.WAITING_GIL, "waiting for the GIL");
        LABEL.put(Activity.WAITING_LOCK, "waiting for a per-object lock");
        LABEL.put(Activity.DETACHED, "detached (blocking call)");
    }

    /** The activities drawn, bottom to top in a mixed column. */
    private static final Activity[] DRAWN = {Activity.RUNNING, Activity.WAITING_GIL, Activity.WAITING_LOCK, Activity.DETACHED};

    private TimelineSvg() {
    }

    public static String svg(Timeline t, Options o) {
        long from = Math.max(0, o.windowStart());
        long to = o.windowEnd() > from ? o.windowEnd() : Math.max(t.end(), from + 1);
        List<Timeline.Lane> lanes = t.lanes();
        int width = LABEL_WIDTH + PLOT_WIDTH + 40;
        int lanesHeight = lanes.size() * (LANE_HEIGHT + LANE_GAP);
        int height = TOP + lanesHeight + 40 + LEGEND_HEIGHT;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"system-ui,-apple-system,'Segoe UI',sans-serif\" role=\"img\" aria-label=\"")
                .append(Html.escape(o.title())).append("\">\n");
        defs(b);
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("<text class=\"title\" x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">").append(Html.escape(o.title()))
                .append("</text>\n");
        if (t.dropped() > 0) {
            b.append("<text x=\"16\" y=\"46\" font-size=\"12\" fill=\"#a00\">").append(t.dropped())
                    .append(" events did not fit in the trace buffer: the picture ends early (use --buffer)</text>\n");
        }
        axis(b, from, to, TOP + lanesHeight, o.switchIntervalNanos());
        int y = TOP;
        for (Timeline.Lane lane : lanes) {
            lane(b, lane, from, to, y);
            y += LANE_HEIGHT + LANE_GAP;
        }
        legend(b, TOP + lanesHeight + 44);
        b.append("</svg>\n");
        return b.toString();
    }

    private static void defs(StringBuilder b) {
        b.append("<defs>\n")
                .append("<pattern id=\"waiting-gil\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f5c15c\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#7a5200\" stroke-width=\"2\"/></pattern>\n")
                .append("<pattern id=\"waiting-lock\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">")
                .append("<rect width=\"6\" height=\"6\" fill=\"#c9a3e0\"/><path d=\"M0 0 L6 6 M6 0 L0 6\" stroke=\"#4a1f6b\" ")
                .append("stroke-width=\"1.2\"/></pattern>\n")
                .append("<pattern id=\"detached\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">")
                .append("<rect width=\"5\" height=\"5\" fill=\"#eef0f2\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"0.9\" fill=\"#7b8088\"/>")
                .append("</pattern>\n</defs>\n");
    }

    private static double x(long at, long from, long to) {
        return LABEL_WIDTH + PLOT_WIDTH * (double) (at - from) / (to - from);
    }

    private static void axis(StringBuilder b, long from, long to, int bottom, long switchInterval) {
        double span = (to - from) / 1e6; // ms
        double step = niceStep(span / 8);
        b.append("<g class=\"axis\" font-size=\"11\" fill=\"#333\">\n");
        // the switch interval as a grid, when it is wide enough to see
        double intervalPx = switchInterval > 0 ? PLOT_WIDTH * switchInterval / (double) (to - from) : 0;
        if (intervalPx >= 8) {
            for (long at = from - from % switchInterval; at <= to; at += switchInterval) {
                if (at < from) {
                    continue;
                }
                double xx = x(at, from, to);
                b.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                        + "stroke=\"#9aa3ad\" stroke-dasharray=\"2 3\" stroke-width=\"0.8\"/>", xx, TOP - 6, xx, bottom));
            }
        }
        double firstTick = Math.ceil((from / 1e6) / step) * step;
        for (double ms = firstTick; ms <= to / 1e6 + 1e-9; ms += step) {
            double xx = x((long) (ms * 1e6), from, to);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>", xx, bottom,
                    xx, bottom + 5));
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", xx, bottom + 18,
                    millis(ms, step)));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LABEL_WIDTH, bottom,
                LABEL_WIDTH + PLOT_WIDTH, bottom));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">time (ms)</text>\n",
                LABEL_WIDTH + PLOT_WIDTH, bottom + 34));
        if (switchInterval > 0) {
            // a scale bar one switch interval long, above the lanes
            double w = Math.max(intervalPx, 1.5);
            double x0 = LABEL_WIDTH + PLOT_WIDTH - w;
            b.append(String.format(Locale.ROOT, "<g class=\"switch-interval\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#111\" stroke-width=\"2\"/><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#111\"/>"
                    + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#111\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\">switch interval %s%s</text></g>\n",
                    x0, TOP - 14, x0 + w, TOP - 14, x0, TOP - 19, x0, TOP - 9, x0 + w, TOP - 19, x0 + w, TOP - 9, x0 - 6, TOP - 10,
                    duration(switchInterval / 1e6), intervalPx >= 8 ? " (dotted lines)" : ""));
        }
        b.append("</g>\n");
    }

    private static void lane(StringBuilder b, Timeline.Lane lane, long from, long to, int y) {
        b.append("<g class=\"lane\" data-thread=\"").append(lane.thread()).append("\">");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\" dominant-baseline=\"middle\">%s</text>",
                LABEL_WIDTH - 10, y + LANE_HEIGHT / 2, Html.escape(shorten(lane.name()))));
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ccc\"/>",
                LABEL_WIDTH, y, PLOT_WIDTH, LANE_HEIGHT));
        // time per activity in each pixel column
        double[][] share = new double[PLOT_WIDTH][DRAWN.length];
        double nsPerPx = (to - from) / (double) PLOT_WIDTH;
        for (Timeline.Segment s : lane.segments()) {
            int k = indexOf(s.activity());
            if (k < 0) {
                continue;
            }
            long a = Math.max(s.start(), from);
            long e = Math.min(s.end(), to);
            if (e <= a) {
                continue;
            }
            double pa = (a - from) / nsPerPx;
            double pe = (e - from) / nsPerPx;
            for (int px = (int) Math.floor(pa); px < Math.min(PLOT_WIDTH, (int) Math.ceil(pe)); px++) {
                double lo = Math.max(pa, px);
                double hi = Math.min(pe, px + 1);
                if (hi > lo) {
                    share[px][k] += hi - lo;
                }
            }
        }
        int px = 0;
        while (px < PLOT_WIDTH) {
            int whole = wholeActivity(share[px]);
            if (whole >= 0) {
                int start = px;
                while (px < PLOT_WIDTH && wholeActivity(share[px]) == whole) {
                    px++;
                }
                b.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                        cssName(DRAWN[whole]), LABEL_WIDTH + start, y, px - start, LANE_HEIGHT, FILL.get(DRAWN[whole])));
                continue;
            }
            double base = y + LANE_HEIGHT;
            for (int k = 0; k < DRAWN.length; k++) {
                double h = LANE_HEIGHT * share[px][k];
                if (h > 0.05) {
                    base -= h;
                    b.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%.2f\" width=\"1\" height=\"%.2f\" fill=\"%s\"/>",
                            cssName(DRAWN[k]), LABEL_WIDTH + px, base, h, FILL.get(DRAWN[k])));
                }
            }
            px++;
        }
        for (Timeline.Instant m : lane.marks()) {
            if (m.at() < from || m.at() > to) {
                continue;
            }
            double xx = x(m.at(), from, to);
            if (m.mark() == Mark.DROP_REQUEST) {
                b.append(String.format(Locale.ROOT, "<path class=\"drop-request\" d=\"M%.1f %d L%.1f %d L%.1f %d Z\" fill=\"#c0392b\"/>",
                        xx - 4, y - 8, xx + 4, y - 8, xx, y - 1));
            } else {
                b.append(String.format(Locale.ROOT, "<path class=\"forced-switch\" d=\"M%.1f %d L%.1f %d L%.1f %d L%.1f %d Z\" "
                        + "fill=\"white\" stroke=\"#1f4e9c\" stroke-width=\"1.5\"/>", xx, y + LANE_HEIGHT + 1, xx + 4,
                        y + LANE_HEIGHT + 5, xx, y + LANE_HEIGHT + 9, xx - 4, y + LANE_HEIGHT + 5));
            }
        }
        b.append("</g>\n");
    }

    /** The activity that fills the column (over 98% of it), or -1 for a mixed or empty column. */
    private static int wholeActivity(double[] share) {
        for (int k = 0; k < share.length; k++) {
            if (share[k] > 0.98) {
                return k;
            }
        }
        return -1;
    }

    private static void legend(StringBuilder b, int y) {
        b.append("<g class=\"legend\" font-size=\"12\">\n");
        int x = LABEL_WIDTH;
        for (Activity a : DRAWN) {
            b.append(String.format(Locale.ROOT, "<g class=\"legend-item\"><rect x=\"%d\" y=\"%d\" width=\"22\" height=\"14\" fill=\"%s\" "
                    + "stroke=\"#555\" stroke-width=\"0.6\"/><text x=\"%d\" y=\"%d\">%s</text></g>\n", x, y, FILL.get(a), x + 28, y + 11,
                    LABEL.get(a)));
            x += 40 + LABEL.get(a).length() * 7;
        }
        int y2 = y + 26;
        b.append(String.format(Locale.ROOT, "<g class=\"legend-item\"><path d=\"M%d %d L%d %d L%d %d Z\" fill=\"#c0392b\"/>"
                + "<text x=\"%d\" y=\"%d\">drop request (a waiter asks the holder to release the GIL)</text></g>\n",
                LABEL_WIDTH + 3, y2, LABEL_WIDTH + 11, y2, LABEL_WIDTH + 7, y2 + 7, LABEL_WIDTH + 28, y2 + 7));
        int x2 = LABEL_WIDTH + 430;
        b.append(String.format(Locale.ROOT, "<g class=\"legend-item\"><path d=\"M%d %d L%d %d L%d %d L%d %d Z\" fill=\"white\" "
                + "stroke=\"#1f4e9c\" stroke-width=\"1.5\"/><text x=\"%d\" y=\"%d\">forced switch (the holder gives way)</text></g>\n",
                x2 + 7, y2 - 1, x2 + 11, y2 + 3, x2 + 7, y2 + 7, x2 + 3, y2 + 3, x2 + 22, y2 + 7));
        b.append("</g>\n");
    }

    private static int indexOf(Activity a) {
        for (int k = 0; k < DRAWN.length; k++) {
            if (DRAWN[k] == a) {
                return k;
            }
        }
        return -1;
    }

    private static String cssName(Activity a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String shorten(String name) {
        return name.length() <= 22 ? name : name.substring(0, 21) + "…";
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String duration(double ms) {
        if (ms == Math.rint(ms)) {
            return String.format(Locale.ROOT, "%d ms", (long) ms);
        }
        return String.format(Locale.ROOT, "%s ms", new java.math.BigDecimal(ms).round(new java.math.MathContext(3))
                .stripTrailingZeros().toPlainString());
    }

    private static String millis(double ms, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
        return String.format(Locale.ROOT, "%." + decimals + "f", ms);
    }
}
