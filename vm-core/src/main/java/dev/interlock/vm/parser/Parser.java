package dev.interlock.vm.parser;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.ast.CmpOp;
import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Expr.Ctx;
import dev.interlock.vm.ast.Operator;
import dev.interlock.vm.ast.Pos;
import dev.interlock.vm.ast.Stmt;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.errors.SyntaxErrorException;
import dev.interlock.vm.lexer.Lexer;
import dev.interlock.vm.lexer.Token;
import dev.interlock.vm.lexer.TokenType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for Python 3.11, from tokens to the AST, one method per grammar rule
 * in the manner of CPython's {@code Grammar/python.gram}. Syntax errors carry CPython's messages
 * for the common mistakes ({@code expected ':'}, {@code cannot assign to function call here...},
 * {@code expected an indented block after 'if' statement on line 3}...), and otherwise
 * {@code invalid syntax} at the first token that cannot continue the program.
 */
public final class Parser {

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private final List<Token> tokens;
    private final SyntaxErrorException unclosed;
    private final int unclosedLine;
    private final String filename;
    private final String[] lines;
    private int p;

    private Parser(Lexer.Result scanned, String filename, String source) {
        this(scanned.tokens(), scanned.unclosed(), scanned.unclosedLine(), filename, source);
    }

    private Parser(List<Token> tokens, SyntaxErrorException unclosed, int unclosedLine, String filename, String source) {
        this.tokens = tokens;
        this.unclosed = unclosed;
        this.unclosedLine = unclosedLine;
        this.filename = requireNonNull(filename, "filename is null");
        this.lines = source.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    /** Parses a module: a list of statements. */
    public static List<Stmt> parseModule(String source, String filename) {
        Parser parser = new Parser(Lexer.scan(source, filename), filename, source);
        List<Stmt> body = parser.file();
        if (parser.unclosed != null) {
            throw parser.unclosed;
        }
        return body;
    }

    /** Parses a single expression ({@code eval} mode). */
    public static Expr parseExpression(String source, String filename) {
        Parser parser = new Parser(Lexer.scan(source, filename), filename, source);
        if (parser.unclosed != null) {
            throw parser.unclosed;
        }
        while (parser.peek().type() == TokenType.NEWLINE) {
            parser.p++;
        }
        Expr e = parser.starExpressions();
        while (parser.peek().type() == TokenType.NEWLINE) {
            parser.p++;
        }
        if (parser.peek().type() != TokenType.ENDMARKER) {
            throw parser.invalidSyntax(parser.peek());
        }
        return e;
    }

    // ------------------------------------------------------------------ token helpers

    private Token peek() {
        return tokens.get(p);
    }

    private Token peek(int ahead) {
        int i = Math.min(p + ahead, tokens.size() - 1);
        return tokens.get(i);
    }

    private Token next() {
        Token t = tokens.get(p);
        if (t.type() != TokenType.ENDMARKER) {
            p++;
        }
        return t;
    }

    private Token previous() {
        return tokens.get(Math.max(0, p - 1));
    }

    private boolean check(String s) {
        Token t = peek();
        return (t.type() == TokenType.OP || t.type() == TokenType.NAME) && t.text().equals(s);
    }

    private boolean checkOp(String s) {
        Token t = peek();
        return t.type() == TokenType.OP && t.text().equals(s);
    }

    private boolean match(String s) {
        if (check(s)) {
            p++;
            return true;
        }
        return false;
    }

    private Token expect(String s) {
        if (check(s)) {
            return next();
        }
        if (s.equals(":")) {
            throw errorAt(previous(), "expected ':'", true);
        }
        throw invalidSyntax(peek());
    }

    private boolean isName(Token t) {
        return t.type() == TokenType.NAME && !KEYWORDS.contains(t.text());
    }

    private Token expectName() {
        Token t = peek();
        if (isName(t)) {
            return next();
        }
        throw invalidSyntax(t);
    }

    private static Pos pos(Token t) {
        return new Pos(t.line(), t.column(), t.endLine(), t.endColumn());
    }

    private static Pos span(Token a, Token b) {
        return new Pos(a.line(), a.column(), b.endLine(), b.endColumn());
    }

    private static Pos span(Pos a, Token b) {
        return new Pos(a.line(), a.column(), b.endLine(), b.endColumn());
    }

    /**
     * From {@code start} to the last token consumed: a node's range as CPython's {@code EXTRA}, which
     * includes the parentheses around an operand ({@code (a + b) * c} starts at the parenthesis).
     */
    private Pos from(Token start) {
        return span(start, previous());
    }

    /** A compound statement from its first token to the end of the last statement of its last non-empty block. */
    @SafeVarargs
    private static Pos compound(Token start, List<? extends Stmt>... blocks) {
        for (int i = blocks.length - 1; i >= 0; i--) {
            if (!blocks[i].isEmpty()) {
                Pos end = blocks[i].get(blocks[i].size() - 1).pos();
                return new Pos(start.line(), start.column(), end.endLine(), end.endColumn());
            }
        }
        return pos(start);
    }

    /**
     * The ':' that ends a compound statement's header where CPython 3.11's grammar forces it
     * ({@code def}, {@code try}, {@code else}, {@code finally}): "expected ':'" at whatever token
     * is there instead.
     */
    private void forcedColon() {
        if (checkOp(":")) {
            next();
            return;
        }
        Token t = peek();
        throw new SyntaxErrorException("SyntaxError", "expected ':'", filename, t.line(), t.column() + 1,
                t.line() == t.endLine() ? t.endColumn() + 1 : 0, lineText(t.line()));
    }

    /**
     * The ':' after an {@code if}, {@code while}, {@code for}, {@code with}, {@code except} or
     * {@code class} header: CPython says "expected ':'" only when the line ends there, and
     * "invalid syntax" at any other token.
     */
    private void headerColon() {
        if (checkOp(":")) {
            next();
            return;
        }
        if (peek().type() == TokenType.NEWLINE) {
            throw errorAt(previous(), "expected ':'", true);
        }
        throw invalidSyntax(peek());
    }

    private String lineText(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : null;
    }

    private SyntaxErrorException error(String msg, Pos at) {
        return new SyntaxErrorException("SyntaxError", msg, filename, at.line(), at.column() + 1,
                at.line() == at.endLine() ? at.endColumn() + 1 : 0, lineText(at.line()));
    }

    private SyntaxErrorException errorAt(Token t, String msg, boolean afterToken) {
        int col = afterToken ? t.endColumn() : t.column();
        return new SyntaxErrorException("SyntaxError", msg, filename, t.line(), col + 1, 0, lineText(t.line()));
    }

    /**
     * True when {@code t} and everything after it only end the input (NEWLINE, DEDENT, ENDMARKER):
     * for a file without a final newline, the end comes on the unclosed bracket's own line.
     */
    private boolean onlyEndFollows(Token t) {
        int i = tokens.indexOf(t);
        if (i < 0) {
            return false;
        }
        for (; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type != TokenType.NEWLINE && type != TokenType.DEDENT && type != TokenType.ENDMARKER) {
                return false;
            }
        }
        return true;
    }

