package dev.stratus.sim.trace;

/**
 * What a function's running costs, to tick "money spent so far" during playback: list prices of the
 * first paid tier, the free tier ignored.
 *
 * @param functionId the function's node id
 * @param usdPerRequest USD per invocation
 * @param usdPerBilledSecond USD per billed second of one run at the function's memory (every compute
 *     meter the provider bills, such as GB-seconds, times the function's size on it)
 * @param memoryMb the function's memory, MB
 * @param keepAliveSeconds how long an idle instance stays warm, s ({@link Double#POSITIVE_INFINITY}
 *     if never reclaimed); under the hybrid policy the provider's default it starts from
 * @param instanceLimit the most instances at once
 * @param perInstance requests one instance serves at once
 * @param provisionedNote what provisioned concurrency adds that playback does not tick, or "" when
 *     the function has none
 */
public record FunctionRate(
        String functionId,
        double usdPerRequest,
        double usdPerBilledSecond,
        double memoryMb,
        double keepAliveSeconds,
        int instanceLimit,
        int perInstance,
        String provisionedNote) {}
