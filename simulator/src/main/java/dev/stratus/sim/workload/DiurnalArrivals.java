package dev.stratus.sim.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A Poisson process with a daily cycle, {@code λ(t) = mean · (1 + amplitude · cos(2π (h - peakHour) /
 * 24))} where h is the hour of the simulated day (the run starts at hour 0). Sampled by thinning
 * (Lewis–Shedler): candidates at the maximum rate {@code mean · (1 + amplitude)}, each kept with
 * probability {@code λ(t) / max}; at least half are kept since amplitude is at most 1.
 */
final class DiurnalArrivals implements ArrivalProcess {

    private static final double MICROS_PER_DAY = 86_400 * ArrivalTimes.MICROS_PER_SECOND;

    private final UniformRandomProvider rng;
    private final ZigguratSampler.Exponential candidates;
    private final double amplitude;
    private final double radiansPerMicro;
    private final double peakRadians;
    private double time;

    DiurnalArrivals(double meanPerSecond, double amplitude, double peakHour, UniformRandomProvider rng) {
        this.rng = rng;
        double maxPerSecond = meanPerSecond * (1 + amplitude);
        this.candidates = ZigguratSampler.Exponential.of(rng, ArrivalTimes.MICROS_PER_SECOND / maxPerSecond);
        this.amplitude = amplitude;
        this.radiansPerMicro = 2 * Math.PI / MICROS_PER_DAY;
        this.peakRadians = 2 * Math.PI * peakHour / 24;
    }

    @Override
    public long next() {
        double bound = 1 + amplitude;
        while (time < ArrivalTimes.HORIZON_MICROS) {
            time += candidates.sample();
            double relative = 1 + amplitude * Math.cos(radiansPerMicro * time - peakRadians);
            if (rng.nextDouble() * bound < relative) {
                return ArrivalTimes.round(time);
            }
        }
        return Long.MAX_VALUE;
    }
}
