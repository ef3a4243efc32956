package dev.stratus.sim.graph;

import dev.stratus.model.Edge;
import dev.stratus.model.Project;
import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.result.EdgeResult;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.Latency;
import dev.stratus.sim.result.LatencyHistogram;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.ServiceResult;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.result.TimeSeries;
import dev.stratus.sim.result.Totals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Keeps the time series and the window series of a run and turns the final state into a {@link
 * SimulationResult}. The time series has a fixed number of buckets chosen at the start (one per
 * second, or wider so there are at most {@link TimeSeries#MAX_POINTS}), the window series a fixed
 * number of windows ({@link WindowRecorder}), so memory does not grow with the run. Buckets and
 * windows close in time order, so each function's pool is trimmed forwards only.
 */
final class Recorder {

    private final Design design;
    private final long step;
    private final long[] arrivals;
    private final long[] coldStarts;
    private final long[] failures;
    private final int[] instances;
    private final int[] busy;
    private final WindowRecorder windows;
    private int bucket;
    private long bucketEnd;
    /** The next bucket or window end: below it, {@link #advanceTo} has nothing to do. */
    private long nextEdge;

    /** @param end the run's duration, µs */
    Recorder(Design design, long end) {
        this.design = design;
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
        windows = new WindowRecorder(design, end);
        nextEdge = Math.min(bucketEnd, windows.end());
    }

    /** Closes every bucket and window that ends at or before {@code now}. */
    void advanceTo(long now) {
        if (now >= nextEdge) {
            closeUpTo(now);
        }
    }

    private void closeUpTo(long now) {
        while (true) {
            long bucketEdge = bucket < arrivals.length ? bucketEnd : Long.MAX_VALUE;
            long windowEdge = windows.end();
            nextEdge = Math.min(bucketEdge, windowEdge);
            if (nextEdge > now) {
                return;
            }
            if (bucketEdge <= windowEdge) {
                sample(bucketEdge);
                bucket++;
                bucketEnd += step;
            } else {
                windows.close();
            }
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

    /** Samples the instances of all functions at {@code at} into the open bucket. */
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

    /**
     * The result of the run up to {@code cut}, µs: the whole duration, or less when the run was
     * stopped early ({@code partial}). The bucket and the window that {@code cut} falls in are closed
     * there; the series hold only the buckets and windows begun by then.
     */
    SimulationResult result(Project project, long seed, long events, double wallSeconds, long cut, boolean partial) {
        closeUpTo(cut);
        if (bucket < arrivals.length && bucket * step < cut) {
            sample(cut);
            bucket++;
        }
        windows.finish(cut);
        double seconds = cut / 1e6;
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
            pool.close(cut);
            double total = perSecond(pool.instanceMicros() / 1e6, seconds);
            double running = perSecond(pool.busyInstanceMicros() / 1e6, seconds);
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
        Histogram all = Histograms.create();
        for (EntryState e : design.entries) {
            requests += e.requests;
            all.add(e.latency);
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
                    LatencyHistogram.of(e.latency)));
        }
        List<QueueResult> queues = new ArrayList<>();
        for (int q = 0; q < design.queues.size(); q++) {
            MessageQueue queue = design.queues.get(q);
            queue.integrate(cut);
            queues.add(new QueueResult(
                    design.queueIds.get(q),
                    queue.name,
                    queue.sent,
                    queue.taken,
                    queue.depth(),
                    queue.maxDepth,
                    round(cut == 0 ? 0 : queue.depthMicros / (double) cut),
                    Latency.of(queue.age)));
        }
        List<ServiceResult> services = new ArrayList<>();
        for (ServiceState s : design.services) {
            services.add(
                    new ServiceResult(s.node.id(), s.node.name(), s.node.kind().id(), s.calls, s.throttles));
        }
        List<EdgeResult> edges = new ArrayList<>();
        List<Edge> designEdges = project.architecture().edges();
        for (int i = 0; i < designEdges.size(); i++) {
            edges.add(new EdgeResult(designEdges.get(i).id(), design.edgeTraffic[i]));
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
                Latency.of(all));
        int buckets = bucket;
        TimeSeries series = new TimeSeries(
                step / 1e6,
                Arrays.copyOf(arrivals, buckets),
                Arrays.copyOf(coldStarts, buckets),
                Arrays.copyOf(failures, buckets),
                Arrays.copyOf(instances, buckets),
                Arrays.copyOf(busy, buckets));
        return new SimulationResult(
                project.name(),
                project.provider().id(),
                seed,
                seconds,
                partial,
                events,
                totals,
                entries,
                functions,
                queues,
                services,
                edges,
                series,
                windows.series(),
                wallSeconds);
    }

    /** A time integral over {@code seconds} as an average; 0 over no time. */
    private static double perSecond(double integral, double seconds) {
        return seconds == 0 ? 0 : integral / seconds;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    /** Six decimals: enough for any figure a person reads, and stable JSON. */
    static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
