package dev.interlock.embed.jsr223;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonInterpreter;
import dev.interlock.embed.internal.Session;
import dev.interlock.vm.runtime.PluginRegistry;
import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Makes {@link InterlockScriptEngine}s. The one {@link javax.script.ScriptEngineManager} finds
 * (through {@code META-INF/services}) uses {@link PythonInterpreter#builder()}'s defaults: the
 * {@code gil} strategy. To script with another strategy, build a factory from a builder:
 *
 * <pre>{@code
 * ScriptEngine engine = new InterlockScriptEngineFactory(PythonInterpreter.builder().lock("nogil"))
 *         .getScriptEngine();
 * }</pre>
 *
 * <h2>The THREADING parameter</h2>
 * The javax.script specification lets an engine say how it may be used from several threads:
 * {@code null} (not thread-safe), {@code "MULTITHREADED"} (scripts may run at once on different
 * threads, each seeing the others' effects), {@code "THREAD-ISOLATED"} (as multithreaded, with
 * each thread's bindings separate) or {@code "STATELESS"} (as isolated, and scripts do not change
 * the bindings). An Interlock engine runs concurrent evaluations on Python threads of its own,
 * which share one {@code __main__} (Python has no per-thread globals), so the strongest it can
 * claim is {@code "MULTITHREADED"}, and whether it can claim that depends on the strategy:
 * <ul>
 *   <li>a strategy that serializes bytecode ({@code gil}) or a thread-safe memory manager
 *       ({@code nogil} with {@code atomic} counts, {@code finegrained} with {@code biased} counts):
 *       {@code "MULTITHREADED"}. Python's own guarantees hold between the scripts: no corrupted
 *       container, no crash; compound updates such as {@code n += 1} need a
 *       {@code threading.Lock}, as in any Python program;</li>
 *   <li>the explicitly allowed unsafe combination ({@code plain} counts without a GIL, which exists
 *       to show counts being corrupted): {@code null}, since two scripts running at once corrupt
 *       reference counts.</li>
 * </ul>
 * The answer is derived from the plug-ins' own descriptors
 * ({@link dev.interlock.api.StrategyPlugin#serializesBytecode()},
 * {@link dev.interlock.api.memory.MemoryManagerPlugin#isThreadSafe()}), so a third-party strategy
 * gets the right one without naming it here.
 */
public final class InterlockScriptEngineFactory implements ScriptEngineFactory {

    private static final List<String> NAMES = List.of("interlock", "python", "python3");
    private static final List<String> EXTENSIONS = List.of("py");
    private static final List<String> MIME_TYPES = List.of("text/x-python", "text/python", "application/x-python");
    private static final String LANGUAGE_VERSION = "3.11";

    private final PythonInterpreter.Builder settings;

    /** The factory for the default strategy, as {@link javax.script.ScriptEngineManager} makes it. */
    public InterlockScriptEngineFactory() {
        // Nothing is checked here: a provider that fails to load would be reported by
        // ScriptEngineManager for every engine lookup, not just this one's.
        this.settings = PythonInterpreter.builder();
    }

    /**
     * A factory for engines built as {@code settings} describes (a copy is kept; the streams it
     * names are replaced by each script context's writers).
     *
     * @throws dev.interlock.api.InvalidOptionException if the settings name an unknown strategy,
     *     memory manager or option, or a refused unsafe combination
     */
    public InterlockScriptEngineFactory(PythonInterpreter.Builder settings) {
        this.settings = requireNonNull(settings, "settings is null").copy();
        Session.select(this.settings); // refuse bad settings now rather than at the first eval
    }

    /** A copy of the settings engines are built with. */
    public PythonInterpreter.Builder settings() {
        return settings.copy();
    }

    @Override
    public String getEngineName() {
        return "Interlock";
    }

    @Override
    public String getEngineVersion() {
        String v = InterlockScriptEngineFactory.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    @Override
    public List<String> getExtensions() {
        return EXTENSIONS;
    }

    @Override
    public List<String> getMimeTypes() {
        return MIME_TYPES;
    }

    @Override
    public List<String> getNames() {
        return NAMES;
    }

    @Override
    public String getLanguageName() {
        return "python";
    }

    @Override
    public String getLanguageVersion() {
        return LANGUAGE_VERSION;
    }

    /**
     * The standard parameters, and {@code "THREADING"} as described above; {@code null} for any
     * other key.
     */
    @Override
    public Object getParameter(String key) {
        switch (key) {
            case ScriptEngine.ENGINE:
                return getEngineName();
            case ScriptEngine.ENGINE_VERSION:
                return getEngineVersion();
            case ScriptEngine.NAME:
                return NAMES.get(0);
            case ScriptEngine.LANGUAGE:
                return getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION:
                return getLanguageVersion();
            case "THREADING":
                return threading();
            default:
                return null;
        }
    }

    private String threading() {
        PluginRegistry.Selection s = Session.select(settings);
        return s.strategy().serializesBytecode() || s.memory().isThreadSafe() ? "MULTITHREADED" : null;
    }

    /** {@code obj.m(arg1, arg2)}. */
    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + String.join(", ", args) + ")";
    }

    /** {@code print('...')}, the text quoted as a Python string literal. */
    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + quote(toDisplay) + ")";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('\'').toString();
    }

    /** The statements, one per line. */
    @Override
    public String getProgram(String... statements) {
        return java.util.Arrays.stream(statements).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A new engine with its own interpreter, started on first use. */
    @Override
    public ScriptEngine getScriptEngine() {
        return new InterlockScriptEngine(this, settings.copy());
    }
}
