package dev.interlock.vm.lexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.interlock.vm.errors.SyntaxErrorException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tokenizer against CPython 3.11. Expected token lists are {@code tokenize.generate_tokens}'s
 * output for the same source, one token a line as {@code TYPE text line:col-endline:endcol}, with
 * two differences that are Interlock's documented design: no NL and COMMENT tokens (blank lines and
 * comments produce nothing), and NEWLINE's text is empty instead of {@code "\n"}. Expected errors are
 * what {@code compile(source, "<test>", "exec")} raises under python3 (3.11.7): type, message,
 * {@code lineno} and {@code offset}.
 */
@DisplayName("The lexer")
class LexerTest {

    private static List<String> tokens(String source) {
        return Lexer.tokenize(source, "<test>").stream()
                .map(t -> t.type() + " " + t.text() + " " + t.line() + ":" + t.column() + "-" + t.endLine() + ":" + t.endColumn())
                .collect(Collectors.toList());
    }

    private static List<TokenType> types(String source) {
        return Lexer.tokenize(source, "<test>").stream().map(Token::type).toList();
    }

    private static SyntaxErrorException error(String source) {
        SyntaxErrorException e = catchThrowableOfType(SyntaxErrorException.class, () -> Lexer.tokenize(source, "<test>"));
        assertThat(e).as("a syntax error for %s", source).isNotNull();
        return e;
    }

    @Nested
    @DisplayName("splits a line into tokens with CPython's positions")
    class Positions {

        @Test
        @DisplayName("names, operators, numbers and strings, 0-based columns, end column exclusive")
        void simpleStatement() {
            assertThat(tokens("x = foo(1, \"a\")\n")).containsExactly(
                    "NAME x 1:0-1:1",
                    "OP = 1:2-1:3",
                    "NAME foo 1:4-1:7",
                    "OP ( 1:7-1:8",
                    "NUMBER 1 1:8-1:9",
                    "OP , 1:9-1:10",
                    "STRING \"a\" 1:11-1:14",
                    "OP ) 1:14-1:15",
                    "NEWLINE  1:15-1:16",
                    "ENDMARKER  2:0-2:0");
        }

        @Test
        @DisplayName("the longest operator wins (**=, //, !=, >>, <<=, ->, :=, ...)")
        void longestOperator() {
            assertThat(tokens("a **= b // c != d >> 2 <<= e -> f := g ... h @ i\n")).containsExactly(
                    "NAME a 1:0-1:1",
                    "OP **= 1:2-1:5",
                    "NAME b 1:6-1:7",
                    "OP // 1:8-1:10",
                    "NAME c 1:11-1:12",
                    "OP != 1:13-1:15",
                    "NAME d 1:16-1:17",
                    "OP >> 1:18-1:20",
                    "NUMBER 2 1:21-1:22",
                    "OP <<= 1:23-1:26",
                    "NAME e 1:27-1:28",
                    "OP -> 1:29-1:31",
                    "NAME f 1:32-1:33",
                    "OP := 1:34-1:36",
                    "NAME g 1:37-1:38",
                    "OP ... 1:39-1:42",
                    "NAME h 1:43-1:44",
                    "OP @ 1:45-1:46",
                    "NAME i 1:47-1:48",
                    "NEWLINE  1:48-1:49",
                    "ENDMARKER  2:0-2:0");
        }

        @Test
        @DisplayName("keywords are NAME tokens, as in CPython's tokenizer")
        void keywordsAreNames() {
            assertThat(Lexer.tokenize("if not None: pass\n", "<test>")).extracting(Token::type).startsWith(
                    TokenType.NAME, TokenType.NAME, TokenType.NAME, TokenType.OP, TokenType.NAME, TokenType.NEWLINE);
        }

