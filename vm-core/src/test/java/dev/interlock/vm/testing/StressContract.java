package dev.interlock.vm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.StrategyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stress tests every strategy runs with its default memory manager: four Python threads
 * hammering one list, one dict, and shared objects, checked against what must hold on every run
 * whatever the interleaving. A module extends this class with its strategy's name (tests run from
 * the module's directory, beside {@code ../examples}). Quick by default;
 * {@code -Dinterlock.stress.scale=10} runs ten times the work.
 */
@Tag("stress")
public abstract class StressContract {

    private static final int SCALE = Integer.getInteger("interlock.stress.scale", 1);

    /** The strategy's name. */
    protected abstract String pluginName();

    private PythonRunner.Result run(String source, boolean audit, List<String> args) {
        return PythonRunner.runWithPlugin(pluginName(), null, StrategyOptions.empty(), false, audit, source, "<stress>",
                null, args);
    }

    @Test
    @DisplayName("4 threads x 100,000 appends to one list leave exactly 400,000 items, each once")
    void appends() {
        int n = 100_000 * SCALE;
        PythonRunner.Result r = run(String.join("\n",
                "import threading",
                "N = " + n,
                "shared = []",
                "def work(t):",
                "    for i in range(N):",
                "        shared.append(t * N + i)",
                "ts = [threading.Thread(target=work, args=(t,)) for t in range(4)]",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "print(len(shared), len(set(shared)), sum(shared) == sum(range(4 * N)))",
                ""), false, List.of());
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo(4 * n + " " + 4 * n + " True\n");
    }

    @Test
    @DisplayName("a mixed setitem/getitem/delete workload on one dict ends with exactly the expected contents")
    void dictWorkload() {
        int n = 20_000 * SCALE;
        PythonRunner.Result r = run(String.join("\n",
                "import threading",
                "N = " + n,
                "d = {}",
                "misread = []",
                "def work(t):",
                "    for i in range(N):",
                "        d[(t, i)] = i",
                "        if d.get((t, i)) != i:",
                "            misread.append((t, i))",
                "        if i % 3 == 0:",
                "            del d[(t, i)]",
                "        d[i % 100] = t  # keys every thread writes",
                "ts = [threading.Thread(target=work, args=(t,)) for t in range(4)]",
                "for t in ts: t.start()",
                "for t in ts: t.join()",
                "mine = all(d[(t, i)] == i for t in range(4) for i in range(N) if i % 3)",
                "gone = not any((t, i) in d for t in range(4) for i in range(0, N, 3))",
                "common = all(d[k] in range(4) for k in range(100))",
                "print(len(d) == 4 * sum(1 for i in range(N) if i % 3) + 100, mine, gone, common, misread)",
                ""), false, List.of());
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("True True True True []\n");
    }

    @Test
    @DisplayName("after a sharing-heavy workload (examples/refcount_race.py) the reference-count audit is clean")
    void auditClean() throws IOException {
        String program = Files.readString(Path.of("..", "examples", "refcount_race.py"), StandardCharsets.UTF_8);
        List<String> args = List.of("4", String.valueOf(5_000 * SCALE));
        PythonRunner.Result r = run(program, true, args);
        assertThat(r.stdout()).endsWith("shared objects intact: True\n");
        assertThat(r.stderr()).startsWith("interlock: refcount audit: every count matches");
        assertThat(r.status()).isZero();
    }
}
