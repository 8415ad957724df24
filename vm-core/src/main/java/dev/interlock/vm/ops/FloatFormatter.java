package dev.interlock.vm.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float to text as CPython does it: the shortest repr that reads back to the same float, and
 * the {@code e}, {@code f} and {@code g} conversions rounded half-to-even from the exact binary
 * value (not from an already rounded decimal, as {@link java.util.Formatter} does).
 *
 * <p>Compare CPython's {@code PyOS_double_to_string} and {@code format_float_short} in
 * {@code Python/pystrtod.c}.
 */
public final class FloatFormatter {

    private FloatFormatter() {
    }

    /** Decimal digits and the position of the decimal point: value = 0.DIGITS × 10**decpt. */
    record Digits(String digits, int decpt) {
    }

    /** {@code repr(x)} for a float. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (Double.doubleToRawLongBits(x) < 0) ? "-0.0" : "0.0";
        }
        Digits d = shortest(Math.abs(x));
        String sign = x < 0 ? "-" : "";
        if (d.decpt <= -4 || d.decpt > 16) {
            return sign + exponential(d.digits, d.decpt, false, false);
        }
        return sign + positional(d.digits, d.decpt, true);
    }

    /** The shortest digits that read back to {@code x} (positive, finite, non-zero). */
    static Digits shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal rounded = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            BigDecimal best = null;
            if (rounded.doubleValue() == x) {
                best = rounded;
            } else {
                // At a power of two the interval that reads back to x is lopsided: a neighbour one
                // unit away may read back although the nearest candidate does not.
                BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
                for (BigDecimal c : new BigDecimal[] {rounded.add(unit), rounded.subtract(unit)}) {
                    if (c.signum() > 0 && c.precision() <= p && c.doubleValue() == x) {
                        if (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                            best = c;
                        }
                    }
                }
            }
            if (best != null) {
                return digitsOf(best);
            }
        }
        return digitsOf(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    private static Digits digitsOf(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        String unscaled = stripped.unscaledValue().abs().toString();
        int decpt = unscaled.length() - stripped.scale();
        return new Digits(unscaled, decpt);
    }

    /** Digits with the point placed: {@code 123.45}; {@code addDotZero} gives integral values a {@code .0}. */
    private static String positional(String digits, int decpt, boolean addDotZero) {
        StringBuilder b = new StringBuilder();
        if (decpt <= 0) {
            b.append("0.");
            for (int i = 0; i < -decpt; i++) {
                b.append('0');
            }
            b.append(digits);
        } else if (decpt >= digits.length()) {
            b.append(digits);
            for (int i = digits.length(); i < decpt; i++) {
                b.append('0');
            }
            if (addDotZero) {
                b.append(".0");
            }
        } else {
            b.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return b.toString();
    }

    /** {@code d.ddde+XX}, the exponent with at least two digits. */
    private static String exponential(String digits, int decpt, boolean upper, boolean forceDot) {
        StringBuilder b = new StringBuilder();
        b.append(digits.charAt(0));
        if (digits.length() > 1 || forceDot) {
            b.append('.').append(digits, 1, digits.length());
        }
        int exp = decpt - 1;
        b.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            b.append('0');
        }
        b.append(a);
        return b.toString();
    }

    /** {@code '%.{precision}f' % x} for a finite non-negative x. */
    public static String fixed(double x, int precision) {
        BigDecimal v = new BigDecimal(x).setScale(precision, RoundingMode.HALF_EVEN);
        return v.toPlainString();
    }

    /** {@code '%.{precision}e' % x} for a finite non-negative x. */
    public static String exponent(double x, int precision, boolean upper, boolean alternate) {
        if (x == 0) {
            StringBuilder zeros = new StringBuilder("0");
            for (int i = 0; i < precision; i++) {
                zeros.append('0');
            }
            return exponential(zeros.toString(), 1, upper, alternate);
        }
        BigDecimal v = new BigDecimal(x).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String unscaled = v.unscaledValue().toString();
        int decpt = unscaled.length() - v.scale();
        // pad to exactly precision+1 digits (rounding may have produced fewer significant digits)
        StringBuilder digits = new StringBuilder(unscaled);
        while (digits.length() < precision + 1) {
            digits.append('0');
        }
        if (digits.length() > precision + 1) {
            digits.setLength(precision + 1);
        }
        return exponential(digits.toString(), decpt, upper, alternate);
    }

    /**
     * {@code '%.{precision}g' % x} for a finite non-negative x: scientific when the exponent is
     * below -4 or at least the precision, trailing zeros removed unless {@code alternate}.
     */
    public static String general(double x, int precision, boolean upper, boolean alternate) {
        int p = precision == 0 ? 1 : precision;
        if (x == 0) {
            return alternate ? "0." + "0".repeat(p - 1) : "0";
        }
        BigDecimal v = new BigDecimal(x).round(new MathContext(p, RoundingMode.HALF_EVEN));
        String unscaled = v.unscaledValue().toString();
        int decpt = unscaled.length() - v.scale();
        StringBuilder digits = new StringBuilder(unscaled);
        while (digits.length() < p) {
            digits.append('0');
        }
        if (digits.length() > p) {
            digits.setLength(p);
        }
        int exp = decpt - 1;
        String ds = digits.toString();
        if (!alternate) {
            ds = stripZeros(ds);
        }
        if (exp < -4 || exp >= p) {
            return exponential(ds, decpt, upper, alternate);
        }
        String s = positional(ds, decpt, false);
        if (alternate && !s.contains(".")) {
            s = s + ".";
        }
        return s;
    }

    /**
     * The {@code g}-like formatting of the empty presentation type with a precision:
     * {@code format(x, '.3')} (at least one digit after the point when positional).
     */
    public static String generalNoType(double x, int precision) {
        String s = general(x, precision, false, false);
        if (!s.contains(".") && !s.contains("e") && !s.contains("inf") && !s.contains("nan")) {
            s = s + ".0";
        }
        return s;
    }

    private static String stripZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    /** The exact integer value of a float with no fractional part (for {@code int(x)} of large floats). */
    public static BigInteger exactInteger(double x) {
        return new BigDecimal(x).toBigInteger();
    }
}
