package dev.stratus.sim.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a {@link ModelSimulation} measured. Probabilities are over all requests, rejected ones
 * included; averages are time-weighted from t = 0 (with no instances) to the end of the run; times
 * are seconds.
 */
@JsonPropertyOrder({
    "requests",
    "coldStarts",
    "rejections",
    "coldStartProbability",
    "rejectionProbability",
    "averageInstances",
    "averageBusyInstances",
    "averageIdleInstances",
    "utilization",
    "meanResponseTime",
    "simulatedSeconds",
    "wallSeconds"
})
public record ModelResult(
        long requests,
        long coldStarts,
        long rejections,
        double coldStartProbability,
        double rejectionProbability,
        double averageInstances,
        double averageBusyInstances,
        double averageIdleInstances,
        double utilization,
        double meanResponseTime,
        double simulatedSeconds,
        double wallSeconds) {}
