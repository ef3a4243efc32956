package dev.stratus.sim.pool;

/**
 * How fast a function may start new instances: a token bucket of {@code burst} tokens refilled at
 * {@code burst} per {@code periodMicros} (AWS Lambda: 1,000 new execution environments every 10 s per
 * function). Times are microseconds.
 */
public final class ScaleOutLimit {

    /** No limit on how fast instances start. */
    public static final ScaleOutLimit NONE = new ScaleOutLimit(0, 0);

    private final long burst;
    private final long periodMicros;
    private final boolean unlimited;
    // Tokens are kept in units of 1/periodMicros to stay exact in integer arithmetic.
    private long scaledTokens;
    private long updatedAt;

    /**
     * @param burst instances that may start at once, and per period
     * @param periodMicros the refill period
     */
    public ScaleOutLimit(long burst, long periodMicros) {
        this.unlimited = burst <= 0 || periodMicros <= 0;
        this.burst = burst;
        this.periodMicros = periodMicros;
        this.scaledTokens = unlimited ? 0 : Math.multiplyExact(burst, periodMicros);
    }

    /** A fresh limit with the same settings (the limit holds state). */
    public ScaleOutLimit copy() {
        return unlimited ? NONE : new ScaleOutLimit(burst, periodMicros);
    }

    boolean canStart(long now) {
        if (unlimited) {
            return true;
        }
        refill(now);
        return scaledTokens >= periodMicros;
    }

    boolean tryStart(long now) {
        if (unlimited) {
            return true;
        }
        refill(now);
        if (scaledTokens < periodMicros) {
            return false;
        }
        scaledTokens -= periodMicros;
        return true;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            long full = burst * periodMicros;
            // elapsed * burst tokens-scaled; cap before multiplying to avoid overflow.
            long added = elapsed >= periodMicros ? full : elapsed * burst;
            scaledTokens = Math.min(full, scaledTokens + added);
            updatedAt = now;
        }
    }
}