    private SyntaxErrorException invalidSyntax(Token t) {
        if (unclosed != null && (t.type() == TokenType.ENDMARKER || t.line() > unclosedLine || onlyEndFollows(t))) {
            return unclosed;
        }
        if (t.type() == TokenType.INDENT) {
            return new SyntaxErrorException("IndentationError", "unexpected indent", filename, t.line(),
                    t.endColumn(), 0, lineText(t.line()));
        }
        if (t.type() == TokenType.DEDENT) {
            return new SyntaxErrorException("IndentationError", "unexpected unindent", filename, t.line(),
                    t.column() + 1, 0, lineText(t.line()));
        }
        if (t.type() == TokenType.ENDMARKER) {
            return new SyntaxErrorException("SyntaxError", "unexpected EOF while parsing", filename, t.line(), 0, 0,
                    lineText(t.line()));
        }
        if (t.type() == TokenType.NEWLINE) {
            return errorAt(t, "invalid syntax", false);
        }
        return new SyntaxErrorException("SyntaxError", "invalid syntax", filename, t.line(), t.column() + 1,
                t.endColumn() + 1, lineText(t.line()));
    }

    // ------------------------------------------------------------------ statements

    private List<Stmt> file() {
        List<Stmt> body = new ArrayList<>();
        while (peek().type() != TokenType.ENDMARKER) {
            if (peek().type() == TokenType.NEWLINE) {
                p++;
                continue;
            }
            if (peek().type() == TokenType.INDENT) {
                throw invalidSyntax(peek());
            }
            statement(body);
        }
        return body;
    }

    private void statement(List<Stmt> out) {
        Token t = peek();
        if (t.type() == TokenType.NAME) {
            switch (t.text()) {
                case "def":
                    out.add(functionDef(List.of(), false, t));
                    return;
                case "if":
                    out.add(ifStmt());
                    return;
                case "class":
                    out.add(classDef(List.of(), t));
                    return;
                case "with":
                    out.add(withStmt(false, t));
                    return;
                case "for":
                    out.add(forStmt(false, t));
                    return;
                case "try":
                    out.add(tryStmt());
                    return;
                case "while":
                    out.add(whileStmt());
                    return;
                case "async":
                    out.add(asyncStmt());
                    return;
                case "match":
                    if (looksLikeMatch()) {
                        throw new NotSupportedError("the match statement");
                    }
                    break;
                default:
                    break;
            }
        }
        if (t.type() == TokenType.OP && t.text().equals("@")) {
            out.add(decorated());
            return;
        }
        simpleStatements(out);
    }

    private boolean looksLikeMatch() {
        // "match" is a soft keyword: a statement only when followed by a subject and a colon line.
        Token n = peek(1);
        if (n.type() == TokenType.NEWLINE || n.type() == TokenType.OP && (n.text().equals(".") || n.text().endsWith("="))) {
            return false;
        }
        int depth = 0;
        for (int i = p + 1; i < tokens.size(); i++) {
            Token x = tokens.get(i);
            if (x.type() == TokenType.NEWLINE) {
                return false;
            }
            if (x.type() == TokenType.OP) {
                if ("([{".contains(x.text())) {
                    depth++;
                } else if (")]}".contains(x.text())) {
                    depth--;
                } else if (x.text().equals(":") && depth == 0) {
                    return tokens.get(i + 1).type() == TokenType.NEWLINE;
                }
            }
        }
        return false;
    }

    private Stmt asyncStmt() {
        next();
        Token t = peek();
        if (t.is("def") || t.is("with") || t.is("for")) {
            throw new NotSupportedError("'async " + t.text() + "'");
        }
        throw invalidSyntax(t);
    }

    private Stmt decorated() {
        Token first = peek();
        List<Expr> decorators = new ArrayList<>();
        while (match("@")) {
            decorators.add(namedExpression());
            expectNewline();
        }
        Token t = peek();
        if (t.is("def")) {
            return functionDef(decorators, false, first);
        }
        if (t.is("class")) {
            return classDef(decorators, first);
        }
        if (t.is("async")) {
            throw new NotSupportedError("'async def'");
        }
        throw invalidSyntax(t);
    }

    private void expectNewline() {
        if (peek().type() == TokenType.NEWLINE) {
            p++;
            return;
        }
        throw invalidSyntax(peek());
    }

    private void simpleStatements(List<Stmt> out) {
        while (true) {
            out.add(simpleStatement());
            if (match(";")) {
                if (peek().type() == TokenType.NEWLINE) {
                    break;
                }
                continue;
            }
            break;
        }
        if (peek().type() == TokenType.NEWLINE) {
            p++;
            return;
        }
        if (peek().type() == TokenType.ENDMARKER) {
            return;
        }
        throw invalidSyntax(peek());
    }

    private Stmt simpleStatement() {
        Token t = peek();
        if (t.type() == TokenType.NAME) {
            switch (t.text()) {
                case "pass":
                    next();
                    return new Stmt.Pass(pos(t));
                case "break":
                    next();
                    return new Stmt.Break(pos(t));
                case "continue":
                    next();
                    return new Stmt.Continue(pos(t));
                case "return":
                    return returnStmt();
                case "raise":
                    return raiseStmt();
                case "global":
                case "nonlocal":
                    return globalStmt();
                case "del":
                    return delStmt();
                case "assert":
                    return assertStmt();
                case "import":
                    return importStmt();
                case "from":
                    return fromImportStmt();
                default:
                    break;
            }
        }
        return expressionStatement();
    }

    private Stmt returnStmt() {
        Token r = next();
        if (atStatementEnd()) {
            return new Stmt.Return(pos(r), null);
        }
        Expr value = starExpressions();
        return new Stmt.Return(from(r), value);
    }

