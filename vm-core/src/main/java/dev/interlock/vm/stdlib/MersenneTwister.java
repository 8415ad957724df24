package dev.interlock.vm.stdlib;

import java.math.BigInteger;

/**
 * The MT19937 Mersenne Twister of Matsumoto and Nishimura (1998), with the seeding the reference
 * implementation calls {@code init_by_array}, which CPython's {@code _random} module uses too. Java
 * {@code int} arithmetic wraps modulo 2<sup>32</sup>, which is exactly the reference's
 * {@code uint32} arithmetic as long as right shifts are unsigned ({@code >>>}).
 *
 * <p>Not thread-safe: the owner ({@link PyRandom}) serializes access.
 */
final class MersenneTwister {

    /** The number of 32-bit words of state. */
    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N + 1;

    /** Seeds from a single word (the reference's {@code init_genrand}). */
    void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            int prev = mt[i - 1];
            mt[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        index = N;
    }

    /** Seeds from an array of words (the reference's {@code init_by_array}). */
    void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            int prev = mt[i - 1];
            mt[i] = (mt[i] ^ ((prev ^ (prev >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            int prev = mt[i - 1];
            mt[i] = (mt[i] ^ ((prev ^ (prev >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000; // the most significant bit set: a non-zero initial state
    }

    /**
     * Seeds from a non-negative integer, as CPython does: its 32-bit words, least significant
     * first, are the key ({@code [0]} for zero).
     */
    void seed(BigInteger n) {
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int w = 0; w < words; w++) {
            key[w] = n.shiftRight(32 * w).intValue();
        }
        initByArray(key);
    }

    /** The next 32 random bits (as an int; use {@code & 0xffffffffL} for the unsigned value). */
    int next() {
        if (index >= N) {
            generate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void generate() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        index = 0;
    }

    /** A float in [0, 1) with 53 random bits: {@code (a * 2**26 + b) / 2**53} from two outputs. */
    double nextDouble() {
        int a = next() >>> 5;
        int b = next() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)} for {@code 0 <= k <= 32}, unsigned. */
    long bits32(int k) {
        if (k == 0) {
            return 0;
        }
        return (next() & 0xffffffffL) >>> (32 - k);
    }

    /**
     * {@code getrandbits(k)} for {@code 0 <= k <= 63}: words least significant first, the last
     * one cut to the bits still wanted.
     */
    long bits63(int k) {
        if (k <= 32) {
            return bits32(k);
        }
        long low = next() & 0xffffffffL;
        long high = (next() & 0xffffffffL) >>> (64 - k);
        return (high << 32) | low;
    }

    /** {@code getrandbits(k)} for any {@code k >= 0}. */
    BigInteger bits(int k) {
        if (k <= 63) {
            return BigInteger.valueOf(bits63(k));
        }
        int words = (k - 1) / 32 + 1;
        byte[] bytes = new byte[words * 4]; // big-endian, as BigInteger wants
        int left = k;
        for (int w = 0; w < words; w++) {
            int r = next();
            if (left < 32) {
                r >>>= 32 - left;
            }
            int at = bytes.length - 4 * (w + 1);
            bytes[at] = (byte) (r >>> 24);
            bytes[at + 1] = (byte) (r >>> 16);
            bytes[at + 2] = (byte) (r >>> 8);
            bytes[at + 3] = (byte) r;
            left -= 32;
        }
        return new BigInteger(1, bytes);
    }

    /** A uniform value in {@code [0, n)} for {@code 0 < n < 2**63}: getrandbits with rejection. */
    long below(long n) {
        int k = 64 - Long.numberOfLeadingZeros(n);
        long r = bits63(k);
        while (r >= n) {
            r = bits63(k);
        }
        return r;
    }

    /** A uniform value in {@code [0, n)} for {@code n > 0}: getrandbits with rejection. */
    BigInteger below(BigInteger n) {
        if (n.bitLength() < 64) {
            return BigInteger.valueOf(below(n.longValue()));
        }
        int k = n.bitLength();
        BigInteger r = bits(k);
        while (r.compareTo(n) >= 0) {
            r = bits(k);
        }
        return r;
    }

    /** The state words and the position, as {@code getstate()} reports them. */
    long[] state() {
        long[] out = new long[N + 1];
        for (int i = 0; i < N; i++) {
            out[i] = mt[i] & 0xffffffffL;
        }
        out[N] = index;
        return out;
    }

    /** Restores a state: {@code N} words and a position in {@code 0..N}. */
    void setState(int[] words, int position) {
        System.arraycopy(words, 0, mt, 0, N);
        index = position;
    }
}
