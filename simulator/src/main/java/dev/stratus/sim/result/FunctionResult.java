package dev.stratus.sim.result;

/**
 * What one function did in a run. Probabilities are over invocations (throttled ones included);
 * instance averages are time-weighted over the run; billed GB-seconds count each run's duration
 * rounded up to 1 ms, its cold-start init included, times its memory.
 */
public record FunctionResult(
        String id,
        String name,
        int memoryMb,
        long invocations,
        long coldStarts,
        long warmStarts,
        long throttles,
        long errors,
        long timeouts,
        long retries,
        long dropped,
        double coldStartProbability,
        double rejectionProbability,
        Latency latency,
        double averageInstances,
        double averageBusyInstances,
        double averageIdleInstances,
        int peakConcurrency,
        int peakInstances,
        double utilization,
        double billedSeconds,
        double provisionedBilledSeconds,
        int provisionedInstances,
        double billedGbSeconds) {}
