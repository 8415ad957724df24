package com.example.ticketgil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.interlock.api.StrategyOptions;
import dev.interlock.vm.testing.PythonRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Interlock's conformance programs under {@code --lock ticket}, in-process: each program's stdout
 * must be CPython 3.11's ({@code NAME.out}), the last line of its stderr the {@code NAME.err} when
 * there is one, and its exit status the {@code NAME.rc} (0 when there is none). The programs are
 * read from the folder the system property {@code interlock.conformance.dir} names (an Interlock
 * checkout's {@code conformance/src/test/resources/conformance}); tier-3 programs (first line
 * {@code # tier: 3}) are left out to keep the build short, as are those Interlock lists as
 * pending.
 */
@DisplayName("Conformance programs under --lock ticket")
class ConformanceProgramsTest {

    private static final Path ROOT = Path.of(System.getProperty("interlock.conformance.dir",
            "../../conformance/src/test/resources/conformance"));

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        assertThat(ROOT.resolve("public")).as("the conformance programs (interlock.conformance.dir)").isDirectory();
        List<String> pending = pending();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("public", "features")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(folder))) {
                s.filter(f -> f.toString().endsWith(".py")).sorted().forEach(files::add);
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.py$", "");
            String source = Files.readString(file, StandardCharsets.UTF_8);
            if (source.startsWith("# tier: 3") || pending.contains(name)) {
                continue;
            }
            tests.add(dynamicTest(name, file.toUri(), () -> check(file, name, source)));
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    private static void check(Path file, String name, String source) throws IOException {
        Path dir = file.getParent();
        PythonRunner.Result r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> PythonRunner.runWithPlugin("ticket",
                null, StrategyOptions.empty(), false, source, file.toString(), dir));
        String expectedOut = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
        assertThat(r.stdout()).as("stdout of %s (stderr ends: %s)", name, r.lastErrorLine()).isEqualTo(expectedOut);
        Path err = dir.resolve(name + ".err");
        if (Files.exists(err)) {
            assertThat(r.lastErrorLine()).as("last line of stderr").isEqualTo(Files.readString(err, StandardCharsets.UTF_8).strip());
        }
        Path rc = dir.resolve(name + ".rc");
        int status = Files.exists(rc) ? Integer.parseInt(Files.readString(rc, StandardCharsets.UTF_8).strip()) : 0;
        assertThat(r.status()).as("exit status (stderr: %s)", r.stderr()).isEqualTo(status);
    }

    /** The names in pending.txt: programs Interlock does not pass yet under any strategy. */
    private static List<String> pending() throws IOException {
        Path file = ROOT.resolve("pending.txt");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("#", 2)[0].strip()).toList();
    }
}
