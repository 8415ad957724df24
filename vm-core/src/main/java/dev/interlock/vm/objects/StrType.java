package dev.interlock.vm.objects;

import static dev.interlock.vm.objects.BuiltinDef.keywords;
import static dev.interlock.vm.objects.BuiltinDef.noArgs;
import static dev.interlock.vm.objects.BuiltinDef.oneArg;
import static dev.interlock.vm.objects.BuiltinDef.positional;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** The constructor and methods of {@code str}, with CPython's semantics and messages. */
final class StrType {

    private static final ArgParser STR = new ArgParser("str", 0, 0, new String[] {"object", "encoding", "errors"});
    private static final ArgParser SPLIT = new ArgParser("split", 0, 0, new String[] {"sep", "maxsplit"});
    private static final ArgParser RSPLIT = new ArgParser("rsplit", 0, 0, new String[] {"sep", "maxsplit"});
    private static final ArgParser SPLITLINES = new ArgParser("splitlines", 0, 0, new String[] {"keepends"});
    private static final ArgParser EXPANDTABS = new ArgParser("expandtabs", 0, 0, new String[] {"tabsize"});

    private StrType() {
    }

    static PyType define() {
        return PyType.builtin("str", PyType.OBJECT)
                .doc("str(object='') -> str")
                .constructor((t, a, s, n, kw) -> {
                    PyObject[] p = STR.parse(a, s, n, kw);
                    if (p[1] != null || p[2] != null) {
                        throw new NotSupportedError("str() with an encoding (bytes)");
                    }
                    if (p[0] == null) {
                        return PyStr.EMPTY;
                    }
                    if (p[0] instanceof PyStr str && t == PyStr.TYPE) {
                        return Refs.newRef(str);
                    }
                    return PyStr.of(p[0].str());
                })
                .method(oneArg("join", (PyStr self, PyObject it) -> join(self, it)))
                .method(oneArg("translate", (PyStr self, PyObject table) -> StrTranslate.translate(self, table)))
                .method(oneArg("format_map", (PyStr self, PyObject mapping) ->
                        PyStr.of(dev.interlock.vm.ops.StrFormat.formatMap(self.value(), mapping))))
                .staticMethod(positional("maketrans", 1, 3, (PyObject self, PyObject[] a, int s, int n) ->
                        StrTranslate.maketrans(a, s, n)))
                .method(keywords("split", (self, a, s, n, kw) -> {
                    PyObject[] p = SPLIT.parse(a, s, n, kw);
                    return split((PyStr) self, p[0], maxsplit(p[1]), false);
                }))
                .method(keywords("rsplit", (self, a, s, n, kw) -> {
                    PyObject[] p = RSPLIT.parse(a, s, n, kw);
                    return split((PyStr) self, p[0], maxsplit(p[1]), true);
                }))
                .method(keywords("splitlines", (self, a, s, n, kw) -> {
                    PyObject[] p = SPLITLINES.parse(a, s, n, kw);
                    return splitlines((PyStr) self, p[0] != null && p[0].isTrue());
                }))
                .method(positional("strip", 0, 1, (PyStr self, PyObject[] a, int s, int n) -> strip(self, n > 0 ? a[s] : null, "strip", true, true)))
                .method(positional("lstrip", 0, 1, (PyStr self, PyObject[] a, int s, int n) -> strip(self, n > 0 ? a[s] : null, "lstrip", true, false)))
                .method(positional("rstrip", 0, 1, (PyStr self, PyObject[] a, int s, int n) -> strip(self, n > 0 ? a[s] : null, "rstrip", false, true)))
                .method(noArgs("upper", (PyStr self) -> PyStr.of(self.value().toUpperCase(Locale.ROOT))))
                .method(noArgs("lower", (PyStr self) -> PyStr.of(self.value().toLowerCase(Locale.ROOT))))
                .method(noArgs("casefold", (PyStr self) -> PyStr.of(self.value().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT))))
                .method(noArgs("swapcase", (PyStr self) -> PyStr.of(swapcase(self.value()))))
                .method(noArgs("capitalize", (PyStr self) -> PyStr.of(capitalize(self.value()))))
                .method(noArgs("title", (PyStr self) -> PyStr.of(title(self.value()))))
                .method(positional("replace", 2, 3, (PyStr self, PyObject[] a, int s, int n) ->
                        replace(self, strArg("replace", 1, a[s]), strArg("replace", 2, a[s + 1]),
                                n > 2 ? a[s + 2].asIndex().toLong() : -1)))
                .method(positional("startswith", 1, 3, (PyStr self, PyObject[] a, int s, int n) ->
                        PyBool.of(affix(self, a, s, n, "startswith", true))))
                .method(positional("endswith", 1, 3, (PyStr self, PyObject[] a, int s, int n) ->
                        PyBool.of(affix(self, a, s, n, "endswith", false))))
                .method(positional("find", 1, 3, (PyStr self, PyObject[] a, int s, int n) -> PyInt.of(find(self, a, s, n, "find", false))))
                .method(positional("rfind", 1, 3, (PyStr self, PyObject[] a, int s, int n) -> PyInt.of(find(self, a, s, n, "rfind", true))))
                .method(positional("index", 1, 3, (PyStr self, PyObject[] a, int s, int n) -> PyInt.of(index(self, a, s, n, "index", false))))
                .method(positional("rindex", 1, 3, (PyStr self, PyObject[] a, int s, int n) -> PyInt.of(index(self, a, s, n, "rindex", true))))
                .method(positional("count", 1, 3, (PyStr self, PyObject[] a, int s, int n) -> PyInt.of(count(self, a, s, n))))
                .method(noArgs("isdigit", (PyStr self) -> PyBool.of(all(self, StrType::isDigit))))
                .method(noArgs("isdecimal", (PyStr self) -> PyBool.of(all(self, cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER))))
                .method(noArgs("isnumeric", (PyStr self) -> PyBool.of(all(self, StrType::isNumeric))))
                .method(noArgs("isalpha", (PyStr self) -> PyBool.of(all(self, Character::isLetter))))
                .method(noArgs("isalnum", (PyStr self) -> PyBool.of(all(self, cp -> Character.isLetter(cp) || isNumeric(cp)))))
                .method(noArgs("isspace", (PyStr self) -> PyBool.of(all(self, StrType::isSpace))))
                .method(noArgs("isascii", (PyStr self) -> PyBool.of(self.value().chars().allMatch(c -> c < 128))))
                .method(noArgs("isprintable", (PyStr self) -> PyBool.of(self.value().codePoints().allMatch(PyStr::isPrintable))))
                .method(noArgs("isupper", (PyStr self) -> PyBool.of(cased(self.value(), true))))
                .method(noArgs("islower", (PyStr self) -> PyBool.of(cased(self.value(), false))))
                .method(noArgs("istitle", (PyStr self) -> PyBool.of(isTitle(self.value()))))
                .method(noArgs("isidentifier", (PyStr self) -> PyBool.of(isIdentifier(self.value()))))
                .method(positional("ljust", 1, 2, (PyStr self, PyObject[] a, int s, int n) -> justify(self, a, s, n, "ljust", 'l')))
                .method(positional("rjust", 1, 2, (PyStr self, PyObject[] a, int s, int n) -> justify(self, a, s, n, "rjust", 'r')))
                .method(positional("center", 1, 2, (PyStr self, PyObject[] a, int s, int n) -> justify(self, a, s, n, "center", 'c')))
                .method(oneArg("zfill", (PyStr self, PyObject w) -> PyStr.of(zfill(self.value(), w.asIndex().intValue()))))
                .method(oneArg("partition", (PyStr self, PyObject sep) -> partition(self, strArg("partition", 1, sep), false)))
                .method(oneArg("rpartition", (PyStr self, PyObject sep) -> partition(self, strArg("rpartition", 1, sep), true)))
                .method(oneArg("removeprefix", (PyStr self, PyObject p) -> {
                    String x = strArg("removeprefix", 1, p);
                    return self.value().startsWith(x) && !x.isEmpty() ? PyStr.of(self.value().substring(x.length())) : Refs.newRef(self);
                }))
                .method(oneArg("removesuffix", (PyStr self, PyObject p) -> {
                    String x = strArg("removesuffix", 1, p);
                    String v = self.value();
                    return v.endsWith(x) && !x.isEmpty() ? PyStr.of(v.substring(0, v.length() - x.length())) : Refs.newRef(self);
                }))
                .method(keywords("expandtabs", (self, a, s, n, kw) -> {
                    PyObject[] p = EXPANDTABS.parse(a, s, n, kw);
                    return PyStr.of(expandTabs(((PyStr) self).value(), p[0] == null ? 8 : p[0].asIndex().intValue()));
                }))
                .method(keywords("format", (self, a, s, n, kw) -> PyStr.of(dev.interlock.vm.ops.StrFormat.format(((PyStr) self).value(), a, s, n, kw))))
                .method(oneArg("__format__", (PyStr self, PyObject spec) -> PyStr.of(self.format(strArg("__format__", 1, spec)))))
                .method(keywords("encode", (self, a, s, n, kw) -> {
                    throw new NotSupportedError("str.encode (bytes)");
                }))
                .slotWrappers(PyStr.class, java.util.EnumSet.of(dev.interlock.vm.ops.BinaryOp.ADD, dev.interlock.vm.ops.BinaryOp.MUL, dev.interlock.vm.ops.BinaryOp.MOD))
                .build();
    }

    // ------------------------------------------------------------------ argument helpers

    static String strArg(String method, int position, PyObject o) {
        if (o instanceof PyStr s) {
            return s.value();
        }
        throw Errors.typeError(method + "() argument " + position + " must be str, not " + o.typeName());
    }

    private static long maxsplit(PyObject o) {
        if (o == null) {
            return -1;
        }
        PyInt i = o.asIndex();
        try {
            return i.toLong();
        } finally {
            Refs.decref(i);
        }
    }

    /** Python's {@code str.isspace} for one code point. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static boolean isNumeric(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /**
     * Unicode's Numeric_Type=Digit code points that are not decimal digits (superscripts,
     * subscripts, circled and parenthesized digits...), as inclusive ranges from the Unicode
     * 14.0 database CPython 3.11 uses. Java has no query for Numeric_Type.
     */
    private static final int[] DIGIT_RANGES = {
        0xB2, 0xB3, 0xB9, 0xB9, 0x1369, 0x1371, 0x19DA, 0x19DA, 0x2070, 0x2070, 0x2074, 0x2079,
        0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247C, 0x2488, 0x2490, 0x24EA, 0x24EA,
        0x24F5, 0x24FD, 0x24FF, 0x24FF, 0x2776, 0x277E, 0x2780, 0x2788, 0x278A, 0x2792,
        0x10A40, 0x10A43, 0x10E60, 0x10E68, 0x11052, 0x1105A, 0x1F100, 0x1F10A,
    };

    /** {@code str.isdigit} for one code point: Numeric_Type Decimal or Digit. */
    private static boolean isDigit(int cp) {
        if (Character.isDigit(cp)) {
            return true;
        }
        for (int i = 0; i < DIGIT_RANGES.length && DIGIT_RANGES[i] <= cp; i += 2) {
            if (cp <= DIGIT_RANGES[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(PyStr self, IntPredicate p) {
        String v = self.value();
        return !v.isEmpty() && v.codePoints().allMatch(p);
    }

    // ------------------------------------------------------------------ methods

    static PyObject join(PyStr sep, PyObject iterable) {
        PyObject[] items = Iteration.toArray(iterable);
        try {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < items.length; i++) {
                if (!(items[i] instanceof PyStr s)) {
                    throw Errors.typeError("sequence item " + i + ": expected str instance, " + items[i].typeName() + " found");
                }
                if (i > 0) {
                    b.append(sep.value());
                }
                b.append(s.value());
            }
            return PyStr.of(b.toString());
        } finally {
            Refs.decrefAll(items);
        }
    }

    static PyObject split(PyStr self, PyObject sepObj, long maxsplit, boolean fromRight) {
        String v = self.value();
        List<String> parts = new ArrayList<>();
        if (sepObj == null || sepObj == PyNone.INSTANCE) {
            splitWhitespace(v, maxsplit, fromRight, parts);
        } else {
            String sep = strArg(fromRight ? "rsplit" : "split", 1, sepObj);
            if (sep.isEmpty()) {
                throw Errors.valueError("empty separator");
            }
            if (!fromRight) {
                int start = 0;
                long splits = 0;
                while (maxsplit < 0 || splits < maxsplit) {
                    int at = v.indexOf(sep, start);
                    if (at < 0) {
                        break;
                    }
                    parts.add(v.substring(start, at));
                    start = at + sep.length();
                    splits++;
                }
                parts.add(v.substring(start));
            } else {
                int end = v.length();
                long splits = 0;
                while (maxsplit < 0 || splits < maxsplit) {
                    int at = v.lastIndexOf(sep, end - sep.length());
                    if (at < 0) {
                        break;
                    }
                    parts.add(0, v.substring(at + sep.length(), end));
                    end = at;
                    splits++;
                }
                parts.add(0, v.substring(0, end));
            }
        }
        return listOf(parts);
    }

    private static void splitWhitespace(String v, long maxsplit, boolean fromRight, List<String> parts) {
        if (!fromRight) {
            int i = 0;
            int n = v.length();
            long splits = 0;
            while (true) {
                while (i < n && isSpace(v.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return;
                }
                if (maxsplit >= 0 && splits >= maxsplit) {
                    int end = n;
                    while (end > i && isSpace(v.charAt(end - 1))) {
                        end--;
                    }
                    parts.add(v.substring(i, end));
                    return;
                }
                int start = i;
                while (i < n && !isSpace(v.charAt(i))) {
                    i++;
                }
                parts.add(v.substring(start, i));
                splits++;
            }
        } else {
            int i = v.length();
            long splits = 0;
            while (true) {
                while (i > 0 && isSpace(v.charAt(i - 1))) {
                    i--;
                }
                if (i <= 0) {
                    return;
                }
                if (maxsplit >= 0 && splits >= maxsplit) {
                    int start = 0;
                    while (start < i && isSpace(v.charAt(start))) {
                        start++;
                    }
                    parts.add(0, v.substring(start, i));
                    return;
                }
                int end = i;
                while (i > 0 && !isSpace(v.charAt(i - 1))) {
                    i--;
                }
                parts.add(0, v.substring(i, end));
                splits++;
            }
        }
    }

    static PyObject splitlines(PyStr self, boolean keepends) {
        String v = self.value();
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = v.length();
        while (i < n) {
            int start = i;
            while (i < n && !isLineBreak(v.charAt(i))) {
                i++;
            }
            int eol = i;
            if (i < n) {
                if (v.charAt(i) == '\r' && i + 1 < n && v.charAt(i + 1) == '\n') {
                    i += 2;
                } else {
                    i++;
                }
            }
            parts.add(v.substring(start, keepends ? i : eol));
        }
        return listOf(parts);
    }

    private static boolean isLineBreak(char c) {
        switch (c) {
            case '\n':
            case '\r':
            case 0x0b:
            case 0x0c:
            case 0x1c:
            case 0x1d:
            case 0x1e:
            case 0x85:
            case 0x2028:
            case 0x2029:
                return true;
            default:
                return false;
        }
    }

    private static PyObject listOf(List<String> parts) {
        PyObject[] items = new PyObject[parts.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = PyStr.of(parts.get(i));
        }
        return PyList.steal(items);
    }

    static PyObject strip(PyStr self, PyObject chars, String name, boolean left, boolean right) {
        String v = self.value();
        IntPredicate strip;
        if (chars == null || chars == PyNone.INSTANCE) {
            strip = StrType::isSpace;
        } else {
            if (!(chars instanceof PyStr cs)) {
                throw Errors.typeError(name + " arg must be None or str");
            }
            String set = cs.value();
            strip = cp -> set.indexOf(cp) >= 0;
        }
        int start = 0;
        int end = v.length();
        if (left) {
            while (start < end && strip.test(v.codePointAt(start))) {
                start += Character.charCount(v.codePointAt(start));
            }
        }
        if (right) {
            while (end > start && strip.test(v.codePointBefore(end))) {
                end -= Character.charCount(v.codePointBefore(end));
            }
        }
        if (start == 0 && end == v.length()) {
            return Refs.newRef(self);
        }
        return PyStr.of(v.substring(start, end));
    }

    private static String swapcase(String v) {
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().forEach(cp -> {
            if (Character.isUpperCase(cp)) {
                b.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            } else if (Character.isLowerCase(cp)) {
                b.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static String capitalize(String v) {
        if (v.isEmpty()) {
            return v;
        }
        int first = v.codePointAt(0);
        int len = Character.charCount(first);
        return titleOf(first) + v.substring(len).toLowerCase(Locale.ROOT);
    }

    /**
     * The full title-case mapping of one character (Unicode SpecialCasing): Java has only the
     * simple mapping, so the expansions are derived from the upper case: 'ß' → "Ss", 'ﬁ' → "Fi",
     * and the Greek letters with ypogegrammeni keep it as a combining mark (U+0345).
     */
    private static String titleOf(int cp) {
        int t = Character.toTitleCase(cp);
        if (t != cp || Character.isTitleCase(cp)) {
            return new String(Character.toChars(t));
        }
        String self = new String(Character.toChars(cp));
        String upper = self.toUpperCase(Locale.ROOT);
        if (upper.codePointCount(0, upper.length()) == 1) {
            return self; // its own title case (Georgian letters have an upper case but no title case)
        }
        if (cp == 0x149) {
            return upper;
        }
        int firstLength = Character.charCount(upper.codePointAt(0));
        if (cp >= 0x1f80 && cp <= 0x1fff && upper.endsWith("\u0399")) {
            return upper.substring(0, upper.length() - 1) + "\u0345";
        }
        return upper.substring(0, firstLength) + upper.substring(firstLength).toLowerCase(Locale.ROOT);
    }

    private static String title(String v) {
        StringBuilder b = new StringBuilder(v.length());
        boolean previousCased = false;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (isCased(cp)) {
                if (previousCased) {
                    b.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
                } else {
                    b.append(titleOf(cp));
                }
                previousCased = true;
            } else {
                b.appendCodePoint(cp);
                previousCased = false;
            }
        }
        return b.toString();
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean cased(String v, boolean upper) {
        boolean any = false;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (upper ? (Character.isLowerCase(cp) || Character.isTitleCase(cp)) : (Character.isUpperCase(cp) || Character.isTitleCase(cp))) {
                return false;
            }
            if (isCased(cp)) {
                any = true;
            }
        }
        return any;
    }

    private static boolean isTitle(String v) {
        boolean any = false;
        boolean previousCased = false;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                any = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                any = true;
            } else {
                previousCased = false;
            }
        }
        return any;
    }

    static boolean isIdentifier(String v) {
        if (v.isEmpty()) {
            return false;
        }
        int first = v.codePointAt(0);
        if (!(Character.isUnicodeIdentifierStart(first) || first == '_')) {
            return false;
        }
        for (int i = Character.charCount(first); i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
        }
        return true;
    }

    static PyObject replace(PyStr self, String old, String repl, long count) {
        String v = self.value();
        if (count < 0) {
            if (old.isEmpty()) {
                return PyStr.of(insertBetweenAll(v, repl, Long.MAX_VALUE));
            }
            return PyStr.of(v.replace(old, repl));
        }
        if (old.isEmpty()) {
            return PyStr.of(insertBetweenAll(v, repl, count));
        }
        StringBuilder b = new StringBuilder();
        int start = 0;
        long done = 0;
        while (done < count) {
            int at = v.indexOf(old, start);
            if (at < 0) {
                break;
            }
            b.append(v, start, at).append(repl);
            start = at + old.length();
            done++;
        }
        b.append(v, start, v.length());
        return PyStr.of(b.toString());
    }

    private static String insertBetweenAll(String v, String repl, long count) {
        StringBuilder b = new StringBuilder();
        long done = 0;
        int i = 0;
        while (i <= v.length()) {
            if (done < count) {
                b.append(repl);
                done++;
            }
            if (i == v.length()) {
                break;
            }
            int cp = v.codePointAt(i);
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** The code-point range {@code [start, end)} given by optional slice-like arguments. */
    private static int[] range(PyStr self, PyObject[] a, int s, int n) {
        int len = self.codePointLength();
        int start = 0;
        int end = len;
        if (n > 1 && a[s + 1] != PyNone.INSTANCE) {
            start = adjust(a[s + 1], len);
        }
        if (n > 2 && a[s + 2] != PyNone.INSTANCE) {
            end = adjust(a[s + 2], len);
        }
        return new int[] {start, end};
    }

    private static int adjust(PyObject o, int len) {
        PyInt i = o.asIndex();
        long x;
        try {
            x = i.clampedInt();
        } finally {
            Refs.decref(i);
        }
        if (x < 0) {
            x = Math.max(0, x + len);
        }
        return (int) Math.min(x, len);
    }

    private static boolean affix(PyStr self, PyObject[] a, int s, int n, String name, boolean prefix) {
        int[] r = range(self, a, s, n);
        if (r[0] > r[1]) {
            return false;
        }
        String window = self.substring(r[0], r[1]);
        PyObject what = a[s];
        if (what instanceof PyTuple t) {
            for (PyObject o : t.array()) {
                if (!(o instanceof PyStr p)) {
                    throw Errors.typeError("tuple for " + name + " must only contain str, not " + o.typeName());
                }
                if (prefix ? window.startsWith(p.value()) : window.endsWith(p.value())) {
                    return true;
                }
            }
            return false;
        }
        if (!(what instanceof PyStr p)) {
            throw Errors.typeError(name + " first arg must be str or a tuple of str, not " + what.typeName());
        }
        return prefix ? window.startsWith(p.value()) : window.endsWith(p.value());
    }

    private static int find(PyStr self, PyObject[] a, int s, int n, String name, boolean fromRight) {
        String sub = strArg(name, 1, a[s]);
        int[] r = range(self, a, s, n);
        if (r[0] > r[1]) {
            return -1;
        }
        String v = self.value();
        int cs = self.toCharIndex(r[0]);
        int ce = self.toCharIndex(r[1]);
        int at;
        if (fromRight) {
            at = v.lastIndexOf(sub, ce - sub.length());
            if (at < cs) {
                at = -1;
            }
        } else {
            at = v.indexOf(sub, cs);
            if (at >= 0 && at + sub.length() > ce) {
                at = -1;
            }
        }
        return at < 0 ? -1 : self.toCodePointIndex(at);
    }

    private static int index(PyStr self, PyObject[] a, int s, int n, String name, boolean fromRight) {
        int at = find(self, a, s, n, name, fromRight);
        if (at < 0) {
            throw Errors.valueError("substring not found");
        }
        return at;
    }

    private static int count(PyStr self, PyObject[] a, int s, int n) {
        String sub = strArg("count", 1, a[s]);
        int[] r = range(self, a, s, n);
        if (r[0] > r[1]) {
            return 0;
        }
        String window = self.substring(r[0], r[1]);
        if (sub.isEmpty()) {
            return window.codePointCount(0, window.length()) + 1;
        }
        int c = 0;
        int at = 0;
        while ((at = window.indexOf(sub, at)) >= 0) {
            c++;
            at += sub.length();
        }
        return c;
    }

    private static PyObject justify(PyStr self, PyObject[] a, int s, int n, String name, char how) {
        int width = a[s].asIndex().intValue();
        String fill = " ";
        if (n > 1) {
            if (!(a[s + 1] instanceof PyStr f) || f.codePointLength() != 1) {
                throw Errors.typeError("The fill character must be exactly one character long");
            }
            fill = f.value();
        }
        int len = self.codePointLength();
        if (width <= len) {
            return Refs.newRef(self);
        }
        int pad = width - len;
        String v = self.value();
        switch (how) {
            case 'l':
                return PyStr.of(v + fill.repeat(pad));
            case 'r':
                return PyStr.of(fill.repeat(pad) + v);
            default:
                // CPython: left = pad / 2 + (pad & width & 1)
                int left = pad / 2 + (pad & width & 1);
                return PyStr.of(fill.repeat(left) + v + fill.repeat(pad - left));
        }
    }

    private static String zfill(String v, int width) {
        int len = v.codePointCount(0, v.length());
        if (width <= len) {
            return v;
        }
        String zeros = "0".repeat(width - len);
        if (!v.isEmpty() && (v.charAt(0) == '+' || v.charAt(0) == '-')) {
            return v.charAt(0) + zeros + v.substring(1);
        }
        return zeros + v;
    }

    private static PyObject partition(PyStr self, String sep, boolean fromRight) {
        if (sep.isEmpty()) {
            throw Errors.valueError("empty separator");
        }
        String v = self.value();
        int at = fromRight ? v.lastIndexOf(sep) : v.indexOf(sep);
        PyObject[] parts;
        if (at < 0) {
            parts = fromRight
                    ? new PyObject[] {PyStr.EMPTY, PyStr.EMPTY, Refs.newRef(self)}
                    : new PyObject[] {Refs.newRef(self), PyStr.EMPTY, PyStr.EMPTY};
        } else {
            parts = new PyObject[] {PyStr.of(v.substring(0, at)), PyStr.of(sep), PyStr.of(v.substring(at + sep.length()))};
        }
        return PyTuple.steal(parts);
    }

    private static String expandTabs(String v, int tabsize) {
        StringBuilder b = new StringBuilder();
        int column = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\t') {
                if (tabsize > 0) {
                    int spaces = tabsize - (column % tabsize);
                    b.append(" ".repeat(spaces));
                    column += spaces;
                }
            } else {
                b.append(c);
                column = (c == '\n' || c == '\r') ? 0 : column + 1;
            }
        }
        return b.toString();
    }
}
