package dev.interlock.vm.stdlib;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Where a {@link PyRandom} takes its bits: the Mersenne Twister of {@code random.Random}, or the
 * operating system's entropy for {@code random.SystemRandom}. Callers serialize access.
 */
interface RandomSource {

    /** {@code random()}: a float in [0, 1). */
    double nextDouble();

    /** {@code getrandbits(k)}, {@code k >= 0}. */
    BigInteger bits(int k);

    /** {@code _randbelow(n)} for {@code 0 < n < 2**63}. */
    long below(long n);

    /** {@code _randbelow(n)} for {@code n > 0}. */
    BigInteger below(BigInteger n);

    /** The Mersenne Twister, CPython's {@code _random.Random}. */
    static RandomSource of(MersenneTwister mt) {
        return new RandomSource() {
            @Override
            public double nextDouble() {
                return mt.nextDouble();
            }

            @Override
            public BigInteger bits(int k) {
                return mt.bits(k);
            }

            @Override
            public long below(long n) {
                return mt.below(n);
            }

            @Override
            public BigInteger below(BigInteger n) {
                return mt.below(n);
            }
        };
    }

    /**
     * {@code random.SystemRandom}: bytes from the operating system, used as CPython's
     * {@code Lib/random.py} uses {@code os.urandom}: 7 bytes shifted right by 3 for a float, whole
     * bytes trimmed from the low end for {@code getrandbits}, which {@code _randbelow} rejects from.
     */
    final class System implements RandomSource {

        private final SecureRandom entropy;

        System(SecureRandom entropy) {
            this.entropy = entropy;
        }

        @Override
        public double nextDouble() {
            byte[] b = new byte[7];
            entropy.nextBytes(b);
            return (new BigInteger(1, b).longValue() >>> 3) * 0x1p-53;
        }

        @Override
        public BigInteger bits(int k) {
            int bytes = (k + 7) / 8;
            if (bytes == 0) {
                return BigInteger.ZERO;
            }
            byte[] b = new byte[bytes];
            entropy.nextBytes(b);
            return new BigInteger(1, b).shiftRight(bytes * 8 - k);
        }

        @Override
        public long below(long n) {
            return below(BigInteger.valueOf(n)).longValue();
        }

        @Override
        public BigInteger below(BigInteger n) {
            int k = n.bitLength();
            BigInteger r = bits(k);
            while (r.compareTo(n) >= 0) {
                r = bits(k);
            }
            return r;
        }
    }
}