        @Test
        @DisplayName("a missing final newline is supplied, and open blocks are closed at the end")
        void noFinalNewline() {
            // tokenize: NAME def, NAME f, OP (, OP ), OP :, NEWLINE, INDENT, NAME return, NUMBER 1, NEWLINE, DEDENT, ENDMARKER
            assertThat(types("def f():\n    return 1")).containsExactly(TokenType.NAME, TokenType.NAME, TokenType.OP,
                    TokenType.OP, TokenType.OP, TokenType.NEWLINE, TokenType.INDENT, TokenType.NAME, TokenType.NUMBER,
                    TokenType.NEWLINE, TokenType.DEDENT, TokenType.ENDMARKER);
            assertThat(tokens("def f():\n    return 1")).contains("NEWLINE  2:12-2:13");
        }

        @Test
        @DisplayName("an empty source is just ENDMARKER")
        void emptySource() {
            assertThat(types("")).containsExactly(TokenType.ENDMARKER);
            assertThat(types("\n\n# only a comment\n")).containsExactly(TokenType.ENDMARKER);
        }

        @Test
        @DisplayName("CRLF line endings are read as newlines")
        void crlf() {
            assertThat(tokens("a = 1\r\nb = 2\r\n")).containsExactly(
                    "NAME a 1:0-1:1", "OP = 1:2-1:3", "NUMBER 1 1:4-1:5", "NEWLINE  1:5-1:6",
                    "NAME b 2:0-2:1", "OP = 2:2-2:3", "NUMBER 2 2:4-2:5", "NEWLINE  2:5-2:6",
                    "ENDMARKER  3:0-3:0");
        }
    }

    @Nested
    @DisplayName("turns indentation into INDENT and DEDENT")
    class Indentation {

        @Test
        @DisplayName("nested blocks, a dedent by one level, blank and comment lines ignored, a dedent to the margin")
        void nestedBlocks() {
            assertThat(tokens("if a:\n    if b:\n        c\n    d\n\n# comment\ne\n")).containsExactly(
                    "NAME if 1:0-1:2",
                    "NAME a 1:3-1:4",
                    "OP : 1:4-1:5",
                    "NEWLINE  1:5-1:6",
                    "INDENT      2:0-2:4",
                    "NAME if 2:4-2:6",
                    "NAME b 2:7-2:8",
                    "OP : 2:8-2:9",
                    "NEWLINE  2:9-2:10",
                    "INDENT          3:0-3:8",
                    "NAME c 3:8-3:9",
                    "NEWLINE  3:9-3:10",
                    "DEDENT  4:4-4:4",
                    "NAME d 4:4-4:5",
                    "NEWLINE  4:5-4:6",
                    "DEDENT  7:0-7:0",
                    "NAME e 7:0-7:1",
                    "NEWLINE  7:1-7:2",
                    "ENDMARKER  8:0-8:0");
        }

        @Test
        @DisplayName("one line can close several blocks: one DEDENT per level")
        void dedentSeveralLevels() {
            // tokenize gives three DEDENTs at 5:0 before 'e'.
            assertThat(tokens("if a:\n    if b:\n        if c:\n            d\ne\n")).containsSubsequence(
                    "NEWLINE  4:13-4:14", "DEDENT  5:0-5:0", "DEDENT  5:0-5:0", "DEDENT  5:0-5:0", "NAME e 5:0-5:1");
            assertThat(types("if a:\n    if b:\n        if c:\n            d\ne\n").stream()
                    .filter(t -> t == TokenType.DEDENT)).hasSize(3);
        }

        @Test
        @DisplayName("a tab counts to the next multiple of 8 columns when used consistently")
        void consistentTabs() {
            assertThat(types("if a:\n\tb\n\tc\nd\n")).containsExactly(TokenType.NAME, TokenType.NAME, TokenType.OP,
                    TokenType.NEWLINE, TokenType.INDENT, TokenType.NAME, TokenType.NEWLINE, TokenType.NAME,
                    TokenType.NEWLINE, TokenType.DEDENT, TokenType.NAME, TokenType.NEWLINE, TokenType.ENDMARKER);
        }
    }

    @Nested
    @DisplayName("joins physical lines into logical lines")
    class LineJoining {

