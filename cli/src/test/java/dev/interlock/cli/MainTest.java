package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.StrategyPlugin;
import dev.interlock.vm.runtime.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code interlock} command through {@link Main#run}, which returns the exit status instead of
 * exiting. Its output and the program's go to {@code System.out}/{@code System.err}, which each test
 * replaces to capture them. Expected texts are what {@code python3} (3.11.7) prints for the same
 * file, with {@code python3} replaced by {@code interlock} where the command names itself.
 */
@DisplayName("The interlock command")
class MainTest {

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

    private Path file(String name, String source) throws IOException {
        return Files.writeString(dir.resolve(name), source, StandardCharsets.UTF_8).toAbsolutePath();
    }

    @Nested
    @DisplayName("run")
    class Run {

        @Test
        @DisplayName("a program that ends normally: its output, status 0")
        void success() throws IOException {
            Path prog = file("hello.py", "import sys\nprint('hello', sys.argv[1:])\n");
            int status = Main.run("run", prog.toString(), "a", "b");
            assertThat(err()).isEmpty();
            assertThat(out()).isEqualTo("hello ['a', 'b']\n");
            assertThat(status).isZero();
        }

        @Test
        @DisplayName("__file__ is the absolute path, sys.argv[0] the path as given, as CPython 3.9+")
        void fileIsAbsolute() throws IOException {
            Path prog = file("where.py", "import sys\nprint(__file__)\nprint(sys.argv[0])\n");
            int status = Main.run("run", prog.toString());
            assertThat(status).isZero();
            assertThat(out()).isEqualTo(prog + "\n" + prog + "\n");
        }

        @Test
        @DisplayName("output without a final newline is flushed when the program ends")
        void flushesAtExit() throws IOException {
            Path prog = file("partial.py", "print('no newline', end='')\n");
            assertThat(Main.run("run", prog.toString())).isZero();
            assertThat(out()).isEqualTo("no newline");
        }

        @Test
        @DisplayName("-c CODE runs the code, with sys.argv[0] == '-c'")
        void code() {
            int status = Main.run("run", "-c", "import sys; print(sys.argv)", "x");
            assertThat(out()).isEqualTo("['-c', 'x']\n");
            assertThat(status).isZero();
        }

        @Test
        @DisplayName("a missing file: status 2 and CPython's \"can't open file\" message")
        void missingFile() {
            Path missing = dir.resolve("nope.py").toAbsolutePath();
            int status = Main.run("run", missing.toString());
            assertThat(status).isEqualTo(2);
            // python3 nope.py: "python3: can't open file '/abs/nope.py': [Errno 2] No such file or directory"
            assertThat(err()).isEqualTo("interlock: can't open file '" + missing + "': [Errno 2] No such file or directory\n");
            assertThat(out()).isEmpty();
        }

        @Test
        @DisplayName("an unknown --lock: status 2, and the message lists the strategies available")
        void unknownLock() throws IOException {
            Path prog = file("p.py", "print(1)\n");
            int status = Main.run("run", "--lock", "nogill", prog.toString());
            assertThat(status).isEqualTo(2);
            // every strategy on the class path, the built-in ones first in the order of the story
            String available = PluginRegistry.load().strategies().stream().map(StrategyPlugin::name)
                    .collect(Collectors.joining(", "));
            assertThat(available).startsWith("gil");
            assertThat(err()).startsWith("interlock: unknown locking strategy 'nogill' (available: " + available + ")\n");
            assertThat(out()).isEmpty();
        }

        @Test
        @DisplayName("a bad -X value: status 2 and the option's message, not an internal error")
        void badOption() throws IOException {
            Path prog = file("p.py", "print(1)\n");
            int status = Main.run("run", "-X", "check=bogus", prog.toString());
            assertThat(status).isEqualTo(2);
            assertThat(err()).startsWith("interlock: invalid value for -X check: 'bogus' (expected calls, instruction or ticks)\n");
            assertThat(Main.run("run", "-X", "switchinterval=0", prog.toString())).isEqualTo(2);
        }

        @Test
        @DisplayName("a syntax error: status 1, reported as CPython reports it")
        void syntaxError() throws IOException {
            Path prog = file("broken.py", "print('never')\nx = (1,\ny = 2\n");
            int status = Main.run("run", prog.toString());
            assertThat(status).isEqualTo(1);
            assertThat(out()).isEmpty();
            assertThat(err()).isEqualTo(String.join("\n",
                    "  File \"" + prog + "\", line 2",
                    "    x = (1,",
                    "        ^",
                    "SyntaxError: '(' was never closed",
                    ""));
        }

        @Test
        @DisplayName("an uncaught exception: status 1, output so far, CPython's traceback")
        void uncaughtException() throws IOException {
            Path prog = file("boom.py", "print('start')\nx = 1 / 0\n");
            int status = Main.run("run", prog.toString());
            assertThat(status).isEqualTo(1);
            assertThat(out()).isEqualTo("start\n");
            assertThat(err()).isEqualTo(String.join("\n",
                    "Traceback (most recent call last):",
                    "  File \"" + prog + "\", line 2, in <module>",
                    "    x = 1 / 0",
                    "        ~~^~~",
                    "ZeroDivisionError: division by zero",
                    ""));
        }

        @Test
        @DisplayName("sys.exit(N) is the exit status; sys.exit('message') prints it and exits 1")
        void systemExit() throws IOException {
            assertThat(Main.run("run", file("three.py", "import sys\nsys.exit(3)\n").toString())).isEqualTo(3);
            assertThat(Main.run("run", file("msg.py", "import sys\nsys.exit('bad input')\n").toString())).isEqualTo(1);
            assertThat(err()).isEqualTo("bad input\n");
        }

        @Test
        @DisplayName("imports a module from the program's directory")
        void importsFromScriptDirectory() throws IOException {
            file("helper.py", "GREETING = 'hi from helper'\n");
            Path prog = file("main.py", "import helper\nprint(helper.GREETING)\n");
            assertThat(Main.run("run", prog.toString())).isZero();
            assertThat(out()).isEqualTo("hi from helper\n");
        }
    }

    @Nested
    @DisplayName("usage")
    class Usage {

        @Test
        @DisplayName("no command: status 2 and a hint")
        void noCommand() {
            assertThat(Main.run()).isEqualTo(2);
            assertThat(err()).startsWith("interlock: missing command: run, dis or strategies\n");
        }

        @Test
        @DisplayName("run without a file: status 2")
        void runWithoutFile() {
            assertThat(Main.run("run")).isEqualTo(2);
            assertThat(err()).startsWith("interlock: missing FILE or -c CODE\n");
        }

        @Test
        @DisplayName("strategies lists the gil strategy and the plain memory manager")
        void strategies() {
            assertThat(Main.run("strategies")).isZero();
            assertThat(out()).startsWith("Locking strategies (--lock NAME):\n")
                    .containsPattern("(?m)^  gil +CPython's global interpreter lock")
                    .contains("-X switchinterval=SECONDS", "-X check=calls|instruction|ticks", "Memory managers (--memory NAME):")
                    .containsPattern("(?m)^  plain +int field, non-atomic");
        }
    }

    @Nested
    @DisplayName("dis")
    class Dis {

        @Test
        @DisplayName("prints the bytecode in CPython 3.10's layout: the article's n += 1 function")
        void article() throws IOException {
            Path prog = file("article.py", "def foo():\n    global n\n    n += 1\n");
            assertThat(Main.run("dis", prog.toString())).isZero();
            // python3.10 -m dis article.py, object addresses aside
            String expected = String.join("\n",
                    "  1           0 LOAD_CONST               0 (<code object foo at 0x0, file \"PATH\", line 1>)",
                    "              2 LOAD_CONST               1 ('foo')",
                    "              4 MAKE_FUNCTION            0",
                    "              6 STORE_NAME               0 (foo)",
                    "              8 LOAD_CONST               2 (None)",
                    "             10 RETURN_VALUE",
                    "",
                    "Disassembly of <code object foo at 0x0, file \"PATH\", line 1>:",
                    "  3           0 LOAD_GLOBAL              0 (n)",
                    "              2 LOAD_CONST               1 (1)",
                    "              4 INPLACE_ADD",
                    "              6 STORE_GLOBAL             0 (n)",
                    "              8 LOAD_CONST               0 (None)",
                    "             10 RETURN_VALUE",
                    "").replace("PATH", prog.toString());
            assertThat(out().replaceAll(" at 0x[0-9a-f]+", " at 0x0")).isEqualTo(expected);
            assertThat(err()).isEmpty();
        }

        @Test
        @DisplayName("a syntax error is reported, status 1; a missing file is status 2")
        void errors() throws IOException {
            Path prog = file("bad.py", "if x = 1:\n    pass\n");
            assertThat(Main.run("dis", prog.toString())).isEqualTo(1);
            assertThat(err()).endsWith("SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
            assertThat(Main.run("dis", dir.resolve("missing.py").toString())).isEqualTo(2);
        }
    }
}
