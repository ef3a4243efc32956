package dev.stratus.sim.graph;

/**
 * A token bucket: {@code burst} tokens, refilled at {@code ratePerSecond}; a request takes one token
 * or is throttled. Times are microseconds; a time earlier than the last one seen counts as that one.
 */
final class TokenBucket {

    private final double ratePerMicro;
    private final double burst;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, double burst) {
        this.ratePerMicro = ratePerSecond / 1e6;
        this.burst = burst;
        this.tokens = burst;
    }

    /** An unlimited bucket, or one for {@code ratePerSecond} with a burst of one second's worth. */
    static TokenBucket forCapacity(Double ratePerSecond) {
        return ratePerSecond == null ? null : new TokenBucket(ratePerSecond, Math.max(1, ratePerSecond));
    }

    boolean tryTake(long now) {
        if (now > updatedAt) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * ratePerMicro);
            updatedAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
