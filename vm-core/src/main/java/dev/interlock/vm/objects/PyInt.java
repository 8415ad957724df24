package dev.interlock.vm.objects;

import dev.interlock.vm.errors.Errors;
import dev.interlock.vm.ops.BinaryOp;
import dev.interlock.vm.ops.Compare;
import dev.interlock.vm.ops.NumericHash;
import dev.interlock.vm.ops.UnaryOp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's {@code int}: arbitrary precision, with a fast path for values that fit in a
 * {@code long}. Exactly one representation is used per value: {@code big} is null whenever the
 * value fits in a long, so two equal ints always have equal fields.
 *
 * <p>Small ints (-5 to 256, as CPython) are cached and immortal.
 */
public class PyInt extends PyObject {

    /** The limit CPython 3.11 puts on int/str conversion ({@code sys.get_int_max_str_digits()}). */
    public static final int MAX_STR_DIGITS = 4300;

    private static final int SMALL_MIN = -5;
    private static final int SMALL_MAX = 256;
    private static final PyInt[] SMALL = new PyInt[SMALL_MAX - SMALL_MIN + 1];

    static {
        for (int i = SMALL_MIN; i <= SMALL_MAX; i++) {
            PyInt v = new PyInt(i, null);
            v.makeStaticImmortal();
            SMALL[i - SMALL_MIN] = v;
        }
    }

    public static final PyType TYPE = IntType.define();

    /** 0, 1 and -1, immortal. */
    public static final PyInt ZERO = of(0);
    public static final PyInt ONE = of(1);
    public static final PyInt MINUS_ONE = of(-1);

    final long value;
    final BigInteger big;

    PyInt(long value, BigInteger big) {
        this.value = value;
        this.big = big;
    }

    /** The int with value {@code v}: cached for small values, otherwise a new object. */
    public static PyInt of(long v) {
        if (v >= SMALL_MIN && v <= SMALL_MAX) {
            return SMALL[(int) v - SMALL_MIN];
        }
        return new PyInt(v, null);
    }

    /** The int with value {@code v}, using the long representation when it fits. */
    public static PyInt of(BigInteger v) {
        if (v.bitLength() < 64) {
            return of(v.longValue());
        }
        return new PyInt(0, v);
    }

    @Override
    public boolean usesGenericGetAttribute() {
        return true;
    }

    @Override
    public PyType type() {
        return TYPE;
    }

    /** True when the value fits in a long. */
    public final boolean isSmall() {
        return big == null;
    }

    /** The value, which must fit in a long ({@link #isSmall()}). */
    public final long longValue() {
        return value;
    }

    /** The value as a BigInteger. */
    public final BigInteger bigValue() {
        return big != null ? big : BigInteger.valueOf(value);
    }

    /** The value as a Java int, or OverflowError with CPython's message. */
    public final int intValue() {
        if (big == null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return (int) value;
        }
        throw Errors.overflowError("Python int too large to convert to C int");
    }

    /** The value as a long, or OverflowError. */
    public final long toLong() {
        if (big == null) {
            return value;
        }
        throw Errors.overflowError("Python int too large to convert to C long");
    }

