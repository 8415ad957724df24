package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.errors.NotSupportedError;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.FloatFormatter;
import dev.interlock.vm.ops.NumericHash;
import dev.interlock.vm.ops.UnaryOp;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code float}: an IEEE 754 double, with CPython's arithmetic corner cases. */
public final class PyFloat extends PyObject {

    public static final PyType TYPE = FloatType.define();

    private final double value;

    private PyFloat(double value) {
        this.value = value;
    }

    /** A new float. */
    public static PyFloat of(double value) {
        return new PyFloat(value);
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return true;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** The value. */
    public double value() {
        return value;
    }

    /**
     * The value of a float or int operand as a double, or null-equivalent NaN sentinel handled by
     * callers: returns false through {@link #isNumber} first.
     */
    static boolean isNumber(PyObject o) {
        return o instanceof PyFloat || o instanceof PyInt;
    }

    /** The double value of a float or an int operand (OverflowError for huge ints). */
    public static double toDouble(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value;
        }
        return ((PyInt) o).toDouble();
    }

    // ------------------------------------------------------------------ representation

    @Override
    public String repr() {
        return FloatFormatter.repr(value);
    }

    @Override
    public String format(String spec) {
        return dev.interlock.vm.ops.Formatter.formatFloat(value, spec);
    }

    @Override
    public long hash() {
        if (Double.isNaN(value)) {
            return Identity.hash(this);
        }
        return NumericHash.ofDouble(value);
    }

    @Override
    public boolean isTrue() {
        return value != 0.0;
    }

