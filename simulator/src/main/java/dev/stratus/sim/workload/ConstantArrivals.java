package dev.stratus.sim.workload;

/**
 * Evenly spaced arrivals: the k-th (from 1) at {@code k / rate}, rounded to the microsecond. Each
 * time is computed from k rather than by adding periods, so rounding does not accumulate.
 */
final class ConstantArrivals implements ArrivalProcess {

    private final double periodMicros;
    private long count;

    ConstantArrivals(double ratePerSecond) {
        this.periodMicros = ArrivalTimes.MICROS_PER_SECOND / ratePerSecond;
    }

    @Override
    public long next() {
        count++;
        return ArrivalTimes.round(count * periodMicros);
    }
}
