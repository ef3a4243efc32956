package dev.stratus.sim.result;

/**
 * The whole design: arrivals at its triggers and the sums over its functions.
 *
 * @param latency the end-to-end latency over the requests of every trigger together
 */
public record Totals(
        long requests,
        long invocations,
        long coldStarts,
        long warmStarts,
        long throttles,
        long errors,
        long timeouts,
        double coldStartProbability,
        double billedGbSeconds,
        Latency latency) {}