    // ------------------------------------------------------------------ comparison

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (other instanceof PyFloat o) {
            return PyBool.of(compareDoubles(value, o.value, op));
        }
        if (other instanceof PyInt i) {
            return PyBool.of(compareWithInt(value, i, op));
        }
        return PyNotImplemented.INSTANCE;
    }

    private static boolean compareDoubles(double a, double b, int op) {
        switch (op) {
            case Compare.LT:
                return a < b;
            case Compare.LE:
                return a <= b;
            case Compare.EQ:
                return a == b;
            case Compare.NE:
                return a != b;
            case Compare.GT:
                return a > b;
            default:
                return a >= b;
        }
    }

    /** Exact comparison of a float with an int, as CPython's {@code float_richcompare}. */
    static boolean compareWithInt(double a, PyInt i, int op) {
        if (Double.isNaN(a)) {
            return op == Compare.NE;
        }
        if (Double.isInfinite(a)) {
            return Compare.test(a > 0 ? 1 : -1, op);
        }
        if (i.isSmall() && Math.abs(i.longValue()) <= (1L << 53)) {
            return compareDoubles(a, (double) i.longValue(), op);
        }
        int cmp = new BigDecimal(a).compareTo(new BigDecimal(i.bigValue()));
        return Compare.test(cmp, op);
    }

    // ------------------------------------------------------------------ arithmetic

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (!isNumber(other)) {
            return PyNotImplemented.INSTANCE;
        }
        return arith(op, value, toDouble(other));
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (!isNumber(other)) {
            return PyNotImplemented.INSTANCE;
        }
        return arith(op, toDouble(other), value);
    }

    /** {@code a <op> b} for two floats: a new reference, or NotImplemented for bit operators. */
    public static PyObject arith(BinaryOp op, double a, double b) {
        switch (op) {
            case ADD:
                return of(a + b);
            case SUB:
                return of(a - b);
            case MUL:
                return of(a * b);
            case TRUEDIV:
                if (b == 0.0) {
                    throw Errors.zeroDivision("float division by zero");
                }
                return of(a / b);
            case FLOORDIV:
                if (b == 0.0) {
                    throw Errors.zeroDivision("float floor division by zero");
                }
                return of(floorDiv(a, b));
            case MOD:
                if (b == 0.0) {
                    throw Errors.zeroDivision("float modulo");
                }
                return of(mod(a, b));
            case POW:
                return pow(a, b);
            default:
                return PyNotImplemented.INSTANCE;
        }
    }

    /** Python's float {@code %}: the result has the sign of the divisor. */
    public static double mod(double a, double b) {
        double m = a % b; // C fmod
        if (m != 0.0) {
            if ((b < 0) != (m < 0)) {
                m += b;
            }
        } else {
            m = Math.copySign(0.0, b);
        }
        return m;
    }

    /** Python's float {@code //}, consistent with {@link #mod}. Compare CPython's {@code float_divmod}. */
    public static double floorDiv(double a, double b) {
        double m = a % b;
        double div = (a - m) / b;
        if (m != 0.0) {
            if ((b < 0) != (m < 0)) {
                div -= 1.0;
            }
        }
        if (div != 0.0) {
            double f = Math.floor(div);
            if (div - f > 0.5) {
                f += 1.0;
            }
            return f;
        }
        return Math.copySign(0.0, a / b);
    }

    /** {@code divmod(a, b)} for floats. */
    public static PyTuple divmod(double a, double b) {
        if (b == 0.0) {
            throw Errors.zeroDivision("float divmod()");
        }
        return PyTuple.steal(new PyObject[] {of(floorDiv(a, b)), of(mod(a, b))});
    }

    /** {@code a ** b} for floats, with CPython's errors. Compare {@code float_pow}. */
    public static PyFloat pow(double a, double b) {
        if (b == 0.0) {
            return of(1.0);
        }
        if (Double.isNaN(a)) {
            return of(a == 1.0 ? 1.0 : a);
        }
        if (a == 0.0 && b < 0.0 && !Double.isInfinite(b)) {
            throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
        }
        if (a < 0.0 && !Double.isInfinite(a) && !Double.isInfinite(b) && b != Math.floor(b)) {
            throw new NotSupportedError("complex numbers (a negative number raised to a fractional power)");
        }
        double r = Math.pow(a, b);
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            PyTuple args = PyTuple.steal(new PyObject[] {PyInt.of(34), PyStr.of("Numerical result out of range")});
            throw new dev.interlock.vm.errors.PyException(new PyBaseException(ExceptionTypes.OVERFLOW_ERROR, args));
        }
        return of(r);
    }

    @Override
    public PyObject unaryOp(UnaryOp op) {
        switch (op) {
            case NEGATIVE:
                return of(-value);
            case POSITIVE:
                return of(value);
            default:
                return super.unaryOp(op);
        }
    }

    // ------------------------------------------------------------------ conversions

    /** {@code int(x)}: truncation towards zero, with CPython's errors for inf and nan. */
    public static PyInt truncate(double x) {
        if (Double.isNaN(x)) {
            throw Errors.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw Errors.overflowError("cannot convert float infinity to integer");
        }
        if (Math.abs(x) < 0x1p62) {
            return PyInt.of((long) x);
        }
        return PyInt.of(FloatFormatter.exactInteger(x));
    }

    /** {@code round(x)}: the nearest int, ties to even. */
    public static PyInt roundToInt(double x) {
        return truncate(Math.rint(x));
    }

    /** {@code round(x, ndigits)}: rounded half-to-even on the exact binary value. */
    public static double round(double x, long ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) {
            return x;
        }
        if (ndigits > 330) {
            return x;
        }
        if (ndigits < -330) {
            return Math.copySign(0.0, x);
        }
        double r = new BigDecimal(x).setScale((int) ndigits, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(r)) {
            throw Errors.overflowError("rounded value too large to represent");
        }
        return r == 0.0 ? Math.copySign(0.0, x) : r;
    }

    /**
     * Parses a float as {@code float(str)} does: surrounding whitespace, underscores between
     * digits, {@code inf}, {@code infinity} and {@code nan} in any case.
     */
    public static double parse(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!isDecimalFloat(s)) {
            throw Errors.valueError("could not convert string to float: " + PyStr.reprOf(text));
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    private static boolean isDecimalFloat(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean lastUnderscore = false;
        boolean prevDigit = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                prevDigit = true;
                lastUnderscore = false;
            } else if (c == '_' && prevDigit) {
                prevDigit = false;
                lastUnderscore = true;
            } else {
                break;
            }
        }
        if (lastUnderscore) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            prevDigit = false;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                    prevDigit = true;
                    lastUnderscore = false;
                } else if (c == '_' && prevDigit) {
                    prevDigit = false;
                    lastUnderscore = true;
                } else {
                    break;
                }
            }
            if (lastUnderscore) {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            prevDigit = false;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    expDigits++;
                    prevDigit = true;
                } else if (c == '_' && prevDigit) {
                    prevDigit = false;
                } else {
                    break;
                }
            }
            if (expDigits == 0 || !prevDigit) {
                return false;
            }
        }
        return i == n;
    }
}
