package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** {@code interlock trace} end to end, under the gil. */
@DisplayName("interlock trace")
class TraceCommandTest {

    @TempDir
    Path dir;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    @DisplayName("three CPU-bound threads under the gil: a lane each plus the main thread, with GIL waits and a sleep")
    void threeThreads() throws Exception {
        Path program = dir.resolve("three.py");
        Files.writeString(program, String.join("\n",
                "import threading, time",
                "def spin(n):",
                "    while n > 0:",
                "        n -= 1",
                "ts = [threading.Thread(target=spin, args=(300000,)) for _ in range(3)]",
                "for t in ts:",
                "    t.start()",
                "time.sleep(0.01)",
                "for t in ts:",
                "    t.join()",
                ""));
        Path svg = dir.resolve("t.svg");
        int status = Main.run("trace", "-X", "switchinterval=0.001", program.toString(), "--out", svg.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(((NodeList) xpath.evaluate("//*[@class='lane']", doc, XPathConstants.NODESET)).getLength()).isEqualTo(4);
        assertThat(((NodeList) xpath.evaluate("//*[@class='lane']/*[@class='waiting-gil']", doc, XPathConstants.NODESET))
                .getLength()).as("threads waited for the GIL").isPositive();
        assertThat(((NodeList) xpath.evaluate("//*[@class='lane']/*[@class='detached']", doc, XPathConstants.NODESET))
                .getLength()).as("the sleeping main thread was detached").isPositive();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("events; wrote");
    }

    @Test
    @DisplayName("--out must be .svg or .html; a bad --window is a usage error")
    void usage() throws Exception {
        Path program = dir.resolve("p.py");
        Files.writeString(program, "pass\n");
        assertThat(Main.run("trace", program.toString(), "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(Main.run("trace", program.toString(), "--out", dir.resolve("x.svg").toString(), "--window", "2:1")).isEqualTo(2);
    }
}
