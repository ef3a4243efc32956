package dev.stratus.sim.random;

/**
 * Draws durations in whole microseconds from one distribution and one random stream.
 *
 * <p>Invariants: {@link #sampleMicros()} is never negative, allocates nothing and boxes nothing;
 * a sampler whose mean is 0 always returns 0. A sampler owns its stream's state, so it is not
 * thread-safe.
 */
public interface DurationSampler {

    /** The next duration, in microseconds, rounded to the nearest whole microsecond; at least 0. */
    long sampleMicros();

    /** The distribution's mean in microseconds, before rounding. */
    double meanMicros();
}
