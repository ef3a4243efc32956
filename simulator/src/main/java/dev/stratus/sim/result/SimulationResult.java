package dev.stratus.sim.result;

import java.util.List;

/**
 * Everything a simulation of a design measured. Times are seconds unless a name says otherwise.
 *
 * @param simulatedSeconds the simulated time the figures cover: the whole duration asked for, or
 *     less when the run was stopped early
 * @param partial whether the run was stopped before the end of its duration (cancelled); its figures
 *     then cover {@code simulatedSeconds} only
 * @param edges the traffic along each edge, in the order of the design's edges
 * @param windows the run over time per trigger, function and queue, for charts
 */
public record SimulationResult(
        String project,
        String provider,
        long seed,
        double simulatedSeconds,
        boolean partial,
        long events,
        Totals totals,
        List<EntryResult> entries,
        List<FunctionResult> functions,
        List<QueueResult> queues,
        List<ServiceResult> services,
        List<EdgeResult> edges,
        TimeSeries timeSeries,
        WindowSeries windows,
        double wallSeconds) {

    public SimulationResult {
        entries = List.copyOf(entries);
        functions = List.copyOf(functions);
        queues = List.copyOf(queues);
        services = List.copyOf(services);
        edges = List.copyOf(edges);
    }

    /** The same result with {@code wallSeconds} zero: what two runs with one seed agree on byte for byte. */
    public SimulationResult withoutWallTime() {
        return new SimulationResult(
                project,
                provider,
                seed,
                simulatedSeconds,
                partial,
                events,
                totals,
                entries,
                functions,
                queues,
                services,
                edges,
                timeSeries,
                windows,
                0);
    }
}
