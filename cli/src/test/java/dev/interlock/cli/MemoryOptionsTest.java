package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options about reference counting: {@code --audit-refcounts} and the refusal of unsafe
 * strategy/memory-manager combinations ({@code --allow-unsafe}). The test class path registers
 * vm-core's test strategy {@code parallel} (no interpreter lock) next to {@code gil}, so the
 * unsafe combination can be asked for.
 */
@DisplayName("The interlock command's memory options")
class MemoryOptionsTest {

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

    private String out() {
        System.out.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        System.err.flush();
        return err.toString(StandardCharsets.UTF_8);
    }

    private String file(String source) throws IOException {
        return Files.writeString(dir.resolve("prog.py"), source, StandardCharsets.UTF_8).toAbsolutePath().toString();
    }

    @Nested
    @DisplayName("--audit-refcounts")
    class Audit {

        @Test
        @DisplayName("a clean program: its output and status, then one summary line on stderr")
        void clean() throws IOException {
            int status = Main.run("run", "--audit-refcounts", file("import sys\nx = [1, 2]\nprint(x)\nsys.exit(4)\n"));
            assertThat(out()).isEqualTo("[1, 2]\n");
            assertThat(err()).startsWith("interlock: refcount audit: every count matches (").endsWith(" reachable at exit)\n")
                    .hasLineCount(1);
            assertThat(status).as("the program's own status").isEqualTo(4);
        }

        @Test
        @DisplayName("a leaked reference: the report names the object, exit status 3")
        void leak() throws IOException {
            int status = Main.run("run", "--audit-refcounts", file("import _testrefs\nx = [1, 2]\n_testrefs.leak(x)\n"));
            assertThat(err()).contains("  leak: 'list' object of 2 items: count 2, references found 1 (1 never given back)\n",
                    "interlock: refcount audit failed: 1 leaked, 0 over-released, 0 freed while referenced (exit status 3)\n");
            assertThat(status).isEqualTo(3);
        }

        @Test
        @DisplayName("a daemon thread spinning under the GIL at exit is stopped before the recount")
        void spinningDaemon() throws IOException {
            int status = Main.run("run", "--lock", "gil", "--audit-refcounts", file("""
                    import threading
                    started = threading.Event()
                    def spin():
                        items = [[i] for i in range(10)]
                        started.set()
                        while True:
                            items.append(items.pop())
                    threading.Thread(target=spin, daemon=True).start()
                    started.wait()
                    print('main done')
                    """));
            assertThat(out()).isEqualTo("main done\n");
            assertThat(err()).startsWith("interlock: refcount audit: every count matches (");
            assertThat(status).isZero();
        }

        @Test
        @DisplayName("with the tracing manager, which keeps no counts: a usage error (2) before anything runs")
        void tracing() throws IOException {
            int status = Main.run("run", "--memory", "tracing", "--audit-refcounts", file("print('ran')\n"));
            assertThat(status).isEqualTo(2);
            assertThat(out()).isEmpty();
            assertThat(err()).startsWith("interlock: --audit-refcounts recounts reference counts, and the 'tracing' memory"
                    + " manager keeps none");
        }

        @Test
        @DisplayName("examples/refcount_race.py under the default (gil, plain): the expected lines, every count exact")
        void raceExampleClean() {
            int status = Main.run("run", "--audit-refcounts", Path.of("..", "examples", "refcount_race.py").toString(), "4",
                    "2000");
            assertThat(out()).isEqualTo("4 threads x 2000 rounds: 24000 characters read, as expected\n"
                    + "shared objects intact: True\n");
            assertThat(err()).startsWith("interlock: refcount audit: every count matches (");
            assertThat(status).isZero();
        }

        @Test
        @DisplayName("without it, nothing is printed at exit")
        void off() throws IOException {
            int status = Main.run("run", file("import _testrefs\nx = [1, 2]\n_testrefs.leak(x)\n"));
            assertThat(err()).isEmpty();
            assertThat(status).isZero();
        }
    }

    @Nested
    @DisplayName("--memory-stats")
    class MemoryStats {

        @Test
        @DisplayName("plain: increments, decrements and deallocations on stderr at exit, after the program's output")
        void plain() throws IOException {
            int status = Main.run("run", "--memory-stats", file("x = [[1], [2]]\ndel x\nprint('ran')\n"));
            assertThat(out()).isEqualTo("ran\n");
            assertThat(err()).hasLineCount(1)
                    .matches("interlock: memory statistics \\(plain\\): increfs [\\d,]+, decrefs [\\d,]+, deallocations [\\d,]+\n");
            long deallocations = Long.parseLong(err().replaceAll("(?s).*deallocations ([\\d,]+)\n", "$1").replace(",", ""));
            assertThat(deallocations).as("at least the three lists").isGreaterThanOrEqualTo(3);
            assertThat(status).isZero();
        }

        @Test
        @DisplayName("tracing keeps none, and says so")
        void tracing() throws IOException {
            int status = Main.run("run", "--memory", "tracing", "--memory-stats", file("print('ran')\n"));
            assertThat(err()).isEqualTo("interlock: memory statistics (tracing): none kept\n");
            assertThat(status).isZero();
        }
    }

    @Nested
    @DisplayName("unsafe combinations")
    class Unsafe {

        @Test
        @DisplayName("plain counts with threads in parallel: a usage error (2) that says why and names --allow-unsafe")
        void refused() throws IOException {
            int status = Main.run("run", "--lock", "parallel", "--memory", "plain", file("print('ran')\n"));
            assertThat(status).isEqualTo(2);
            assertThat(out()).isEmpty();
            assertThat(err()).startsWith("interlock: unsafe combination --lock parallel --memory plain: 'plain' changes"
                    + " reference counts with plain loads and stores")
                    .contains("objects are freed while still in use", "Pass --allow-unsafe to run it anyway");
        }

        @Test
        @DisplayName("the strategy's default memory manager is checked too")
        void refusedByDefault() throws IOException {
            int status = Main.run("run", "--lock", "parallel", file("print('ran')\n"));
            assertThat(status).isEqualTo(2);
            assertThat(err()).startsWith("interlock: unsafe combination --lock parallel --memory plain:");
        }

        @Test
        @DisplayName("with --allow-unsafe: one warning line on stderr, then the program runs")
        void allowed() throws IOException {
            int status = Main.run("run", "--lock", "parallel", "--memory", "plain", "--allow-unsafe", file("print('ran')\n"));
            assertThat(out()).isEqualTo("ran\n");
            assertThat(err()).hasLineCount(1).startsWith("interlock: warning: unsafe combination --lock parallel --memory plain:")
                    .endsWith("; running it anyway (--allow-unsafe)\n");
            assertThat(status).isZero();
        }

        @Test
        @DisplayName("a safe combination prints no warning, with or without the flag")
        void safe() throws IOException {
            int status = Main.run("run", "--lock", "gil", "--memory", "plain", "--allow-unsafe", file("print('ran')\n"));
            assertThat(out()).isEqualTo("ran\n");
            assertThat(err()).isEmpty();
            assertThat(status).isZero();
        }
    }
}
