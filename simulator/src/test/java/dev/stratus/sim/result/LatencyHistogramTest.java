package dev.stratus.sim.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private static Histogram micros(long... values) {
        Histogram h = new Histogram(1, 86_400_000_000L, 2);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    @Test
    void nothingMeasuredIsEmpty() {
        LatencyHistogram empty = LatencyHistogram.of(micros());
        assertThat(empty.upperMs()).isEmpty();
        assertThat(empty.counts()).isEmpty();
    }

    @Test
    void bucketsAreTenToADecadeFromTheSmallestValueToTheLargest() {
        // 1.5 ms is in (1.259, 1.585]; 150 ms in (125.9, 158.5]: twenty buckets from one to the other.
        LatencyHistogram h = LatencyHistogram.of(micros(1_500, 1_500, 150_000));
        assertThat(h.upperMs()).hasSize(21);
        assertThat(h.upperMs()[0]).isCloseTo(Math.pow(10, 0.2), within(1e-12));
        assertThat(h.upperMs()[20]).isCloseTo(Math.pow(10, 2.2), within(1e-9));
        for (int i = 1; i < h.upperMs().length; i++) {
            assertThat(h.upperMs()[i]).isGreaterThan(h.upperMs()[i - 1]);
            assertThat(h.upperMs()[i] / h.upperMs()[i - 1]).isCloseTo(Math.pow(10, 0.1), within(1e-9));
        }
        assertThat(h.counts()[0]).isEqualTo(2);
        assertThat(h.counts()[20]).isEqualTo(1);
        assertThat(h.total()).isEqualTo(3);
    }

    @Test
    void aSingleValueMakesASingleBucketThatHoldsIt() {
        LatencyHistogram h = LatencyHistogram.of(micros(42_000, 42_000, 42_000));
        assertThat(h.counts()).containsExactly(3);
        assertThat(h.upperMs()[0]).isGreaterThanOrEqualTo(42.0).isLessThan(42.0 * Math.pow(10, 0.1));
    }
}