    /** The value clamped to an int index ({@code PyNumber_AsSsize_t} with clipping), for slices. */
    public final int clampedInt() {
        if (big == null) {
            return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : value < Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) value;
        }
        return big.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }

    /** The sign: -1, 0 or 1. */
    public final int signum() {
        return big != null ? big.signum() : Long.signum(value);
    }

    /** The nearest float, or OverflowError ("int too large to convert to float"). */
    public final double toDouble() {
        if (big == null) {
            return (double) value;
        }
        double d = big.doubleValue(); // correctly rounded (half-even), as CPython's PyLong_AsDouble
        if (Double.isInfinite(d)) {
            throw Errors.overflowError("int too large to convert to float");
        }
        return d;
    }

    // ------------------------------------------------------------------ representation

    @Override
    public String repr() {
        if (big == null) {
            return Long.toString(value);
        }
        // CPython 3.11 refuses very long conversions (CVE-2020-10735).
        if (big.bitLength() > 14000 && big.abs().compareTo(BigInteger.TEN.pow(MAX_STR_DIGITS)) >= 0) {
            throw Errors.valueError("Exceeds the limit (" + MAX_STR_DIGITS
                    + " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }
        return big.toString();
    }

    @Override
    public String format(String spec) {
        return dev.interlock.vm.ops.Formatter.formatInt(this, spec);
    }

    @Override
    public long hash() {
        return big == null ? NumericHash.ofLong(value) : NumericHash.ofBig(big);
    }

    @Override
    public boolean isTrue() {
        return big != null || value != 0;
    }

    @Override
    public PyInt asIndex() {
        if (getClass() == PyInt.class) {
            return Refs.newRef(this);
        }
        return big == null ? of(value) : of(big);
    }

    // ------------------------------------------------------------------ comparison

    @Override
    public PyObject richCompare(PyObject other, int op) {
        if (other instanceof PyInt o) {
            return PyBool.of(Compare.test(compareTo(o), op));
        }
        return PyNotImplemented.INSTANCE;
    }

    /** Compares values: negative, zero or positive. */
    public final int compareTo(PyInt o) {
        if (big == null && o.big == null) {
            return Long.compare(value, o.value);
        }
        return bigValue().compareTo(o.bigValue());
    }

    // ------------------------------------------------------------------ arithmetic

    @Override
    public PyObject binaryOp(BinaryOp op, PyObject other) {
        if (!(other instanceof PyInt o)) {
            return PyNotImplemented.INSTANCE;
        }
        return arith(op, this, o);
    }

    @Override
    public PyObject reflectedBinaryOp(BinaryOp op, PyObject other) {
        if (!(other instanceof PyInt o)) {
            return PyNotImplemented.INSTANCE;
        }
        return arith(op, o, this);
    }

    /** {@code a <op> b} for two ints: a new reference. */
    public static PyObject arith(BinaryOp op, PyInt a, PyInt b) {
        switch (op) {
            case ADD:
                return add(a, b);
            case SUB:
                return sub(a, b);
            case MUL:
                return mul(a, b);
            case TRUEDIV:
                return trueDivide(a, b);
            case FLOORDIV:
                return floorDivide(a, b);
            case MOD:
                return mod(a, b);
            case POW:
                return pow(a, b);
            case LSHIFT:
                return lshift(a, b);
            case RSHIFT:
                return rshift(a, b);
            case AND:
                return a.big == null && b.big == null ? of(a.value & b.value) : of(a.bigValue().and(b.bigValue()));
            case OR:
                return a.big == null && b.big == null ? of(a.value | b.value) : of(a.bigValue().or(b.bigValue()));
            case XOR:
                return a.big == null && b.big == null ? of(a.value ^ b.value) : of(a.bigValue().xor(b.bigValue()));
            default:
                return PyNotImplemented.INSTANCE;
        }
    }

    public static PyInt add(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value;
            long y = b.value;
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return of(r);
            }
        }
        return of(a.bigValue().add(b.bigValue()));
    }

    public static PyInt sub(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value;
            long y = b.value;
            long r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) {
                return of(r);
            }
        }
        return of(a.bigValue().subtract(b.bigValue()));
    }

    public static PyInt mul(PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            long x = a.value;
            long y = b.value;
            long hi = Math.multiplyHigh(x, y);
            long lo = x * y;
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return of(lo);
            }
        }
        return of(a.bigValue().multiply(b.bigValue()));
    }

    /** {@code a // b}, rounding towards minus infinity. */
    public static PyInt floorDivide(PyInt a, PyInt b) {
        if (b.signum() == 0) {
            throw Errors.zeroDivision("integer division or modulo by zero");
        }
        if (a.big == null && b.big == null && !(a.value == Long.MIN_VALUE && b.value == -1)) {
            return of(Math.floorDiv(a.value, b.value));
        }
        BigInteger[] qr = a.bigValue().divideAndRemainder(b.bigValue());
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != b.signum()) {
            q = q.subtract(BigInteger.ONE);
        }
        return of(q);
    }

    /** {@code a % b}, with the sign of {@code b}. */
    public static PyInt mod(PyInt a, PyInt b) {
        if (b.signum() == 0) {
            throw Errors.zeroDivision("integer modulo by zero");
        }
        if (a.big == null && b.big == null) {
            if (b.value == -1) {
                return ZERO;
            }
            return of(Math.floorMod(a.value, b.value));
        }
        BigInteger r = a.bigValue().mod(b.bigValue().abs());
        if (b.signum() < 0 && r.signum() != 0) {
            r = r.add(b.bigValue());
        }
        return of(r);
    }

    /** {@code divmod(a, b)} as a (quotient, remainder) pair of new references. */
    public static PyTuple divmod(PyInt a, PyInt b) {
        if (b.signum() == 0) {
            throw Errors.zeroDivision("integer division or modulo by zero");
        }
        return PyTuple.steal(new PyObject[] {floorDivide(a, b), mod(a, b)});
    }

    /** {@code a / b}: the correctly rounded float quotient. */
    public static PyFloat trueDivide(PyInt a, PyInt b) {
        if (b.signum() == 0) {
            throw Errors.zeroDivision("division by zero");
        }
        if (a.big == null && b.big == null && Math.abs(a.value) <= (1L << 53) && Math.abs(b.value) <= (1L << 53)) {
            return PyFloat.of((double) a.value / (double) b.value);
        }
        return PyFloat.of(exactQuotient(a.bigValue(), b.bigValue()));
    }

    /**
     * The float nearest to {@code n / d}, rounding half to even: both are scaled so the integer
     * quotient has 55 significant bits, the remainder becomes a sticky bit, and the conversion of
     * that integer rounds once. Compare CPython's {@code long_true_divide}.
     */
    static double exactQuotient(BigInteger n, BigInteger d) {
        boolean negative = n.signum() * d.signum() < 0;
        n = n.abs();
        d = d.abs();
        int shift = 55 - (n.bitLength() - d.bitLength());
        BigInteger num = shift > 0 ? n.shiftLeft(shift) : n;
        BigInteger den = shift < 0 ? d.shiftLeft(-shift) : d;
        BigInteger[] qr = num.divideAndRemainder(den);
        BigInteger q = qr[0];
        if (qr[1].signum() != 0) {
            q = q.shiftLeft(1).or(BigInteger.ONE); // sticky bit below the rounding position
            shift += 1;
        }
        double result = scaledToDouble(q, -shift);
        if (Double.isInfinite(result)) {
            throw Errors.overflowError("integer division result too large for a float");
        }
        return negative ? -result : result;
    }

    /** {@code q * 2**exp} rounded once to the nearest double (half to even), subnormals included. */
    private static double scaledToDouble(BigInteger q, int exp) {
        int bits = q.bitLength();
        if (bits == 0) {
            return 0.0;
        }
        // The exponent of the leading bit decides how many bits the double can keep.
        int top = bits - 1 + exp;
        int keep = top >= -1022 ? 53 : Math.max(0, 53 - (-1022 - top));
        int drop = bits - keep;
        if (drop > 0) {
            BigInteger kept = q.shiftRight(drop);
            boolean half = q.testBit(drop - 1);
            boolean sticky = q.getLowestSetBit() < drop - 1;
            if (half && (sticky || kept.testBit(0))) {
                kept = kept.add(BigInteger.ONE);
            }
            q = kept;
            exp += drop;
        }
        if (exp > 1023 + 64) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.scalb(q.doubleValue(), exp);
    }

    /** {@code a ** b}: an int for non-negative exponents, a float otherwise. */
    public static PyObject pow(PyInt a, PyInt b) {
        if (b.signum() < 0) {
            if (a.signum() == 0) {
                throw Errors.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return PyFloat.pow(a.toDouble(), b.toDouble());
        }
        if (a.big == null) {
            long base = a.value;
            if (base == 0 || base == 1) {
                return b.signum() == 0 ? ONE : a.asIndex();
            }
            if (base == -1) {
                return b.bigValue().testBit(0) ? MINUS_ONE : ONE;
            }
        }
        if (b.big != null) {
            throw Errors.memoryError();
        }
        long e = b.value;
        if (a.big == null && e < 64) {
            long result = 1;
            long base = a.value;
            boolean overflow = false;
            for (long i = 0; i < e; i++) {
                long hi = Math.multiplyHigh(result, base);
                long lo = result * base;
                if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                    overflow = true;
                    break;
                }
                result = lo;
            }
            if (!overflow) {
                return of(result);
            }
        }
        if (e > Integer.MAX_VALUE) {
            throw Errors.memoryError();
        }
        return of(a.bigValue().pow((int) e));
    }

    /** {@code pow(a, b, m)}. */
    public static PyInt powMod(PyInt a, PyInt b, PyInt m) {
        if (m.signum() == 0) {
            throw Errors.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger mod = m.bigValue();
        BigInteger abs = mod.abs();
        BigInteger base = a.bigValue();
        BigInteger exp = b.bigValue();
        BigInteger r;
        if (exp.signum() < 0) {
            try {
                base = base.modInverse(abs);
            } catch (ArithmeticException e) {
                throw Errors.valueError("base is not invertible for the given modulus");
            }
            exp = exp.negate();
        }
        if (abs.equals(BigInteger.ONE)) {
            return ZERO;
        }
        r = base.modPow(exp, abs);
        if (mod.signum() < 0 && r.signum() != 0) {
            r = r.add(mod);
        }
        return of(r);
    }

    public static PyInt lshift(PyInt a, PyInt b) {
        if (b.signum() < 0) {
            throw Errors.valueError("negative shift count");
        }
        if (a.signum() == 0) {
            return ZERO;
        }
        if (b.big != null || b.value > Integer.MAX_VALUE) {
            throw Errors.overflowError("too many digits in integer");
        }
        int s = (int) b.value;
        if (a.big == null && s < 63) {
            long v = a.value;
            long r = v << s;
            if ((r >> s) == v) {
                return of(r);
            }
        }
        return of(a.bigValue().shiftLeft(s));
    }

    public static PyInt rshift(PyInt a, PyInt b) {
        if (b.signum() < 0) {
            throw Errors.valueError("negative shift count");
        }
        if (b.big != null || b.value > Integer.MAX_VALUE) {
            return a.signum() < 0 ? MINUS_ONE : ZERO;
        }
        int s = (int) b.value;
        if (a.big == null) {
            return of(s >= 64 ? (a.value < 0 ? -1 : 0) : a.value >> s);
        }
        return of(a.big.shiftRight(s));
    }

    @Override
    public PyObject unaryOp(UnaryOp op) {
        switch (op) {
            case NEGATIVE:
                return big == null && value != Long.MIN_VALUE ? of(-value) : of(bigValue().negate());
            case POSITIVE:
                return asIndex();
            case INVERT:
                return big == null ? of(~value) : of(big.not());
            default:
                return super.unaryOp(op);
        }
    }

    /** {@code abs(self)}. */
    public PyInt abs() {
        if (signum() >= 0) {
            return asIndex();
        }
        return (PyInt) unaryOp(UnaryOp.NEGATIVE);
    }

    /** {@code round(self, ndigits)} with a negative {@code ndigits}: half to even. */
    public PyInt round(int ndigits) {
        if (ndigits >= 0) {
            return asIndex();
        }
        BigDecimal v = new BigDecimal(bigValue());
        BigDecimal r = v.setScale(ndigits, RoundingMode.HALF_EVEN);
        return of(r.toBigIntegerExact());
    }
}
