package dev.stratus.sim.workload;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A Poisson process at a base rate with bursts at a peak rate during {@code [start + n·every, start +
 * n·every + duration)}, n = 0, 1, ... (only n = 0 when {@code every} is 0; always the peak after the
 * start when bursts overlap). The rate is piecewise constant, so it is sampled exactly: a unit
 * exponential of cumulative rate is spent segment by segment, and whole burst cycles at a time when it
 * outlasts one, so the work per arrival stays bounded however short the cycle.
 */
final class SpikeArrivals implements ArrivalProcess {

    private static final double FOREVER = Double.POSITIVE_INFINITY;

    private final ZigguratSampler.Exponential unit;
    private final double base;
    private final double peak;
    private final double start;
    private final double duration;
    private final double every;
    private final boolean overlapping;
    /** The cumulative rate of one whole cycle, a burst and the gap after it; 0 if bursts do not repeat. */
    private final double cycleHazard;

    private double time;
    private double segmentRate;
    private double segmentEnd;
    private boolean inBurst;
    private long burst;
    private long last;

    SpikeArrivals(
            double basePerSecond,
            double peakPerSecond,
            double startSeconds,
            double durationSeconds,
            double everySeconds,
            UniformRandomProvider rng) {
        this.unit = ZigguratSampler.Exponential.of(rng);
        this.base = ArrivalTimes.perMicro(basePerSecond);
        this.peak = ArrivalTimes.perMicro(peakPerSecond);
        this.start = startSeconds * ArrivalTimes.MICROS_PER_SECOND;
        this.duration = durationSeconds * ArrivalTimes.MICROS_PER_SECOND;
        this.every = everySeconds * ArrivalTimes.MICROS_PER_SECOND;
        this.overlapping = every > 0 && duration >= every;
        this.cycleHazard = every > 0 && !overlapping ? peak * duration + base * (every - duration) : 0;
        if (start > 0) {
            burst = -1;
            segmentRate = base;
            segmentEnd = start;
        } else {
            enterBurst(0);
        }
    }

    @Override
    public long next() {
        double remaining = unit.sample();
        while (time < ArrivalTimes.HORIZON_MICROS) {
            if (segmentRate > 0) {
                double candidate = time + remaining / segmentRate;
                if (candidate < segmentEnd) {
                    time = candidate;
                    long next = Math.max(last, ArrivalTimes.round(candidate));
                    last = next;
                    return next;
                }
                remaining = Math.max(0, remaining - (segmentEnd - time) * segmentRate);
            }
            if (segmentEnd == FOREVER) {
                break;
            }
            time = segmentEnd;
            if (inBurst) {
                leaveBurst();
            } else if (cycleHazard > 0 && remaining >= cycleHazard) {
                long cycles = (long) Math.min(remaining / cycleHazard, ArrivalTimes.HORIZON_MICROS);
                remaining = Math.max(0, remaining - cycles * cycleHazard);
                enterBurst(burst + 1 + cycles);
                time = start + burst * every;
            } else {
                enterBurst(burst + 1);
            }
        }
        time = FOREVER;
        return Long.MAX_VALUE;
    }

    private void enterBurst(long n) {
        burst = n;
        inBurst = true;
        segmentRate = peak;
        segmentEnd = overlapping ? FOREVER : start + n * every + duration;
    }

    private void leaveBurst() {
        inBurst = false;
        segmentRate = base;
        segmentEnd = every > 0 ? start + (burst + 1) * every : FOREVER;
    }
}
