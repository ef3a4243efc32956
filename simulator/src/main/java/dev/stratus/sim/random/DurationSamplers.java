package dev.stratus.sim.random;

import dev.stratus.model.Distribution;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Makes {@link DurationSampler}s for the model's {@link Distribution}s (whose means are in
 * milliseconds) and for the few fixed shapes the queueing-model command needs (means in seconds).
 *
 * <p>Every sampler rounds to the nearest whole microsecond, never returns less than 0 and never more
 * than {@link #MAX_MICROS}, so that adding a sample to a simulated time cannot overflow. A mean of 0
 * gives a sampler that always returns 0 and draws nothing from its stream.
 */
public final class DurationSamplers {

    /** The largest duration a sampler returns: 2^62 µs, about 146,000 years. */
    public static final long MAX_MICROS = 1L << 62;

    private static final double MAX_MICROS_DOUBLE = MAX_MICROS;
    private static final double MICROS_PER_MS = 1_000;
    private static final double MICROS_PER_SECOND = 1_000_000;

    private DurationSamplers() {}

    /**
     * A sampler of the distribution, drawing from {@code rng}.
     *
     * <ul>
     *   <li>constant: always the mean;
     *   <li>exponential: ziggurat exponential with the mean;
     *   <li>lognormal: {@code exp(mu + sigma * z)} with {@code sigma² = ln(1 + cv²)} and {@code mu =
     *       ln(mean) - sigma² / 2}, so that the mean and cv are the ones asked for;
     *   <li>gamma: shape {@code 1 / cv²} and scale {@code mean * cv²}.
     * </ul>
     */
    public static DurationSampler of(Distribution distribution, UniformRandomProvider rng) {
        Objects.requireNonNull(distribution, "distribution is missing");
        Objects.requireNonNull(rng, "rng is missing");
        double mean = distribution.meanMs() * MICROS_PER_MS;
        if (mean == 0) {
            return new Constant(0);
        }
        double cv = distribution.coefficientOfVariation();
        return switch (distribution.shape()) {
            case CONSTANT -> new Constant(mean);
            case EXPONENTIAL -> new Continuous(ZigguratSampler.Exponential.of(rng, mean), mean);
            case LOGNORMAL -> new Lognormal(rng, mean, cv);
            case GAMMA ->
                new Continuous(AhrensDieterMarsagliaTsangGammaSampler.of(rng, 1 / (cv * cv), mean * cv * cv), mean);
        };
    }

    /** An exponential sampler whose mean is given in seconds (at least 0). */
    public static DurationSampler exponentialSeconds(double meanSeconds, UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng is missing");
        double mean = micros(meanSeconds);
        return mean == 0 ? new Constant(0) : new Continuous(ZigguratSampler.Exponential.of(rng, mean), mean);
    }

    /** A sampler that always returns the given duration, in seconds (at least 0), as microseconds. */
    public static DurationSampler constantSeconds(double seconds) {
        return new Constant(micros(seconds));
    }

    private static double micros(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("a mean in seconds must be zero or more, not " + seconds);
        }
        return seconds * MICROS_PER_SECOND;
    }

    /** Rounds a non-negative duration to whole microseconds, saturating at {@link #MAX_MICROS}. */
    static long round(double micros) {
        if (micros < MAX_MICROS_DOUBLE) {
            // Adding 0.5 and truncating rounds half up, and is cheaper than Math.round.
            return micros > 0 ? (long) (micros + 0.5) : 0;
        }
        // Written so that NaN, which a positive mean cannot produce, would give 0 rather than garbage.
        return micros >= MAX_MICROS_DOUBLE ? MAX_MICROS : 0;
    }

    /** Always the same duration. */
    private static final class Constant implements DurationSampler {
        private final long micros;

        Constant(double micros) {
            this.micros = round(micros);
        }

        @Override
        public long sampleMicros() {
            return micros;
        }

        @Override
        public double meanMicros() {
            return micros;
        }

        @Override
        public String toString() {
            return micros + " µs";
        }
    }

    /** A commons-rng sampler that already produces microseconds. */
    private static final class Continuous implements DurationSampler {
        private final ContinuousSampler sampler;
        private final double mean;

        Continuous(ContinuousSampler sampler, double mean) {
            this.sampler = sampler;
            this.mean = mean;
        }

        @Override
        public long sampleMicros() {
            return round(sampler.sample());
        }

        @Override
        public double meanMicros() {
            return mean;
        }

        @Override
        public String toString() {
            return sampler + ", mean " + mean + " µs";
        }
    }

    /** exp(mu + sigma z) with z standard normal. */
    private static final class Lognormal implements DurationSampler {
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private final double mu;
        private final double sigma;
        private final double mean;

        Lognormal(UniformRandomProvider rng, double mean, double cv) {
            double sigmaSquared = Math.log1p(cv * cv);
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            this.sigma = Math.sqrt(sigmaSquared);
            this.mu = Math.log(mean) - sigmaSquared / 2;
            this.mean = mean;
        }

        @Override
        public long sampleMicros() {
            return round(Math.exp(mu + sigma * gaussian.sample()));
        }

        @Override
        public double meanMicros() {
            return mean;
        }

        @Override
        public String toString() {
            return "lognormal(mu " + mu + ", sigma " + sigma + "), mean " + mean + " µs";
        }
    }
}
