package dev.interlock.vm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.StrategyOptions;
import dev.interlock.api.memory.FatalError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/refcount_race.py} as README runs it, for a strategy that runs threads in
 * parallel: with the strategy's safe memory manager it runs clean and the audit finds every count
 * exact; with {@code --memory plain --allow-unsafe} the corruption is caught, by a fatal
 * use-after-free naming the object's type and the thread, or by the audit. A module extends this
 * class with its strategy's name; tests run from the module's directory, beside
 * {@code ../examples}. Quick by default; {@code -Dinterlock.stress.scale=10} runs ten times the
 * rounds and the runs.
 */
@Tag("stress")
public abstract class RefcountRaceContract {

    private static final int SCALE = Integer.getInteger("interlock.stress.scale", 1);
    private static final List<String> ARGS = List.of("4", String.valueOf(5_000 * SCALE));

    /**
     * Unsafe runs allowed before giving up. Observed on the 2-core development machine: every one
     * of 18 runs of the full example (4 threads x 50,000 rounds) under nogil and all 5 under
     * finegrained were caught, as were 26 of 30 runs of 4 x 5,000 under vm-core's parallel test
     * strategy. At a detection rate of even 50%, 20 runs all missing has a probability below one in
     * a million; the loop stops at the first detection.
     */
    private static final int MAX_RUNS = 20 * SCALE;

    /** The strategy's name. */
    protected abstract String pluginName();

    /** Its default, thread-safe memory manager. */
    protected abstract String safeMemory();

    private static String program() throws IOException {
        return Files.readString(Path.of("..", "examples", "refcount_race.py"), StandardCharsets.UTF_8);
    }

    private PythonRunner.Result run(String memory, boolean unsafe) throws IOException {
        return PythonRunner.runWithPlugin(pluginName(), memory, StrategyOptions.empty(), unsafe, true, program(),
                "refcount_race.py", null, ARGS);
    }

    @Test
    @DisplayName("with the strategy's own memory manager: the expected lines, and the audit finds every count exact")
    void safeDefault() throws IOException {
        PythonRunner.Result r = run(safeMemory(), false);
        assertThat(r.stdout()).isEqualTo("4 threads x " + ARGS.get(1) + " rounds: " + (4 * 5_000 * SCALE * 3)
                + " characters read, as expected\nshared objects intact: True\n");
        assertThat(r.stderr()).startsWith("interlock: refcount audit: every count matches");
        assertThat(r.status()).isZero();
    }

    @Test
    @DisplayName("with plain counts (--allow-unsafe): caught by a fatal error naming type and thread, or by the audit")
    void unsafeCaught() throws IOException {
        int runs = 0;
        boolean caught = false;
        while (runs < MAX_RUNS && !caught) {
            PythonRunner.Result r = run("plain", true);
            runs++;
            assertThat(r.stderr()).as("run %d", runs).doesNotContain("\tat ", "Exception in thread");
            if (r.status() == FatalError.EXIT_STATUS) {
                assertThat(r.stderr()).containsPattern("^Fatal Python error: [^\\n]*'[\\w.]+' object[^\\n]*\\(thread '[^']+'\\)\\n");
                caught = true;
            } else if (r.status() == 3) {
                assertThat(r.stderr()).contains("interlock: refcount audit failed: ");
                caught = true;
            } else {
                assertThat(r.status()).as("run %d: %s", runs, r.stderr()).isZero();
            }
        }
        assertThat(caught).as("corruption caught in %d runs", runs).isTrue();
    }
}
