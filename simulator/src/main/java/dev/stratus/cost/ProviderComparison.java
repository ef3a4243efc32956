package dev.stratus.cost;

import dev.stratus.model.Provider;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.SimulationResult;
import java.util.Comparator;

/**
 * The design on one provider, beside the others: the same workloads simulated and priced there.
 * Latencies are end to end at the busiest trigger. A provider the design is not valid on has its
 * first error instead of figures.
 *
 * @param provider the provider's id ({@code aws}, {@code gcp}, ...)
 * @param name its display name
 * @param p50Ms the median end-to-end latency at the busiest trigger
 * @param p99Ms its 99th percentile
 * @param coldStartPercent cold starts, per cent of all invocations
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
        String error) {

    /** The design simulated and priced on {@code provider}. */
    public static ProviderComparison of(Provider provider, SimulationResult result, DesignCost cost) {
        EntryResult busiest = result.entries().stream()
                .max(Comparator.comparingLong(EntryResult::requests))
                .orElse(null);
        return new ProviderComparison(
                provider.id(),
                provider.displayName(),
                busiest == null ? 0 : busiest.latency().p50Ms(),
                busiest == null ? 0 : busiest.latency().p99Ms(),
                100 * result.totals().coldStartProbability(),
                cost.monthly().total(),
                cost.monthly().requests()
                        + cost.monthly().compute()
                        + cost.monthly().provisioned(),
                cost.monthly().gateway(),
                cost.monthly().services(),
                cost.perMillionRequests(),
                null);
    }

    /** A provider the design is not valid on, with the first error. */
    public static ProviderComparison invalid(Provider provider, String error) {
        return new ProviderComparison(provider.id(), provider.displayName(), 0, 0, 0, 0, 0, 0, 0, 0, error);
    }
}
