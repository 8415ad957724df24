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
            if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
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
                    throw tabError();
                }
            } else if (width > current) {
                if (alt <= altIndents.peek()) {
                    throw tabError();
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
                    // CPython reports it with its cursor at the end of the line: the column is one past the text.
                    throw indentationError("unindent does not match any outer indentation level", line, lineText(line).length());
                }
                if (alt != altIndents.peek()) {
                    throw tabError();
                }
            }
            return true;
        }
    }

    /** CPython reports a TabError at column 1 of the line, left of its indentation: no caret is shown. */
    private SyntaxErrorException tabError() {
        return new SyntaxErrorException("TabError", "inconsistent use of tabs and spaces in indentation", filename, line,
                1, 0, lineText(line));
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
                    // CPython counts the last line, not the empty one after a final newline.
                    int detected = src.endsWith("\n") ? line - 1 : line;
                    throw new SyntaxErrorException("SyntaxError",
                            "unterminated triple-quoted string literal (detected at line " + detected + ")", filename,
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

    // ---- numbers: CPython 3.11's tok_get, with its error positions. As there, an error's column is
    // the number of characters before the cursor, which is where the caret goes.

    private static final int EOF = -1;
    /** A "character" that backup() ignores: the number ended earlier and the cursor is already there. */
    private static final int ENDED = -2;

    private int nextc() {
        if (pos >= src.length()) {
            return EOF;
        }
        return src.charAt(pos++);
    }

    private void backup(int c) {
        if (c >= 0) {
            pos--;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isRadixDigit(int c, int radix) {
        return c >= 0 && c < 128 && Character.digit(c, radix) >= 0;
    }

    private static boolean isPotentialIdentifierChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9') || c >= 128;
    }

    /** CPython's syntaxerror(): the caret goes before the cursor. */
    private SyntaxErrorException numberError(String msg) {
        return error(msg, line, pos - lineStart - 1);
    }

    private void readNumber() {
        int start = pos;
        int startCol = col();
        int c = nextc();
        if (c == '.') {
            c = fraction(nextc());
        } else if (c == '0') {
            c = nextc();
            if (c == 'x' || c == 'X') {
                c = radixDigits(16, "hexadecimal");
            } else if (c == 'o' || c == 'O') {
                c = radixDigits(8, "octal");
            } else if (c == 'b' || c == 'B') {
                c = radixDigits(2, "binary");
            } else {
                boolean nonzero = false;
                while (true) {
                    if (c == '_') {
                        c = nextc();
                        if (!isDigit(c)) {
                            backup(c);
                            throw numberError("invalid decimal literal");
                        }
                    }
                    if (c != '0') {
                        break;
                    }
                    c = nextc();
                }
                int zerosEnd = pos - lineStart;
                if (isDigit(c)) {
                    nonzero = true;
                    c = decimalTail();
                }
                if (c == '.') {
                    c = fraction(nextc());
                } else if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
                    c = exponentAndSuffix(c);
                } else if (nonzero) {
                    throw new SyntaxErrorException("SyntaxError", "leading zeros in decimal integer literals are not permitted;"
                            + " use an 0o prefix for octal integers", filename, line, startCol + 1, zerosEnd, lineText(line));
                } else {
                    verifyEndOfNumber(c, "decimal");
                }
            }
        } else {
            c = decimalTail();
            c = c == '.' ? fraction(nextc()) : exponentAndSuffix(c);
        }
        backup(c);
        add(TokenType.NUMBER, src.substring(start, pos), line, startCol, line, col());
    }

    /** Digits and underscores after the first digit; returns the character after them (read). */
    private int decimalTail() {
        int c;
        while (true) {
            do {
                c = nextc();
            } while (isDigit(c));
            if (c != '_') {
                return c;
            }
            c = nextc();
            if (!isDigit(c)) {
                backup(c);
                throw numberError("invalid decimal literal");
            }
        }
    }

    /** After a decimal point: {@code c} is the first character after it. */
    private int fraction(int c) {
        if (isDigit(c)) {
            c = decimalTail();
        }
        return exponentAndSuffix(c);
    }

    /** The exponent, the imaginary suffix and the check that no name follows the number. */
    private int exponentAndSuffix(int c) {
        if (c == 'e' || c == 'E') {
            int e = c;
            c = nextc();
            if (c == '+' || c == '-') {
                c = nextc();
                if (!isDigit(c)) {
                    backup(c);
                    throw numberError("invalid decimal literal");
                }
            } else if (!isDigit(c)) {
                backup(c);
                verifyEndOfNumber(e, "decimal");
                backup(e); // '1else': the number ends before the keyword
                return ENDED;
            }
            c = decimalTail();
        }
        if (c == 'j' || c == 'J') {
            c = nextc();
            verifyEndOfNumber(c, "imaginary");
        } else {
            verifyEndOfNumber(c, "decimal");
        }
        return c;
    }

    /** Hexadecimal, octal or binary digits after the prefix; returns the character after them (read). */
    private int radixDigits(int radix, String kind) {
        int c = nextc();
        do {
            if (c == '_') {
                c = nextc();
            }
            if (!isRadixDigit(c, radix)) {
                if (radix != 16 && isDigit(c)) {
                    throw numberError("invalid digit '" + (char) c + "' in " + kind + " literal");
                }
                backup(c);
                throw numberError("invalid " + kind + " literal");
            }
            do {
                c = nextc();
            } while (isRadixDigit(c, radix));
        } while (c == '_');
        if (radix != 16 && isDigit(c)) {
            throw numberError("invalid digit '" + (char) c + "' in " + kind + " literal");
        }
        verifyEndOfNumber(c, kind);
        return c;
    }

    /**
     * A number directly followed by a name is an error ({@code 5abc}), except before the keywords
     * that can follow a number in valid code ({@code 1if x else 2}), which CPython 3.11 still
     * accepts with a deprecation warning. {@code c} has been read.
     */
    private void verifyEndOfNumber(int c, String kind) {
        boolean keyword = switch (c) {
            case 'a' -> src.startsWith("nd", pos);
            case 'e' -> src.startsWith("lse", pos);
            case 'f' -> src.startsWith("or", pos);
            case 'i' -> pos < src.length() && "fns".indexOf(src.charAt(pos)) >= 0;
            case 'o' -> src.startsWith("r", pos);
            case 'n' -> src.startsWith("ot", pos);
            default -> false;
        };
        if (!keyword && isPotentialIdentifierChar(c)) {
            backup(c);
            throw numberError("invalid " + kind + " literal");
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
