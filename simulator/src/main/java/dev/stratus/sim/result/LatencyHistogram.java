package dev.stratus.sim.result;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

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

    /** Buckets in a decade. */
    private static final int PER_DECADE = 10;

    public LatencyHistogram {
        if (upperMs.length != counts.length) {
            throw new IllegalArgumentException("a histogram needs one count per bucket");
        }
    }

    /**
     * The distribution of a histogram of microseconds. Each value is taken at the top of its
     * HdrHistogram bucket (as {@link Latency}'s percentiles are), so a value within the histogram's
     * 1% resolution of a bound may land in the bucket above it.
     */
    public static LatencyHistogram of(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        int first = bucket(micros.highestEquivalentValue(micros.getMinValue()));
        int last = bucket(micros.highestEquivalentValue(micros.getMaxValue()));
        long[] counts = new long[last - first + 1];
        for (HistogramIterationValue value : micros.recordedValues()) {
            counts[bucket(value.getValueIteratedTo()) - first] += value.getCountAddedInThisIterationStep();
        }
        double[] upper = new double[counts.length];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = upperBound(first + i);
        }
        return new LatencyHistogram(upper, counts);
    }

    /** The values counted, over all buckets. */
    public long total() {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }

    /** The bucket {@code k} whose range {@code (10^((k-1)/10), 10^(k/10)]} ms holds {@code micros}. */
    private static int bucket(long micros) {
        double ms = Math.max(1, micros) / 1000.0;
        int k = (int) Math.ceil(PER_DECADE * Math.log10(ms));
        // log10 may be a hair off at a bound: settle it against the bounds themselves.
        while (ms > upperBound(k)) {
            k++;
        }
        while (ms <= upperBound(k - 1)) {
            k--;
        }
        return k;
    }

    private static double upperBound(int k) {
        return Math.pow(10, k / (double) PER_DECADE);
    }
}
