package dev.interlock.embed.jsr223;

import static java.util.Objects.requireNonNull;

import dev.interlock.embed.PythonObject;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

/**
 * A script compiled once by an {@link InterlockScriptEngine}, to run any number of times in any
 * context of that engine. It holds the code object until the engine is closed.
 */
final class InterlockCompiledScript extends CompiledScript {

    private final InterlockScriptEngine engine;
    private final PythonObject code;
    private final boolean isExpression;

    InterlockCompiledScript(InterlockScriptEngine engine, PythonObject code, boolean isExpression) {
        this.engine = requireNonNull(engine, "engine is null");
        this.code = requireNonNull(code, "code is null");
        this.isExpression = isExpression;
    }

    @Override
    public Object eval(ScriptContext context) throws ScriptException {
        return engine.run(code, isExpression, requireNonNull(context, "context is null"));
    }

    @Override
    public ScriptEngine getEngine() {
        return engine;
    }
}
