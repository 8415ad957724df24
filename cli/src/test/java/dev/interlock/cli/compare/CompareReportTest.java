package dev.interlock.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The comparison's table, report and JSON from synthetic runs (no JVMs started): the report is
 * parsed as XML (it is well-formed XHTML-compatible HTML) and its structure checked with XPath.
 */
@DisplayName("compare's results")
class CompareReportTest {

    private static ChildRun.Result run(int status, String stdout, long wallMillis, Map<String, Object> strategyCounters) {
        Map<String, Object> stats = new LinkedHashMap<>();
        if (status == 0) {
            stats.put("status", 0L);
            stats.put("wall_nanos", wallMillis * 1_000_000L);
            stats.put("cpu_nanos", wallMillis * 2_000_000L);
            stats.put("peak_heap_bytes", 64L << 20);
            stats.put("strategy", strategyCounters);
            stats.put("memory", Map.of());
        }
        return new ChildRun.Result(status, stdout, status == 0 ? "" : "Traceback...\nValueError: boom\n", stats);
    }

    /** gil (reference, 1000 ms), nogil (500 ms, same output), finegrained (racy output), third-party failing. */
    private static Comparison sample() {
        Comparison c = new Comparison("race.py", List.of("--locked"), 1, 2);
        StrategyRuns gil = new StrategyRuns("gil", "plain");
        gil.add(run(0, "80000\n", 1000, Map.of("switches", 10L, "drop_requests", 4L, "waits", 7L, "wait_nanos", 3_000_000L)));
        gil.add(run(0, "80000\n", 1100, Map.of("switches", 12L, "drop_requests", 6L, "waits", 9L, "wait_nanos", 5_000_000L)));
        c.add(gil);
        StrategyRuns nogil = new StrategyRuns("nogil", "atomic");
        nogil.add(run(0, "80000\n", 500, Map.of()));
        nogil.add(run(0, "80000\n", 520, Map.of()));
        c.add(nogil);
        StrategyRuns fine = new StrategyRuns("finegrained", "biased");
        fine.add(run(0, "79000\n", 510, Map.of("lock_waits", 3L)));
        fine.add(run(0, "79000\n", 530, Map.of("lock_waits", 5L)));
        c.add(fine);
        StrategyRuns broken = new StrategyRuns("ticket", "atomic");
        broken.add(run(1, "", 0, Map.of()));
        c.add(broken);
        return c;
    }

    @Nested
    @DisplayName("the comparison")
    class Model {

        @Test
        @DisplayName("speed-up is against the gil's median; outputs are compared with the gil's")
        void speedUpAndOutput() {
            Comparison c = sample();
            StrategyRuns nogil = c.strategies().get(1);
            assertThat(c.reference().strategy()).isEqualTo("gil");
            assertThat(c.speedUp(nogil)).isCloseTo(1050.0 / 510.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.output(c.strategies().get(0))).isEqualTo(Comparison.Output.REFERENCE);
            assertThat(c.output(nogil)).isEqualTo(Comparison.Output.SAME);
            assertThat(c.output(c.strategies().get(2))).isEqualTo(Comparison.Output.DIFFERS);
            assertThat(c.strategies().get(3).failure()).isNotNull();
        }

        @Test
        @DisplayName("a reference whose own runs printed different things says so (the GIL losing updates per instruction)")
        void referenceVaries() {
            Comparison c = new Comparison("race.py", List.of(), 0, 2);
            StrategyRuns gil = new StrategyRuns("gil", "plain");
            gil.add(run(0, "61000 of 80000\n", 100, Map.of()));
            gil.add(run(0, "57000 of 80000\n", 100, Map.of()));
            c.add(gil);
            StrategyRuns nogil = new StrategyRuns("nogil", "atomic");
            nogil.add(run(0, "40000 of 80000\n", 50, Map.of()));
            nogil.add(run(0, "41000 of 80000\n", 50, Map.of()));
            c.add(nogil);
            assertThat(c.output(gil)).isEqualTo(Comparison.Output.REFERENCE_VARIES);
            assertThat(c.output(nogil)).isEqualTo(Comparison.Output.VARIES);
            assertThat(Comparison.Output.REFERENCE_VARIES.label()).contains("varies");
        }

        @Test
        @DisplayName("the JSON round-trips through the reader, one entry per strategy")
        void json() {
            Object parsed = Json.read(Json.write(sample().toJson()));
            assertThat(parsed).isInstanceOf(Map.class);
            List<?> rows = (List<?>) ((Map<?, ?>) parsed).get("strategies");
            assertThat(rows).hasSize(4);
            assertThat(((Map<?, ?>) rows.get(2)).get("stdout")).isEqualTo("differs");
            assertThat(((Map<?, ?>) rows.get(3)).get("error")).isEqualTo("ValueError: boom");
        }
    }

    @Test
    @DisplayName("the terminal table has a header, one row per strategy, and the failure's error")
    void textTable() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextTable.print(sample(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("strategy").contains("median", "speed-up", "stdout", "switches");
        assertThat(lines.get(2)).startsWith("gil/plain").contains("1.050 s", "1.00x", "reference");
        assertThat(lines.get(3)).startsWith("nogil/atomic").contains("2.06x", "same");
        assertThat(lines.get(4)).startsWith("finegrained/biased").contains("DIFFERS");
        assertThat(lines.get(5)).startsWith("ticket/atomic").contains("FAILED (exit 1)");
        assertThat(lines).anyMatch(l -> l.contains("ticket: ValueError: boom"));
    }

    @Test
    @DisplayName("the HTML report parses, with one table row per strategy, one bar per successful strategy, axis and diffs")
    void htmlStructure() throws Exception {
        String html = CompareReport.html(sample(), "2 cores");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        var xpath = XPathFactory.newInstance().newXPath();
        NodeList rows = (NodeList) xpath.evaluate("//table[@class='results']/tbody/tr", doc, XPathConstants.NODESET);
        assertThat(rows.getLength()).isEqualTo(4);
        NodeList headers = (NodeList) xpath.evaluate("//table[@class='results']/thead/tr/th", doc, XPathConstants.NODESET);
        assertThat(headers.getLength()).isEqualTo(Columns.ALL.size());
        NodeList bars = (NodeList) xpath.evaluate("//*[local-name()='svg']/*[local-name()='g'][@class='bar']", doc,
                XPathConstants.NODESET);
        assertThat(bars.getLength()).as("a bar for each strategy that ran").isEqualTo(3);
        NodeList ticks = (NodeList) xpath.evaluate("//*[local-name()='g'][@class='axis']/*[local-name()='text']", doc,
                XPathConstants.NODESET);
        assertThat(ticks.getLength()).isEqualTo(5);
        String differs = xpath.evaluate("//tr[@data-strategy='finegrained']/td[@class='differs']", doc);
        assertThat(differs).isEqualTo("DIFFERS");
        String failed = xpath.evaluate("//tr[@data-strategy='ticket']/td[@class='failed']", doc);
        assertThat(failed).contains("ValueError: boom");
        assertThat(xpath.evaluate("//pre", doc)).contains("gil: 80000", "finegrained: 79000");
    }
}
