package dev.interlock.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@DisplayName("bench scaling's figures and report")
class ScalingReportTest {

    private static Scaling sample() {
        Scaling s = new Scaling(List.of(1, 2, 4), 2);
        s.add(new Scaling.Row("arithmetic", "gil", "plain", Map.of(1, 1.0, 2, 2.0, 4, 4.0), null));
        s.add(new Scaling.Row("arithmetic", "nogil", "atomic", Map.of(1, 1.02, 2, 1.02, 4, 2.04), null));
        s.add(new Scaling.Row("arithmetic", "ticket", "atomic", Map.of(), "ValueError: boom"));
        s.add(new Scaling.Row("shared", "gil", "plain", Map.of(1, 0.5, 2, 1.0, 4, 2.0), null));
        return s;
    }

    @Test
    @DisplayName("ratio is N x t(1) / t(N); the limit is min(N, cores); overhead is t(1) against the gil's")
    void figures() {
        Scaling s = sample();
        Scaling.Row gil = s.rows().get(0);
        Scaling.Row nogil = s.rows().get(1);
        assertThat(gil.ratio(2)).isCloseTo(1.0, within(1e-9));
        assertThat(nogil.ratio(2)).isCloseTo(2.0, within(1e-9));
        assertThat(nogil.ratio(4)).isCloseTo(2.0, within(1e-9));
        assertThat(s.limit(1)).isEqualTo(1.0);
        assertThat(s.limit(4)).isEqualTo(2.0);
        assertThat(s.overheadVsGil(nogil)).isCloseTo(1.02, within(1e-9));
    }

    @Test
    @DisplayName("the harness output parses into medians per thread count")
    void parse() {
        assertThat(Scaling.parse("threads 1 median 0.5\nthreads 2 median 0.25\ncheck OK\n")).containsEntry(1, 0.5)
                .containsEntry(2, 0.25).hasSize(2);
    }

    @Test
    @DisplayName("the report has a section per workload with axes, the limit, a line and legend entry per strategy, and a table")
    void structure() throws Exception {
        String html = ScalingReport.html(sample(), "2 cores");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        var xpath = XPathFactory.newInstance().newXPath();
        NodeList sections = (NodeList) xpath.evaluate("//section[@class='workload']", doc, XPathConstants.NODESET);
        assertThat(sections.getLength()).isEqualTo(2);
        String arithmetic = "//section[@data-workload='arithmetic']";
        assertThat(((NodeList) xpath.evaluate(arithmetic + "//*[local-name()='g'][@class='series']", doc, XPathConstants.NODESET))
                .getLength()).isEqualTo(3);
        assertThat(((NodeList) xpath.evaluate(arithmetic + "//*[local-name()='g'][@class='series'][@data-strategy='nogil']/*[local-name()='path']",
                doc, XPathConstants.NODESET)).getLength()).as("a line for a strategy that ran").isEqualTo(1);
        assertThat(((NodeList) xpath.evaluate(arithmetic + "//*[local-name()='g'][@class='limit']", doc, XPathConstants.NODESET))
                .getLength()).isEqualTo(1);
        assertThat(((NodeList) xpath.evaluate(arithmetic + "//*[local-name()='g'][@class='legend']", doc, XPathConstants.NODESET))
                .getLength()).as("limit plus three strategies").isEqualTo(4);
        assertThat(((NodeList) xpath.evaluate(arithmetic + "//table/tbody/tr", doc, XPathConstants.NODESET)).getLength())
                .as("three strategies and the limit").isEqualTo(4);
        assertThat(xpath.evaluate(arithmetic + "//tr[@data-strategy='ticket']/td[2]", doc)).contains("failed: ValueError: boom");
        assertThat(xpath.evaluate(arithmetic + "//*[local-name()='g'][@class='axis']", doc)).contains("threads", "throughput ratio");
    }
}
