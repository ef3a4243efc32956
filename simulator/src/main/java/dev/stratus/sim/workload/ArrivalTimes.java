package dev.stratus.sim.workload;

/** Conversions between the continuous times the processes compute and the simulator's microseconds. */
final class ArrivalTimes {

    static final double MICROS_PER_SECOND = 1_000_000;

    /**
     * Times from 2^62 µs (about 146,000 years) on count as never, so that a process's clock can grow
     * without overflowing a {@code long}.
     */
    static final double HORIZON_MICROS = 0x1p62;

    private ArrivalTimes() {}

    /** The nearest whole microsecond to a non-negative time, or {@link Long#MAX_VALUE} past the horizon. */
    static long round(double micros) {
        // Truncating after adding 0.5 rounds half up for non-negative times, cheaper than Math.round.
        return micros < HORIZON_MICROS ? (long) (micros + 0.5) : Long.MAX_VALUE;
    }

    /** A rate per second as a rate per microsecond. */
    static double perMicro(double perSecond) {
        return perSecond / MICROS_PER_SECOND;
    }
}
