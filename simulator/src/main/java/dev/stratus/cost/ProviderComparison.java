package dev.stratus.cost;

/**
 * The design on one provider, beside the others: the same workloads simulated and priced there.
 * Latencies are end to end at the busiest trigger. A provider the design is not valid on has its
 * first error instead of figures.
 *
 * @param provider the provider's id ({@code aws}, {@code gcp}, ...)
 * @param name its display name
 * @param monthlyCost the whole bill for a 30-day month, USD
 * @param functionsCost the functions' part of it: requests, compute and provisioned concurrency
 * @param gatewayCost the API gateway's part
 * @param servicesCost the services' part
 * @param costPerMillion the bill per million requests arriving at the design
 * @param error why the design is not valid on this provider, or {@code null}
 */
public record ProviderComparison(
        String provider,
        String name,
        double p50Ms,
        double p99Ms,
        double coldStartPercent,
        double monthlyCost,
        double functionsCost,
        double gatewayCost,
        double servicesCost,
        double costPerMillion,
        String error) {}
