package dev.stratus.sim.graph;

import dev.stratus.model.Project;
import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.Latency;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.ServiceResult;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.result.TimeSeries;
import dev.stratus.sim.result.Totals;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the time series of a run and turns the final state into a {@link SimulationResult}. The series
 * has a fixed number of buckets chosen at the start (one per second, or wider so there are at most
 * {@link TimeSeries#MAX_POINTS}), so its memory does not grow with the run.
 */
final class Recorder {

    private final Design design;
    private final long end;
    private final long step;
    private final long[] arrivals;
    private final long[] coldStarts;
    private final long[] failures;
    private final int[] instances;
    private final int[] busy;
    private int bucket;
    private long bucketEnd;

    Recorder(Design design, long end) {
        this.design = design;
        this.end = end;
        long second = 1_000_000;
        long buckets = (end + second - 1) / second;
        long width =
                buckets <= TimeSeries.MAX_POINTS ? 1 : (buckets + TimeSeries.MAX_POINTS - 1) / TimeSeries.MAX_POINTS;
        this.step = width * second;
        int n = (int) ((end + step - 1) / step);
        arrivals = new long[n];
        coldStarts = new long[n];
        failures = new long[n];
        instances = new int[n];
        busy = new int[n];
        bucketEnd = step;
    }

    /** Closes every bucket that ends at or before {@code now}, sampling the instances at its end. */
    void advanceTo(long now) {
        while (now >= bucketEnd && bucket < arrivals.length) {
            sample(bucketEnd);
            bucket++;
            bucketEnd += step;
        }
    }

    void arrival() {
        arrivals[bucket]++;
    }

    void coldStart() {
        coldStarts[bucket]++;
    }

    void failure() {
        failures[bucket]++;
    }

    private void sample(long at) {
        int all = 0;
        int running = 0;
        for (FunctionState fn : design.functions) {
            fn.pool.trim(at);
            all += fn.pool.instances();
            running += fn.pool.busyInstances();
        }
        instances[bucket] = all;
        busy[bucket] = running;
    }

    SimulationResult result(Project project, long seed, long events, double wallSeconds) {
        advanceTo(end);
        double seconds = end / 1e6;
        List<FunctionResult> functions = new ArrayList<>();
        long invocations = 0;
        long cold = 0;
        long warm = 0;
        long throttles = 0;
        long errors = 0;
        long timeouts = 0;
        double gbSeconds = 0;
        for (FunctionState fn : design.functions) {
            FunctionPool pool = fn.pool;
            pool.close(end);
            double total = pool.instanceMicros() / 1e6 / seconds;
            double running = pool.busyInstanceMicros() / 1e6 / seconds;
            double billedSeconds = fn.billedMicros / 1e6;
            double billed = billedSeconds * fn.node.memoryMb() / 1024.0;
            functions.add(new FunctionResult(
                    fn.node.id(),
                    fn.node.name(),
                    fn.node.memoryMb(),
                    fn.invocations,
                    pool.coldStarts(),
                    pool.warmStarts(),
                    pool.throttles(),
                    fn.errors,
                    fn.timeouts,
                    fn.retries,
                    fn.dropped,
                    ratio(pool.coldStarts(), fn.invocations),
                    ratio(pool.throttles(), fn.invocations),
                    Latency.of(fn.latency),
                    round(total),
                    round(running),
                    round(total - running),
                    pool.peakRequests(),
                    pool.peakInstances(),
                    total == 0 ? 0 : round(running / total),
                    round(billedSeconds),
                    round(fn.provisionedBilledMicros / 1e6),
                    fn.provisioned,
                    round(billed)));
            invocations += fn.invocations;
            cold += pool.coldStarts();
            warm += pool.warmStarts();
            throttles += pool.throttles();
            errors += fn.errors;
            timeouts += fn.timeouts;
            gbSeconds += billed;
        }
        List<EntryResult> entries = new ArrayList<>();
        long requests = 0;
        for (EntryState e : design.entries) {
            requests += e.requests;
            entries.add(new EntryResult(
                    e.node.id(),
                    e.node.name(),
                    e.node.kind().id(),
                    e.requests,
                    e.completed,
                    e.failed,
                    e.throttled,
                    e.cacheHits,
                    Latency.of(e.latency),
                    dev.stratus.sim.result.LatencyHistogram.EMPTY)); // TODO(helper)
        }
        List<QueueResult> queues = new ArrayList<>();
        for (int q = 0; q < design.queues.size(); q++) {
            MessageQueue queue = design.queues.get(q);
            queue.integrate(end);
            queues.add(new QueueResult(
                    design.queueIds.get(q),
                    queue.name,
                    queue.sent,
                    queue.taken,
                    queue.depth(),
                    queue.maxDepth,
                    round(queue.depthMicros / (double) end),
                    Latency.of(queue.age)));
        }
        List<ServiceResult> services = new ArrayList<>();
        for (ServiceState s : design.services) {
            services.add(
                    new ServiceResult(s.node.id(), s.node.name(), s.node.kind().id(), s.calls, s.throttles));
        }
        Totals totals = new Totals(
                requests,
                invocations,
                cold,
                warm,
                throttles,
                errors,
                timeouts,
                ratio(cold, invocations),
                round(gbSeconds),
                Latency.NONE); // TODO(helper)
        TimeSeries series = new TimeSeries(step / 1e6, arrivals, coldStarts, failures, instances, busy);
        return new SimulationResult(
                project.name(),
                project.provider().id(),
                seed,
                seconds,
                false, // TODO(helper)
                events,
                totals,
                entries,
                functions,
                queues,
                services,
                List.of(), // TODO(helper)
                series,
                new dev.stratus.sim.result.WindowSeries(1, 0, List.of(), List.of(), List.of()), // TODO(helper)
                wallSeconds);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    /** Six significant decimals: enough for any figure a person reads, and stable JSON. */
    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
