package dev.stratus.sim.result;

import org.HdrHistogram.AbstractHistogram;

/** Percentiles of a latency, in milliseconds (1% resolution); zeros when nothing was measured. */
public record Latency(long count, double meanMs, double p50Ms, double p90Ms, double p95Ms, double p99Ms, double maxMs) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0);

    /** The percentiles of a histogram of microseconds. */
    public static Latency of(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(
                micros.getTotalCount(),
                round(micros.getMean() / 1000),
                ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(95)),
                ms(micros.getValueAtPercentile(99)),
                ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    /** Three decimals (microseconds), so printed JSON is short and stable. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
