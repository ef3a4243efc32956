package dev.stratus.sim.result;

import java.util.List;

/** Everything a simulation of a design measured. Times are seconds unless a name says otherwise. */
public record SimulationResult(
        String project,
        String provider,
        long seed,
        double simulatedSeconds,
        long events,
        Totals totals,
        List<EntryResult> entries,
        List<FunctionResult> functions,
        List<QueueResult> queues,
        List<ServiceResult> services,
        TimeSeries timeSeries,
        double wallSeconds) {

    public SimulationResult {
        entries = List.copyOf(entries);
        functions = List.copyOf(functions);
        queues = List.copyOf(queues);
        services = List.copyOf(services);
    }

    /** The same result with {@code wallSeconds} zero: what two runs with one seed agree on byte for byte. */
    public SimulationResult withoutWallTime() {
        return new SimulationResult(
                project,
                provider,
                seed,
                simulatedSeconds,
                events,
                totals,
                entries,
                functions,
                queues,
                services,
                timeSeries,
                0);
    }
}