        @Test
        @DisplayName("inside brackets (no NEWLINE, no INDENT) and after a backslash")
        void implicitAndExplicit() {
            assertThat(tokens("x = [1,\n     2]\ny = 3 + \\\n  4\n")).containsExactly(
                    "NAME x 1:0-1:1",
                    "OP = 1:2-1:3",
                    "OP [ 1:4-1:5",
                    "NUMBER 1 1:5-1:6",
                    "OP , 1:6-1:7",
                    "NUMBER 2 2:5-2:6",
                    "OP ] 2:6-2:7",
                    "NEWLINE  2:7-2:8",
                    "NAME y 3:0-3:1",
                    "OP = 3:2-3:3",
                    "NUMBER 3 3:4-3:5",
                    "OP + 3:6-3:7",
                    "NUMBER 4 4:2-4:3",
                    "NEWLINE  4:3-4:4",
                    "ENDMARKER  5:0-5:0");
        }

        @Test
        @DisplayName("indentation inside brackets is not significant")
        void indentationInsideBrackets() {
            assertThat(types("f(a,\n        b,\n  c)\n")).doesNotContain(TokenType.INDENT, TokenType.DEDENT)
                    .containsOnlyOnce(TokenType.NEWLINE);
        }

        @Test
        @DisplayName("an unclosed bracket is handed to the parser, not thrown: '(' was never closed at the bracket")
        void unclosedBracketIsDeferred() {
            Lexer.Result r = Lexer.scan("x = (1,\ny = 2\n", "<test>");
            // compile("x = (1,\n", ...) under python3: "'(' was never closed", lineno 1, offset 5
            assertThat(r.unclosed()).isNotNull();
            assertThat(r.unclosed().msg()).isEqualTo("'(' was never closed");
            assertThat(r.unclosed().line()).isEqualTo(1);
            assertThat(r.unclosed().column()).isEqualTo(5);
            assertThat(r.unclosedLine()).isEqualTo(1);
            assertThat(r.tokens()).last().extracting(Token::type).isEqualTo(TokenType.ENDMARKER);
            assertThat(Lexer.scan("x = (1,\n2)\n", "<test>").unclosed()).isNull();
        }
    }

    @Nested
    @DisplayName("reads string literals whole")
    class Strings {

        @Test
        @DisplayName("with prefixes r, b, Rb, f, u, BR; 'ur' is not a prefix (a name, then a string)")
        void prefixes() {
            assertThat(tokens("a = r'\\d' + b\"x\" + Rb'y' + f'{z}' + u'v' + BR\"w\" + ur'q'\n")).containsExactly(
                    "NAME a 1:0-1:1",
                    "OP = 1:2-1:3",
                    "STRING r'\\d' 1:4-1:9",
                    "OP + 1:10-1:11",
                    "STRING b\"x\" 1:12-1:16",
                    "OP + 1:17-1:18",
                    "STRING Rb'y' 1:19-1:24",
                    "OP + 1:25-1:26",
                    "STRING f'{z}' 1:27-1:33",
                    "OP + 1:34-1:35",
                    "STRING u'v' 1:36-1:40",
                    "OP + 1:41-1:42",
                    "STRING BR\"w\" 1:43-1:48",
                    "OP + 1:49-1:50",
                    "NAME ur 1:51-1:53",
                    "STRING 'q' 1:53-1:56",
                    "NEWLINE  1:56-1:57",
                    "ENDMARKER  2:0-2:0");
        }

        @Test
        @DisplayName("triple-quoted strings span lines; other quotes and escaped quotes stay inside")
        void tripleQuotesAndEscapes() {
            assertThat(tokens("s = '''one\ntwo''' + \"it's\" + 'say \\'hi\\''\n")).containsExactly(
                    "NAME s 1:0-1:1",
                    "OP = 1:2-1:3",
                    "STRING '''one\ntwo''' 1:4-2:6",
                    "OP + 2:7-2:8",
                    "STRING \"it's\" 2:9-2:15",
                    "OP + 2:16-2:17",
                    "STRING 'say \\'hi\\'' 2:18-2:30",
                    "NEWLINE  2:30-2:31",
                    "ENDMARKER  3:0-3:0");
        }

        @Test
        @DisplayName("a backslash-newline inside a string continues it on the next line")
        void backslashNewlineInString() {
            // tokenize: STRING 'ab\\\ncd' from 1:4 to 2:3
            assertThat(tokens("x = 'ab\\\ncd'\n")).contains("STRING 'ab\\\ncd' 1:4-2:3");
        }
    }

