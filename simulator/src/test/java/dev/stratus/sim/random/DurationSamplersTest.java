package dev.stratus.sim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.Distribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Each sampler's sample mean and coefficient of variation over many draws must lie within five
 * standard errors of the requested ones. The standard errors come from the distribution's own
 * skewness and kurtosis (delta method), so the tolerances are as tight as the sample size allows.
 */
class DurationSamplersTest {

    private static final int DRAWS = 200_000;
    private static final double Z = 5;

    private final RandomStreams streams = new RandomStreams(20_260_105L);

    private UniformRandomProvider rng(String id) {
        return streams.stream(id);
    }

    @Test
    void aConstantGivesExactlyTheConstant() {
        DurationSampler sampler = DurationSamplers.of(Distribution.constant(12.3456), rng("constant"));
        for (int i = 0; i < 1000; i++) {
            assertThat(sampler.sampleMicros()).isEqualTo(12_346L);
        }
        assertThat(sampler.meanMicros()).isEqualTo(12_346.0);
    }

    @Test
    void aConstantInSecondsIsConvertedToMicroseconds() {
        DurationSampler sampler = DurationSamplers.constantSeconds(0.25);
        assertThat(sampler.sampleMicros()).isEqualTo(250_000L);
        assertThat(sampler.sampleMicros()).isEqualTo(250_000L);
    }

    @Test
    void aMeanOfZeroAlwaysGivesZeroWhateverTheShape() {
        Distribution[] zeros = {
            Distribution.constant(0),
            Distribution.exponential(0),
            Distribution.lognormal(0, 1),
            Distribution.gamma(0, 2)
        };
        for (Distribution zero : zeros) {
            DurationSampler sampler = DurationSamplers.of(zero, rng("zero"));
            for (int i = 0; i < 100; i++) {
                assertThat(sampler.sampleMicros()).as("%s", zero).isZero();
            }
            assertThat(sampler.meanMicros()).isZero();
        }
        assertThat(DurationSamplers.exponentialSeconds(0, rng("zero")).sampleMicros())
                .isZero();
    }

    @Test
    void exponentialDurationsHaveTheMeanAndACvOfOne() {
        DurationSampler sampler = DurationSamplers.of(Distribution.exponential(40), rng("exponential"));
        assertThat(sampler.meanMicros()).isEqualTo(40_000.0);
        assertMoments(sampler, 40_000, 1, 2, 9);
    }

    @Test
    void exponentialDurationsInSecondsHaveTheMean() {
        assertMoments(DurationSamplers.exponentialSeconds(0.2, rng("seconds")), 200_000, 1, 2, 9);
    }

    @Test
    void lognormalDurationsHaveTheMeanAndCvAskedFor() {
        assertLognormal(120, 0.5);
        assertLognormal(120, 1);
    }

    @Test
    void gammaDurationsHaveTheMeanAndCvAskedFor() {
        assertGamma(80, 0.5);
        // A cv above 1 takes the Ahrens-Dieter branch of the gamma sampler.
        assertGamma(80, 2);
    }

    @Test
    void durationsAreNeverNegativeEvenBelowAMicrosecond() {
        DurationSampler sampler = DurationSamplers.of(Distribution.lognormal(0.0004, 3), rng("tiny"));
        long zeros = 0;
        for (int i = 0; i < 10_000; i++) {
            long sample = sampler.sampleMicros();
            assertThat(sample).isNotNegative();
            zeros += sample == 0 ? 1 : 0;
        }
        assertThat(zeros).isPositive();
    }

    @Test
    void hugeDurationsSaturateInsteadOfOverflowing() {
        assertThat(DurationSamplers.round(1e30)).isEqualTo(DurationSamplers.MAX_MICROS);
        assertThat(DurationSamplers.round(Double.POSITIVE_INFINITY)).isEqualTo(DurationSamplers.MAX_MICROS);
        assertThat(DurationSamplers.round(2.5)).isEqualTo(3);
        assertThat(DurationSamplers.round(2.49)).isEqualTo(2);
    }

    @Test
    void theSameStreamGivesTheSameDurations() {
        Distribution distribution = Distribution.gamma(30, 0.7);
        DurationSampler first = DurationSamplers.of(distribution, new RandomStreams(9).stream("db", "execution"));
        DurationSampler second = DurationSamplers.of(distribution, new RandomStreams(9).stream("db", "execution"));
        for (int i = 0; i < 1000; i++) {
            assertThat(second.sampleMicros()).isEqualTo(first.sampleMicros());
        }
    }

    @Test
    void aNegativeMeanInSecondsIsRefused() {
        assertThatThrownBy(() -> DurationSamplers.constantSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertLognormal(double meanMs, double cv) {
        double w = 1 + cv * cv;
        double skewness = (w + 2) * Math.sqrt(w - 1);
        double kurtosis = w * w * w * w + 2 * w * w * w + 3 * w * w - 3;
        DurationSampler sampler = DurationSamplers.of(Distribution.lognormal(meanMs, cv), rng("lognormal" + cv));
        assertMoments(sampler, meanMs * 1000, cv, skewness, kurtosis);
    }

    private void assertGamma(double meanMs, double cv) {
        DurationSampler sampler = DurationSamplers.of(Distribution.gamma(meanMs, cv), rng("gamma" + cv));
        assertMoments(sampler, meanMs * 1000, cv, 2 * cv, 3 + 6 * cv * cv);
    }

    /**
     * Checks the sample mean and cv against the true ones, with standard errors from the true cv,
     * skewness and (non-excess) kurtosis: se(mean) = σ/√n; var(cv̂) ≈ cv²/n · ((κ - 1)/4 + cv² - γ·cv).
     */
    private static void assertMoments(
            DurationSampler sampler, double mean, double cv, double skewness, double kurtosis) {
        double runningMean = 0;
        double sumSquares = 0;
        for (int i = 1; i <= DRAWS; i++) {
            long x = sampler.sampleMicros();
            assertThat(x).isNotNegative();
            double delta = x - runningMean;
            runningMean += delta / i;
            sumSquares += delta * (x - runningMean);
        }
        double sampleCv = Math.sqrt(sumSquares / (DRAWS - 1)) / runningMean;

        double meanError = Z * mean * cv / Math.sqrt(DRAWS);
        double cvError = Z * cv * Math.sqrt(((kurtosis - 1) / 4 + cv * cv - skewness * cv) / DRAWS);
        assertThat(runningMean).as("sample mean (µs)").isCloseTo(mean, within(meanError));
        assertThat(sampleCv).as("sample cv").isCloseTo(cv, within(cvError));
    }
}
