package dev.interlock.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.interlock.api.StrategyOptions;
import dev.interlock.api.StrategyPlugin;
import dev.interlock.vm.runtime.PluginRegistry;
import dev.interlock.vm.testing.PythonRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance program under every locking strategy on the class path: the shared
 * corpus ({@code conformance/public/NAME.py}, the project's copy, with CPython 3.11.7's
 * {@code NAME.out}, and {@code NAME.err}/{@code NAME.rc} for the programs that fail on purpose)
 * and Interlock's own programs for the features the corpus does not reach
 * ({@code conformance/features}, expected results written by {@code conformance/make_expected.sh}
 * with CPython 3.11). Programs run in-process, as
 * the command line runs a file: {@code __file__} is the absolute path and imports look in the
 * program's directory. A program passes when its stdout is byte for byte the {@code .out}, the
 * last line of its stderr is the {@code .err} (when there is one) and its exit status is the
 * {@code .rc} (0 when there is none), as {@code run_corpus.sh} checks.
 *
 * <p>Programs listed in {@code pending.txt} do not pass yet: they still run, and are reported as
 * skipped with the reason given there while they fail, and as failures once they pass, so the list
 * cannot go stale. Tier-3 programs (first line {@code # tier: 3}) are in a separate factory tagged
 * {@code slow}: {@code -DexcludedGroups=slow} (or {@code -Pquick}) leaves them out.
 */
@DisplayName("Conformance programs")
class ConformanceTest {

    /** Generous: the slowest program takes a few seconds; a hang must fail, not block the build. */
    private static final Duration TIME_LIMIT = Duration.ofMinutes(3);

    /** One program and what CPython 3.11 did with it. */
    record Program(String name, Path file, int tier, String expectedOut, String expectedLastErrorLine, int expectedStatus) {
    }

    private static final List<Program> CORPUS = loadPrograms(resourceDirectory("conformance/public"));
    private static final List<Program> FEATURES = loadPrograms(resourceDirectory("conformance/features"));
    private static final List<Program> PROGRAMS = Stream.concat(CORPUS.stream(), FEATURES.stream()).toList();
    private static final Map<String, String> PENDING = loadPending();

    @TestFactory
    @DisplayName("tiers 0 to 2, under each strategy")
    Stream<DynamicNode> programs() {
        return byStrategy(p -> p.tier() < 3);
    }

    @TestFactory
    @Tag("slow")
    @DisplayName("tier 3 (tagged slow), under each strategy")
    Stream<DynamicNode> slowPrograms() {
        return byStrategy(p -> p.tier() >= 3);
    }

    @Test
    @DisplayName("the corpus is all there, and pending.txt names only programs of it")
    void corpusAndPendingList() {
        assertThat(CORPUS).hasSize(37);
        assertThat(FEATURES).isNotEmpty();
        List<String> names = PROGRAMS.stream().map(Program::name).toList();
        assertThat(names).containsAll(PENDING.keySet());
        assertThat(PENDING.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    @DisplayName("the strategies come from the class path, gil among them")
    void strategiesFromClassPath() {
        assertThat(strategies()).contains("gil");
    }

    private static List<String> strategies() {
        return PluginRegistry.load().strategies().stream().map(StrategyPlugin::name).toList();
    }

    private static Stream<DynamicNode> byStrategy(Predicate<Program> which) {
        return strategies().stream().map(strategy -> dynamicContainer("--lock " + strategy,
                PROGRAMS.stream().filter(which).map(p -> dynamicTest(p.name(), p.file().toUri(), () -> check(strategy, p)))));
    }

    private static void check(String strategy, Program p) throws IOException {
        String source = Files.readString(p.file(), StandardCharsets.UTF_8);
        PythonRunner.Result r = assertTimeoutPreemptively(TIME_LIMIT, () -> PythonRunner.runWithPlugin(strategy, null,
                StrategyOptions.empty(), false, source, p.file().toString(), p.file().getParent()));
        List<String> problems = new ArrayList<>();
        if (!r.stdout().equals(p.expectedOut())) {
            problems.add("stdout differs");
        }
        if (p.expectedLastErrorLine() != null && !r.lastErrorLine().equals(p.expectedLastErrorLine())) {
            problems.add("stderr last line differs");
        }
        if (r.status() != p.expectedStatus()) {
            problems.add("exit status " + r.status() + ", expected " + p.expectedStatus());
        }
        String reason = PENDING.get(p.name());
        if (reason != null) {
            if (problems.isEmpty()) {
                fail("remove " + p.name() + " from pending.txt: it passes under --lock " + strategy);
            }
            Assumptions.abort("pending: " + reason + " (" + String.join("; ", problems) + "; stderr ends: "
                    + r.lastErrorLine() + ")");
        }
        assertThat(r.stdout()).as("stdout of %s under --lock %s (stderr: %s)", p.name(), strategy, r.lastErrorLine())
                .isEqualTo(p.expectedOut());
        if (p.expectedLastErrorLine() != null) {
            assertThat(r.lastErrorLine()).as("last stderr line of %s", p.name()).isEqualTo(p.expectedLastErrorLine());
        }
        assertThat(r.status()).as("exit status of %s (stderr: %s)", p.name(), r.stderr()).isEqualTo(p.expectedStatus());
    }

    // ------------------------------------------------------------------ the corpus

    private static Path resourceDirectory(String name) {
        URL url = ConformanceTest.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no resource directory " + name);
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Program> loadPrograms(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sources = files.filter(f -> f.getFileName().toString().endsWith(".py")).sorted().toList();
            List<Program> programs = new ArrayList<>();
            for (Path file : sources) {
                String name = file.getFileName().toString().replaceFirst("\\.py$", "");
                String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
                int tier = firstLine.startsWith("# tier: ") ? Integer.parseInt(firstLine.substring(8).strip()) : 0;
                String out = Files.readString(directory.resolve(name + ".out"), StandardCharsets.UTF_8);
                Path err = directory.resolve(name + ".err");
                Path rc = directory.resolve(name + ".rc");
                String lastErrorLine = Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8).strip() : null;
                int status = Files.exists(rc) ? Integer.parseInt(Files.readString(rc, StandardCharsets.UTF_8).strip()) : 0;
                programs.add(new Program(name, file, tier, out, lastErrorLine, status));
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pending.txt: NAME  # reason, one a line; blank lines and lines starting with '#' are comments. */
    private static Map<String, String> loadPending() {
        try {
            Path file = resourceDirectory("conformance/pending.txt");
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toMap(
                            line -> (line.contains("#") ? line.substring(0, line.indexOf('#')) : line).strip(),
                            line -> line.contains("#") ? line.substring(line.indexOf('#') + 1).strip() : "",
                            (a, b) -> {
                                throw new IllegalStateException("listed twice in pending.txt: " + a);
                            },
                            LinkedHashMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
