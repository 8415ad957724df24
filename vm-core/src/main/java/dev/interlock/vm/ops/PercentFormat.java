package dev.interlock.vm.ops;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.objects.PyDict;
import dev.interlock.vm.objects.PyFloat;
import dev.interlock.vm.objects.PyInt;
import dev.interlock.vm.objects.PyObject;
import dev.interlock.vm.objects.PyStr;
import dev.interlock.vm.objects.PyTuple;
import dev.interlock.vm.objects.Refs;
import java.math.BigInteger;

/**
 * printf-style string formatting, {@code "%5.2f" % x}: CPython's {@code PyUnicode_Format} with its
 * conversions ({@code d i o u x X e E f F g G c r s a %}), flags ({@code - + space # 0}), widths
 * and precisions ({@code *} included) and mapping keys ({@code %(name)s}).
 */
public final class PercentFormat {

    private PercentFormat() {
    }

    /** {@code format % args}: a new reference to the resulting str. */
    public static PyObject format(PyStr format, PyObject args) {
        return PyStr.of(new PercentFormat.Run(format.value(), args).run());
    }

    private static final class Run {
        private final String fmt;
        private final PyObject args;
        private final PyObject[] items;
        private final boolean isMapping;
        private int argIndex;
        private int pos;

        Run(String fmt, PyObject args) {
            this.fmt = fmt;
            this.args = args;
            if (args instanceof PyTuple t) {
                this.items = t.array();
            } else {
                this.items = new PyObject[] {args};
            }
            this.isMapping = !(args instanceof PyTuple) && !(args instanceof PyStr) && args instanceof PyDict;
        }

        String run() {
            StringBuilder out = new StringBuilder(fmt.length() + 16);
            int n = fmt.length();
            boolean usedMapping = false;
            while (pos < n) {
                char c = fmt.charAt(pos);
                if (c != '%') {
                    out.append(c);
                    pos++;
                    continue;
                }
                pos++;
                if (pos >= n) {
                    throw Errors.valueError("incomplete format");
                }
                PyObject mapped = null;
                if (fmt.charAt(pos) == '(') {
                    if (!isMapping) {
                        throw Errors.typeError("format requires a mapping");
                    }
                    int depth = 1;
                    int keyStart = ++pos;
                    while (pos < n && depth > 0) {
                        if (fmt.charAt(pos) == '(') {
                            depth++;
                        } else if (fmt.charAt(pos) == ')') {
                            depth--;
                        }
                        pos++;
                    }
                    if (depth > 0) {
                        throw Errors.valueError("incomplete format key");
                    }
                    PyStr key = PyStr.of(fmt.substring(keyStart, pos - 1));
                    try {
                        mapped = args.getItem(key);
                    } finally {
                        Refs.decref(key);
                    }
                    usedMapping = true;
                }
                try {
                    appendOne(out, mapped);
                } finally {
                    Refs.xdecref(mapped);
                }
            }
            if (!usedMapping && !isMapping && argIndex < items.length) {
                throw Errors.typeError("not all arguments converted during string formatting");
            }
            return out.toString();
        }

        private PyObject nextArg() {
            if (argIndex >= items.length) {
                throw Errors.typeError("not enough arguments for format string");
            }
            return items[argIndex++];
        }

