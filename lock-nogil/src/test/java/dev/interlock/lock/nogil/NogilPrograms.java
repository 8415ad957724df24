package dev.interlock.lock.nogil;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.api.StrategyOptions;
import dev.interlock.vm.testing.PythonRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs Python programs under {@code --lock nogil}, as the command line does. */
final class NogilPrograms {

    private NogilPrograms() {
    }

    /** The quick default multiplied by {@code -Dinterlock.stress.scale}. */
    static int scaled(int quick) {
        return quick * Integer.getInteger("interlock.stress.scale", 1);
    }

    /** Runs {@code source}; fails unless it exits 0 with an empty stderr. Returns its stdout. */
    static String run(String source) {
        return run(source, null);
    }

    /** Runs {@code source} with its directory set to {@code dir} (for imports of sibling modules). */
    static String run(String source, Path dir) {
        PythonRunner.Result r = PythonRunner.runWithPlugin("nogil", null, StrategyOptions.empty(), false, source,
                dir == null ? "<test>" : dir.resolve("main.py").toString(), dir);
        assertThat(r.stderr()).as("stderr").isEmpty();
        assertThat(r.status()).as("exit status").isZero();
        return r.stdout();
    }

    /** Writes {@code text} to {@code dir/name}. */
    static void write(Path dir, String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
