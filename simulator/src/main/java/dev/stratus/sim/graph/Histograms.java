package dev.stratus.sim.graph;

import org.HdrHistogram.Histogram;

/** Latency histograms: microseconds from 1 µs to one day, two significant digits (1% resolution). */
final class Histograms {

    static final long HIGHEST = 86_400_000_000L;

    private Histograms() {}

    static Histogram create() {
        return new Histogram(1, HIGHEST, 2);
    }

    static long clamp(long micros) {
        return Math.max(1, Math.min(HIGHEST, micros));
    }
}
