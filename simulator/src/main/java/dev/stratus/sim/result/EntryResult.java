package dev.stratus.sim.result;

/**
 * The traffic at one entry trigger and its end-to-end latency: from arrival to the end of the work it
 * started (the response, for HTTP), over the requests that completed without error.
 *
 * @param histogram the same latencies as a distribution, for charts
 */
public record EntryResult(
        String id,
        String name,
        String kind,
        long requests,
        long completed,
        long failed,
        long throttled,
        long cacheHits,
        Latency latency,
        LatencyHistogram histogram) {}
