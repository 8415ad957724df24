package dev.interlock.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.ThreadState;
import dev.interlock.api.trace.Activity;
import dev.interlock.api.trace.Mark;
import dev.interlock.vm.runtime.TraceRecorder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@DisplayName("trace timelines")
class TimelineSvgTest {

    private static final long MS = 1_000_000;

    /** Two threads taking turns for 40 ms, then one detached, as under the GIL. */
    private static Timeline turns() {
        Timeline.Lane a = new Timeline.Lane(1, "Thread 1", List.of(
                new Timeline.Segment(0, 10 * MS, Activity.RUNNING),
                new Timeline.Segment(10 * MS, 20 * MS, Activity.WAITING_GIL),
                new Timeline.Segment(20 * MS, 30 * MS, Activity.RUNNING),
                new Timeline.Segment(30 * MS, 40 * MS, Activity.DETACHED)),
                List.of(new Timeline.Instant(15 * MS, Mark.DROP_REQUEST)));
        Timeline.Lane b = new Timeline.Lane(2, "Thread 2", List.of(
                new Timeline.Segment(0, 10 * MS, Activity.WAITING_GIL),
                new Timeline.Segment(10 * MS, 20 * MS, Activity.RUNNING),
                new Timeline.Segment(20 * MS, 30 * MS, Activity.WAITING_LOCK),
                new Timeline.Segment(30 * MS, 40 * MS, Activity.RUNNING)),
                List.of(new Timeline.Instant(20 * MS, Mark.FORCED_SWITCH)));
        return Timeline.of(List.of(a, b), 40 * MS);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document doc, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
    }

    @Test
    @DisplayName("the SVG parses: a lane per thread with its name, an axis, the switch interval, a legend of every state and mark")
    void structure() throws Exception {
        Document doc = parse(TimelineSvg.svg(turns(), new TimelineSvg.Options(0, 0, 5 * MS, "demo")));
        assertThat(count(doc, "//g[@class='lane']")).isEqualTo(2);
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(xpath.evaluate("//g[@class='lane'][@data-thread='1']/text", doc)).isEqualTo("Thread 1");
        assertThat(count(doc, "//g[@class='axis']/text")).isGreaterThanOrEqualTo(4);
        assertThat(xpath.evaluate("//g[@class='switch-interval']/text", doc)).contains("switch interval 5 ms");
        assertThat(count(doc, "//g[@class='axis']/line[@class='interval']")).as("a dotted line every 5 ms over 40 ms").isEqualTo(9);
        assertThat(count(doc, "//g[@class='legend']/g[@class='legend-item']")).isEqualTo(6);
        assertThat(count(doc, "//g[@class='lane']/path[@class='drop-request']")).isEqualTo(1);
        assertThat(count(doc, "//g[@class='lane']/path[@class='forced-switch']")).isEqualTo(1);
    }

    @Test
    @DisplayName("whole segments are drawn as merged rectangles of the right width, in the states' patterns")
    void segments() throws Exception {
        Document doc = parse(TimelineSvg.svg(turns(), new TimelineSvg.Options(0, 0, 0, "demo")));
        var xpath = XPathFactory.newInstance().newXPath();
        // 40 ms over 900 px: each 10 ms segment is 225 px wide
        assertThat(xpath.evaluate("//g[@data-thread='1']/rect[@class='running'][1]/@width", doc)).isEqualTo("225");
        assertThat(xpath.evaluate("//g[@data-thread='2']/rect[@class='waiting-lock']/@fill", doc)).isEqualTo("url(#waiting-lock)");
        assertThat(count(doc, "//g[@data-thread='1']/rect[@class='detached']")).isEqualTo(1);
        assertThat(count(doc, "//pattern")).isEqualTo(3);
    }

    @Test
    @DisplayName("a long run stays bounded: fast alternation becomes stacked shares, at most a few rects per pixel")
    void aggregation() throws Exception {
        List<Timeline.Segment> many = new java.util.ArrayList<>();
        for (long t = 0; t < 100_000; t++) {
            many.add(new Timeline.Segment(t * 1000, t * 1000 + 500, Activity.RUNNING));
            many.add(new Timeline.Segment(t * 1000 + 500, t * 1000 + 1000, Activity.WAITING_GIL));
        }
        Timeline t = Timeline.of(List.of(new Timeline.Lane(1, "busy", many, List.of())), 100_000_000L);
        Document doc = parse(TimelineSvg.svg(t, new TimelineSvg.Options(0, 0, 0, "long")));
        int rects = count(doc, "//g[@class='lane']/rect");
        assertThat(rects).isLessThanOrEqualTo(1 + 2 * TimelineSvg.PLOT_WIDTH);
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(Double.parseDouble(xpath.evaluate("//g[@class='lane']/rect[@class='running'][1]/@height", doc)))
                .as("half the column").isBetween(12.0, 14.0);
    }

    @Nested
    @DisplayName("from recorded events")
    class FromRecorder {

        @Test
        @DisplayName("activities become segments per thread, repeated states merge, time starts at the first event")
        void segmentsFromEvents() {
            TraceRecorder r = new TraceRecorder(100);
            ThreadState one = new ThreadState(Thread.currentThread(), 1);
            ThreadState two = new ThreadState(Thread.currentThread(), 2);
            r.activity(one, Activity.RUNNING);
            r.activity(two, Activity.WAITING_GIL);
            r.mark(two, Mark.DROP_REQUEST);
            r.activity(one, Activity.RUNNING);
            r.activity(one, Activity.WAITING_GIL);
            r.activity(two, Activity.RUNNING);
            r.activity(one, Activity.EXITED);
            Timeline t = Timeline.of(r);
            assertThat(t.lanes()).hasSize(2);
            assertThat(t.lanes().get(0).segments()).extracting(Timeline.Segment::activity)
                    .containsExactly(Activity.RUNNING, Activity.WAITING_GIL);
            assertThat(t.lanes().get(0).segments().get(0).start()).isZero();
            assertThat(t.lanes().get(1).marks()).extracting(Timeline.Instant::mark).containsExactly(Mark.DROP_REQUEST);
        }

        @Test
        @DisplayName("a full buffer drops later events and counts them")
        void bounded() {
            TraceRecorder r = new TraceRecorder(3);
            ThreadState one = new ThreadState(Thread.currentThread(), 1);
            for (int i = 0; i < 10; i++) {
                r.activity(one, i % 2 == 0 ? Activity.RUNNING : Activity.DETACHED);
            }
            assertThat(r.events()).hasSize(3);
            assertThat(r.dropped()).isEqualTo(7);
        }
    }
}
