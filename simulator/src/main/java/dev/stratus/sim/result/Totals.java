package dev.stratus.sim.result;

/** The whole design: arrivals at its triggers and the sums over its functions. */
public record Totals(
        long requests,
        long invocations,
        long coldStarts,
        long warmStarts,
        long throttles,
        long errors,
        long timeouts,
        double coldStartProbability,
        double billedGbSeconds) {}