    @Nested
    @DisplayName("reads numbers whole")
    class Numbers {

        @Test
        @DisplayName("decimal, hex, octal, binary, underscores, floats, exponents, imaginary")
        void literals() {
            List<String> numbers = tokens("n = [0, 42, 0x1F, 0o17, 0b101, 1_000_000, 3.14, .5, 1., 1e10, 2.5E-3, 7j, 1_0.0_1]\n")
                    .stream().filter(t -> t.startsWith("NUMBER")).toList();
            assertThat(numbers).containsExactly(
                    "NUMBER 0 1:5-1:6",
                    "NUMBER 42 1:8-1:10",
                    "NUMBER 0x1F 1:12-1:16",
                    "NUMBER 0o17 1:18-1:22",
                    "NUMBER 0b101 1:24-1:29",
                    "NUMBER 1_000_000 1:31-1:40",
                    "NUMBER 3.14 1:42-1:46",
                    "NUMBER .5 1:48-1:50",
                    "NUMBER 1. 1:52-1:54",
                    "NUMBER 1e10 1:56-1:60",
                    "NUMBER 2.5E-3 1:62-1:68",
                    "NUMBER 7j 1:70-1:72",
                    "NUMBER 1_0.0_1 1:74-1:81");
        }

        @Test
        @DisplayName("zero forms CPython accepts: 00, 0_0, 0e5, 07.5, 09j")
        void zeros() {
            for (String n : List.of("00", "0_0", "0e5", "07.5", "09j")) {
                assertThat(tokens("x = " + n + "\n")).as(n).contains("NUMBER " + n + " 1:4-1:" + (4 + n.length()));
            }
        }

        @Test
        @DisplayName("a number may touch a keyword that can follow it (1if x else 2), as CPython 3.11 still accepts")
        void numberBeforeKeyword() {
            assertThat(tokens("x = 1if y else 2\n")).contains("NUMBER 1 1:4-1:5", "NAME if 1:5-1:7");
        }

        @Test
        @DisplayName("a dot not followed by a digit is an attribute access, not a float")
        void attributeNotFloat() {
            assertThat(tokens("a.b\n")).startsWith("NAME a 1:0-1:1", "OP . 1:1-1:2", "NAME b 1:2-1:3");
        }
    }

