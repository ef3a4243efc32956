package dev.stratus.sim.bench;

/**
 * One benchmark scenario's figures.
 *
 * @param scenario what was simulated
 * @param simulatedRequests requests (invocations) simulated
 * @param simulatedSeconds simulated time, s
 * @param wallSeconds wall-clock time of the measured run, s
 * @param requestsPerSecond simulated requests per wall-clock second
 * @param peakHeapMb the most heap in use during the measured run, MB
 */
public record BenchResult(
        String scenario,
        long simulatedRequests,
        double simulatedSeconds,
        double wallSeconds,
        double requestsPerSecond,
        double peakHeapMb) {}
