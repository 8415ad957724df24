package com.example.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.embed.PythonException;
import dev.interlock.embed.PythonInterpreter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interlock used as a library, as any Maven project would: under gil and under nogil. */
@DisplayName("Embedding Interlock from a Maven project")
class EmbeddingTest {

    private static final List<String> TEXT = List.of(
            "The GIL is a property of the implementation,",
            "not of the language: the same program runs",
            "under every strategy. The same program!");

    @ParameterizedTest(name = "--lock {0}")
    @ValueSource(strings = {"gil", "nogil"})
    @DisplayName("the embedding API: a Python function called with Java values, its dict back as a Map")
    void embeddingApi(String lock) {
        try (WordStats stats = new WordStats(lock)) {
            assertThat(stats.lock()).isEqualTo(lock);
            Map<String, Integer> top = stats.topWords(TEXT, 3);
            assertThat(top).containsExactly(Map.entry("the", 5), Map.entry("of", 2), Map.entry("program", 2));
        }
    }

    @ParameterizedTest(name = "--lock {0}")
    @ValueSource(strings = {"gil", "nogil"})
    @DisplayName("output is captured, Python errors arrive as PythonException, threads run")
    void outputErrorsThreads(String lock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PythonInterpreter python = PythonInterpreter.builder().lock(lock).stdout(out).build()) {
            python.exec(String.join("\n",
                    "import threading",
                    "results = []",
                    "lock = threading.Lock()",
                    "def work(k):",
                    "    with lock:",
                    "        results.append(sum(range(k * 1000)))",
                    "ts = [threading.Thread(target=work, args=(k,)) for k in range(8)]",
                    "for t in ts: t.start()",
                    "for t in ts: t.join()",
                    "print(len(results), sorted(results)[1])",
                    ""));
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("8 499500\n");
            assertThatThrownBy(() -> python.eval("{'a': 1}['b']"))
                    .isInstanceOfSatisfying(PythonException.class, e -> {
                        assertThat(e.pythonType()).isEqualTo("KeyError");
                        assertThat(e.pythonMessage()).isEqualTo("'b'");
                        assertThat(e.traceback()).startsWith("Traceback (most recent call last):").endsWith("KeyError: 'b'\n");
                    });
        }
    }

    @Test
    @DisplayName("JSR-223: new ScriptEngineManager().getEngineByName(\"python\") finds Interlock")
    void jsr223() throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("python");
        assertThat(engine).as("the engine registered as 'python'").isNotNull();
        assertThat(engine.getFactory().getNames()).contains("interlock", "python");
        // gil serializes bytecode, so concurrent scripts keep Python's guarantees
        assertThat(engine.getFactory().getParameter("THREADING")).isEqualTo("MULTITHREADED");

        engine.put("lines", TEXT);
        engine.eval(WordStats.SOURCE);
        Object top = ((Invocable) engine).invokeFunction("word_counts", TEXT, 1);
        assertThat(top).isEqualTo(Map.of("the", 5));
        assertThat(engine.eval("len(lines)")).isEqualTo(3);

        Bindings bindings = engine.createBindings();
        bindings.put("x", 20);
        CompiledScript script = ((Compilable) engine).compile("x * 2 + 2");
        assertThat(script.eval(bindings)).isEqualTo(42);
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    @DisplayName("JSR-223 under nogil: an engine from a factory built with a builder that names the strategy")
    void jsr223Nogil() throws Exception {
        ScriptEngine engine = new dev.interlock.embed.jsr223.InterlockScriptEngineFactory(
                PythonInterpreter.builder().lock("nogil")).getScriptEngine();
        assertThat(engine.getFactory().getParameter("THREADING")).isEqualTo("MULTITHREADED");
        engine.eval(WordStats.SOURCE);
        Object top = ((Invocable) engine).invokeFunction("word_counts", TEXT, 2);
        assertThat(top).isEqualTo(Map.of("the", 5, "of", 2));
        if (engine instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    @DisplayName("the examples of Interlock's README give the values it shows")
    void readmeExamples() throws Exception {
        try (PythonInterpreter python = PythonInterpreter.builder().lock("gil").build()) {
            python.exec("def mean(xs):\n    return sum(xs) / len(xs)\n");
            double m = python.call(Double.class, "mean", List.of(1, 2, 3, 4));
            assertThat(m).isEqualTo(2.5);
            python.set("name", "world");
            String s = python.eval("f'hello {name}'", String.class);
            assertThat(s).isEqualTo("hello world");
        }
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("python");
        engine.put("xs", List.of(1, 2, 3));
        assertThat(engine.eval("sum(xs)")).isEqualTo(6);
        engine.eval("def twice(x):\n    return 2 * x\n");
        assertThat(((Invocable) engine).invokeFunction("twice", 2)).isEqualTo(4);
        ((AutoCloseable) engine).close();
    }
}
