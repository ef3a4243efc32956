package dev.stratus.sim.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A Poisson process whose rate goes linearly from {@code from} to {@code to} over {@code T}, then
 * stays at {@code to}. Sampled exactly by inversion: the cumulative rate {@code Λ(t) = a t + b t² / 2}
 * (a = from, b = (to - from) / T) is inverted at a running sum of unit exponentials, so every draw is
 * an arrival and there is no rejection. If {@code to} is 0 the arrivals end with the ramp.
 */
final class RampArrivals implements ArrivalProcess {

    private final ZigguratSampler.Exponential unit;
    private final double from;
    private final double to;
    private final double slope;
    private final double rampMicros;
    private final double rampHazard;
    private double hazard;
    private long last;

    RampArrivals(double fromPerSecond, double toPerSecond, double overSeconds, UniformRandomProvider rng) {
        this.unit = ZigguratSampler.Exponential.of(rng);
        this.from = ArrivalTimes.perMicro(fromPerSecond);
        this.to = ArrivalTimes.perMicro(toPerSecond);
        this.rampMicros = overSeconds * ArrivalTimes.MICROS_PER_SECOND;
        this.slope = (to - from) / rampMicros;
        this.rampHazard = rampMicros * (from + to) / 2;
    }

    @Override
    public long next() {
        hazard += unit.sample();
        double time;
        if (hazard <= rampHazard) {
            // The root of (slope / 2) t² + from t - hazard = 0 in the form that stays accurate when the
            // slope is small or negative; max(0, ...) absorbs rounding when the ramp falls to 0.
            double root = Math.sqrt(Math.max(0, from * from + 2 * slope * hazard));
            double denominator = from + root;
            time = denominator > 0 ? 2 * hazard / denominator : 0;
        } else if (to > 0) {
            time = rampMicros + (hazard - rampHazard) / to;
        } else {
            return Long.MAX_VALUE;
        }
        // The closed form is monotone, but its rounding need not be; arrivals must never go back.
        long next = Math.max(last, ArrivalTimes.round(time));
        last = next;
        return next;
    }
}
