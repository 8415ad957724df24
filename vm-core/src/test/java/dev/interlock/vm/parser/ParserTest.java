package dev.interlock.vm.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Pos;
import dev.interlock.vm.ast.Stmt;
import dev.interlock.vm.compiler.Compiler;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.objects.Refs;
import dev.interlock.vm.testing.OnPythonThread;
import dev.interlock.vm.testing.OracleFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against CPython 3.11. The oracles are written by
 * {@code src/test/python/make_parser311.py} with python3 (3.11.7): {@code ast-3.11.txt} holds
 * {@code ast.dump(ast.parse(source))} for each source, which {@link AstDump} reproduces from
 * Interlock's AST; {@code syntax-errors-3.11.txt} holds, for each source run as a program file, the
 * SyntaxError's type, message, line and offset, and what {@code python3 FILE} prints for it.
 */
@DisplayName("The parser")
class ParserTest {

    private static final Map<String, Map<String, String>> AST = OracleFile.read(ParserTest.class, "ast-3.11.txt");
    private static final Map<String, Map<String, String>> ERRORS = OracleFile.read(ParserTest.class,
            "syntax-errors-3.11.txt");

    static Stream<Arguments> astCases() {
        return AST.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().get("source"),
                e.getValue().get("ast").strip()));
    }

    static Stream<Arguments> errorCases() {
        return ERRORS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().get("source"),
                e.getValue().get("error").strip(), e.getValue().get("stderr")));
    }

    private static List<Stmt> parse(String source) {
        return Parser.parseModule(source, "<test>");
    }

    @Nested
    @DisplayName("builds the tree ast.parse builds")
    class Shapes {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.parser.ParserTest#astCases")
        @DisplayName("ast.dump under CPython 3.11")
        void sameTreeAsCpython(String name, String source, String expected) {
            assertThat(AstDump.module(parse(source))).isEqualTo(expected);
        }

        @Test
        @DisplayName("parseExpression reads one expression, as eval mode")
        void expressionMode() {
            // ast.dump(ast.parse("a if b else c", mode="eval").body)
            assertThat(AstDump.expr(Parser.parseExpression("a if b else c\n", "<test>"))).isEqualTo(
                    "IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load()))");
            assertThatThrownBy(() -> Parser.parseExpression("x = 1\n", "<test>"))
                    .isInstanceOf(SyntaxErrorException.class);
        }
    }

    @Nested
    @DisplayName("records source positions as CPython's lineno/col_offset/end_lineno/end_col_offset")
    class Positions {

        @Test
        @DisplayName("of a statement, a call and its argument")
        void callPositions() {
            // ast.parse("x = foo(1, y)\n"): Assign 1:0-1:13, Call 1:4-1:13, Constant 1:8-1:9, Name y 1:11-1:12
            Stmt.Assign assign = (Stmt.Assign) parse("x = foo(1, y)\n").get(0);
            Expr.Call call = (Expr.Call) assign.value();
            assertThat(assign.pos()).isEqualTo(new Pos(1, 0, 1, 13));
            assertThat(call.pos()).isEqualTo(new Pos(1, 4, 1, 13));
            assertThat(call.args().get(0).pos()).isEqualTo(new Pos(1, 8, 1, 9));
            assertThat(call.args().get(1).pos()).isEqualTo(new Pos(1, 11, 1, 12));
        }

        @Test
        @DisplayName("of a compound statement spanning lines, and a binary operation in it")
        void compoundPositions() {
            // ast.parse("if a:\n    b = c + d\n"): If 1:0-2:13, Assign 2:4-2:13, BinOp 2:8-2:13
            Stmt.If s = (Stmt.If) parse("if a:\n    b = c + d\n").get(0);
            Stmt.Assign inner = (Stmt.Assign) s.body().get(0);
            assertThat(s.pos()).isEqualTo(new Pos(1, 0, 2, 13));
            assertThat(inner.pos()).isEqualTo(new Pos(2, 4, 2, 13));
            assertThat(inner.value().pos()).isEqualTo(new Pos(2, 8, 2, 13));
        }

        @Test
        @DisplayName("of a parenthesized expression: the parentheses are not part of it")
        void parenthesized() {
            // ast.parse("x = (a + b) * c\n"): BinOp a + b 1:5-1:10, the product 1:4-1:15
            Expr.BinOp product = (Expr.BinOp) ((Stmt.Assign) parse("x = (a + b) * c\n").get(0)).value();
            assertThat(product.pos()).isEqualTo(new Pos(1, 4, 1, 15));
            assertThat(product.left().pos()).isEqualTo(new Pos(1, 5, 1, 10));
        }
    }

    @Nested
    @DisplayName("reports syntax errors as CPython 3.11 does")
    class SyntaxErrors {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.parser.ParserTest#errorCases")
        @DisplayName("type, message, line and column of the SyntaxError python3 raises for the file")
        void sameErrorAsCpython(String name, String source, String error, String stderr) {
            SyntaxErrorException e = compileError(source);
            String[] f = error.split("\\|");
            assertThat(e.kind()).isEqualTo(f[0]);
            assertThat(e.msg()).isEqualTo(f[1]);
            assertThat(e.line()).as("line").isEqualTo(Integer.parseInt(f[2]));
            assertThat(e.column()).as("column").isEqualTo(Integer.parseInt(f[3]));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.interlock.vm.parser.ParserTest#errorCases")
        @DisplayName("printed as python3 prints it: file, line, source line, carets, message")
        void sameReportAsCpython(String name, String source, String error, String stderr) {
            assertThat(compileError(source).format()).isEqualTo(stderr);
        }

        /** Compiles on a Python thread (some errors come from the symbol table) and returns the error. */
        private SyntaxErrorException compileError(String source) {
            return OnPythonThread.call(ts -> catchThrowableOfType(SyntaxErrorException.class, () -> Refs.decref(
                    Compiler.compile(source, "<test>", Compiler.Mode.EXEC))));
        }
    }

    @Nested
    @DisplayName("names the feature when it meets syntax Interlock does not support")
    class Unsupported {

        @Test
        @DisplayName("the match statement")
        void match() {
            assertThatThrownBy(() -> parse("match x:\n    case 1:\n        pass\n")).isInstanceOf(NotSupportedError.class)
                    .hasMessage("the match statement is not supported by Interlock");
        }

        @Test
        @DisplayName("async def")
        void asyncDef() {
            assertThatThrownBy(() -> parse("async def f():\n    pass\n")).isInstanceOf(NotSupportedError.class)
                    .extracting(e -> ((NotSupportedError) e).feature()).isEqualTo("'async def'");
        }

        @Test
        @DisplayName("'match' and 'case' stay ordinary names elsewhere (soft keywords)")
        void softKeywords() {
            assertThat(AstDump.module(parse("match = case = 1\n"))).isEqualTo(
                    "Module(body=[Assign(targets=[Name(id='match', ctx=Store()), Name(id='case', ctx=Store())], "
                            + "value=Constant(value=1))], type_ignores=[])");
        }
    }
}
