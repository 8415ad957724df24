package dev.interlock.vm.objects;

import static java.util.Objects.requireNonNull;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;

/**
 * Python's {@code str}: an immutable sequence of Unicode code points, kept as a Java string.
 * Lengths and indices count code points, as Python does; strings without surrogate pairs (nearly
 * all) index the Java string directly.
 *
 * <p>The empty string and the one-character ASCII strings are cached and immortal, as CPython
 * caches its one-character latin-1 strings.
 */
public final class PyStr extends PyObject {

    public static final PyType TYPE = StrType.define();

    private static final PyStr[] ASCII = new PyStr[128];
    public static final PyStr EMPTY = immortal("");

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = immortal(String.valueOf((char) c));
        }
    }

    private final String value;
    private long hash;
    private byte kind; // 0 unknown, 1 no surrogates, 2 has surrogate pairs
    private int[] codePoints;

    private PyStr(String value) {
        this.value = value;
    }

    /** A string; cached for the empty string and single ASCII characters. */
    public static PyStr of(String value) {
        int n = value.length();
        if (n <= 1) {
            if (n == 0) {
                return EMPTY;
            }
            char c = value.charAt(0);
            if (c < 128) {
                return ASCII[c];
            }
        }
        return new PyStr(value);
    }

    /** The one-code-point string for {@code cp}. */
    public static PyStr ofCodePoint(int cp) {
        if (cp < 128) {
            return ASCII[cp];
        }
        return new PyStr(new String(Character.toChars(cp)));
    }

    /** An immortal string, never counted: for identifiers and other interned names. */
    public static PyStr immortal(String value) {
        PyStr s = new PyStr(requireNonNull(value, "value is null"));
        s.makeStaticImmortal();
        return s;
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return true;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The Java string. */
    public String value() {
        return value;
    }

    private boolean simple() {
        if (kind == 0) {
            kind = value.codePointCount(0, value.length()) == value.length() ? (byte) 1 : (byte) 2;
        }
        return kind == 1;
    }

    private int[] codePoints() {
        int[] cps = codePoints;
        if (cps == null) {
            cps = value.codePoints().toArray();
            codePoints = cps;
        }
        return cps;
    }

    /** The number of code points ({@code len}). */
    public int codePointLength() {
        return simple() ? value.length() : codePoints().length;
    }

    /** The code point at index {@code i} (0 ≤ i < length). */
    public int codePointAt(int i) {
        return simple() ? value.charAt(i) : codePoints()[i];
    }

    /** The substring of code points {@code [start, end)}. */
    public String substring(int start, int end) {
        if (simple()) {
            return value.substring(start, end);
        }
        return new String(codePoints(), start, end - start);
    }

    /** A Java-string offset for a code-point index. */
    public int toCharIndex(int cpIndex) {
        return simple() ? cpIndex : value.offsetByCodePoints(0, cpIndex);
    }

    /** A code-point index for a Java-string offset. */
    public int toCodePointIndex(int charIndex) {
        return simple() ? charIndex : value.codePointCount(0, charIndex);
    }

    // ------------------------------------------------------------------ protocol

    @Override
    public String repr() {
        return reprOf(value);
    }

    @Override
    public String str() {
        return value;
    }

    @Override
    public String format(String spec) {
        return dev.interlock.vm.ops.Formatter.formatString(value, spec);
    }

    @Override
    public long hash() {
        long h = hash;
        if (h == 0) {
            // FNV-1a over UTF-16 units: deterministic across runs (CPython randomizes str hashes,
            // which no program may depend on).
            h = 0xcbf29ce484222325L;
            for (int i = 0; i < value.length(); i++) {
                h ^= value.charAt(i);
                h *= 0x100000001b3L;
            }
            h >>= 1; // keep it positive-ish and distinct from the sentinel
            if (h == 0 || h == -1) {
                h = -2;
            }
            hash = h;
        }
        return h;
    }

    @Override
    public boolean isTrue() {
        return !value.isEmpty();
    }

    @Override
    public boolean hasLength() {
        return true;
    }

    @Override
    public int length() {
        return codePointLength();
    }

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (!(other instanceof PyStr o)) {
            return PyNotImplemented.INSTANCE;
        }
        if (op == Compare.EQ) {
            return PyBool.of(value.equals(o.value));
        }
        if (op == Compare.NE) {
            return PyBool.of(!value.equals(o.value));
        }
        return PyBool.of(Compare.test(compareCodePoints(value, o.value), op));
    }

    /** Compares by code point, as Python orders strings (UTF-16 order differs above U+FFFF). */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        switch (op) {
            case ADD:
                if (other instanceof PyStr o) {
                    if (o.value.isEmpty()) {
                        return Refs.newRef(this);
                    }
                    if (value.isEmpty()) {
                        return Refs.newRef(o);
                    }
                    return of(value.concat(o.value));
                }
                return PyNotImplemented.INSTANCE;
            case MUL:
                if (other instanceof PyInt n) {
                    return repeat(n);
                }
                return PyNotImplemented.INSTANCE;
            case MOD:
                return dev.interlock.vm.ops.PercentFormat.format(this, other);
            default:
                return PyNotImplemented.INSTANCE;
        }
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (op == BinaryOp.MUL && other instanceof PyInt n) {
            return repeat(n);
        }
        return PyNotImplemented.INSTANCE;
    }

    private PyObject repeat(PyInt n) {
        if (!n.isSmall()) {
            if (n.signum() <= 0) {
                return EMPTY;
            }
            throw Errors.overflowError("cannot fit 'int' into an index-sized integer");
        }
        long count = n.longValue();
        if (count <= 0 || value.isEmpty()) {
            return EMPTY;
        }
        if (count == 1) {
            return Refs.newRef(this);
        }
        if (count * value.length() > Integer.MAX_VALUE - 16) {
            throw Errors.memoryError();
        }
        return of(value.repeat((int) count));
    }

    @Override
    public boolean contains(PyObject item) {
        if (!(item instanceof PyStr s)) {
            throw Errors.typeError("'in <string>' requires string as left operand, not " + item.typeName());
        }
        return value.contains(s.value);
    }

    @Override
    public PyObject getItem(PyObject key) {
        if (key instanceof PySlice slice) {
            int len = codePointLength();
            PySlice.Indices ix = slice.indices(len);
            if (ix.step() == 1) {
                return ix.length() <= 0 ? EMPTY : of(substring(ix.start(), ix.start() + ix.length()));
            }
            StringBuilder b = new StringBuilder(ix.length());
            for (int i = 0, p = ix.start(); i < ix.length(); i++, p += ix.step()) {
                b.appendCodePoint(codePointAt(p));
            }
            return of(b.toString());
        }
        int len = codePointLength();
        long i = Sequences.index(key, "string");
        if (i < 0) {
            i += len;
        }
        if (i < 0 || i >= len) {
            throw Errors.indexError("string index out of range");
        }
        return ofCodePoint(codePointAt((int) i));
    }

    @Override
    public PyObject iter() {
        return new StrIterator(this);
    }

    // ------------------------------------------------------------------ helpers

    /** {@code repr()} of a Java string with Python's quoting and escapes. */
    public static String reprOf(String s) {
        char quote = '\'';
        if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) {
            quote = '"';
        }
        StringBuilder b = new StringBuilder(s.length() + 2);
        b.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f) {
                b.append((char) cp);
            } else if (isPrintable(cp)) {
                b.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.append(String.format("\\U%08x", cp));
            }
        }
        b.append(quote);
        return b.toString();
    }

    /** Python's notion of a printable code point ({@code str.isprintable}). */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** Iterates over a string's code points. */
    static final class StrIterator extends PyObject {
        static final PyType TYPE = PyType.builtin("str_iterator", PyType.OBJECT).finalType()
                .slotWrappers(StrIterator.class).build();

        private final PyStr str;
        private int index;

        StrIterator(PyStr str) {
            this.str = str;
            Refs.incref(str);
        }

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public PyObject iter() {
            return Refs.newRef(this);
        }

        @Override
        public PyObject next() {
            if (index >= str.codePointLength()) {
                return null;
            }
            return ofCodePoint(str.codePointAt(index++));
        }

        @Override
        public void traverse(dev.interlock.api.memory.ReferenceVisitor visitor) {
            visitor.visit(str);
        }
    }
}
