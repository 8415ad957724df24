/**
 * The JSR-223 ({@code javax.script}) engine: registered through
 * {@code META-INF/services/javax.script.ScriptEngineFactory} under the names {@code interlock},
 * {@code python} and {@code python3}, so that
 * {@code new ScriptEngineManager().getEngineByName("python")} finds it. This package is public API.
 *
 * <ul>
 *   <li>{@link dev.interlock.embed.jsr223.InterlockScriptEngineFactory}: the registered factory
 *       uses the default strategy ({@code gil}); one built from a
 *       {@link dev.interlock.embed.PythonInterpreter.Builder} makes engines with the strategy,
 *       memory manager and options it names. Its {@code THREADING} parameter follows the
 *       strategy.</li>
 *   <li>{@link dev.interlock.embed.jsr223.InterlockScriptEngine}: {@code eval} (an expression's
 *       value, or null for statements), bindings as Python globals, {@code Invocable} and
 *       {@code Compilable}.</li>
 * </ul>
 */
package dev.interlock.embed.jsr223;
