package dev.interlock.vm.lexer;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.SyntaxErrorException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Python's tokenizer: source text to tokens, with INDENT and DEDENT for changes of indentation,
 * NEWLINE at the end of each logical line, implicit line joining inside brackets and explicit
 * joining with a backslash. Blank lines and comments produce nothing.
 *
 * <p>Errors are reported as CPython 3.11 reports them, as {@link SyntaxErrorException}s with the
 * line, the column and the message ({@code unterminated string literal (detected at line 3)},
 * {@code unindent does not match any outer indentation level}, {@code '(' was never closed}...).
 *
 * <p>Compare CPython's {@code Parser/tokenizer.c}.
 */
public final class Lexer {

    private static final String[] OPERATORS = {
        // longest first
        "**=", "//=", ">>=", "<<=", "...", "->", ":=",
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "@", "<", ">", "=", ".", ",", ":", ";", "(", ")", "[", "]", "{", "}", "&", "|",
        "^", "~",
    };

    private final String src;
    private final String filename;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private final Deque<Integer> altIndents = new ArrayDeque<>(); // the same with a tab size of 1
    private final Deque<int[]> brackets = new ArrayDeque<>(); // {char, line, col}
    private final int[] lineStarts;

    private SyntaxErrorException unclosed;
    private int unclosedLine;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean atLineStart = true;

    private Lexer(String source, String filename) {
        this.src = normalize(source);
        this.filename = requireNonNull(filename, "filename is null");
        this.lineStarts = computeLineStarts(this.src);
        indents.push(0);
        altIndents.push(0);
    }

    /** Tokenizes {@code source}; the last token is always ENDMARKER. */
    public static List<Token> tokenize(String source, String filename) {
        return scan(source, filename).tokens();
    }

    /**
     * The tokens, with the error for a bracket left open at the end of input (and its line), if
     * any: the parser reports it when it fails after that line, as CPython does.
     *
     * @param tokens the tokens, ENDMARKER last
     * @param unclosed the error for an unclosed bracket, or null
     * @param unclosedLine the line of that bracket
     */
    public record Result(List<Token> tokens, SyntaxErrorException unclosed, int unclosedLine) {
    }

    /** Tokenizes {@code source}, deferring the unclosed-bracket error to the caller. */
    public static Result scan(String source, String filename) {
        Lexer lexer = new Lexer(source, filename);
        lexer.run();
        return new Result(lexer.tokens, lexer.unclosed, lexer.unclosedLine);
    }

    private static String normalize(String s) {
        String n = s.replace("\r\n", "\n").replace('\r', '\n');
        if (n.startsWith("\uFEFF")) {
            n = n.substring(1);
        }
        return n;
    }

    private static int[] computeLineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text of source line {@code n} (1-based), without its newline. */
    private String lineText(int n) {
        if (n < 1 || n > lineStarts.length) {
            return "";
        }
        int start = lineStarts[n - 1];
        int end = src.indexOf('\n', start);
        return end < 0 ? src.substring(start) : src.substring(start, end);
    }

    private SyntaxErrorException error(String msg, int errLine, int col) {
        return new SyntaxErrorException("SyntaxError", msg, filename, errLine, col + 1, 0, lineText(errLine));
    }

    private SyntaxErrorException indentationError(String msg, int errLine, int col) {
        return new SyntaxErrorException("IndentationError", msg, filename, errLine, col + 1, 0, lineText(errLine));
    }

    private void add(TokenType type, String text, int startLine, int startCol, int endLine, int endCol) {
        tokens.add(new Token(type, text, startLine, startCol, endLine, endCol));
    }

    private int col() {
        return pos - lineStart;
    }

