package dev.stratus.learn;

import dev.stratus.run.RunReport;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.Latency;
import dev.stratus.sim.result.Totals;

/**
 * The figures of one run that the experiments compare, taken from its {@link RunReport}.
 *
 * @param requests requests that arrived at the design's triggers
 * @param invocations function invocations, throttled ones included
 * @param coldStarts invocations that started cold
 * @param coldStartShare cold starts over invocations, 0 to 1
 * @param p50Ms median end-to-end latency over every trigger's requests, ms
 * @param p95Ms the 95th percentile, ms
 * @param p99Ms the 99th percentile, ms
 * @param throttles invocations turned away by a concurrency limit
 * @param peakInstances the sum of each function's peak instances (an upper bound on the design's
 *     peak, since the functions need not peak together)
 * @param meanRunMs a function run's mean duration, weighted by invocations, ms
 * @param monthlyUsd the bill for a 30-day month of this traffic, USD; 0 when the run was not priced
 * @param provisionedUsd the provisioned-concurrency part of that bill, USD
 */
public record RunFigures(
        long requests,
        long invocations,
        long coldStarts,
        double coldStartShare,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        long throttles,
        int peakInstances,
        double meanRunMs,
        double monthlyUsd,
        double provisionedUsd) {

    /** The figures of {@code report}. */
    public static RunFigures of(RunReport report) {
        Totals totals = report.simulation().totals();
        Latency latency = totals.latency();
        int peak = 0;
        double runMs = 0;
        long runs = 0;
        for (FunctionResult f : report.simulation().functions()) {
            peak += f.peakInstances();
            runMs += f.latency().meanMs() * f.latency().count();
            runs += f.latency().count();
        }
        return new RunFigures(
                totals.requests(),
                totals.invocations(),
                totals.coldStarts(),
                totals.coldStartProbability(),
                latency.p50Ms(),
                latency.p95Ms(),
                latency.p99Ms(),
                totals.throttles(),
                peak,
                runs == 0 ? 0 : runMs / runs,
                report.cost() == null ? 0 : report.cost().monthly().total(),
                report.cost() == null ? 0 : report.cost().monthly().provisioned());
    }
}
