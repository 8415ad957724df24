package dev.interlock.vm.ops;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyInt;
import java.math.BigInteger;

/**
 * The format-specification mini-language of {@code format()}, {@code str.format} and f-strings:
 * {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}, applied to ints,
 * floats and strings with CPython 3.11's rules and error messages.
 *
 * <p>Compare CPython's {@code Python/formatter_unicode.c}.
 */
public final class Formatter {

    private Formatter() {
    }

    /** A parsed format specification. */
    static final class Spec {
        int fill = ' ';
        boolean fillGiven;
        char align; // 0 when not given
        char sign; // 0, '+', '-', ' '
        boolean zeroNegative; // 'z'
        boolean alternate; // '#'
        int width = -1;
        char grouping; // 0, ',', '_'
        int precision = -1;
        char type; // 0 when not given

        boolean hasAlign() {
            return align != 0;
        }
    }

    /** Parses {@code spec}; ValueError for malformed specifications. */
    static Spec parse(String spec, char defaultType) {
        Spec s = new Spec();
        int n = spec.length();
        int i = 0;
        if (n >= 2 && isAlign(spec.charAt(1))) {
            s.fill = spec.codePointAt(0);
            if (Character.charCount(s.fill) == 1) {
                s.fillGiven = true;
                s.align = spec.charAt(1);
                i = 2;
            }
        }
        if (i == 0 && n >= 3 && Character.isHighSurrogate(spec.charAt(0)) && isAlign(spec.charAt(2))) {
            s.fill = spec.codePointAt(0);
            s.fillGiven = true;
            s.align = spec.charAt(2);
            i = 3;
        }
        if (i == 0 && n >= 1 && isAlign(spec.charAt(0))) {
            s.align = spec.charAt(0);
            i = 1;
        }
        if (i < n && (spec.charAt(i) == '+' || spec.charAt(i) == '-' || spec.charAt(i) == ' ')) {
            s.sign = spec.charAt(i++);
        }
        if (i < n && spec.charAt(i) == 'z') {
            s.zeroNegative = true;
            i++;
        }
        if (i < n && spec.charAt(i) == '#') {
            s.alternate = true;
            i++;
        }
        // The '0' flag zero-pads unless a fill was given; it implies '=' only for numbers, whose
        // default alignment is '>'. Compare parse_internal_render_format_spec() in CPython 3.11.
        if (i < n && spec.charAt(i) == '0' && !s.fillGiven) {
            s.fill = '0';
            if (!s.hasAlign() && defaultType != 's') {
                s.align = '=';
            }
            i++;
        }
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        if (i > start) {
            s.width = parseNumber(spec.substring(start, i));
        }
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            s.grouping = spec.charAt(i++);
            if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
                throw Errors.valueError("Cannot specify both ',' and '_'.");
            }
        }
        if (i < n && spec.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw Errors.valueError("Format specifier missing precision");
            }
            s.precision = parseNumber(spec.substring(start, i));
        }
        if (i < n) {
            if (n - i > 1) {
                throw Errors.valueError("Invalid format specifier '" + spec + "' for object of type '"
                        + typeNameFor(defaultType) + "'");
            }
            s.type = spec.charAt(i);
        }
        return s;
    }

    private static String typeNameFor(char defaultType) {
        switch (defaultType) {
            case 'd':
                return "int";
            case 'g':
                return "float";
            default:
                return "str";
        }
    }

    private static int parseNumber(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw Errors.valueError("Too many decimal digits in format string");
        }
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    // ------------------------------------------------------------------ strings

    /** {@code format(s, spec)} for a str. */
    public static String formatString(String value, String spec) {
        if (spec.isEmpty()) {
            return value;
        }
        Spec s = parse(spec, 's');
        if (s.type != 0 && s.type != 's') {
            throw Errors.valueError("Unknown format code '" + s.type + "' for object of type 'str'");
        }
        if (s.sign != 0) {
            throw Errors.valueError("Sign not allowed in string format specifier");
        }
        if (s.alternate) {
            throw Errors.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (s.grouping != 0) {
            throw Errors.valueError("Cannot specify '" + s.grouping + "' with 's'.");
        }
        if (s.align == '=') {
            throw Errors.valueError("'=' alignment not allowed in string format specifier");
        }
        String v = value;
        if (s.precision >= 0 && v.codePointCount(0, v.length()) > s.precision) {
            v = v.substring(0, v.offsetByCodePoints(0, s.precision));
        }
        return pad(v, "", s, '<');
    }

    // ------------------------------------------------------------------ ints

    /** {@code format(i, spec)} for an int. */
    public static String formatInt(PyInt value, String spec) {
        if (spec.isEmpty()) {
            return value.repr();
        }
        Spec s = parse(spec, 'd');
        char type = s.type == 0 ? 'd' : s.type;
        switch (type) {
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case '%':
                return formatDouble(value.toDouble(), s, type);
            case 'b':
            case 'o':
            case 'x':
            case 'X':
            case 'd':
            case 'n':
            case 'c':
                break;
            default:
                throw Errors.valueError("Unknown format code '" + type + "' for object of type 'int'");
        }
        if (s.precision >= 0) {
            throw Errors.valueError("Precision not allowed in integer format specifier");
        }
        if (type == 'c') {
            if (s.sign != 0) {
                throw Errors.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (s.grouping != 0) {
                throw Errors.valueError("Cannot specify ',' with 'c'.");
            }
            if (s.alternate) {
                throw Errors.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            BigInteger v = value.bigValue();
            if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                throw Errors.overflowError("%c arg not in range(0x110000)");
            }
            return pad(new String(Character.toChars(v.intValue())), "", s, '>');
        }
        if (s.grouping == ',' && type != 'd' && type != 'n') {
            throw Errors.valueError("Cannot specify ',' with '" + type + "'.");
        }
        if (type == 'n' && s.grouping != 0) {
            throw Errors.valueError("Cannot specify '" + s.grouping + "' with 'n'.");
        }
        BigInteger v = value.bigValue();
        boolean negative = v.signum() < 0;
        BigInteger abs = v.abs();
        String digits;
        String prefix = "";
        switch (type) {
            case 'b':
                digits = abs.toString(2);
                prefix = "0b";
                break;
            case 'o':
                digits = abs.toString(8);
                prefix = "0o";
                break;
            case 'x':
                digits = abs.toString(16);
                prefix = "0x";
                break;
            case 'X':
                digits = abs.toString(16).toUpperCase(java.util.Locale.ROOT);
                prefix = "0X";
                break;
            default:
                digits = abs.toString();
                break;
        }
        if (!s.alternate) {
            prefix = "";
        }
        int groupSize = type == 'd' || type == 'n' ? 3 : 4;
        return formatNumber(negative, prefix, digits, "", s, groupSize);
    }

    // ------------------------------------------------------------------ floats

    /** {@code format(x, spec)} for a float. */
    public static String formatFloat(double value, String spec) {
        if (spec.isEmpty()) {
            return FloatFormatter.repr(value);
        }
        Spec s = parse(spec, 'g');
        char type = s.type;
        switch (type) {
            case 0:
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case 'n':
            case '%':
                break;
            default:
                throw Errors.valueError("Unknown format code '" + type + "' for object of type 'float'");
        }
        return formatDouble(value, s, type);
    }

    private static String formatDouble(double value, Spec s, char type) {
        if (s.grouping != 0 && type == 'n') {
            throw Errors.valueError("Cannot specify '" + s.grouping + "' with 'n'.");
        }
        boolean negative = value < 0 || (value == 0 && Double.doubleToRawLongBits(value) < 0);
        double abs = Math.abs(value);
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        String body;
        String suffix = "";
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            negative = !Double.isNaN(value) && value < 0;
            body = Double.isNaN(value) ? "nan" : "inf";
            if (upper) {
                body = body.toUpperCase(java.util.Locale.ROOT);
            }
            if (type == '%') {
                suffix = "%";
            }
            return formatNumber(negative, "", body, suffix, s, -1);
        }
        int precision = s.precision;
        switch (type) {
            case 'e':
            case 'E':
                body = FloatFormatter.exponent(abs, precision < 0 ? 6 : precision, upper, s.alternate);
                break;
            case 'f':
            case 'F':
                body = FloatFormatter.fixed(abs, precision < 0 ? 6 : precision);
                if (s.alternate && !body.contains(".")) {
                    body += ".";
                }
                break;
            case '%':
                body = FloatFormatter.fixed(abs * 100, precision < 0 ? 6 : precision);
                if (s.alternate && !body.contains(".")) {
                    body += ".";
                }
                suffix = "%";
                break;
            case 'g':
            case 'G':
            case 'n':
                body = FloatFormatter.general(abs, precision < 0 ? 6 : precision, upper, s.alternate);
                break;
            default: // no type: repr-like without a precision, 'g'-like with one
                if (precision < 0) {
                    body = FloatFormatter.repr(abs);
                } else {
                    body = FloatFormatter.generalNoType(abs, precision);
                }
                break;
        }
        if (s.zeroNegative && negative && isZeroText(body)) {
            negative = false;
        }
        // split off the exponent/fraction so grouping applies to the integer digits only
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return formatNumber(negative, "", body.substring(0, end), body.substring(end) + suffix, s, 3);
    }

    private static boolean isZeroText(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ shared

    /**
     * Lays out a number: sign, prefix, grouped integer digits, the rest, then padding. With
     * '=' alignment (or the 0 flag) the padding goes between the sign/prefix and the digits, and
     * zero padding takes part in grouping, as CPython does.
     */
    private static String formatNumber(boolean negative, String prefix, String intDigits, String rest, Spec s, int groupSize) {
        String signText = negative ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
        String lead = signText + prefix;
        char align = s.hasAlign() ? s.align : '>';
        if (align == '=' && s.fill == '0' && s.grouping != 0 && groupSize > 0 && s.width > 0) {
            // zero padding is grouped too: 0,001,234
            int target = s.width - lead.length() - rest.length();
            String grouped = group(intDigits, s.grouping, groupSize);
            String padded = intDigits;
            while (grouped.length() < target) {
                padded = "0" + padded;
                grouped = group(padded, s.grouping, groupSize);
            }
            return lead + grouped + rest;
        }
        String digits = s.grouping != 0 && groupSize > 0 ? group(intDigits, s.grouping, groupSize) : intDigits;
        String body = digits + rest;
        if (align == '=') {
            int padding = s.width - lead.length() - body.length();
            return lead + repeat(s.fill, padding) + body;
        }
        return pad(body, lead, s, '>');
    }

    private static String group(String digits, char sep, int size) {
        if (digits.length() <= size) {
            return digits;
        }
        StringBuilder b = new StringBuilder();
        int first = digits.length() % size;
        if (first == 0) {
            first = size;
        }
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += size) {
            b.append(sep).append(digits, i, i + size);
        }
        return b.toString();
    }

    private static String pad(String body, String lead, Spec s, char defaultAlign) {
        String text = lead + body;
        int length = text.codePointCount(0, text.length());
        int padding = s.width - length;
        if (padding <= 0) {
            return text;
        }
        char align = s.hasAlign() ? s.align : defaultAlign;
        switch (align) {
            case '<':
                return text + repeat(s.fill, padding);
            case '^':
                return repeat(s.fill, padding / 2) + text + repeat(s.fill, padding - padding / 2);
            case '=':
                return lead + repeat(s.fill, padding) + body;
            default:
                return repeat(s.fill, padding) + text;
        }
    }

    private static String repeat(int fill, int count) {
        if (count <= 0) {
            return "";
        }
        return new String(Character.toChars(fill)).repeat(count);
    }
}
