package dev.interlock.vm.stdlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The floating-point kernels of the {@code math} module: pure functions of doubles, with the
 * special values of C99 Annex F. The module decides which results are Python errors.
 *
 * <p>CPython calls the platform's libm (glibc on Linux) for most functions, so the aim is to
 * return what glibc returns, bit for bit where that is practical:
 *
 * <ul>
 *   <li>glibc's {@code exp}, {@code exp2}, {@code log}, {@code log2}, {@code atan}, {@code asin},
 *       {@code acos} and {@code atan2} are correctly rounded in nearly all cases, so these are
 *       evaluated in double-double precision ({@link DoubleDouble}) and rounded once.</li>
 *   <li>glibc's {@code log10}, {@code sinh}, {@code cosh}, {@code asinh}, {@code acosh} and
 *       {@code atanh} are the classical Sun fdlibm methods (a reduction to {@code exp},
 *       {@code expm1}, {@code log} and {@code log1p}); the same reductions are used here, on top
 *       of the functions above and of {@link StrictMath}'s {@code expm1}, {@code log1p} and
 *       {@code tanh}, which are fdlibm's.</li>
 *   <li>{@code sin}, {@code cos}, {@code tan} and {@code pow} use {@link Math}, whose results
 *       differ from glibc's by one ulp in a few cases in a thousand; {@code cbrt} uses
 *       {@link Math#cbrt}, correctly rounded more often than glibc's, which is not.</li>
 *   <li>{@code erf} and {@code erfc} are evaluated in double-double precision (glibc's are
 *       within an ulp or two of that); {@code gamma} and {@code lgamma} follow CPython's own
 *       Lanczos method step for step.</li>
 * </ul>
 */
final class MathFunctions {

    private MathFunctions() {
    }

    // ------------------------------------------------------------------ constants

    /** ln 2 in three parts (each the nearest double to what remains). */
    private static final double LN2_1 = 0x1.62e42fefa39efp-1;
    private static final double LN2_2 = 0x1.abc9e3b39803fp-56;
    private static final double LN2_3 = 0x1.7b57a079a1934p-111;
    private static final DoubleDouble LN2 = new DoubleDouble(LN2_1, LN2_2);
    private static final DoubleDouble INV_LN2 = new DoubleDouble(0x1.71547652b82fep+0, 0x1.777d0ffda0d24p-56);
    private static final DoubleDouble PI = new DoubleDouble(0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53);
    private static final DoubleDouble PI_2 = new DoubleDouble(0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54);
    private static final DoubleDouble TWO_OVER_SQRT_PI = new DoubleDouble(0x1.20dd750429b6dp+0, 0x1.1ae3a914fed80p-56);
    private static final DoubleDouble INV_SQRT_PI = new DoubleDouble(0x1.20dd750429b6dp-1, 0x1.1ae3a914fed80p-57);

    /** The double nearest pi/2, and pi. */
    private static final double PI_2_HI = 0x1.921fb54442d18p+0;
    private static final double PI_HI = 0x1.921fb54442d18p+1;

    private static final double SQRT2 = 1.4142135623730951;

    /** fdlibm's split of log10(2): the high part has 13 trailing zero bits, so k * hi is exact. */
    private static final double LOG10_2_HI = 0x1.34413509f6000p-2;
    private static final double LOG10_2_LO = 0x1.9fef311f12b36p-42;
    private static final double INV_LN10 = 0x1.bcb7b1526e50ep-2;

    /** The largest x whose exp(x) is finite, and the threshold below which exp(x) rounds to 0. */
    private static final double EXP_MAX = 0x1.62e42fefa39efp+9;
    private static final double EXP_MIN = -745.2;

    /** Thresholds of fdlibm's sinh and cosh (given there as high words of the bit pattern). */
    private static final double LOG_MAX_HW = Double.longBitsToDouble(0x40862E4200000000L);
    private static final double SINH_OVERFLOW = Double.longBitsToDouble(0x408633CE8FB9F87DL);
    private static final double HALF_LN2_HW = Double.longBitsToDouble(0x3fd62e4300000000L);

    /** 1/n! for the exp series. */
    private static final int EXP_TERMS = 11;
    private static final int EXP_SQUARINGS = 8;
    private static final DoubleDouble[] INV_FACTORIAL = new DoubleDouble[EXP_TERMS + 1];

    /** 1/(2n+1) for the log series (of atanh), and (-1)^n/(2n+1) for the atan series. */
    private static final int LOG_TERMS = 21;
    private static final DoubleDouble[] LOG_COEFFS = new DoubleDouble[LOG_TERMS + 1];
    private static final int ATAN_TERMS = 13;
    private static final DoubleDouble[] ATAN_COEFFS = new DoubleDouble[ATAN_TERMS + 1];

    static {
        double f = 1.0;
        for (int n = 0; n <= EXP_TERMS; n++) {
            if (n > 0) {
                f *= n; // exact: 11! < 2**53
            }
            INV_FACTORIAL[n] = DoubleDouble.ONE.div(f);
        }
        for (int n = 0; n <= LOG_TERMS; n++) {
            LOG_COEFFS[n] = DoubleDouble.ONE.div(2 * n + 1);
        }
        for (int n = 0; n <= ATAN_TERMS; n++) {
            DoubleDouble c = DoubleDouble.ONE.div(2 * n + 1);
            ATAN_COEFFS[n] = n % 2 == 0 ? c : c.negate();
        }
    }

    /*
     * The fast paths of exp and log: table-driven evaluations with a relative error below 2**-68,
     * accepted when that error cannot change the rounding (Ziv's test), which fails about once in
     * ten thousand calls; the series above then decide.
     */

    /** ln(2)/256 in three parts; the first has 34 significant bits, so n * EXP_C1 is exact. */
    private static final double EXP_C1 = 0x1.62e42fef80000p-9;
    private static final double EXP_C2 = 0x1.1cf79abc9e3b4p-44;
    private static final double EXP_C3 = -0x1.9ff0342542fc3p-98;
    private static final double INV_LN2_256 = 0x1.71547652b82fep+8;

    /** 2**(j/256) for j = 0 .. 255. */
    private static final DoubleDouble[] EXP_TABLE = new DoubleDouble[256];

    /** For m near j/128 (j = 96 .. 192): the double nearest 128/j, and -log of it. */
    private static final double[] LOG_INV = new double[97];
    private static final DoubleDouble[] LOG_TABLE = new DoubleDouble[97];

    /** atan(j/64) for j = 0 .. 64. */
    private static final DoubleDouble[] ATAN_TABLE = new DoubleDouble[65];

    /** The relative error allowed for in Ziv's rounding test (the fast paths are 16 times better). */
    private static final double ZIV_EPS = 0x1p-64;

    static {
        for (int j = 0; j < EXP_TABLE.length; j++) {
            EXP_TABLE[j] = expReduced(LN2.mul(j / 256.0), 0);
        }
        for (int j = 0; j < ATAN_TABLE.length; j++) {
            ATAN_TABLE[j] = atanSmall(DoubleDouble.of(j / 64.0));
        }
        for (int j = 96; j <= 192; j++) {
            double inv = 128.0 / j;
            LOG_INV[j - 96] = inv;
            LOG_TABLE[j - 96] = logDD(inv).negate();
        }
    }

    /** The double that {@code y} rounds to whatever its error (below ZIV_EPS relative), or NaN if that is undecided. */
    private static double ziv(DoubleDouble y) {
        double err = Math.abs(y.hi) * ZIV_EPS;
        double a = y.hi + (y.lo + err);
        double b = y.hi + (y.lo - err);
        return a == b ? a : Double.NaN;
    }

    /** exp(x) / 2**(n >> 8) for the n returned in {@code scale[0]}, to about 2**-70. */
    private static DoubleDouble expApprox(double x, int[] scale) {
        double nd = Math.rint(x * INV_LN2_256);
        int n = (int) nd;
        double rhi = x - nd * EXP_C1; // exact
        DoubleDouble rr = DoubleDouble.twoSum(rhi, -(nd * EXP_C2) - nd * EXP_C3);
        double r = rr.hi; // |r| <= ln(2)/512
        double tail = r * r * (0.5 + r * (1 / 6.0 + r * (1 / 24.0 + r * (1 / 120.0 + r * (1 / 720.0 + r / 5040.0)))));
        DoubleDouble e = DoubleDouble.twoSum(1.0, r);
        e = DoubleDouble.fastTwoSum(e.hi, e.lo + (rr.lo + tail));
        scale[0] = n;
        return EXP_TABLE[n & 255].mul(e);
    }

    /** log(x) for a positive normal finite x, to about 2**-68 relative. */
    private static DoubleDouble logApprox(double x) {
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e); // [1, 2)
        if (m >= 1.5) {
            m *= 0.5;
            e += 1;
        }
        int j = (int) Math.rint(m * 128.0); // m in [0.75, 1.5): j in 96 .. 192
        DoubleDouble p = DoubleDouble.twoProd(m, LOG_INV[j - 96]);
        DoubleDouble rr = DoubleDouble.twoSum(p.hi - 1.0, p.lo); // m/c - 1 exactly, |r| < 2**-7.5
        double r = rr.hi;
        double rl = rr.lo;
        DoubleDouble sq = DoubleDouble.twoProd(r, r);
        double tail = r * r * r * (1 / 3.0 - r * (0.25 - r * (0.2 - r * (1 / 6.0 - r * (1 / 7.0 - r * (0.125
                - r * (1 / 9.0 - r * 0.1)))))));
        // log1p(r) = r - r**2/2 + r**3/3 - ...
        DoubleDouble s = DoubleDouble.twoSum(r, -0.5 * sq.hi);
        s = DoubleDouble.fastTwoSum(s.hi, s.lo + (rl - 0.5 * sq.lo - r * rl + tail));
        DoubleDouble y = LOG_TABLE[j - 96].add(s);
        if (e != 0) {
            y = DoubleDouble.twoProd(e, LN2_1).add(DoubleDouble.twoProd(e, LN2_2)).add(e * LN2_3).add(y);
        }
        return y;
    }

    // ------------------------------------------------------------------ helpers

    /** The exponent of the leading bit, subnormals included ({@code ilogb}); x finite, non-zero. */
    static int ilogb(double x) {
        x = Math.abs(x);
        if (x < Double.MIN_NORMAL) {
            return Math.getExponent(x * 0x1p54) - 54;
        }
        return Math.getExponent(x);
    }

    /** {@code (m.hi + m.lo) * 2**k} rounded once to the nearest double, ties to even. */
    private static double scale(DoubleDouble m, int k) {
        if (m.hi == 0.0) {
            return m.hi;
        }
        if (ilogb(m.hi) + k >= -1022) {
            return Math.scalb(m.hi, k); // exact, or an overflow to infinity
        }
        // A subnormal result: round the exact sum once onto the grid of 2**-1074.
        BigDecimal exact = new BigDecimal(m.hi).add(new BigDecimal(m.lo));
        int shift = k + 1074;
        BigDecimal scaled = shift >= 0
                ? exact.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(shift)))
                : exact.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-shift)));
        BigInteger n = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        double r = Math.scalb(n.doubleValue(), -1074);
        return r == 0.0 ? Math.copySign(0.0, m.hi) : r;
    }

    /** C's {@code round}: halfway cases away from zero (for the non-negative values used here). */
    private static double roundHalfAway(double v) {
        double f = Math.floor(v);
        return v - f >= 0.5 ? f + 1.0 : f;
    }

    // ------------------------------------------------------------------ exp and log kernels

    /** {@code exp(x) / 2**k} for a double-double x with {@code |x - k ln 2| <= ln 2 / 2} or so. */
    private static DoubleDouble expReduced(DoubleDouble x, int k) {
        DoubleDouble kln2 = DoubleDouble.twoProd(k, LN2_1).add(DoubleDouble.twoProd(k, LN2_2)).add(k * LN2_3);
        DoubleDouble r = x.sub(kln2).scalb(-EXP_SQUARINGS);
        // expm1(r) = r * (1 + r/2! + r**2/3! + ...), then (1 + e)**2 - 1 = e * (e + 2), squared back up.
        DoubleDouble p = INV_FACTORIAL[EXP_TERMS];
        for (int n = EXP_TERMS - 1; n >= 1; n--) {
            p = p.mul(r).add(INV_FACTORIAL[n]);
        }
        DoubleDouble e = p.mul(r);
        for (int i = 0; i < EXP_SQUARINGS; i++) {
            e = e.mul(e.add(2.0));
        }
        return e.add(1.0);
    }

    /** The natural logarithm of a positive finite double, in double-double precision. */
    private static DoubleDouble logDD(double x) {
        int bias = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            bias = -54;
        }
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e); // [1, 2)
        if (m > SQRT2) {
            m *= 0.5;
            e += 1;
        }
        double f = m - 1.0; // exact (Sterbenz)
        // log(m) = 2 atanh(s) with s = f / (2 + f), |s| < 0.172.
        DoubleDouble s = DoubleDouble.of(f).div(DoubleDouble.twoSum(2.0, f));
        DoubleDouble s2 = s.mul(s);
        DoubleDouble p = LOG_COEFFS[LOG_TERMS];
        for (int n = LOG_TERMS - 1; n >= 0; n--) {
            p = p.mul(s2).add(LOG_COEFFS[n]);
        }
        DoubleDouble logm = s.mul(p).scalb(1);
        int k = e + bias;
        if (k == 0) {
            return logm;
        }
        DoubleDouble kln2 = DoubleDouble.twoProd(k, LN2_1).add(DoubleDouble.twoProd(k, LN2_2)).add(k * LN2_3);
        return kln2.add(logm);
    }

    // ------------------------------------------------------------------ exponentials and logarithms

    /** e**x, correctly rounded: infinity on overflow. */
    static double exp(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x > EXP_MAX) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < EXP_MIN) {
            return 0.0;
        }
        if (Math.abs(x) < 0x1p-54) {
            return 1.0 + x;
        }
        int[] n = new int[1];
        DoubleDouble y = expApprox(x, n);
        int k = n[0] >> 8;
        if (k >= -1021 && k <= 1023) {
            double r = ziv(y);
            if (!Double.isNaN(r)) {
                return Math.scalb(r, k);
            }
        }
        k = (int) Math.rint(x * INV_LN2.hi);
        return scale(expReduced(DoubleDouble.of(x), k), k);
    }

    /** 2**x, correctly rounded (exact for integers). */
    static double exp2(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 1024.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < -1080.0) {
            return 0.0;
        }
        double n = Math.rint(x);
        if (n == x) {
            return Math.scalb(1.0, (int) n);
        }
        double f = x - n; // exact, |f| <= 1/2
        return scale(expReduced(LN2.mul(f), 0), (int) n);
    }

    /** e**x - 1 (fdlibm). */
    static double expm1(double x) {
        return StrictMath.expm1(x);
    }

    /** The natural logarithm, correctly rounded; NaN for negatives, -inf for zeros. */
    static double log(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x < 0.0) {
            return Double.NaN;
        }
        if (x >= Double.MIN_NORMAL) {
            double r = ziv(logApprox(x));
            if (!Double.isNaN(r)) {
                return r;
            }
        }
        return logDD(x).value();
    }

    /** The base-2 logarithm, correctly rounded (exact for powers of two). */
    static double log2(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x < 0.0) {
            return Double.NaN;
        }
        int e = ilogb(x);
        if (x == Math.scalb(1.0, e)) {
            return e;
        }
        if (x >= Double.MIN_NORMAL) {
            double r = ziv(logApprox(x).mul(INV_LN2));
            if (!Double.isNaN(r)) {
                return r;
            }
        }
        return logDD(x).mul(INV_LN2).value();
    }

    /** The base-10 logarithm, by fdlibm's method: {@code k log10(2) + log(x / 2**k) / ln 10}. */
    static double log10(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x < 0.0) {
            return Double.NaN;
        }
        // x = m * 2**y with m in [1, 2) for x >= 1 and in [1/2, 1) below.
        int k = ilogb(x);
        int i = k < 0 ? 1 : 0;
        double y = k + i;
        double m = Math.scalb(x, -(k + i));
        double z = y * LOG10_2_LO + INV_LN10 * log(m);
        return z + y * LOG10_2_HI;
    }

    /** log(1 + x) (fdlibm). */
    static double log1p(double x) {
        if (x == 0.0) {
            return x;
        }
        return StrictMath.log1p(x);
    }

    // ------------------------------------------------------------------ trigonometric functions

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }

    static double tan(double x) {
        return Math.tan(x);
    }

    /**
     * atan(num / den) in [0, pi/2] for non-negative num and den, not both zero: to about 2**-68
     * relative by the table ({@code fast}), else to double-double precision by the series.
     */
    private static DoubleDouble atanRatio(DoubleDouble num, DoubleDouble den, boolean fast) {
        if (num.hi > den.hi) {
            DoubleDouble t = den.div(num);
            return PI_2.sub(fast ? atanTable(t) : atanSmall(t));
        }
        DoubleDouble t = num.div(den);
        return fast ? atanTable(t) : atanSmall(t);
    }

    /**
     * atan(t) for 0 <= t <= 1 (or a rounding error above), to about 2**-68 relative:
     * {@code atan(c) + atan((t - c) / (1 + t c))} with c the nearest multiple of 1/64, the
     * series of the small remainder summed in double precision after its first term.
     */
    private static DoubleDouble atanTable(DoubleDouble t) {
        int j = (int) Math.rint(t.hi * 64.0);
        double c = j / 64.0;
        DoubleDouble u = t.add(-c).div(t.mul(c).add(1.0)); // |u| < 2**-7
        double v = u.hi;
        double v2 = v * v;
        double tail = v * v2 * (-1 / 3.0 + v2 * (0.2 + v2 * (-1 / 7.0 + v2 * (1 / 9.0 + v2 * (-1 / 11.0)))));
        return ATAN_TABLE[j].add(DoubleDouble.fastTwoSum(v, u.lo + tail));
    }

    /** atan(t) for 0 <= t <= 1: halve the angle until t < 0.05, then sum the series. */
    private static DoubleDouble atanSmall(DoubleDouble t) {
        int halvings = 0;
        while (t.hi > 0.05) {
            // atan(t) = 2 atan(t / (1 + sqrt(1 + t**2)))
            t = t.div(t.mul(t).add(1.0).sqrt().add(1.0));
            halvings++;
        }
        DoubleDouble t2 = t.mul(t);
        DoubleDouble p = ATAN_COEFFS[ATAN_TERMS];
        for (int n = ATAN_TERMS - 1; n >= 0; n--) {
            p = p.mul(t2).add(ATAN_COEFFS[n]);
        }
        return t.mul(p).scalb(halvings);
    }

    /** The arc tangent, correctly rounded. */
    static double atan(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 0x1p-28) {
            return x;
        }
        double r = PI_2_HI;
        if (ax <= 0x1p60) {
            r = ziv(atanRatio(DoubleDouble.of(ax), DoubleDouble.ONE, true));
            if (Double.isNaN(r)) {
                r = atanRatio(DoubleDouble.of(ax), DoubleDouble.ONE, false).value();
            }
        }
        return Math.copySign(r, x);
    }

    /** The arc sine, correctly rounded; NaN outside [-1, 1]. */
    static double asin(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax > 1.0) {
            return Double.NaN;
        }
        if (ax < 0x1p-28) {
            return x;
        }
        if (ax == 1.0) {
            return Math.copySign(PI_2_HI, x);
        }
        // asin(x) = atan(x / sqrt((1 - x)(1 + x)))
        DoubleDouble c = DoubleDouble.twoSum(1.0, -ax).mul(DoubleDouble.twoSum(1.0, ax)).sqrt();
        double r = ziv(atanRatio(DoubleDouble.of(ax), c, true));
        if (Double.isNaN(r)) {
            r = atanRatio(DoubleDouble.of(ax), c, false).value();
        }
        return Math.copySign(r, x);
    }

    /** The arc cosine, correctly rounded; NaN outside [-1, 1]. */
    static double acos(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Math.abs(x) > 1.0) {
            return Double.NaN;
        }
        if (x == 1.0) {
            return 0.0;
        }
        if (x == -1.0) {
            return PI_HI;
        }
        // acos(x) = 2 atan(sqrt(1 - x) / sqrt(1 + x))
        DoubleDouble num = DoubleDouble.twoSum(1.0, -x).sqrt();
        DoubleDouble den = DoubleDouble.twoSum(1.0, x).sqrt();
        double r = ziv(atanRatio(num, den, true).scalb(1));
        return Double.isNaN(r) ? atanRatio(num, den, false).scalb(1).value() : r;
    }

    /** atan2 with CPython's {@code m_atan2} special cases, correctly rounded otherwise. */
    static double atan2(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (Double.isInfinite(y)) {
            if (Double.isInfinite(x)) {
                return Math.copySign(x > 0 ? 0.25 * PI_HI : 0.75 * PI_HI, y);
            }
            return Math.copySign(0.5 * PI_HI, y);
        }
        if (Double.isInfinite(x) || y == 0.0) {
            if (Math.copySign(1.0, x) == 1.0) {
                return Math.copySign(0.0, y);
            }
            return Math.copySign(PI_HI, y);
        }
        if (x == 0.0) {
            return Math.copySign(PI_2_HI, y);
        }
        double ay = Math.abs(y);
        double ax = Math.abs(x);
        int ey = ilogb(ay);
        int ex = ilogb(ax);
        if (ey - ex > 600) {
            return Math.copySign(x > 0 ? PI_2_HI : PI.sub(PI_2).value(), y);
        }
        if (ex - ey > 600) {
            // atan(q) rounds as q does; pi - q rounds to pi.
            return Math.copySign(x > 0 ? ay / ax : PI_HI, y);
        }
        int s = Math.max(ey, ex);
        DoubleDouble num = DoubleDouble.of(Math.scalb(ay, -s));
        DoubleDouble den = DoubleDouble.of(Math.scalb(ax, -s));
        DoubleDouble a = atanRatio(num, den, true);
        double r = ziv(x > 0 ? a : PI.sub(a));
        if (Double.isNaN(r)) {
            a = atanRatio(num, den, false);
            r = (x > 0 ? a : PI.sub(a)).value();
        }
        return Math.copySign(r, y);
    }

    // ------------------------------------------------------------------ hyperbolic functions

    /** sinh by fdlibm's method. */
    static double sinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double h = x < 0 ? -0.5 : 0.5;
        double ax = Math.abs(x);
        if (ax < 22.0) {
            if (ax < 0x1p-28) {
                return x;
            }
            double t = expm1(ax);
            if (ax < 1.0) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ax < LOG_MAX_HW) {
            return h * exp(ax);
        }
        if (ax <= SINH_OVERFLOW) {
            double w = exp(0.5 * ax);
            double t = h * w;
            return t * w;
        }
        return Math.copySign(Double.POSITIVE_INFINITY, x);
    }

    /** cosh by fdlibm's method. */
    static double cosh(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (Double.isInfinite(ax)) {
            return ax;
        }
        if (ax < HALF_LN2_HW) {
            double t = expm1(ax);
            double w = 1.0 + t;
            if (ax < 0x1p-55) {
                return w;
            }
            return 1.0 + (t * t) / (w + w);
        }
        if (ax < 22.0) {
            double t = exp(ax);
            return 0.5 * t + 0.5 / t;
        }
        if (ax < LOG_MAX_HW) {
            return 0.5 * exp(ax);
        }
        if (ax <= SINH_OVERFLOW) {
            double w = exp(0.5 * ax);
            double t = 0.5 * w;
            return t * w;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** tanh (fdlibm). */
    static double tanh(double x) {
        return StrictMath.tanh(x);
    }

    /** asinh by fdlibm's method. */
    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 0x1p-28) {
            return x;
        }
        // glibc compares the high word only: these take the middle branch from 2**28 + 2**8 up, and
        // the log1p branch up to 2 + 2**-19.
        int hw = (int) (Double.doubleToRawLongBits(ax) >>> 32);
        double w;
        if (hw > 0x41b00000) {
            w = log(ax) + LN2_1;
        } else if (hw > 0x40000000) {
            w = log(2.0 * ax + 1.0 / (Math.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            w = log1p(ax + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return Math.copySign(w, x);
    }

    /** acosh by fdlibm's method; NaN below 1. */
    static double acosh(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 1.0) {
            return Double.NaN;
        }
        if (x >= 0x1p28) {
            if (Double.isInfinite(x)) {
                return x;
            }
            return log(x) + LN2_1;
        }
        if (x == 1.0) {
            return 0.0;
        }
        if (x > 2.0) {
            double t = x * x;
            return log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
        }
        double t = x - 1.0;
        return log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    /** atanh by fdlibm's method; NaN outside [-1, 1], infinities at the ends. */
    static double atanh(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax > 1.0) {
            return Double.NaN;
        }
        if (ax == 1.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        if (ax < 0x1p-28) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * log1p(t + t * ax / (1.0 - ax));
        } else {
            t = 0.5 * log1p((ax + ax) / (1.0 - ax));
        }
        return Math.copySign(t, x);
    }

    // ------------------------------------------------------------------ the error function

    /** erf and erfc switch from the series to the continued fraction here. */
    private static final double ERF_SPLIT = 2.5;

    /** erf(x) for 0 <= x < ERF_SPLIT: (2/sqrt(pi)) exp(-x**2) sum 2**n x**(2n+1) / (2n+1)!!. */
    private static DoubleDouble erfSeries(double x) {
        DoubleDouble x2 = DoubleDouble.twoProd(x, x);
        DoubleDouble twoX2 = x2.scalb(1);
        DoubleDouble term = DoubleDouble.of(x);
        DoubleDouble sum = term;
        for (int n = 1; n < 200; n++) {
            term = term.mul(twoX2).div(2 * n + 1);
            sum = sum.add(term);
            if (term.hi < sum.hi * 0x1p-110) {
                break;
            }
        }
        int k = (int) Math.rint(-x2.hi * INV_LN2.hi);
        DoubleDouble e = expReduced(x2.negate(), k).scalb(k);
        return TWO_OVER_SQRT_PI.mul(e).mul(sum);
    }

    /**
     * erfc(x) / 2**k for x >= ERF_SPLIT by the even part of Laplace's continued fraction:
     * {@code erfc(x) = exp(-x**2)/sqrt(pi) * 2x / (2x**2 + 1 - 1*2 / (2x**2 + 5 - 3*4 / (2x**2 + 9 - ...)))}.
     */
    private static DoubleDouble erfcFraction(double x, int k) {
        DoubleDouble x2 = DoubleDouble.twoProd(x, x);
        DoubleDouble z = x2.scalb(1);
        int terms = x >= 4.0 ? 40 : x >= 3.0 ? 60 : 80;
        DoubleDouble f = z.add(4.0 * terms + 1.0);
        for (int j = terms - 1; j >= 0; j--) {
            double c = (2.0 * j + 1.0) * (2.0 * j + 2.0);
            f = z.add(4.0 * j + 1.0).sub(DoubleDouble.of(c).div(f));
        }
        DoubleDouble e = expReduced(x2.negate(), k);
        return e.mul(INV_SQRT_PI).mul(2.0 * x).div(f);
    }

    /** The scale that keeps exp(-x**2) normal in {@link #erfcFraction}. */
    private static int erfcScale(double x) {
        return (int) Math.rint(-x * x * INV_LN2.hi);
    }

    /** The error function, correctly rounded. */
    static double erf(double x) {
        if (Double.isNaN(x) || x == 0.0) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax >= 6.0) {
            return Math.copySign(1.0, x);
        }
        if (ax < 0x1p-28) {
            if (ax < 0x1p-1000) {
                return scale(TWO_OVER_SQRT_PI.mul(Math.scalb(x, 600)), -600);
            }
            return TWO_OVER_SQRT_PI.mul(x).value();
        }
        double r;
        if (ax < ERF_SPLIT) {
            r = erfSeries(ax).value();
        } else {
            int k = erfcScale(ax);
            r = DoubleDouble.ONE.sub(erfcFraction(ax, k).scalb(k)).value();
        }
        return Math.copySign(r, x);
    }

    /** The complementary error function, correctly rounded. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x >= 27.5) {
            return 0.0;
        }
        if (x <= -6.0) {
            return 2.0;
        }
        double ax = Math.abs(x);
        if (ax < ERF_SPLIT) {
            if (ax < 0x1p-60) {
                return 1.0 - x;
            }
            DoubleDouble e = erfSeries(ax);
            return (x < 0 ? DoubleDouble.ONE.add(e) : DoubleDouble.ONE.sub(e)).value();
        }
        int k = erfcScale(ax);
        DoubleDouble c = erfcFraction(ax, k);
        if (x < 0) {
            return DoubleDouble.of(2.0).sub(c.scalb(k)).value();
        }
        return scale(c, k);
    }

    // ------------------------------------------------------------------ gamma (CPython's method)

    private static final double LOG_PI = 1.144729885849400174143427351353058711647;
    private static final double LANCZOS_G = 6.024680040776729583740234375;
    private static final double LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;

    /** The numerator coefficients of the Lanczos sum (N = 13, g = 6.0246800407767296, as Boost). */
    private static final double[] LANCZOS_NUM = {
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    };

    /** The denominator: the coefficients of x (x+1) ... (x+11). */
    private static final double[] LANCZOS_DEN = {
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    };

    /** Gamma of 1 .. 23: exact factorials. */
    private static final double[] GAMMA_INTEGRAL = new double[23];

    static {
        double f = 1.0;
        for (int i = 0; i < GAMMA_INTEGRAL.length; i++) {
            if (i > 0) {
                f *= i;
            }
            GAMMA_INTEGRAL[i] = f;
        }
    }

    /** The Lanczos sum L_g(x) for positive x, as a rational function (in 1/x for large x). */
    private static double lanczosSum(double x) {
        double num = 0.0;
        double den = 0.0;
        if (x < 5.0) {
            for (int i = LANCZOS_NUM.length - 1; i >= 0; i--) {
                num = num * x + LANCZOS_NUM[i];
                den = den * x + LANCZOS_DEN[i];
            }
        } else {
            for (int i = 0; i < LANCZOS_NUM.length; i++) {
                num = num / x + LANCZOS_NUM[i];
                den = den / x + LANCZOS_DEN[i];
            }
        }
        return num / den;
    }

    /** sin(pi x) for finite x, exact at integers and half-integers. */
    static double sinpi(double x) {
        double y = Math.abs(x) % 2.0;
        int n = (int) roundHalfAway(2.0 * y);
        double r;
        switch (n) {
            case 0:
                r = sin(PI_HI * y);
                break;
            case 1:
                r = cos(PI_HI * (y - 0.5));
                break;
            case 2:
                r = sin(PI_HI * (1.0 - y));
                break;
            case 3:
                r = -cos(PI_HI * (y - 1.5));
                break;
            default:
                r = sin(PI_HI * (y - 2.0));
                break;
        }
        return Math.copySign(1.0, x) * r;
    }

    /**
     * The gamma function. Poles and -inf give NaN (or a signed infinity at zero); the module
     * raises ValueError for those and OverflowError for an infinite result from a finite
     * argument.
     */
    static double gamma(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x > 0 || Double.isNaN(x) ? x : Double.NaN;
        }
        if (x == 0.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        if (x == Math.floor(x)) {
            if (x < 0.0) {
                return Double.NaN;
            }
            if (x <= GAMMA_INTEGRAL.length) {
                return GAMMA_INTEGRAL[(int) x - 1];
            }
        }
        double absx = Math.abs(x);
        if (absx < 1e-20) {
            return 1.0 / x;
        }
        if (absx > 200.0) {
            if (x < 0.0) {
                return 0.0 / sinpi(x);
            }
            return Double.POSITIVE_INFINITY;
        }
        double y = absx + LANCZOS_G_MINUS_HALF;
        double z;
        if (absx > LANCZOS_G_MINUS_HALF) {
            double q = y - absx;
            z = q - LANCZOS_G_MINUS_HALF;
        } else {
            double q = y - LANCZOS_G_MINUS_HALF;
            z = q - absx;
        }
        z = z * LANCZOS_G / y;
        double r;
        if (x < 0.0) {
            r = -PI_HI / sinpi(absx) / absx * exp(y) / lanczosSum(absx);
            r -= z * r;
            if (absx < 140.0) {
                r /= Math.pow(y, absx - 0.5);
            } else {
                double sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        } else {
            r = lanczosSum(absx) / exp(y);
            r += z * r;
            if (absx < 140.0) {
                r *= Math.pow(y, absx - 0.5);
            } else {
                double sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        return r;
    }

    /**
     * The natural logarithm of |gamma(x)|: +inf at the poles (the module raises ValueError for
     * those) and for infinite x.
     */
    static double lgamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == Math.floor(x) && x <= 2.0) {
            return x <= 0.0 ? Double.POSITIVE_INFINITY : 0.0;
        }
        double absx = Math.abs(x);
        if (absx < 1e-20) {
            return -log(absx);
        }
        double r = log(lanczosSum(absx)) - LANCZOS_G;
        r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1);
        if (x < 0.0) {
            r = LOG_PI - log(Math.abs(sinpi(absx))) - log(absx) - r;
        }
        return r;
    }

    // ------------------------------------------------------------------ remaining functions

    static double cbrt(double x) {
        return Math.cbrt(x);
    }

    static double pow(double x, double y) {
        return Math.pow(x, y);
    }
}
