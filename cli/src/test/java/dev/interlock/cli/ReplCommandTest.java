package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code interlock repl} with its input from a pipe (the tests have no terminal): prompts on
 * stderr, echoed values on stdout. Expected texts are what {@code python3 -i} (3.11.7) does with
 * the same lines: it echoes values, continues blocks with {@code ...} until an empty line, prints
 * tracebacks for {@code <stdin>} and goes on.
 */
@DisplayName("interlock repl")
class ReplCommandTest {

    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private int session(String lines, String... options) {
        System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        String[] args = new String[options.length + 1];
        args[0] = "repl";
        System.arraycopy(options, 0, args, 1, options.length);
        return Main.run(args);
    }

    @Test
    @DisplayName("the article's session echoes 3")
    void articleSession() {
        int status = session("import sys\na = []\nb = a\nsys.getrefcount(a)\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("3\n\n");
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(">>> ").contains("--lock gil");
    }

    @Test
    @DisplayName("blocks continue with ... until an empty line; brackets until they close")
    void continuationLines() {
        session("for i in range(2):\n    print(i)\n\nx = (1,\n 2)\nx\nNone\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("0\n1\n(1, 2)\n\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("... ");
    }

    @Test
    @DisplayName("errors print a traceback or a syntax error, and the session goes on")
    void errorsDoNotEndTheSession() {
        session("1/0\ndef f(:\n'still here'\n");
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("File \"<stdin>\", line 1, in <module>", "ZeroDivisionError: division by zero",
                "SyntaxError: invalid syntax");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("'still here'\n\n");
    }

    @Test
    @DisplayName("SystemExit ends the session with its status")
    void systemExit() {
        int status = session("import sys\nsys.exit(3)\nprint('not reached')\n");
        assertThat(status).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("not reached");
    }

    @Test
    @DisplayName("--lock chooses the strategy, as for run")
    void lockOption() {
        session("import sys\nsys.getstrategy() if hasattr(sys, 'getstrategy') else 'gil'\n", "--lock", "gil");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("'gil'");
    }
}
