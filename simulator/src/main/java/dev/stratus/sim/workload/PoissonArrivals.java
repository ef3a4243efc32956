package dev.stratus.sim.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A homogeneous Poisson process: exponential gaps with mean {@code 1 / rate}. The clock is kept in
 * fractional microseconds so that rates above a million per second are not distorted by rounding
 * each gap.
 */
final class PoissonArrivals implements ArrivalProcess {

    private final ZigguratSampler.Exponential gaps;
    private double time;

    PoissonArrivals(double ratePerSecond, UniformRandomProvider rng) {
        this.gaps = ZigguratSampler.Exponential.of(rng, ArrivalTimes.MICROS_PER_SECOND / ratePerSecond);
    }

    @Override
    public long next() {
        time += gaps.sample();
        return ArrivalTimes.round(time);
    }
}
