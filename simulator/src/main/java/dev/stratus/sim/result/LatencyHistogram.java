package dev.stratus.sim.result;

/**
 * A latency distribution in logarithmic buckets, ten to a decade of milliseconds: bucket {@code i}
 * counts the values above {@code upperMs[i - 1]} (above 0 for the first) and at most {@code
 * upperMs[i]}. Only the buckets from the smallest value to the largest are kept, so it holds at most
 * a few dozen buckets; empty when nothing was measured.
 *
 * @param upperMs each bucket's upper bound, ms, increasing
 * @param counts how many values fell in each bucket
 */
// Arrays keep the buckets compact; the histogram is compared and printed through its JSON, not equals.
@SuppressWarnings("ArrayRecordComponent")
public record LatencyHistogram(double[] upperMs, long[] counts) {

    public static final LatencyHistogram EMPTY = new LatencyHistogram(new double[0], new long[0]);

    public LatencyHistogram {
        if (upperMs.length != counts.length) {
            throw new IllegalArgumentException("a histogram needs one count per bucket");
        }
    }
}
