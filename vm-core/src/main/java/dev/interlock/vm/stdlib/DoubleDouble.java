package dev.interlock.vm.stdlib;

/**
 * A double-double number: the unevaluated sum {@code hi + lo} with {@code |lo| <= ulp(hi) / 2},
 * about 106 significant bits. {@link MathFunctions} evaluates functions in this precision and
 * rounds once at the end, which gives the correctly rounded double in all but astronomically rare
 * cases.
 *
 * <p>The operations are the classical error-free transformations (Knuth's two-sum, Dekker's
 * product with Veltkamp's split) and the usual double-double algorithms built on them. The split
 * overflows above about 2<sup>996</sup>, and products lose their exactness when they underflow;
 * callers keep operands within modest ranges.
 */
final class DoubleDouble {

    /** 2**27 + 1, Veltkamp's splitting constant for 53-bit doubles. */
    private static final double SPLIT = 134217729.0;

    static final DoubleDouble ZERO = new DoubleDouble(0.0, 0.0);
    static final DoubleDouble ONE = new DoubleDouble(1.0, 0.0);

    final double hi;
    final double lo;

    DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    static DoubleDouble of(double x) {
        return new DoubleDouble(x, 0.0);
    }

    /** {@code a + b} exactly (Knuth). */
    static DoubleDouble twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    /** {@code a + b} exactly, given {@code |a| >= |b|} (Dekker). */
    static DoubleDouble fastTwoSum(double a, double b) {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    /** {@code a * b} exactly, barring underflow (Dekker, with Veltkamp's split). */
    static DoubleDouble twoProd(double a, double b) {
        double p = a * b;
        double c = SPLIT * a;
        double ah = c - (c - a);
        double al = a - ah;
        c = SPLIT * b;
        double bh = c - (c - b);
        double bl = b - bh;
        double err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        return new DoubleDouble(p, err);
    }

    DoubleDouble add(DoubleDouble b) {
        DoubleDouble s = twoSum(hi, b.hi);
        DoubleDouble t = twoSum(lo, b.lo);
        DoubleDouble u = fastTwoSum(s.hi, s.lo + t.hi);
        return fastTwoSum(u.hi, u.lo + t.lo);
    }

    DoubleDouble add(double b) {
        DoubleDouble s = twoSum(hi, b);
        return fastTwoSum(s.hi, s.lo + lo);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    DoubleDouble sub(DoubleDouble b) {
        return add(b.negate());
    }

    DoubleDouble mul(DoubleDouble b) {
        DoubleDouble p = twoProd(hi, b.hi);
        return fastTwoSum(p.hi, p.lo + (hi * b.lo + lo * b.hi));
    }

    DoubleDouble mul(double b) {
        DoubleDouble p = twoProd(hi, b);
        return fastTwoSum(p.hi, p.lo + lo * b);
    }

    /** {@code this * 2**n}: exact while both parts stay normal. */
    DoubleDouble scalb(int n) {
        return new DoubleDouble(Math.scalb(hi, n), Math.scalb(lo, n));
    }

    DoubleDouble div(DoubleDouble b) {
        double q1 = hi / b.hi;
        DoubleDouble r = sub(b.mul(q1));
        double q2 = r.hi / b.hi;
        r = r.sub(b.mul(q2));
        double q3 = r.hi / b.hi;
        return fastTwoSum(q1, q2).add(q3);
    }

    DoubleDouble div(double b) {
        double q1 = hi / b;
        DoubleDouble r = sub(twoProd(q1, b));
        double q2 = r.hi / b;
        r = r.sub(twoProd(q2, b));
        double q3 = r.hi / b;
        return fastTwoSum(q1, q2).add(q3);
    }

    /** The square root of a non-negative number: one Newton correction of the double root. */
    DoubleDouble sqrt() {
        if (hi <= 0.0) {
            return ZERO;
        }
        double x = Math.sqrt(hi);
        DoubleDouble d = sub(twoProd(x, x));
        return fastTwoSum(x, d.hi / (2.0 * x));
    }

    /** The nearest double (the parts are kept normalised, so this is {@code hi} up to ties). */
    double value() {
        return hi + lo;
    }

    @Override
    public String toString() {
        return Double.toHexString(hi) + " + " + Double.toHexString(lo);
    }
}
