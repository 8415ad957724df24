package dev.interlock.api;

/**
 * The live scheduling parameters one interpreter shares between {@code sys} and its locking
 * strategy: the switch interval ({@code sys.setswitchinterval}, CPython 3) and the check interval
 * ({@code sys.setcheckinterval}, Python 2 ticks). A strategy reads them each time it needs them,
 * so a change made from Python takes effect at once.
 *
 * <p>As in CPython ({@code gil->interval} in {@code Python/ceval_gil.c}) the switch interval is
 * kept in whole microseconds; {@code getswitchinterval()} reports that value back in seconds.
 */
public final class SwitchSettings {

    /** CPython's default switch interval: 5000 microseconds (5 ms). */
    public static final long DEFAULT_SWITCH_INTERVAL_MICROS = 5000;
    /** Python 2's default check interval: 100 ticks. */
    public static final int DEFAULT_CHECK_INTERVAL = 100;

    private volatile long switchIntervalMicros = DEFAULT_SWITCH_INTERVAL_MICROS;
    private volatile int checkInterval = DEFAULT_CHECK_INTERVAL;

    /** The switch interval in microseconds, as stored. */
    public long switchIntervalMicros() {
        return switchIntervalMicros;
    }

    /** The switch interval in seconds, as {@code sys.getswitchinterval()} returns it. */
    public double switchIntervalSeconds() {
        return switchIntervalMicros / 1e6;
    }

    /**
     * How long a waiting thread waits before asking the holder to drop: the interval in
     * nanoseconds, at least one microsecond (CPython waits at least 1 µs too).
     */
    public long switchIntervalNanos() {
        return Math.max(1, switchIntervalMicros) * 1000L;
    }

    /**
     * Sets the interval from seconds, as {@code sys.setswitchinterval} does.
     *
     * @throws IllegalArgumentException if {@code seconds} is not strictly positive (CPython raises
     *     {@code ValueError: switch interval must be strictly positive})
     */
    public void setSwitchIntervalSeconds(double seconds) {
        if (!(seconds > 0.0)) {
            throw new IllegalArgumentException("switch interval must be strictly positive");
        }
        double micros = seconds * 1e6;
        switchIntervalMicros = micros >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) micros;
    }

    /** Instructions between check points in {@link CheckPoints#TICKS} mode. */
    public int checkInterval() {
        return checkInterval;
    }

    /**
     * Sets the check interval, as {@code sys.setcheckinterval} does.
     *
     * @throws IllegalArgumentException if {@code ticks} is not strictly positive
     */
    public void setCheckInterval(int ticks) {
        if (ticks <= 0) {
            throw new IllegalArgumentException("check interval must be strictly positive");
        }
        checkInterval = ticks;
    }
}
