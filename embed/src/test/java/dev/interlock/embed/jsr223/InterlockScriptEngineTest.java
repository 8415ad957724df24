package dev.interlock.embed.jsr223;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.embed.PythonException;
import dev.interlock.embed.PythonInterpreter;
import dev.interlock.embed.PythonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.function.IntBinaryOperator;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The JSR-223 engine")
class InterlockScriptEngineTest {

    private InterlockScriptEngine engine;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void start() {
        engine = (InterlockScriptEngine) new InterlockScriptEngineFactory().getScriptEngine();
        engine.getContext().setWriter(out);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Nested
    @DisplayName("is found and described")
    class Discovery {

        @Test
        @DisplayName("by ScriptEngineManager under 'python', 'interlock' and 'python3', and by the .py extension")
        void manager() {
            ScriptEngineManager manager = new ScriptEngineManager();
            for (String name : List.of("python", "interlock", "python3")) {
                ScriptEngine found = manager.getEngineByName(name);
                assertThat(found).as(name).isInstanceOf(InterlockScriptEngine.class);
                ((InterlockScriptEngine) found).close();
            }
            assertThat(manager.getEngineByExtension("py")).isInstanceOf(InterlockScriptEngine.class);
        }

        @Test
        @DisplayName("with the standard parameters, and THREADING from the strategy: MULTITHREADED under the GIL")
        void parameters() {
            ScriptEngineFactory f = engine.getFactory();
            assertThat(f.getParameter(ScriptEngine.NAME)).isEqualTo("interlock");
            assertThat(f.getParameter(ScriptEngine.ENGINE)).isEqualTo("Interlock");
            assertThat(f.getParameter(ScriptEngine.LANGUAGE)).isEqualTo("python");
            assertThat(f.getParameter(ScriptEngine.LANGUAGE_VERSION)).isEqualTo("3.11");
            assertThat(f.getParameter("THREADING")).isEqualTo("MULTITHREADED");
            assertThat(f.getOutputStatement("it's\n")).isEqualTo("print('it\\'s\\n')");
            assertThat(f.getMethodCallSyntax("obj", "m", "a", "b")).isEqualTo("obj.m(a, b)");
        }

        @Test
        @DisplayName("THREADING is null for plain counts without a GIL (the explicitly unsafe combination)")
        void unsafeThreading() {
            InterlockScriptEngineFactory unsafe = new InterlockScriptEngineFactory(
                    PythonInterpreter.builder().lock("parallel-descriptor").allowUnsafe(true));
            assertThat(unsafe.getParameter("THREADING")).isNull();
            assertThatThrownBy(() -> new InterlockScriptEngineFactory(PythonInterpreter.builder().lock("parallel-descriptor")))
                    .hasMessageContaining("--allow-unsafe");
        }
    }

    @Nested
    @DisplayName("evaluates scripts")
    class Eval {

        @Test
        @DisplayName("returning an expression's value, or null for statements; printing to the context's writer")
        void values() throws ScriptException {
            assertThat(engine.eval("1 + 2")).isEqualTo(3);
            assertThat(engine.eval("x = [1, 2]\nprint('x is', x)")).isNull();
            assertThat(engine.eval(new StringReader("len(x)"))).isEqualTo(2);
            assertThat(out.toString()).isEqualTo("x is [1, 2]\n");
        }

        @Test
        @DisplayName("with the engine's bindings as __main__'s globals, live both ways")
        void engineBindings() throws ScriptException {
            engine.put("n", 20);
            engine.eval("m = n * 2 + 2");
            assertThat(engine.get("m")).isEqualTo(42);
            Bindings b = engine.getBindings(ScriptContext.ENGINE_SCOPE);
            assertThat(b.containsKey("m")).isTrue();
            assertThat(b.remove("m")).isEqualTo(42);
            assertThat(engine.eval("'m' in globals()")).isEqualTo(false);
            assertThat(b.keySet()).contains("n", "__name__");
        }

        @Test
        @DisplayName("in a separate namespace for created bindings; foreign bindings are copied in and out")
        void otherBindings() throws ScriptException {
            engine.eval("x = 'main'");
            Bindings created = engine.createBindings();
            created.put("x", "created");
            assertThat(engine.eval("x", created)).isEqualTo("created");
            assertThat(engine.eval("x")).isEqualTo("main");

            SimpleBindings simple = new SimpleBindings();
            simple.put("a", 5);
            assertThat(engine.eval("a * 10", simple)).isEqualTo(50);
            assertThat(engine.eval("b = a + 1", simple)).isNull();
            assertThat(simple).containsEntry("b", 6).containsEntry("a", 5);
            assertThat(engine.eval("'b' in globals()")).isEqualTo(false);
        }

        @Test
        @DisplayName("seeing global-scope bindings under names the engine scope does not bind")
        void globalScope() throws ScriptException {
            ScriptEngineManager manager = new ScriptEngineManager();
            manager.put("shared", "from the manager");
            engine.setBindings(manager.getBindings(), ScriptContext.GLOBAL_SCOPE);
            assertThat(engine.eval("shared")).isEqualTo("from the manager");
        }

        @Test
        @DisplayName("reporting errors as ScriptException with file and line, caused by the PythonException")
        void errors() {
            engine.getContext().setAttribute(ScriptEngine.FILENAME, "job.py", ScriptContext.ENGINE_SCOPE);
            ScriptException e = catchThrowableOfType(ScriptException.class, () -> engine.eval("x = 1\ny = x / 0\n"));
            assertThat(e.getFileName()).isEqualTo("job.py");
            assertThat(e.getLineNumber()).isEqualTo(2);
            assertThat(e.getCause()).isInstanceOf(PythonException.class);
            assertThat(((PythonException) e.getCause()).pythonType()).isEqualTo("ZeroDivisionError");
            assertThat(e.getMessage()).startsWith("ZeroDivisionError: division by zero");
            ScriptException syntax = catchThrowableOfType(ScriptException.class, () -> engine.eval("def f(:\n"));
            assertThat(((PythonException) syntax.getCause()).pythonType()).isEqualTo("SyntaxError");
            assertThat(syntax.getLineNumber()).isEqualTo(1);
        }

        @Test
        @DisplayName("writing to the writers of the context passed to eval")
        void contextWriters() throws ScriptException {
            SimpleScriptContext ctx = new SimpleScriptContext();
            StringWriter myOut = new StringWriter();
            StringWriter myErr = new StringWriter();
            ctx.setWriter(myOut);
            ctx.setErrorWriter(myErr);
            ctx.setBindings(engine.createBindings(), ScriptContext.ENGINE_SCOPE);
            engine.eval("import sys\nprint('caf\u00e9 \u2615')\nprint('oops', file=sys.stderr)", ctx);
            assertThat(myOut.toString()).isEqualTo("caf\u00e9 \u2615\n");
            assertThat(myErr.toString()).isEqualTo("oops\n");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Nested
    @DisplayName("is Invocable and Compilable")
    class InvocableCompilable {

        @Test
        @DisplayName("invokes functions and methods; a missing one is NoSuchMethodException")
        void invoke() throws Exception {
            engine.eval("def add(a, b):\n    return a + b\n"
                    + "class Greeter:\n    def hello(self, who):\n        return 'hello ' + who\n"
                    + "g = Greeter()\n");
            Invocable inv = (Invocable) engine;
            assertThat(inv.invokeFunction("add", 2, 3)).isEqualTo(5);
            assertThat(inv.invokeFunction("add", List.of(1), List.of(2))).isEqualTo(List.of(1, 2));
            Object greeter = engine.get("g");
            assertThat(greeter).isInstanceOf(PythonObject.class);
            assertThat(inv.invokeMethod(greeter, "hello", "you")).isEqualTo("hello you");
            assertThatThrownBy(() -> inv.invokeFunction("nope")).isInstanceOf(NoSuchMethodException.class);
            assertThatThrownBy(() -> inv.invokeMethod(greeter, "nope")).isInstanceOf(NoSuchMethodException.class);
            assertThatThrownBy(() -> inv.invokeFunction("add", 1)).isInstanceOf(ScriptException.class)
                    .hasMessageStartingWith("TypeError: add() missing 1 required positional argument: 'b'");
        }

        @Test
        @DisplayName("implements a Java interface with Python functions, or null when one is missing")
        void getInterface() throws ScriptException {
            engine.eval("def applyAsInt(a, b):\n    return a * b\n");
            IntBinaryOperator times = ((Invocable) engine).getInterface(IntBinaryOperator.class);
            assertThat(times.applyAsInt(6, 7)).isEqualTo(42);
            assertThat(((Invocable) engine).getInterface(Runnable.class)).isNull();
        }

        @Test
        @DisplayName("compiles once and runs many times, in any context")
        void compile() throws ScriptException {
            CompiledScript square = ((Compilable) engine).compile("n * n");
            engine.put("n", 7);
            assertThat(square.eval()).isEqualTo(49);
            Bindings other = engine.createBindings();
            other.put("n", 9);
            assertThat(square.eval(other)).isEqualTo(81);
            CompiledScript stmts = ((Compilable) engine).compile("total = n + 1");
            assertThat(stmts.eval()).isNull();
            assertThat(engine.get("total")).isEqualTo(8);
            assertThatThrownBy(() -> ((Compilable) engine).compile("1 +")).isInstanceOf(ScriptException.class);
        }
    }

    @Test
    @DisplayName("can be made for another strategy, and refuses use once closed")
    void otherStrategyAndClose() throws ScriptException {
        InterlockScriptEngine serial = (InterlockScriptEngine) new InterlockScriptEngineFactory(
                PythonInterpreter.builder().lock("serial")).getScriptEngine();
        assertThat(serial.eval("sum(range(5))")).isEqualTo(10);
        serial.close();
        assertThatThrownBy(() -> serial.eval("1")).isInstanceOf(IllegalStateException.class);
    }
}
