package dev.stratus.sim.result;

/**
 * The run over time, for charts, in buckets of {@code stepSeconds}: arrivals at the triggers, cold
 * starts, failed or throttled invocations, and the instances (all, and busy ones) of all functions at
 * the end of each bucket. At most {@link #MAX_POINTS} buckets: a long run gets wider ones.
 */
// Arrays keep 10,000 points compact; the series is compared and printed through its JSON, not equals.
@SuppressWarnings("ArrayRecordComponent")
public record TimeSeries(
        double stepSeconds, long[] arrivals, long[] coldStarts, long[] failures, int[] instances, int[] busyInstances) {

    public static final int MAX_POINTS = 10_000;
}