    /** True when only DEDENTs and the ENDMARKER are left. */
    private boolean atEndOfInput() {
        for (int i = p; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type != TokenType.DEDENT && type != TokenType.ENDMARKER) {
                return false;
            }
        }
        return true;
    }

    private boolean atStatementEnd() {
        Token t = peek();
        return t.type() == TokenType.NEWLINE || t.type() == TokenType.ENDMARKER || checkOp(";");
    }

    private Stmt raiseStmt() {
        Token r = next();
        if (atStatementEnd()) {
            return new Stmt.Raise(pos(r), null, null);
        }
        Expr exc = expression();
        Expr cause = null;
        if (match("from")) {
            cause = expression();
        }
        return new Stmt.Raise(from(r), exc, cause);
    }

    private Stmt globalStmt() {
        Token kw = next();
        List<String> names = new ArrayList<>();
        Token last;
        do {
            last = expectName();
            names.add(last.text());
        } while (match(","));
        Pos at = span(kw, last);
        return kw.text().equals("global") ? new Stmt.Global(at, names) : new Stmt.Nonlocal(at, names);
    }

    private Stmt delStmt() {
        Token d = next();
        List<Expr> targets = new ArrayList<>();
        do {
            if (atStatementEnd()) {
                break;
            }
            Expr e = bitwiseOr();
            targets.add(toTarget(e, Ctx.DEL));
        } while (match(","));
        if (targets.isEmpty()) {
            throw invalidSyntax(peek());
        }
        return new Stmt.Delete(from(d), targets);
    }

    private Stmt assertStmt() {
        Token a = next();
        Expr test = expression();
        Expr msg = null;
        if (match(",")) {
            msg = expression();
        }
        return new Stmt.Assert(from(a), test, msg);
    }

    private Stmt importStmt() {
        Token i = next();
        List<Stmt.Alias> names = new ArrayList<>();
        do {
            Token start = peek();
            String name = dottedName();
            String as = null;
            if (match("as")) {
                as = expectName().text();
            }
            names.add(new Stmt.Alias(span(start, previous()), name, as));
        } while (match(","));
        return new Stmt.Import(span(i, previous()), names);
    }

    private String dottedName() {
        StringBuilder b = new StringBuilder(expectName().text());
        while (match(".")) {
            b.append('.').append(expectName().text());
        }
        return b.toString();
    }

    private Stmt fromImportStmt() {
        Token f = next();
        int level = 0;
        while (checkOp(".") || checkOp("...")) {
            level += next().text().length();
        }
        String module = null;
        if (!check("import")) {
            module = dottedName();
        }
        expect("import");
        List<Stmt.Alias> names = new ArrayList<>();
        if (match("*")) {
            names.add(new Stmt.Alias(pos(previous()), "*", null));
            return new Stmt.ImportFrom(span(f, previous()), module, names, level);
        }
        boolean paren = match("(");
        do {
            if (paren && checkOp(")")) {
                break;
            }
            Token start = expectName();
            String as = null;
            if (match("as")) {
                as = expectName().text();
            }
            names.add(new Stmt.Alias(span(start, previous()), start.text(), as));
        } while (match(","));
        if (paren) {
            expect(")");
        } else if (previous().is(",")) {
            throw errorAt(previous(), "trailing comma not allowed without surrounding parentheses", false);
        }
        return new Stmt.ImportFrom(span(f, previous()), module, names, level);
    }

    private Stmt expressionStatement() {
        Token start = peek();
        if (start.is("print") && peek(1).type() == TokenType.STRING) {
            throw new SyntaxErrorException("SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?",
                    filename, start.line(), start.column() + 1, peek(1).endColumn() + 1, lineText(start.line()));
        }
        Expr first = starExpressionsOrYield();
        Token t = peek();
        if (t.type() == TokenType.OP) {
            if (t.text().equals("=")) {
                List<Expr> targets = new ArrayList<>();
                targets.add(assignTarget(first));
                Expr value;
                while (true) {
                    next();
                    value = starExpressionsOrYield();
                    if (checkOp("=")) {
                        targets.add(assignTarget(value));
                        continue;
                    }
                    break;
                }
                return new Stmt.Assign(from(start), targets, value);
            }
            if (t.text().length() >= 2 && t.text().endsWith("=") && !t.text().equals("==") && !t.text().equals("<=")
                    && !t.text().equals(">=") && !t.text().equals("!=") && !t.text().equals(":=")) {
                Operator op = Operator.forSymbol(t.text().substring(0, t.text().length() - 1));
                if (op != null) {
                    if (!(first instanceof Expr.Name || first instanceof Expr.Attribute || first instanceof Expr.Subscript)) {
                        throw error("'" + describe(first) + "' is an illegal expression for augmented assignment", first.pos());
                    }
                    next();
                    Expr value = starExpressionsOrYield();
                    return new Stmt.AugAssign(from(start), toTarget(first, Ctx.STORE), op, value);
                }
            }
            if (t.text().equals(":")) {
                next();
                if (!(first instanceof Expr.Name || first instanceof Expr.Attribute || first instanceof Expr.Subscript)) {
                    if (first instanceof Expr.Tuple) {
                        throw error("only single target (not tuple) can be annotated", first.pos());
                    }
                    throw error("illegal target for annotation", first.pos());
                }
                Expr annotation = expression();
                Expr value = null;
                if (match("=")) {
                    value = starExpressionsOrYield();
                }
                boolean simple = first instanceof Expr.Name && !(start.is("("));
                return new Stmt.AnnAssign(from(start),
                        toTarget(first, Ctx.STORE), annotation, value, simple);
            }
        }
        if (!atStatementEnd() && isExpressionStart(t)) {
            // CPython suggests a missing comma only inside brackets; at the top level it is plain invalid syntax.
            throw invalidSyntax(t);
        }
        return new Stmt.ExprStmt(from(start), first);
    }

    private boolean isExpressionStart(Token t) {
        if (t.type() == TokenType.NAME) {
            return !KEYWORDS.contains(t.text()) || t.text().equals("None") || t.text().equals("True")
                    || t.text().equals("False") || t.text().equals("lambda") || t.text().equals("not");
        }
        return t.type() == TokenType.NUMBER || t.type() == TokenType.STRING;
    }

    private Expr starExpressionsOrYield() {
        if (check("yield")) {
            return yieldExpression();
        }
        return starExpressions();
    }

    private Expr assignTarget(Expr e) {
        return toTarget(e, Ctx.STORE);
    }

    /** Converts a parsed expression to an assignment or deletion target, with CPython's errors. */
    private Expr toTarget(Expr e, Ctx ctx) {
        if (e instanceof Expr.Name n) {
            if (n.id().equals("__debug__")) {
                throw error("cannot assign to __debug__", n.pos());
            }
            return new Expr.Name(n.pos(), n.id(), ctx);
        }
        if (e instanceof Expr.Attribute a) {
            return new Expr.Attribute(a.pos(), a.value(), a.attr(), ctx);
        }
        if (e instanceof Expr.Subscript s) {
            return new Expr.Subscript(s.pos(), s.value(), s.slice(), ctx);
        }
        if (e instanceof Expr.Tuple t) {
            List<Expr> elts = new ArrayList<>();
            for (Expr x : t.elts()) {
                elts.add(toTarget(x, ctx));
            }
            return new Expr.Tuple(t.pos(), elts, ctx);
        }
        if (e instanceof Expr.ListExpr l) {
            List<Expr> elts = new ArrayList<>();
            for (Expr x : l.elts()) {
                elts.add(toTarget(x, ctx));
            }
            return new Expr.ListExpr(l.pos(), elts, ctx);
        }
        if (e instanceof Expr.Starred s && ctx == Ctx.STORE) {
            return new Expr.Starred(s.pos(), toTarget(s.value(), ctx), ctx);
        }
        String what = describe(e);
        if (ctx == Ctx.DEL) {
            throw error("cannot delete " + what, e.pos());
        }
        boolean singleton = e instanceof Expr.Constant c
                && (c.value() instanceof Boolean || c.value() == Expr.Constant.NONE);
        if (!singleton && (e instanceof Expr.Compare || e instanceof Expr.Constant || e instanceof Expr.Call
                || e instanceof Expr.BinOp || e instanceof Expr.BoolOp || e instanceof Expr.UnaryOp)) {
            throw error("cannot assign to " + what + " here. Maybe you meant '==' instead of '='?", e.pos());
        }
        throw error("cannot assign to " + what, e.pos());
    }

    /** CPython's name for an expression kind in error messages. */
    private static String describe(Expr e) {
        if (e instanceof Expr.Call) {
            return "function call";
        }
        if (e instanceof Expr.Constant c) {
            if (c.value() == Expr.Constant.NONE) {
                return "None";
            }
            if (c.value() instanceof Boolean b) {
                return b ? "True" : "False";
            }
            if (c.value() == Expr.Constant.ELLIPSIS) {
                return "ellipsis";
            }
            return "literal";
        }
        if (e instanceof Expr.Compare) {
            return "comparison";
        }
        if (e instanceof Expr.BinOp || e instanceof Expr.UnaryOp) {
            return "expression";
        }
        if (e instanceof Expr.BoolOp) {
            return "expression";
        }
        if (e instanceof Expr.Lambda) {
            return "lambda";
        }
        if (e instanceof Expr.IfExp) {
            return "conditional expression";
        }
        if (e instanceof Expr.Tuple) {
            return "tuple";
        }
        if (e instanceof Expr.ListExpr) {
            return "list";
        }
        if (e instanceof Expr.Dict) {
            return "dict literal";
        }
        if (e instanceof Expr.Set) {
            return "set display";
        }
        if (e instanceof Expr.ListComp) {
            return "list comprehension";
        }
        if (e instanceof Expr.DictComp) {
            return "dict comprehension";
        }
        if (e instanceof Expr.SetComp) {
            return "set comprehension";
        }
        if (e instanceof Expr.GeneratorExp) {
            return "generator expression";
        }
        if (e instanceof Expr.Yield || e instanceof Expr.YieldFrom) {
            return "yield expression";
        }
        if (e instanceof Expr.JoinedStr) {
            return "f-string expression";
        }
        if (e instanceof Expr.NamedExpr) {
            return "named expression";
        }
        if (e instanceof Expr.Starred) {
            return "starred";
        }
        return "expression";
    }

    // ------------------------------------------------------------------ compound statements

    private List<Stmt> block(String construct, Token header) {
        if (peek().type() == TokenType.NEWLINE) {
            p++;
            if (peek().type() != TokenType.INDENT) {
                Token t = peek();
                String msg = "expected an indented block after " + construct + " on line " + header.line();
                if (atEndOfInput()) {
                    // As CPython reports it for a file: the file's last line, column 0 (no caret).
                    int last = Math.max(1, lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length);
                    throw new SyntaxErrorException("IndentationError", msg, filename, last, 0, 0, lineText(last));
                }
                throw new SyntaxErrorException("IndentationError", msg, filename, t.line(), t.column() + 1, 0,
                        lineText(t.line()));
            }
            p++;
            List<Stmt> body = new ArrayList<>();
            while (peek().type() != TokenType.DEDENT && peek().type() != TokenType.ENDMARKER) {
                if (peek().type() == TokenType.NEWLINE) {
                    p++;
                    continue;
                }
                if (peek().type() == TokenType.INDENT) {
                    throw invalidSyntax(peek());
                }
                statement(body);
            }
            if (peek().type() == TokenType.DEDENT) {
                p++;
            }
            return body;
        }
        List<Stmt> body = new ArrayList<>();
        simpleStatements(body);
        return body;
    }

    private Stmt ifStmt() {
        Token kw = next();
        Expr test = namedExpression();
        expectColon(test);
        List<Stmt> body = block("'" + kw.text() + "' statement", kw);
        List<Stmt> orelse = List.of();
        if (check("elif")) {
            orelse = List.of(ifStmt());
        } else if (check("else")) {
            Token e = next();
            forcedColon();
            orelse = block("'else' statement", e);
        }
        return new Stmt.If(compound(kw, body, orelse), test, body, orelse);
    }

    /** Expects ':' after a header expression, with CPython's hint when it finds '=' instead. */
    private void expectColon(Expr header) {
        if (checkOp("=")) {
            next();
            Expr right = bitwiseOr();
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", Pos.span(header.pos(), right.pos()));
        }
        headerColon();
    }

    private Stmt whileStmt() {
        Token kw = next();
        Expr test = namedExpression();
        expectColon(test);
        List<Stmt> body = block("'while' statement", kw);
        List<Stmt> orelse = List.of();
        if (check("else")) {
            Token e = next();
            forcedColon();
            orelse = block("'else' statement", e);
        }
        return new Stmt.While(compound(kw, body, orelse), test, body, orelse);
    }

    private Stmt forStmt(boolean isAsync, Token start) {
        Token kw = next();
        Expr target = toTarget(starTargets(), Ctx.STORE);
        expect("in");
        Expr iter = starExpressions();
        headerColon();
        List<Stmt> body = block("'for' statement", kw);
        List<Stmt> orelse = List.of();
        if (check("else")) {
            Token e = next();
            forcedColon();
            orelse = block("'else' statement", e);
        }
        return new Stmt.For(compound(start, body, orelse), target, iter, body, orelse, isAsync);
    }

    /** A for-loop or comprehension target: {@code a}, {@code a, b}, {@code (a, *b)}. */
    private Expr starTargets() {
        Token start = peek();
        List<Expr> elts = new ArrayList<>();
        boolean comma = false;
        while (true) {
            Expr e;
            if (checkOp("*")) {
                Token star = next();
                Expr inner = bitwiseOr();
                e = new Expr.Starred(Pos.span(pos(star), inner.pos()), inner, Ctx.STORE);
            } else {
                e = bitwiseOr();
            }
            elts.add(e);
            if (checkOp(",")) {
                next();
                comma = true;
                if (check("in") || checkOp("=")) {
                    break;
                }
                continue;
            }
            break;
        }
        if (!comma) {
            return elts.get(0);
        }
        return new Expr.Tuple(span(start, previous()), elts, Ctx.STORE);
    }

    private Stmt withStmt(boolean isAsync, Token start) {
        Token kw = next();
        List<Stmt.WithItem> items = new ArrayList<>();
        boolean parenthesized = false;
        if (checkOp("(") && parenthesizedWithItems()) {
            next();
            parenthesized = true;
        }
        do {
            if (parenthesized && checkOp(")")) {
                break;
            }
            Expr ctx = expression();
            Expr vars = null;
            if (match("as")) {
                vars = toTarget(primaryExpression(), Ctx.STORE);
            }
            items.add(new Stmt.WithItem(ctx, vars));
        } while (match(","));
        if (parenthesized) {
            expect(")");
        }
        headerColon();
        List<Stmt> body = block("'with' statement", kw);
        return new Stmt.With(compound(start, body), items, body, isAsync);
    }

    /** True if "with (" opens a parenthesized list of items rather than an expression. */
    private boolean parenthesizedWithItems() {
        int depth = 0;
        for (int i = p; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.type() == TokenType.OP) {
                if ("([{".contains(t.text())) {
                    depth++;
                } else if (")]}".contains(t.text())) {
                    depth--;
                    if (depth == 0) {
                        Token after = tokens.get(i + 1);
                        return after.is(":");
                    }
                }
            } else if (t.is("as") && depth == 1) {
                return true;
            }
        }
        return false;
    }

    private Stmt tryStmt() {
        Token kw = next();
        forcedColon();
        List<Stmt> body = block("'try' statement", kw);
        List<Stmt.ExceptHandler> handlers = new ArrayList<>();
        while (check("except")) {
            Token ex = next();
            if (checkOp("*")) {
                throw new NotSupportedError("'except*' (exception groups)");
            }
            Expr type = null;
            String name = null;
            if (peek().type() == TokenType.NEWLINE) {
                throw errorAt(ex, "expected ':'", true);
            }
            if (!checkOp(":")) {
                type = expression();
                if (checkOp(",")) {
                    List<Expr> elts = new ArrayList<>();
                    elts.add(type);
                    while (match(",")) {
                        if (checkOp(":") || check("as")) {
                            break;
                        }
                        elts.add(expression());
                    }
                    throw error("multiple exception types must be parenthesized", Pos.span(type.pos(), elts.get(elts.size() - 1).pos()));
                }
                if (match("as")) {
                    name = expectName().text();
                }
            }
            headerColon();
            List<Stmt> hbody = block("'except' statement", ex);
            handlers.add(new Stmt.ExceptHandler(compound(ex, hbody), type, name, hbody));
        }
        List<Stmt> orelse = List.of();
        if (check("else")) {
            if (handlers.isEmpty()) {
                throw invalidSyntax(peek());
            }
            Token e = next();
            forcedColon();
            orelse = block("'else' statement", e);
        }
        List<Stmt> finalbody = List.of();
        if (check("finally")) {
            Token f = next();
            forcedColon();
            finalbody = block("'finally' statement", f);
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw errorAt(peek(), "expected 'except' or 'finally' block", false);
        }
        List<Stmt> lastHandler = handlers.isEmpty() ? List.of() : List.of(handlers.get(handlers.size() - 1).body().get(
                handlers.get(handlers.size() - 1).body().size() - 1));
        return new Stmt.Try(compound(kw, body, lastHandler, orelse, finalbody), body, handlers, orelse, finalbody);
    }

    private Stmt functionDef(List<Expr> decorators, boolean isAsync, Token start) {
        Token kw = next();
        Token name = expectName();
        expect("(");
        Expr.Arguments args = parameters(")", true);
        expect(")");
        Expr returns = null;
        if (check("->") && !peek(1).is(":")) {
            next();
            returns = expression();
        }
        forcedColon();
        List<Stmt> body = block("function definition", kw);
        return new Stmt.FunctionDef(compound(start, body), name.text(), args, body, decorators, returns, isAsync);
    }

    private Stmt classDef(List<Expr> decorators, Token start) {
        Token kw = next();
        Token name = expectName();
        List<Expr> bases = new ArrayList<>();
        List<Expr.Keyword> keywords = new ArrayList<>();
        if (match("(")) {
            callArguments(bases, keywords);
            expect(")");
        }
        headerColon();
        List<Stmt> body = block("class definition", kw);
        return new Stmt.ClassDef(compound(start, body), name.text(), bases, keywords, body, decorators);
    }

    /**
     * A parameter list up to {@code close}: positional-only ({@code /}), defaults, {@code *args},
     * keyword-only, {@code **kwargs}; annotations only in {@code def}.
     */
    private Expr.Arguments parameters(String close, boolean annotations) {
        List<Expr.Arg> posonly = new ArrayList<>();
        List<Expr.Arg> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        Expr.Arg vararg = null;
        List<Expr.Arg> kwonly = new ArrayList<>();
        List<Expr> kwDefaults = new ArrayList<>();
        Expr.Arg kwarg = null;
        boolean seenStar = false;
        Set<String> names = new HashSet<>();
        while (!checkOp(close)) {
            Token t = peek();
            if (t.is("/")) {
                if (seenStar || !posonly.isEmpty() || args.isEmpty()) {
                    throw error(args.isEmpty() && !seenStar ? "at least one argument must precede /" : "/ may appear only once",
                            pos(t));
                }
                next();
                posonly.addAll(args);
                args.clear();
            } else if (t.is("**")) {
                next();
                kwarg = parameter(annotations, names);
                if (checkOp("=")) {
                    throw errorAt(peek(), "var-keyword argument cannot have default value", false);
                }
                match(",");
                if (!checkOp(close)) {
                    throw errorAt(peek(), "arguments cannot follow var-keyword argument", false);
                }
                break;
            } else if (t.is("*")) {
                if (seenStar) {
                    throw error("* argument may appear only once", pos(t));
                }
                next();
                seenStar = true;
                if (!checkOp(",") && !checkOp(close)) {
                    vararg = parameter(annotations, names);
                    if (checkOp("=")) {
                        throw errorAt(peek(), "var-positional argument cannot have default value", false);
                    }
                } else if (checkOp(close) || peek(1).is(close) || peek(1).is("**")) {
                    if (checkOp(close) || (checkOp(",") && peek(1).is(close))) {
                        throw error("named arguments must follow bare *", pos(t));
                    }
                }
            } else {
                Expr.Arg a = parameter(annotations, names);
                Expr dflt = null;
                if (match("=")) {
                    dflt = expression();
                }
                if (seenStar) {
                    kwonly.add(a);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt != null) {
                        defaults.add(dflt);
                    } else if (!defaults.isEmpty()) {
                        throw error("non-default argument follows default argument", a.pos());
                    }
                    args.add(a);
                }
            }
            if (!match(",")) {
                break;
            }
        }
        return new Expr.Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private Expr.Arg parameter(boolean annotations, Set<String> names) {
        Token n = expectName();
        if (!names.add(n.text())) {
            throw error("duplicate argument '" + n.text() + "' in function definition", pos(n));
        }
        Expr annotation = null;
        if (annotations && match(":")) {
            annotation = expression();
        }
        return new Expr.Arg(pos(n), n.text(), annotation);
    }

    // ------------------------------------------------------------------ expressions

    /** {@code a, b, *c} as a tuple, or a single expression. */
    Expr starExpressions() {
        Token start = peek();
        Expr first = starExpression();
        if (!checkOp(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (match(",")) {
            if (!isExpressionStart(peek()) && !checkOp("*") && !checkOp("(") && !checkOp("[") && !checkOp("{")
                    && !checkOp("-") && !checkOp("+") && !checkOp("~") && !checkOp("...")) {
                break;
            }
            elts.add(starExpression());
        }
        return new Expr.Tuple(span(start, previous()), elts, Ctx.LOAD);
    }

    private Expr starExpression() {
        if (checkOp("*")) {
            Token star = next();
            Expr value = bitwiseOr();
            return new Expr.Starred(from(star), value, Ctx.LOAD);
        }
        return expression();
    }

    private Expr namedExpression() {
        if (isName(peek()) && peek(1).is(":=")) {
            Token n = next();
            next();
            Expr value = expression();
            return new Expr.NamedExpr(from(n), new Expr.Name(pos(n), n.text(), Ctx.STORE), value);
        }
        Expr e = expression();
        if (checkOp(":=")) {
            throw error("cannot use assignment expressions with " + describe(e), e.pos());
        }
        return e;
    }

    Expr expression() {
        if (check("lambda")) {
            return lambda();
        }
        Token start = peek();
        Expr body = disjunction();
        if (check("if")) {
            next();
            Expr test = disjunction();
            if (!check("else")) {
                throw error("expected 'else' after 'if' expression", from(start));
            }
            next();
            Expr orelse = expression();
            return new Expr.IfExp(from(start), test, body, orelse);
        }
        return body;
    }

    private Expr lambda() {
        Token kw = next();
        Expr.Arguments args = parameters(":", false);
        if (!match(":")) {
            throw invalidSyntax(peek());
        }
        Expr body = expression();
        return new Expr.Lambda(from(kw), args, body);
    }

    private Expr disjunction() {
        Token start = peek();
        Expr first = conjunction();
        if (!check("or")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (match("or")) {
            values.add(conjunction());
        }
        return new Expr.BoolOp(from(start), false, values);
    }

    private Expr conjunction() {
        Token start = peek();
        Expr first = inversion();
        if (!check("and")) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (match("and")) {
            values.add(inversion());
        }
        return new Expr.BoolOp(from(start), true, values);
    }

    private Expr inversion() {
        if (check("not")) {
            Token n = next();
            Expr operand = inversion();
            return new Expr.UnaryOp(from(n), Expr.UnaryKind.NOT, operand);
        }
        return comparison();
    }

    private Expr comparison() {
        Token start = peek();
        Expr left = bitwiseOr();
        List<CmpOp> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (true) {
            CmpOp op = comparisonOperator();
            if (op == null) {
                break;
            }
            comparators.add(bitwiseOr());
            ops.add(op);
        }
        if (ops.isEmpty()) {
            return left;
        }
        return new Expr.Compare(from(start), left, ops, comparators);
    }

    private CmpOp comparisonOperator() {
        Token t = peek();
        if (t.type() == TokenType.OP) {
            CmpOp op;
            switch (t.text()) {
                case "==":
                    op = CmpOp.EQ;
                    break;
                case "!=":
                    op = CmpOp.NOT_EQ;
                    break;
                case "<":
                    op = CmpOp.LT;
                    break;
                case "<=":
                    op = CmpOp.LT_E;
                    break;
                case ">":
                    op = CmpOp.GT;
                    break;
                case ">=":
                    op = CmpOp.GT_E;
                    break;
                default:
                    return null;
            }
            next();
            return op;
        }
        if (t.is("in")) {
            next();
            return CmpOp.IN;
        }
        if (t.is("not") && peek(1).is("in")) {
            next();
            next();
            return CmpOp.NOT_IN;
        }
        if (t.is("is")) {
            next();
            if (match("not")) {
                return CmpOp.IS_NOT;
            }
            return CmpOp.IS;
        }
        return null;
    }

    private Expr bitwiseOr() {
        Token start = peek();
        Expr left = bitwiseXor();
        while (checkOp("|")) {
            next();
            Expr right = bitwiseXor();
            left = new Expr.BinOp(from(start), left, Operator.BITOR, right);
        }
        return left;
    }

    private Expr bitwiseXor() {
        Token start = peek();
        Expr left = bitwiseAnd();
        while (checkOp("^")) {
            next();
            Expr right = bitwiseAnd();
            left = new Expr.BinOp(from(start), left, Operator.BITXOR, right);
        }
        return left;
    }

    private Expr bitwiseAnd() {
        Token start = peek();
        Expr left = shiftExpr();
        while (checkOp("&")) {
            next();
            Expr right = shiftExpr();
            left = new Expr.BinOp(from(start), left, Operator.BITAND, right);
        }
        return left;
    }

    private Expr shiftExpr() {
        Token start = peek();
        Expr left = sum();
        while (checkOp("<<") || checkOp(">>")) {
            Operator op = next().text().equals("<<") ? Operator.LSHIFT : Operator.RSHIFT;
            Expr right = sum();
            left = new Expr.BinOp(from(start), left, op, right);
        }
        return left;
    }

    private Expr sum() {
        Token start = peek();
        Expr left = term();
        while (checkOp("+") || checkOp("-")) {
            Operator op = next().text().equals("+") ? Operator.ADD : Operator.SUB;
            Expr right = term();
            left = new Expr.BinOp(from(start), left, op, right);
        }
        return left;
    }

    private Expr term() {
        Token start = peek();
        Expr left = factor();
        while (true) {
            Operator op;
            if (checkOp("*")) {
                op = Operator.MULT;
            } else if (checkOp("/")) {
                op = Operator.DIV;
            } else if (checkOp("//")) {
                op = Operator.FLOORDIV;
            } else if (checkOp("%")) {
                op = Operator.MOD;
            } else if (checkOp("@")) {
                op = Operator.MATMULT;
            } else {
                return left;
            }
            next();
            Expr right = factor();
            left = new Expr.BinOp(from(start), left, op, right);
        }
    }

    private Expr factor() {
        Token t = peek();
        if (t.type() == TokenType.OP && (t.text().equals("+") || t.text().equals("-") || t.text().equals("~"))) {
            next();
            Expr operand = factor();
            Expr.UnaryKind kind = t.text().equals("+") ? Expr.UnaryKind.UADD
                    : t.text().equals("-") ? Expr.UnaryKind.USUB : Expr.UnaryKind.INVERT;
            return new Expr.UnaryOp(from(t), kind, operand);
        }
        return power();
    }

    private Expr power() {
        Token start = peek();
        Expr base = awaitPrimary();
        if (checkOp("**")) {
            next();
            Expr exponent = factor();
            return new Expr.BinOp(from(start), base, Operator.POW, exponent);
        }
        return base;
    }

    private Expr awaitPrimary() {
        if (check("await")) {
            throw new NotSupportedError("'await' (coroutines)");
        }
        return primaryExpression();
    }

    /** An atom followed by any number of {@code .name}, {@code (args)} and {@code [index]}. */
    private Expr primaryExpression() {
        Token start = peek();
        Expr e = atom();
        while (true) {
            Token t = peek();
            if (t.type() != TokenType.OP) {
                return e;
            }
            switch (t.text()) {
                case ".": {
                    next();
                    Token name = peek();
                    if (name.type() != TokenType.NAME) {
                        throw invalidSyntax(name);
                    }
                    next();
                    e = new Expr.Attribute(from(start), e, name.text(), Ctx.LOAD);
                    break;
                }
                case "(": {
                    next();
                    List<Expr> args = new ArrayList<>();
                    List<Expr.Keyword> keywords = new ArrayList<>();
                    if (!checkOp(")")) {
                        if (genexpArgument(args)) {
                            Token close = expect(")");
                            e = new Expr.Call(from(start), e, args, keywords);
                            break;
                        }
                        callArguments(args, keywords);
                    }
                    Token close = expect(")");
                    e = new Expr.Call(from(start), e, args, keywords);
                    break;
                }
                case "[": {
                    next();
                    Expr index = slices();
                    Token close = expect("]");
                    e = new Expr.Subscript(from(start), e, index, Ctx.LOAD);
                    break;
                }
                default:
                    return e;
            }
        }
    }

    /** {@code f(x for x in y)}: a sole generator argument without its own parentheses. */
    private boolean genexpArgument(List<Expr> args) {
        int save = p;
        if (checkOp("*") || checkOp("**") || (isName(peek()) && peek(1).is("="))) {
            return false;
        }
        Token start = peek();
        Expr elt = namedExpression();
        if (check("for") || check("async")) {
            List<Expr.Comprehension> gens = comprehensionClauses();
            args.add(new Expr.GeneratorExp(span(start, previous()), elt, gens));
            if (checkOp(",")) {
                throw error("Generator expression must be parenthesized", args.get(0).pos());
            }
            return true;
        }
        p = save;
        return false;
    }

    private void callArguments(List<Expr> args, List<Expr.Keyword> keywords) {
        String misplaced = callArgumentList(args, keywords);
        if (misplaced != null) {
            // CPython reports a positional argument after keywords at the token after the argument list.
            Token t = peek();
            throw new SyntaxErrorException("SyntaxError", misplaced, filename, t.line(), t.column() + 1, t.endColumn() + 1,
                    lineText(t.line()));
        }
    }

    /** Reads the arguments; returns the message for a positional argument after keywords, or null. */
    private String callArgumentList(List<Expr> args, List<Expr.Keyword> keywords) {
        boolean seenKeyword = false;
        boolean seenDoubleStar = false;
        String misplaced = null;
        while (!checkOp(")")) {
            Token t = peek();
            if (t.is("*")) {
                next();
                Expr value = expression();
                if (seenDoubleStar) {
                    throw error("iterable argument unpacking follows keyword argument unpacking", pos(t));
                }
                args.add(new Expr.Starred(Pos.span(pos(t), value.pos()), value, Ctx.LOAD));
            } else if (t.is("**")) {
                next();
                Expr value = expression();
                keywords.add(new Expr.Keyword(Pos.span(pos(t), value.pos()), null, value));
                seenDoubleStar = true;
            } else if (isName(t) && peek(1).is("=")) {
                next();
                next();
                Expr value = expression();
                for (Expr.Keyword k : keywords) {
                    if (t.text().equals(k.arg())) {
                        throw error("keyword argument repeated: " + t.text(), Pos.span(pos(t), value.pos()));
                    }
                }
                keywords.add(new Expr.Keyword(Pos.span(pos(t), value.pos()), t.text(), value));
                seenKeyword = true;
            } else {
                Expr value = namedExpression();
                if (checkOp("=")) {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", span(value.pos(), peek()));
                }
                if (check("for")) {
                    throw error("Generator expression must be parenthesized", value.pos());
                }
                if (misplaced == null && seenDoubleStar) {
                    misplaced = "positional argument follows keyword argument unpacking";
                } else if (misplaced == null && seenKeyword) {
                    misplaced = "positional argument follows keyword argument";
                }
                args.add(value);
            }
            if (!match(",")) {
                if (!checkOp(")") && isExpressionStart(peek())) {
                    if (unclosed != null && peek().line() > unclosedLine) {
                        throw unclosed;
                    }
                    Expr last = args.isEmpty() ? keywords.get(keywords.size() - 1).value() : args.get(args.size() - 1);
                    throw new SyntaxErrorException("SyntaxError", "invalid syntax. Perhaps you forgot a comma?", filename,
                            last.pos().line(), last.pos().column() + 1, peek().endColumn() + 1, lineText(last.pos().line()));
                }
                break;
            }
        }
        return misplaced;
    }

    /** The inside of {@code [...]}: one index, a slice, or a tuple of them. */
    private Expr slices() {
        Token start = peek();
        Expr first = slice();
        if (!checkOp(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (match(",")) {
            if (checkOp("]")) {
                break;
            }
            elts.add(slice());
        }
        return new Expr.Tuple(span(start, previous()), elts, Ctx.LOAD);
    }

    private Expr slice() {
        Token start = peek();
        Expr lower = null;
        if (!checkOp(":")) {
            if (checkOp("*")) {
                return starExpression();
            }
            lower = namedExpression();
            if (!checkOp(":")) {
                return lower;
            }
        }
        next();
        Expr upper = null;
        if (!checkOp(":") && !checkOp("]") && !checkOp(",")) {
            upper = expression();
        }
        Expr step = null;
        if (match(":")) {
            if (!checkOp("]") && !checkOp(",")) {
                step = expression();
            }
        }
        return new Expr.Slice(span(start, previous()), lower, upper, step);
    }

    private Expr atom() {
        Token t = peek();
        switch (t.type()) {
            case NAME:
                switch (t.text()) {
                    case "None":
                        next();
                        return new Expr.Constant(pos(t), Expr.Constant.NONE);
                    case "True":
                        next();
                        return new Expr.Constant(pos(t), Boolean.TRUE);
                    case "False":
                        next();
                        return new Expr.Constant(pos(t), Boolean.FALSE);
                    case "yield":
                        throw error("'yield' outside function", pos(t));
                    default:
                        if (KEYWORDS.contains(t.text())) {
                            throw invalidSyntax(t);
                        }
                        next();
                        return new Expr.Name(pos(t), t.text(), Ctx.LOAD);
                }
            case NUMBER:
                next();
                return number(t);
            case STRING:
                return strings();
            case OP:
                switch (t.text()) {
                    case "(":
                        return parenthesized();
                    case "[":
                        return listDisplay();
                    case "{":
                        return dictOrSetDisplay();
                    case "...":
                        next();
                        return new Expr.Constant(pos(t), Expr.Constant.ELLIPSIS);
                    default:
                        throw invalidSyntax(t);
                }
            default:
                throw invalidSyntax(t);
        }
    }

    private Expr number(Token t) {
        String text = t.text().replace("_", "");
        if (text.endsWith("j") || text.endsWith("J")) {
            throw new NotSupportedError("complex numbers (imaginary literal " + t.text() + ")");
        }
        if (text.length() > 1 && text.charAt(0) == '0' && "xXoObB".indexOf(text.charAt(1)) >= 0) {
            char k = Character.toLowerCase(text.charAt(1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            return new Expr.Constant(pos(t), integer(new BigInteger(text.substring(2), radix)));
        }
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return new Expr.Constant(pos(t), Double.parseDouble(text));
        }
        if (text.length() > 4300) {
            throw error("Exceeds the limit (4300 digits) for integer string conversion: value has " + text.length()
                    + " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", pos(t));
        }
        return new Expr.Constant(pos(t), integer(new BigInteger(text)));
    }

    private static Object integer(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private Expr parenthesized() {
        Token open = next();
        if (checkOp(")")) {
            Token close = next();
            return new Expr.Tuple(span(open, close), List.of(), Ctx.LOAD);
        }
        if (check("yield")) {
            Expr y = yieldExpression();
            expect(")");
            return y;
        }
        Expr first = checkOp("*") ? starExpression() : namedExpression();
        if (check("for") || check("async")) {
            List<Expr.Comprehension> gens = comprehensionClauses();
            Token close = expect(")");
            return new Expr.GeneratorExp(span(open, close), first, gens);
        }
        if (checkOp(")")) {
            next();
            if (first instanceof Expr.Starred) {
                throw error("cannot use starred expression here", first.pos());
            }
            return first; // a parenthesized expression keeps the inner node's range, as CPython
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (match(",")) {
            if (checkOp(")")) {
                break;
            }
            elts.add(checkOp("*") ? starExpression() : namedExpression());
        }
        Token close = expect(")");
        return new Expr.Tuple(span(open, close), elts, Ctx.LOAD);
    }

    private Expr listDisplay() {
        Token open = next();
        if (checkOp("]")) {
            Token close = next();
            return new Expr.ListExpr(span(open, close), List.of(), Ctx.LOAD);
        }
        Expr first = checkOp("*") ? starExpression() : namedExpression();
        if (check("for") || check("async")) {
            List<Expr.Comprehension> gens = comprehensionClauses();
            Token close = expect("]");
            return new Expr.ListComp(span(open, close), first, gens);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (match(",")) {
            if (checkOp("]")) {
                break;
            }
            elts.add(checkOp("*") ? starExpression() : namedExpression());
        }
        Token close = expect("]");
        return new Expr.ListExpr(span(open, close), elts, Ctx.LOAD);
    }

    private Expr dictOrSetDisplay() {
        Token open = next();
        if (checkOp("}")) {
            Token close = next();
            return new Expr.Dict(span(open, close), List.of(), List.of());
        }
        if (checkOp("**")) {
            return dictDisplay(open, null, null);
        }
        Expr first = checkOp("*") ? starExpression() : namedExpression();
        if (checkOp(":")) {
            next();
            Expr value = expression();
            if (check("for") || check("async")) {
                List<Expr.Comprehension> gens = comprehensionClauses();
                Token close = expect("}");
                return new Expr.DictComp(span(open, close), first, value, gens);
            }
            return dictDisplay(open, first, value);
        }
        if (check("for") || check("async")) {
            List<Expr.Comprehension> gens = comprehensionClauses();
            Token close = expect("}");
            return new Expr.SetComp(span(open, close), first, gens);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (match(",")) {
            if (checkOp("}")) {
                break;
            }
            elts.add(checkOp("*") ? starExpression() : namedExpression());
        }
        Token close = expect("}");
        return new Expr.Set(span(open, close), elts);
    }

    private Expr dictDisplay(Token open, Expr firstKey, Expr firstValue) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        if (firstKey != null) {
            keys.add(firstKey);
            values.add(firstValue);
            if (!match(",")) {
                Token close = expect("}");
                return new Expr.Dict(span(open, close), keys, values);
            }
        }
        while (!checkOp("}")) {
            if (match("**")) {
                keys.add(null);
                values.add(bitwiseOr());
            } else {
                Expr k = expression();
                if (!checkOp(":")) {
                    // CPython points at the last character of the key.
                    throw new SyntaxErrorException("SyntaxError", "':' expected after dictionary key", filename,
                            k.pos().line(), k.pos().endColumn(), 0, lineText(k.pos().line()));
                }
                next();
                keys.add(k);
                values.add(expression());
            }
            if (!match(",")) {
                break;
            }
        }
        Token close = expect("}");
        return new Expr.Dict(span(open, close), keys, values);
    }

    private List<Expr.Comprehension> comprehensionClauses() {
        List<Expr.Comprehension> gens = new ArrayList<>();
        while (check("for") || check("async")) {
            if (check("async")) {
                throw new NotSupportedError("asynchronous comprehensions");
            }
            next();
            Expr target = toTarget(starTargets(), Ctx.STORE);
            expect("in");
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (check("if")) {
                next();
                ifs.add(disjunction());
            }
            gens.add(new Expr.Comprehension(target, iter, ifs, false));
        }
        return gens;
    }

    private Expr yieldExpression() {
        Token y = next();
        if (match("from")) {
            Expr value = expression();
            return new Expr.YieldFrom(Pos.span(pos(y), value.pos()), value);
        }
        if (atStatementEnd() || checkOp(")") || checkOp("]") || checkOp("}") || checkOp("=")) {
            return new Expr.Yield(pos(y), null);
        }
        Expr value = starExpressions();
        return new Expr.Yield(Pos.span(pos(y), value.pos()), value);
    }

    // ------------------------------------------------------------------ strings

    /** Adjacent string literals, concatenated; an f-string among them makes a JoinedStr. */
    private Expr strings() {
        Token first = peek();
        List<Expr> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        boolean anyF = false;
        boolean anyBytes = false;
        boolean anyStr = false;
        Token last = first;
        while (peek().type() == TokenType.STRING) {
            Token t = next();
            last = t;
            String text = t.text();
            int q = 0;
            while (text.charAt(q) != '\'' && text.charAt(q) != '"') {
                q++;
            }
            String prefix = text.substring(0, q).toLowerCase(java.util.Locale.ROOT);
            boolean triple = text.length() - q >= 6 && text.startsWith(text.substring(q, q + 1).repeat(3), q);
            int quoteLen = triple ? 3 : 1;
            String body = text.substring(q + quoteLen, text.length() - quoteLen);
            boolean raw = prefix.contains("r");
            if (prefix.contains("b")) {
                anyBytes = true;
                continue;
            }
            anyStr = true;
            if (prefix.contains("f")) {
                anyF = true;
                FStringParser.parse(this, t, body, raw, parts, pending);
            } else {
                try {
                    pending.append(StringLiterals.decode(body, raw));
                } catch (StringLiterals.BadEscape e) {
                    throw error(e.getMessage(), pos(t));
                }
            }
        }
        if (anyBytes) {
            if (anyStr) {
                throw error("cannot mix bytes and nonbytes literals", span(first, last));
            }
            throw new NotSupportedError("bytes literals");
        }
        Pos at = span(first, last);
        if (!anyF) {
            return new Expr.Constant(at, pending.toString());
        }
        if (pending.length() > 0) {
            parts.add(new Expr.Constant(at, pending.toString()));
        }
        return new Expr.JoinedStr(at, parts);
    }

    /** Parses an expression embedded in an f-string, positioned at {@code at}. */
    Expr parseEmbedded(String text, Token at) {
        String wrapped = "(" + text + "\n)";
        List<Token> inner;
        try {
            inner = Lexer.tokenize(wrapped, filename);
        } catch (SyntaxErrorException e) {
            throw fstringError("f-string: " + e.msg(), at);
        }
        List<Token> shifted = new ArrayList<>(inner.size());
        for (Token tok : inner) {
            shifted.add(new Token(tok.type(), tok.text(), at.line(), at.column(), at.endLine(), at.endColumn()));
        }
        Parser sub = new Parser(shifted, null, 0, filename, String.join("\n", lines));
        Expr e;
        try {
            e = sub.starExpressions();
        } catch (SyntaxErrorException ex) {
            throw fstringError("f-string: " + ex.msg(), at);
        }
        while (sub.peek().type() == TokenType.NEWLINE) {
            sub.p++;
        }
        if (sub.peek().type() != TokenType.ENDMARKER) {
            throw fstringError("f-string: invalid syntax", at);
        }
        return e;
    }

    SyntaxErrorException fstringError(String msg, Token at) {
        return new SyntaxErrorException("SyntaxError", msg, filename, at.line(), at.column() + 1, 0, lineText(at.line()));
    }

    static Pos positionOf(Token t) {
        return pos(t);
    }
}
