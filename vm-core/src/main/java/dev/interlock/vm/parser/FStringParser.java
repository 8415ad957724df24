package dev.interlock.vm.parser;

import dev.interlock.vm.ast.Expr;
import dev.interlock.vm.ast.Pos;
import dev.interlock.vm.lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of an f-string into literal text and replacement fields
 * {@code {expression=!conversion:spec}}, as Python 3.11 does: {@code {{} and {@code }}} are
 * literal braces, the expression ends at a top-level {@code !}, {@code :}, {@code =} or
 * {@code }}, and the spec may itself hold nested fields.
 */
final class FStringParser {

    private final Parser parser;
    private final Token token;
    private final String body;
    private final boolean raw;
    private int i;

    private FStringParser(Parser parser, Token token, String body, boolean raw) {
        this.parser = parser;
        this.token = token;
        this.body = body;
        this.raw = raw;
    }

    /**
     * Appends the parts of one f-string literal: literal text accumulates in {@code pending} and
     * is flushed into {@code parts} as a Constant before each formatted value.
     */
    static void parse(Parser parser, Token token, String body, boolean raw, List<Expr> parts, StringBuilder pending) {
        new FStringParser(parser, token, body, raw).run(parts, pending, 0);
    }

    private Pos pos() {
        return Parser.positionOf(token);
    }

    private void run(List<Expr> parts, StringBuilder pending, int nesting) {
        StringBuilder literal = new StringBuilder();
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '{') {
                if (nesting == 0 && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                    literal.append('{');
                    i += 2;
                    continue;
                }
                flushLiteral(literal, pending);
                i++;
                field(parts, pending, nesting);
                continue;
            }
            if (c == '}') {
                if (nesting > 0) {
                    break; // end of a format spec
                }
                if (i + 1 < body.length() && body.charAt(i + 1) == '}') {
                    literal.append('}');
                    i += 2;
                    continue;
                }
                throw parser.fstringError("f-string: single '}' is not allowed", token);
            }
            literal.append(c);
            i++;
        }
        flushLiteral(literal, pending);
    }

    private void flushLiteral(StringBuilder literal, StringBuilder pending) {
        if (literal.length() == 0) {
            return;
        }
        try {
            pending.append(StringLiterals.decode(literal.toString(), raw));
        } catch (StringLiterals.BadEscape e) {
            throw parser.fstringError(e.getMessage(), token);
        }
        literal.setLength(0);
    }

    private void flushPending(List<Expr> parts, StringBuilder pending) {
        if (pending.length() > 0) {
            parts.add(new Expr.Constant(pos(), pending.toString()));
            pending.setLength(0);
        }
    }

    /** Parses one field after its opening brace and appends it. */
    private void field(List<Expr> parts, StringBuilder pending, int nesting) {
        int start = i;
        int depth = 0;
        char quote = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (c == '\\') {
                throw parser.fstringError("f-string expression part cannot include a backslash", token);
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0) {
                if (c == '!' && !(i + 1 < body.length() && body.charAt(i + 1) == '=')) {
                    break;
                }
                if (c == ':') {
                    break;
                }
                if (c == '=' && isDebugEquals()) {
                    break;
                }
                if (c == '#') {
                    throw parser.fstringError("f-string expression part cannot include '#'", token);
                }
            }
            i++;
        }
        if (i >= body.length()) {
            throw parser.fstringError("f-string: expecting '}'", token);
        }
        String exprText = body.substring(start, i);
        if (exprText.isBlank()) {
            throw parser.fstringError("f-string: empty expression not allowed", token);
        }
        Expr value = parser.parseEmbedded(exprText, token);
        boolean debug = false;
        if (body.charAt(i) == '=') {
            debug = true;
            i++;
            int wsStart = i;
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            pending.append(exprText).append('=').append(body, wsStart, i);
        }
        int conversion = -1;
        if (i < body.length() && body.charAt(i) == '!') {
            i++;
            if (i >= body.length()) {
                throw parser.fstringError("f-string: expecting '}'", token);
            }
            char conv = body.charAt(i++);
            if (conv != 's' && conv != 'r' && conv != 'a') {
                throw parser.fstringError("f-string: invalid conversion character: expected 's', 'r', or 'a'", token);
            }
            conversion = conv;
        }
        Expr spec = null;
        if (i < body.length() && body.charAt(i) == ':') {
            i++;
            List<Expr> specParts = new ArrayList<>();
            StringBuilder specPending = new StringBuilder();
            run(specParts, specPending, nesting + 1);
            flushPending(specParts, specPending);
            spec = new Expr.JoinedStr(pos(), specParts);
        }
        if (i >= body.length() || body.charAt(i) != '}') {
            throw parser.fstringError("f-string: expecting '}'", token);
        }
        i++;
        if (debug && conversion == -1 && spec == null) {
            conversion = 'r';
        }
        flushPending(parts, pending);
        parts.add(new Expr.FormattedValue(value.pos(), value, conversion, spec));
    }

    /** An '=' that ends the expression for a self-documenting field ({@code f"{x=}"}). */
    private boolean isDebugEquals() {
        char prev = i > 0 ? body.charAt(i - 1) : ' ';
        if (prev == '=' || prev == '!' || prev == '<' || prev == '>') {
            return false;
        }
        if (i + 1 < body.length() && body.charAt(i + 1) == '=') {
            return false;
        }
        int j = i + 1;
        while (j < body.length() && Character.isWhitespace(body.charAt(j))) {
            j++;
        }
        return j < body.length() && (body.charAt(j) == '}' || body.charAt(j) == '!' || body.charAt(j) == ':');
    }
}