    private void run() {
        while (true) {
            if (atLineStart && brackets.isEmpty()) {
                if (!handleIndentation()) {
                    break;
                }
            }
            if (pos >= src.length()) {
                break;
            }
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
                continue;
            }
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
                continue;
            }
            if (c == '\\') {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                    pos += 2;
                    newLine();
                    if (pos >= src.length()) {
                        throw error("unexpected EOF while parsing", line - 1, 0);
                    }
                    continue;
                }
                if (pos + 1 >= src.length()) {
                    throw error("unexpected EOF while parsing", line, col());
                }
                throw error("unexpected character after line continuation character", line, col() + 1);
            }
            if (c == '\n') {
                if (brackets.isEmpty()) {
                    add(TokenType.NEWLINE, "", line, col(), line, col() + 1);
                    atLineStart = true;
                }
                pos++;
                newLine();
                continue;
            }
            if (isIdentifierStart(c)) {
                if (tryString()) {
                    continue;
                }
                readName();
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
                readNumber();
                continue;
            }
            if (c == '\'' || c == '"') {
                readString(pos, "");
                continue;
            }
            readOperator();
        }
        if (!brackets.isEmpty()) {
            // Reported by the parser, as CPython does: only if parsing gets past the bracket's line.
            int[] open = brackets.peek();
            unclosed = error("'" + (char) open[0] + "' was never closed", open[1], open[2]);
            unclosedLine = open[1];
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() != TokenType.NEWLINE
                && tokens.get(tokens.size() - 1).type() != TokenType.DEDENT
                && tokens.get(tokens.size() - 1).type() != TokenType.INDENT) {
            add(TokenType.NEWLINE, "", line, col(), line, col() + 1);
        }
        while (indents.size() > 1) {
            indents.pop();
            add(TokenType.DEDENT, "", line, 0, line, 0);
        }
        add(TokenType.ENDMARKER, "", line, 0, line, 0);
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    /**
     * Measures the indentation of the line starting at {@code pos}, skipping blank and comment-only
     * lines, and emits INDENT/DEDENT tokens. Returns false at the end of input.
     */
    private boolean handleIndentation() {
        while (true) {
            int width = 0;
            int alt = 0;
            int p = pos;
            while (p < src.length()) {
                char c = src.charAt(p);
                if (c == ' ') {
                    width++;
                    alt++;
                } else if (c == '\t') {
                    width = (width / 8 + 1) * 8;
                    alt++;
                } else if (c == '\f') {
                    width = 0;
                    alt = 0;
                } else {
                    break;
                }
                p++;
            }
            if (p >= src.length()) {
                pos = p;
                return false;
            }
            char c = src.charAt(p);
            if (c == '\n' || c == '#') {
                // blank or comment-only line: no tokens at all
                while (p < src.length() && src.charAt(p) != '\n') {
                    p++;
                }
                if (p < src.length()) {
                    p++;
                    pos = p;
                    newLine();
                    continue;
                }
                pos = p;
                return false;
            }
            pos = p;
            atLineStart = false;
            // Compare CPython's tokenizer: the indentation must order lines the same way whether a
            // tab counts 8 columns or 1, else it depends on the tab size (TabError).
            int current = indents.peek();
            if (width == current) {
                if (alt != altIndents.peek()) {
                    throw tabError(p);
                }
            } else if (width > current) {
                if (alt <= altIndents.peek()) {
                    throw tabError(p);
                }
                indents.push(width);
                altIndents.push(alt);
                add(TokenType.INDENT, src.substring(lineStart, p), line, 0, line, p - lineStart);
            } else {
                while (indents.peek() > width) {
                    indents.pop();
                    altIndents.pop();
                    add(TokenType.DEDENT, "", line, p - lineStart, line, p - lineStart);
                }
                if (indents.peek() != width) {
                    throw indentationError("unindent does not match any outer indentation level", line, p - lineStart);
                }
                if (alt != altIndents.peek()) {
                    throw tabError(p);
                }
            }
            return true;
        }
    }

    private SyntaxErrorException tabError(int p) {
        return new SyntaxErrorException("TabError", "inconsistent use of tabs and spaces in indentation", filename, line,
                p - lineStart + 1, 0, lineText(line));
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c) || (c >= 0x80 && Character.isUnicodeIdentifierStart(c));
    }

    private static boolean isIdentifierPart(char c) {
        return c == '_' || Character.isLetterOrDigit(c) || (c >= 0x80 && Character.isUnicodeIdentifierPart(c));
    }

    private void readName() {
        int start = pos;
        int startCol = col();
        while (pos < src.length() && (isIdentifierPart(src.charAt(pos)) || Character.isHighSurrogate(src.charAt(pos))
                || Character.isLowSurrogate(src.charAt(pos)))) {
            pos++;
        }
        add(TokenType.NAME, src.substring(start, pos), line, startCol, line, col());
    }

    /** A string prefix (r, b, u, f and combinations) directly followed by a quote starts a string. */
    private boolean tryString() {
        int p = pos;
        while (p < src.length() && p - pos < 3 && "rRbBuUfF".indexOf(src.charAt(p)) >= 0) {
            p++;
        }
        if (p > pos && p < src.length() && (src.charAt(p) == '\'' || src.charAt(p) == '"')) {
            String prefix = src.substring(pos, p).toLowerCase(java.util.Locale.ROOT);
            if (isValidPrefix(prefix)) {
                readString(pos, prefix);
                return true;
            }
        }
        return false;
    }

    private static boolean isValidPrefix(String p) {
        switch (p) {
            case "r":
            case "u":
            case "b":
            case "f":
            case "br":
            case "rb":
            case "fr":
            case "rf":
                return true;
            default:
                return false;
        }
    }

    private void readString(int start, String prefix) {
        int startLine = line;
        int startCol = start - lineStart;
        int q = start + prefix.length();
        char quote = src.charAt(q);
        boolean triple = q + 2 < src.length() && src.charAt(q + 1) == quote && src.charAt(q + 2) == quote;
        pos = q + (triple ? 3 : 1);
        while (true) {
            if (pos >= src.length()) {
                if (triple) {
                    throw new SyntaxErrorException("SyntaxError",
                            "unterminated triple-quoted string literal (detected at line " + line + ")", filename,
                            startLine, startCol + 1, 0, lineText(startLine));
                }
                throw error("unterminated string literal (detected at line " + startLine + ")", startLine, startCol);
            }
            char c = src.charAt(pos);
            if (c == '\\') {
                if (pos + 1 < src.length()) {
                    if (src.charAt(pos + 1) == '\n') {
                        pos += 2;
                        newLine();
                    } else {
                        pos += 2;
                    }
                    continue;
                }
                pos++;
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    throw error("unterminated string literal (detected at line " + startLine + ")", startLine, startCol);
                }
                pos++;
                newLine();
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    pos++;
                    break;
                }
                if (pos + 2 < src.length() && src.charAt(pos + 1) == quote && src.charAt(pos + 2) == quote) {
                    pos += 3;
                    break;
                }
            }
            pos++;
        }
        add(TokenType.STRING, src.substring(start, pos), startLine, startCol, line, col());
    }

    private void readNumber() {
        int start = pos;
        int startCol = col();
        char c = src.charAt(pos);
        if (c == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(src.charAt(pos + 1));
            pos += 2;
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            int digitsStart = pos;
            while (pos < src.length() && (Character.digit(src.charAt(pos), radix) >= 0 || src.charAt(pos) == '_')) {
                pos++;
            }
            if (pos == digitsStart || src.charAt(pos - 1) == '_') {
                String what = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
                throw error("invalid " + what + " literal", line, col() - 1);
            }
            if (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)))) {
                String what = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
                if (Character.isDigit(src.charAt(pos))) {
                    throw error("invalid digit '" + src.charAt(pos) + "' in " + what + " literal", line, col());
                }
                throw error("invalid " + what + " literal", line, col());
            }
            add(TokenType.NUMBER, src.substring(start, pos), line, startCol, line, col());
            return;
        }
        digits();
        boolean isFloat = false;
        if (pos < src.length() && src.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            digits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                isFloat = true;
                digits();
            } else {
                pos = save;
                throw error("invalid decimal literal", line, col());
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
            pos++;
        } else if (pos < src.length() && isIdentifierStart(src.charAt(pos))) {
            throw error("invalid decimal literal", line, startCol);
        }
        String text = src.substring(start, pos);
        if (!isFloat && text.length() > 1 && text.charAt(0) == '0' && !text.endsWith("j") && !text.endsWith("J")) {
            for (int i = 0; i < text.length(); i++) {
                char d = text.charAt(i);
                if (d != '0' && d != '_') {
                    throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            line, startCol);
                }
            }
        }
        add(TokenType.NUMBER, text, line, startCol, line, col());
    }

    private void digits() {
        boolean lastUnderscore = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isDigit(c) && c < 128) {
                lastUnderscore = false;
                pos++;
            } else if (c == '_' && !lastUnderscore && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
                lastUnderscore = true;
                pos++;
            } else {
                break;
            }
        }
    }

    private void readOperator() {
        int startCol = col();
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                char c = op.charAt(0);
                if (op.length() == 1 && (c == '(' || c == '[' || c == '{')) {
                    brackets.push(new int[] {c, line, startCol});
                } else if (op.length() == 1 && (c == ')' || c == ']' || c == '}')) {
                    if (brackets.isEmpty()) {
                        throw error("unmatched '" + c + "'", line, startCol);
                    }
                    int[] open = brackets.pop();
                    char expected = open[0] == '(' ? ')' : open[0] == '[' ? ']' : '}';
                    if (c != expected) {
                        String msg = "closing parenthesis '" + c + "' does not match opening parenthesis '" + (char) open[0] + "'";
                        if (open[1] != line) {
                            msg += " on line " + open[1];
                        }
                        throw error(msg, line, startCol);
                    }
                }
                pos += op.length();
                add(TokenType.OP, op, line, startCol, line, col());
                return;
            }
        }
        int cp = src.codePointAt(pos);
        if (cp == '!' || cp == '$' || cp == '?' || cp == '`') {
            throw error("invalid syntax", line, startCol);
        }
        if (Character.isISOControl(cp) || !dev.interlock.vm.objects.PyStr.isPrintable(cp)) {
            throw error(String.format("invalid non-printable character U+%04X", cp), line, startCol);
        }
        throw error(String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp), line, startCol);
    }
}
