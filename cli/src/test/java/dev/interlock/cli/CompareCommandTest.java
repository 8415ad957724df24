package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock compare} end to end: it starts real child JVMs running the program. */
@DisplayName("interlock compare")
class CompareCommandTest {

    @TempDir
    Path dir;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    @DisplayName("runs the program in a child JVM and prints the table; writes the report and the JSON")
    void table() throws Exception {
        Path program = dir.resolve("p.py");
        Files.writeString(program, "print(sum(range(1000)))\n");
        Path report = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        int status = Main.run("compare", "--locks", "gil", "--warmup", "0", "--repeat", "2", "--report", report.toString(),
                "--json", json.toString(), program.toString());
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(o).contains("strategy", "gil/plain", "1.00x", "reference", "median of 2 runs after 0 warm-up runs");
        assertThat(Files.readString(report)).contains("<svg");
        assertThat(Files.readString(json)).contains("\"strategy\": \"gil\"");
    }

    @Test
    @DisplayName("a failing program is reported with its error, and the command still succeeds")
    void failure() throws Exception {
        Path program = dir.resolve("bad.py");
        Files.writeString(program, "raise ValueError('boom')\n");
        int status = Main.run("compare", "--locks", "gil", "--warmup", "0", "--repeat", "1", program.toString());
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED (exit 1)", "gil: ValueError: boom");
    }

    @Test
    @DisplayName("an -X option no compared strategy accepts is a usage error")
    void unknownOption() throws Exception {
        Path program = dir.resolve("p.py");
        Files.writeString(program, "pass\n");
        int status = Main.run("compare", "--locks", "gil", "-X", "nosuch=1", program.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no compared strategy accepts -X nosuch");
    }

    @Test
    @DisplayName("an unknown strategy is a usage error naming the available ones")
    void unknownStrategy() throws Exception {
        Path program = dir.resolve("p.py");
        Files.writeString(program, "pass\n");
        int status = Main.run("compare", "--locks", "gil,nosuch", program.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown locking strategy 'nosuch'", "gil");
    }
}
