package com.example.ticketgil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built plug-in jar dropped into the {@code interlock} command with {@code --plugin-path}, in
 * a JVM of its own, as a user would run it: {@code java -jar interlock-cli.jar --plugin-path
 * ticket-gil.jar ...}. Run by Failsafe after {@code package}, which the jar needs.
 */
@DisplayName("The plug-in jar on interlock --plugin-path")
class CommandLineIT {

    private static final Path CLI = Path.of(System.getProperty("interlock.cli.jar"));
    private static final Path PLUGIN = Path.of(System.getProperty("plugin.jar"));

    @TempDir
    Path dir;

    record Result(int status, String stdout, String stderr) {
    }

    private Result interlock(List<String> args, String environmentPluginPath) throws IOException, InterruptedException {
        assertThat(CLI).as("the interlock-cli jar").isRegularFile();
        assertThat(PLUGIN).as("this project's jar").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(CLI.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("INTERLOCK_PLUGIN_PATH");
        if (environmentPluginPath != null) {
            pb.environment().put("INTERLOCK_PLUGIN_PATH", environmentPluginPath);
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("interlock %s finished", args).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("interlock --plugin-path JAR strategies lists ticket beside the built-in strategies")
    void listed() throws Exception {
        Result r = interlock(List.of("--plugin-path", PLUGIN.toString(), "strategies"), null);
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("  gil ").contains("  ticket       a GIL handed over in arrival order")
                .contains("-X spins=N");
        Result without = interlock(List.of("strategies"), null);
        assertThat(without.stdout()).doesNotContain("ticket");
    }

    @Test
    @DisplayName("INTERLOCK_PLUGIN_PATH=DIR: every jar in the folder is a plug-in; run --lock ticket runs a threaded program")
    void environmentVariableAndRun() throws Exception {
        Path program = Files.writeString(dir.resolve("count.py"), String.join("\n",
                "import threading",
                "n = 0",
                "lock = threading.Lock()",
                "def work():",
                "    global n",
                "    for _ in range(10000):",
                "        with lock:",
                "            n += 1",
                "ts = [threading.Thread(target=work) for _ in range(4)]",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "print(n)",
                ""));
        Result r = interlock(List.of("run", "--lock", "ticket", "-X", "switchinterval=0.001", program.toString()),
                PLUGIN.getParent().toString());
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("40000\n");
        assertThat(r.status()).isZero();
    }

    @Test
    @DisplayName("interlock --plugin-path JAR compare runs ticket beside every built-in strategy (gil, nogil, finegrained)")
    void compared() throws Exception {
        Result listing = interlock(List.of("--plugin-path", PLUGIN.toString(), "strategies"), null);
        List<String> strategies = new ArrayList<>();
        for (String line : listing.stdout().split("\n")) {
            if (line.startsWith("Memory managers")) {
                break;
            }
            if (line.matches("  \\S.*")) {
                strategies.add(line.strip().split("\\s+")[0]);
            }
        }
        assertThat(strategies).contains("gil", "nogil", "finegrained", "ticket");
        Path program = Files.writeString(dir.resolve("work.py"), String.join("\n",
                "import threading",
                "def work():",
                "    total = 0",
                "    for i in range(20000):",
                "        total += i",
                "ts = [threading.Thread(target=work) for _ in range(2)]",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "print('done')",
                ""));
        Path json = dir.resolve("compare.json");
        Result r = interlock(List.of("--plugin-path", PLUGIN.toString(), "compare", "--warmup", "0", "--repeat", "1",
                "--json", json.toString(), program.toString()), null);
        assertThat(r.status()).as(r.stderr()).isZero();
        String report = Files.readString(json, StandardCharsets.UTF_8);
        for (String strategy : strategies) {
            // one row per strategy, named STRATEGY/MEMORY, each with the reference output
            assertThat(r.stdout()).as("compare's table").containsPattern("(?m)^" + strategy + "/\\S+ ");
            assertThat(report).contains("\"" + strategy + "\"");
        }
        assertThat(r.stdout()).doesNotContain("DIFFERS").doesNotContain("FAILED");
    }
}
