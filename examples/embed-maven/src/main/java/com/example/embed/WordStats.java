package com.example.embed;

import dev.interlock.embed.PythonInterpreter;
import java.util.List;
import java.util.Map;

/**
 * A Java class whose logic is a Python function, run by an embedded Interlock interpreter with
 * the locking strategy the caller chooses.
 */
public final class WordStats implements AutoCloseable {

    /** The Python side: counts words, case-folded, most frequent first (ties alphabetical). */
    static final String SOURCE = String.join("\n",
            "def word_counts(lines, top):",
            "    counts = {}",
            "    for line in lines:",
            "        for word in line.split():",
            "            word = word.strip('.,;:!?').lower()",
            "            if word:",
            "                counts[word] = counts.get(word, 0) + 1",
            "    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))",
            "    return dict(ranked[:top])",
            "");

    private final PythonInterpreter python;

    /** An interpreter with the named strategy ({@code gil}, {@code nogil}, ...) and the function defined. */
    public WordStats(String lock) {
        python = PythonInterpreter.builder().lock(lock).build();
        python.exec(SOURCE, "word_stats.py");
    }

    /** The strategy the interpreter runs under. */
    public String lock() {
        return python.lockName();
    }

    /** The {@code top} most frequent words of {@code lines} and their counts. */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> topWords(List<String> lines, int top) {
        return python.call(Map.class, "word_counts", lines, top);
    }

    @Override
    public void close() {
        python.close();
    }

    /** Prints the top words of the arguments under each strategy named by {@code -Dlocks=gil,nogil}. */
    public static void main(String[] args) {
        for (String lock : System.getProperty("locks", "gil,nogil").split(",")) {
            try (WordStats stats = new WordStats(lock)) {
                System.out.println(lock + ": " + stats.topWords(List.of(args), 3));
            }
        }
    }
}