    @Nested
    @DisplayName("reports errors with CPython 3.11's type, message, line and column")
    class Errors {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                # source (\\n = newline)      | type             | message                                                              | line | column
                x = 'abc\\n                  | SyntaxError      | unterminated string literal (detected at line 1)                     | 1    | 5
                x = 1\\ny = "abc\\n          | SyntaxError      | unterminated string literal (detected at line 2)                     | 2    | 5
                x = 'a' 'b\\n                | SyntaxError      | unterminated string literal (detected at line 1)                     | 1    | 9
                s = '''abc\\n\\nmore\\n      | SyntaxError      | unterminated triple-quoted string literal (detected at line 3)       | 1    | 5
                if a:\\n    b\\n  c\\n       | IndentationError | unindent does not match any outer indentation level                  | 3    | 4
                if a:\\n\\tb\\n        c\\n  | TabError         | inconsistent use of tabs and spaces in indentation                   | 3    | 1
                if a:\\n        b\\n\\tc\\n  | TabError         | inconsistent use of tabs and spaces in indentation                   | 3    | 1
                x = a € b\\n                 | SyntaxError      | invalid character '€' (U+20AC)                                       | 1    | 7
                x = \u00a0 1\\n              | SyntaxError      | invalid non-printable character U+00A0                               | 1    | 5
                x = 1\\ny = a $ b\\n         | SyntaxError      | invalid syntax                                                       | 2    | 7
                x = 0x\\n                    | SyntaxError      | invalid hexadecimal literal                                          | 1    | 6
                x = 0xg\\n                   | SyntaxError      | invalid hexadecimal literal                                          | 1    | 6
                x = 0x1__2\\n                | SyntaxError      | invalid hexadecimal literal                                          | 1    | 8
                x = 0b\\n                    | SyntaxError      | invalid binary literal                                               | 1    | 6
                x = 0o8\\n                   | SyntaxError      | invalid digit '8' in octal literal                                   | 1    | 7
                x = 1_\\n                    | SyntaxError      | invalid decimal literal                                              | 1    | 6
                x = 1.5_\\n                  | SyntaxError      | invalid decimal literal                                              | 1    | 8
                x = 1.5e+\\n                 | SyntaxError      | invalid decimal literal                                              | 1    | 9
                s = '''abc\\n               | SyntaxError      | unterminated triple-quoted string literal (detected at line 1)       | 1    | 5
                x = \u0661\\n               | SyntaxError      | invalid character '\u0661' (U+0661)                                 | 1    | 5
                x = 0b102\\n                 | SyntaxError      | invalid digit '2' in binary literal                                  | 1    | 9
                x = 1__0\\n                  | SyntaxError      | invalid decimal literal                                              | 1    | 6
                x = 5abc\\n                  | SyntaxError      | invalid decimal literal                                              | 1    | 5
                f = 1.5e\\n                  | SyntaxError      | invalid decimal literal                                              | 1    | 7
                x = 1 \\\\ y\\n              | SyntaxError      | unexpected character after line continuation character               | 1    | 8
                x = (1]\\n                   | SyntaxError      | closing parenthesis ']' does not match opening parenthesis '('       | 1    | 7
                x = 1)\\n                    | SyntaxError      | unmatched ')'                                                        | 1    | 6
                """)
        @DisplayName("compile() under python3")
        void asCpython(String source, String type, String message, int line, int column) {
            String src = source.replace("\\\\", "\u0000").replace("\\n", "\n").replace("\\t", "\t").replace("\u0000", "\\");
            SyntaxErrorException e = error(src);
            assertThat(e.kind()).isEqualTo(type);
            assertThat(e.msg()).isEqualTo(message);
            assertThat(e.line()).as("line").isEqualTo(line);
            assertThat(e.column()).as("column").isEqualTo(column);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                x = 012   | 1 | 5 | '    x = 012\n        ^\n'
                x = 0_7   | 1 | 5 | '    x = 0_7\n        ^^\n'
                """)
        @DisplayName("leading zeros in a decimal literal: CPython's message, and carets under the zeros")
        void leadingZeros(String source, int line, int column, String shown) {
            SyntaxErrorException e = error(source + "\n");
            assertThat(e.msg()).isEqualTo(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.format()).contains(shown.replace("\\n", "\n"));
        }

        @Test
        @DisplayName("an indentation TabError is shown without a caret, as CPython shows it")
        void tabErrorHasNoCaret() {
            // python3 prints: File "<test>", line 3 / "    c" / "TabError: inconsistent use of tabs and spaces in indentation"
            assertThat(error("if a:\n\tb\n        c\n").format()).isEqualTo(String.join("\n",
                    "  File \"<test>\", line 3",
                    "    c",
                    "TabError: inconsistent use of tabs and spaces in indentation",
                    ""));
        }

        @Test
        @DisplayName("an unindent error shows its caret one past the first character, as CPython does")
        void unindentCaret() {
            assertThat(error("if a:\n    b\n  c\n").format()).isEqualTo(String.join("\n",
                    "  File \"<test>\", line 3",
                    "    c",
                    "     ^",
                    "IndentationError: unindent does not match any outer indentation level",
                    ""));
        }

        @Test
        @DisplayName("the error carries the file name and the source line")
        void fileAndText() {
            SyntaxErrorException e = catchThrowableOfType(SyntaxErrorException.class,
                    () -> Lexer.tokenize("x = 1\ny = 'oops\n", "prog.py"));
            assertThat(e.filename()).isEqualTo("prog.py");
            assertThat(e.text()).isEqualTo("y = 'oops");
            // python3 prog.py prints exactly this (3.11.7)
            assertThat(e.format()).isEqualTo(String.join("\n",
                    "  File \"prog.py\", line 2",
                    "    y = 'oops",
                    "        ^",
                    "SyntaxError: unterminated string literal (detected at line 2)",
                    ""));
        }
    }
}
