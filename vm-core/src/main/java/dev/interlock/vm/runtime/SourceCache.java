package dev.interlock.vm.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source lines tracebacks quote, by file name: CPython's {@code linecache}. Sources compiled
 * from text are registered as they are compiled; other files are read on first use.
 */
public final class SourceCache {

    private final Map<String, String[]> lines = new ConcurrentHashMap<>();

    /** Remembers the text of a compiled source. */
    public void register(String filename, String source) {
        lines.put(filename, source.split("\r\n|\r|\n", -1));
    }

    /** Line {@code n} (1-based) of {@code filename}, or null if unknown. */
    public String line(String filename, int n) {
        String[] text = lines.computeIfAbsent(filename, SourceCache::read);
        if (text == null || n < 1 || n > text.length) {
            return null;
        }
        return text[n - 1];
    }

    private static String[] read(String filename) {
        if (filename.startsWith("<")) {
            return null;
        }
        try {
            return Files.readString(Path.of(filename), StandardCharsets.UTF_8).split("\r\n|\r|\n", -1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