        private void appendOne(StringBuilder out, PyObject mapped) {
            int n = fmt.length();
            boolean left = false;
            boolean plus = false;
            boolean space = false;
            boolean alt = false;
            boolean zero = false;
            for (; pos < n; pos++) {
                char f = fmt.charAt(pos);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == ' ') {
                    space = true;
                } else if (f == '#') {
                    alt = true;
                } else if (f == '0') {
                    zero = true;
                } else {
                    break;
                }
            }
            int width = -1;
            if (pos < n && fmt.charAt(pos) == '*') {
                pos++;
                width = starValue(nextArg());
                if (width < 0) {
                    left = true;
                    width = -width;
                }
            } else {
                int start = pos;
                while (pos < n && Character.isDigit(fmt.charAt(pos))) {
                    pos++;
                }
                if (pos > start) {
                    width = Integer.parseInt(fmt.substring(start, pos));
                }
            }
            int precision = -1;
            if (pos < n && fmt.charAt(pos) == '.') {
                pos++;
                if (pos < n && fmt.charAt(pos) == '*') {
                    pos++;
                    precision = Math.max(0, starValue(nextArg()));
                } else {
                    int start = pos;
                    while (pos < n && Character.isDigit(fmt.charAt(pos))) {
                        pos++;
                    }
                    precision = pos > start ? Integer.parseInt(fmt.substring(start, pos)) : 0;
                }
            }
            while (pos < n && (fmt.charAt(pos) == 'h' || fmt.charAt(pos) == 'l' || fmt.charAt(pos) == 'L')) {
                pos++;
            }
            if (pos >= n) {
                throw Errors.valueError("incomplete format");
            }
            char type = fmt.charAt(pos++);
            if (type == '%') {
                out.append('%');
                return;
            }
            PyObject arg = mapped != null ? mapped : nextArg();
            String sign = "";
            String body;
            String prefix = "";
            boolean numeric = true;
            switch (type) {
                case 's':
                    body = arg.str();
                    numeric = false;
                    break;
                case 'r':
                case 'a':
                    body = type == 'a' ? Ascii.ascii(arg.repr()) : arg.repr();
                    numeric = false;
                    break;
                case 'c':
                    body = charOf(arg);
                    numeric = false;
                    break;
                case 'd':
                case 'i':
                case 'u': {
                    BigInteger v = integerOf(arg, type, true);
                    sign = v.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                    body = v.abs().toString();
                    break;
                }
                case 'o':
                case 'x':
                case 'X': {
                    BigInteger v = integerOf(arg, type, false);
                    sign = v.signum() < 0 ? "-" : plus ? "+" : space ? " " : "";
                    int radix = type == 'o' ? 8 : 16;
                    body = v.abs().toString(radix);
                    if (type == 'X') {
                        body = body.toUpperCase(java.util.Locale.ROOT);
                    }
                    if (alt) {
                        prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
                    }
                    break;
                }
                case 'e':
                case 'E':
                case 'f':
                case 'F':
                case 'g':
                case 'G': {
                    double v = floatOf(arg, type);
                    boolean negative = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) < 0);
                    sign = negative ? "-" : plus ? "+" : space ? " " : "";
                    double a = Math.abs(v);
                    int p = precision < 0 ? 6 : precision;
                    boolean upper = Character.isUpperCase(type);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        body = Double.isNaN(v) ? "nan" : "inf";
                        if (upper) {
                            body = body.toUpperCase(java.util.Locale.ROOT);
                        }
                        zero = false;
                    } else if (type == 'e' || type == 'E') {
                        body = FloatFormatter.exponent(a, p, upper, alt);
                    } else if (type == 'f' || type == 'F') {
                        body = FloatFormatter.fixed(a, p);
                        if (alt && !body.contains(".")) {
                            body += ".";
                        }
                    } else {
                        body = FloatFormatter.general(a, p, upper, alt);
                    }
                    break;
                }
                default:
                    throw Errors.valueError("unsupported format character '" + type + "' (0x"
                            + Integer.toHexString(type) + ") at index " + (pos - 1));
            }
            if (!numeric && precision >= 0 && type != 'c' && body.length() > precision) {
                body = body.substring(0, body.offsetByCodePoints(0, Math.min(precision, body.codePointCount(0, body.length()))));
            }
            if (numeric && precision >= 0 && (type == 'd' || type == 'i' || type == 'u' || type == 'o' || type == 'x' || type == 'X')) {
                StringBuilder padded = new StringBuilder();
                for (int i = body.length(); i < precision; i++) {
                    padded.append('0');
                }
                body = padded.append(body).toString();
            }
            String text = sign + prefix + body;
            int len = text.codePointCount(0, text.length());
            if (width > len) {
                int padding = width - len;
                if (left) {
                    text = text + " ".repeat(padding);
                } else if (zero && numeric) {
                    text = sign + prefix + "0".repeat(padding) + body;
                } else {
                    text = " ".repeat(padding) + text;
                }
            }
            out.append(text);
        }

        private static int starValue(PyObject o) {
            if (!(o instanceof PyInt i)) {
                throw Errors.typeError("* wants int");
            }
            return i.intValue();
        }

        private static String charOf(PyObject arg) {
            if (arg instanceof PyStr s) {
                if (s.codePointLength() != 1) {
                    throw Errors.typeError("%c requires int or char");
                }
                return s.value();
            }
            if (arg instanceof PyInt i) {
                BigInteger v = i.bigValue();
                if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
                    throw Errors.overflowError("%c arg not in range(0x110000)");
                }
                return new String(Character.toChars(v.intValue()));
            }
            throw Errors.typeError("%c requires int or char");
        }

        private static BigInteger integerOf(PyObject arg, char type, boolean allowFloat) {
            if (arg instanceof PyInt i) {
                return i.bigValue();
            }
            if (allowFloat && arg instanceof PyFloat f) {
                PyInt t = PyFloat.truncate(f.value());
                try {
                    return t.bigValue();
                } finally {
                    Refs.decref(t);
                }
            }
            if (allowFloat) {
                throw Errors.typeError("%" + type + " format: a real number is required, not " + arg.typeName());
            }
            throw Errors.typeError("%" + type + " format: an integer is required, not " + arg.typeName());
        }

        private static double floatOf(PyObject arg, char type) {
            if (arg instanceof PyFloat f) {
                return f.value();
            }
            if (arg instanceof PyInt i) {
                return i.toDouble();
            }
            throw Errors.typeError("must be real number, not " + arg.typeName());
        }
    }
}
