package dev.interlock.vm.ops;

import java.math.BigInteger;

/**
 * CPython's hash for numbers: reduction modulo the Mersenne prime 2**61 - 1, so that equal
 * numbers of different types ({@code 1}, {@code 1.0}, {@code True}) hash alike. The scheme is
 * described in the Python documentation, "Hashing of numeric types".
 */
public final class NumericHash {

    /** The modulus, 2**61 - 1 ({@code sys.hash_info.modulus}). */
    public static final long MODULUS = (1L << 61) - 1;
    /** The hash of positive infinity ({@code sys.hash_info.inf}). */
    public static final long INF = 314159;

    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

    private NumericHash() {
    }

    /** The hash of an int that fits in a long. */
    public static long ofLong(long v) {
        if (v == Long.MIN_VALUE) {
            return ofBig(BigInteger.valueOf(v));
        }
        long h = Math.abs(v) % MODULUS;
        if (v < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    /** The hash of any int. */
    public static long ofBig(BigInteger v) {
        long h = v.abs().mod(BIG_MODULUS).longValue();
        if (v.signum() < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }

    /** The hash of a finite float or an infinity (NaN hashes by identity, decided by the caller). */
    public static long ofDouble(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? INF : -INF;
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
            return ofLong((long) d);
        }
        long bits = Double.doubleToRawLongBits(d);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        int exponent;
        if (biased == 0) {
            exponent = -1074;
        } else {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        // |d| = mantissa * 2**exponent; 2**61 == 1 (mod MODULUS), so powers of two rotate.
        BigInteger m = BigInteger.valueOf(mantissa).mod(BIG_MODULUS);
        int shift = Math.floorMod(exponent, 61);
        long h = m.shiftLeft(shift).mod(BIG_MODULUS).longValue();
        if (d < 0) {
            h = -h;
        }
        return h == -1 ? -2 : h;
    }
}
