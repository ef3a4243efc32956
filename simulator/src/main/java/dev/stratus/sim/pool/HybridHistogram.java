package dev.stratus.sim.pool;

/**
 * The hybrid histogram keep-alive policy of "Serverless in the Wild" (Shahrad et al., ATC'20), for
 * one function: a histogram of its idle times (the gaps between the moment it last had no request
 * running and its next request) in 1-minute bins over 4 hours. While the histogram is representative,
 * an instance that goes idle is unloaded, pre-warmed again after the pre-warm window (the idle times'
 * 5th percentile, less a 10% margin) and kept for the keep-alive window (the 99th percentile minus
 * the pre-warm window, plus a 10% margin). Otherwise the fixed fallback keep-alive applies, with no pre-warm.
 *
 * <p>Representative means: at least {@link #MIN_SAMPLES} idle times, at most half of them beyond 4
 * hours, and bin counts whose coefficient of variation is at least {@link #MIN_CV} (a flat histogram
 * predicts nothing). Times are microseconds.
 */
public final class HybridHistogram {

    public static final long BIN_MICROS = 60_000_000L;
    public static final int BINS = 240;
    public static final int MIN_SAMPLES = 10;
    public static final double MIN_CV = 2;

    private final long fallbackKeepAlive;
    private final long[] counts = new long[BINS];
    private long inBounds;
    private long outOfBounds;
    private boolean dirty = true;
    private long prewarm;
    private long keepAlive;

    /** @param fallbackKeepAliveMicros the fixed keep-alive while the histogram is not representative */
    public HybridHistogram(long fallbackKeepAliveMicros) {
        this.fallbackKeepAlive = fallbackKeepAliveMicros;
    }

    /** Records one idle time. */
    public void record(long idleMicros) {
        long bin = idleMicros / BIN_MICROS;
        if (bin >= BINS) {
            outOfBounds++;
        } else {
            counts[(int) bin]++;
            inBounds++;
        }
        dirty = true;
    }

    /** How long after going idle an instance is loaded again; 0 keeps it loaded. */
    public long prewarmMicros() {
        update();
        return prewarm;
    }

    /** How long an instance stays loaded after its pre-warm (or after going idle, without one). */
    public long keepAliveMicros() {
        update();
        return keepAlive;
    }

    public boolean representative() {
        if (inBounds + outOfBounds < MIN_SAMPLES || outOfBounds * 2 > inBounds + outOfBounds) {
            return false;
        }
        double mean = (double) inBounds / BINS;
        double squares = 0;
        for (long count : counts) {
            squares += (count - mean) * (count - mean);
        }
        return Math.sqrt(squares / BINS) / mean >= MIN_CV;
    }

    private void update() {
        if (!dirty) {
            return;
        }
        dirty = false;
        if (!representative()) {
            prewarm = 0;
            keepAlive = fallbackKeepAlive;
            return;
        }
        long head = percentileBin(0.05) * BIN_MICROS;
        long tail = (percentileBin(0.99) + 1) * BIN_MICROS;
        prewarm = Math.round(head * 0.9);
        keepAlive = Math.round((tail - prewarm) * 1.1);
    }

    private long percentileBin(double share) {
        long wanted = (long) Math.ceil(share * inBounds);
        long seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += counts[bin];
            if (seen >= Math.max(1, wanted)) {
                return bin;
            }
        }
        return BINS - 1;
    }
}
