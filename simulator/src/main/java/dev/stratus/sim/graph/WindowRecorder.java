package dev.stratus.sim.graph;

import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.result.WindowSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Cuts a run into the windows of a {@link WindowSeries}. Nothing here runs per request: when a
 * window closes, its counts are the differences of the run's own counters since the last one; its
 * instance averages come from the pools' running integrals, its queue depths from the queues' depth
 * integrals; its latency percentiles from each trigger's rolling histogram, which is then added to
 * the trigger's histogram for the whole run and reset. The arrays are allocated once, for the most
 * windows the run can have, so memory does not grow as it runs. Times are microseconds.
 */
final class WindowRecorder {

    private static final long MILLI = 1_000;
    private static final long SECOND = 1_000_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** The round steps, smallest first; past the last, multiples of 100 days. */
    private static final long[] STEPS = {
        10 * MILLI,
        20 * MILLI,
        50 * MILLI,
        100 * MILLI,
        200 * MILLI,
        500 * MILLI,
        SECOND,
        2 * SECOND,
        5 * SECOND,
        10 * SECOND,
        15 * SECOND,
        30 * SECOND,
        MINUTE,
        2 * MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        HOUR,
        2 * HOUR,
        3 * HOUR,
        6 * HOUR,
        12 * HOUR,
        DAY,
        2 * DAY,
        5 * DAY,
        10 * DAY,
        30 * DAY
    };

    private static final long HUNDRED_DAYS = 100 * DAY;

    /** Numbers each window holds per trigger, per function and per queue. */
    private static final int ENTRY_CELLS = 6;

    private static final int FUNCTION_CELLS = 6;
    private static final int QUEUE_CELLS = 2;

    private final Design design;
    private final long step;
    private final int capacity;
    /** The window open now; {@code capacity} once all are closed. */
    private int window;

    private long windowStart;

    private final long[][] arrivals;
    private final long[][] completed;
    private final long[][] failed;
    private final double[][] p50;
    private final double[][] p95;
    private final double[][] p99;
    private final long[] requestsBefore;
    private final long[] completedBefore;
    private final long[] failedBefore;

    private final long[][] invocations;
    private final long[][] coldStarts;
    private final long[][] throttles;
    private final long[][] errors;
    private final double[][] busy;
    private final double[][] idle;
    private final long[] invocationsBefore;
    private final long[] coldStartsBefore;
    private final long[] throttlesBefore;
    private final long[] errorsBefore;
    private final long[] busyBefore;
    private final long[] aliveBefore;

    private final double[][] depth;
    private final long[][] maxDepth;
    private final long[] depthBefore;

    /** @param end the run's duration, µs */
    WindowRecorder(Design design, long end) {
        this.design = design;
        int entries = design.entries.size();
        int functions = design.functions.size();
        int queues = design.queues.size();
        this.step = step(end, ENTRY_CELLS * entries + FUNCTION_CELLS * functions + QUEUE_CELLS * queues);
        this.capacity = (int) windows(end, step);
        arrivals = new long[entries][capacity];
        completed = new long[entries][capacity];
        failed = new long[entries][capacity];
        p50 = new double[entries][capacity];
        p95 = new double[entries][capacity];
        p99 = new double[entries][capacity];
        requestsBefore = new long[entries];
        completedBefore = new long[entries];
        failedBefore = new long[entries];
        invocations = new long[functions][capacity];
        coldStarts = new long[functions][capacity];
        throttles = new long[functions][capacity];
        errors = new long[functions][capacity];
        busy = new double[functions][capacity];
        idle = new double[functions][capacity];
        invocationsBefore = new long[functions];
        coldStartsBefore = new long[functions];
        throttlesBefore = new long[functions];
        errorsBefore = new long[functions];
        busyBefore = new long[functions];
        aliveBefore = new long[functions];
        depth = new double[queues][capacity];
        maxDepth = new long[queues][capacity];
        depthBefore = new long[queues];
    }

    /**
     * The first round step that cuts {@code end} into at most {@link WindowSeries#MAX_WINDOWS}
     * windows of {@code cellsPerWindow} numbers each, {@link WindowSeries#MAX_CELLS} numbers in all
     * (at least one window, however many numbers it holds), µs.
     */
    static long step(long end, int cellsPerWindow) {
        long most =
                Math.max(1, Math.min(WindowSeries.MAX_WINDOWS, WindowSeries.MAX_CELLS / Math.max(1, cellsPerWindow)));
        for (long candidate : STEPS) {
            if (windows(end, candidate) <= most) {
                return candidate;
            }
        }
        return HUNDRED_DAYS * Math.max(1, (end + HUNDRED_DAYS * most - 1) / (HUNDRED_DAYS * most));
    }

    /** The windows of {@code step} that cover {@code end}, at least one. */
    static long windows(long end, long step) {
        return Math.max(1, (end + step - 1) / step);
    }

    /** When the open window ends, µs; {@code Long.MAX_VALUE} once every window is closed. */
    long end() {
        return window < capacity ? windowStart + step : Long.MAX_VALUE;
    }

    /** Closes the open window at its end. */
    void close() {
        close(windowStart + step);
    }

    /** Closes the open window at {@code cut}, the end of the run, if it has begun by then. */
    void finish(long cut) {
        if (window < capacity && windowStart < cut) {
            close(cut);
        }
    }

    private void close(long at) {
        double length = at - windowStart;
        int w = window;
        for (int e = 0; e < design.entries.size(); e++) {
            EntryState entry = design.entries.get(e);
            arrivals[e][w] = entry.requests - requestsBefore[e];
            completed[e][w] = entry.completed - completedBefore[e];
            failed[e][w] = entry.failed - failedBefore[e];
            requestsBefore[e] = entry.requests;
            completedBefore[e] = entry.completed;
            failedBefore[e] = entry.failed;
            Histogram recent = entry.windowLatency;
            if (recent.getTotalCount() > 0) {
                p50[e][w] = recent.getValueAtPercentile(50) / 1000.0;
                p95[e][w] = recent.getValueAtPercentile(95) / 1000.0;
                p99[e][w] = recent.getValueAtPercentile(99) / 1000.0;
                entry.latency.add(recent);
                recent.reset();
            }
        }
        for (int f = 0; f < design.functions.size(); f++) {
            FunctionState fn = design.functions.get(f);
            FunctionPool pool = fn.pool;
            pool.trim(at);
            long busyMicros = pool.busyMicrosUntil(at);
            long aliveMicros = pool.instanceMicrosUntil(at);
            long busyInWindow = busyMicros - busyBefore[f];
            busy[f][w] = Recorder.round(busyInWindow / length);
            idle[f][w] = Recorder.round((aliveMicros - aliveBefore[f] - busyInWindow) / length);
            busyBefore[f] = busyMicros;
            aliveBefore[f] = aliveMicros;
            invocations[f][w] = fn.invocations - invocationsBefore[f];
            coldStarts[f][w] = pool.coldStarts() - coldStartsBefore[f];
            throttles[f][w] = pool.throttles() - throttlesBefore[f];
            errors[f][w] = fn.errors + fn.timeouts - errorsBefore[f];
            invocationsBefore[f] = fn.invocations;
            coldStartsBefore[f] = pool.coldStarts();
            throttlesBefore[f] = pool.throttles();
            errorsBefore[f] = fn.errors + fn.timeouts;
        }
        for (int q = 0; q < design.queues.size(); q++) {
            MessageQueue queue = design.queues.get(q);
            queue.integrate(at);
            depth[q][w] = Recorder.round((queue.depthMicros - depthBefore[q]) / length);
            maxDepth[q][w] = queue.windowMaxDepth;
            depthBefore[q] = queue.depthMicros;
            queue.windowMaxDepth = queue.depth();
        }
        window++;
        windowStart += step;
    }

    /** The windows closed so far. */
    WindowSeries series() {
        int n = window;
        List<WindowSeries.EntrySeries> entries = new ArrayList<>();
        for (int e = 0; e < design.entries.size(); e++) {
            entries.add(new WindowSeries.EntrySeries(
                    design.entries.get(e).node.id(),
                    Arrays.copyOf(arrivals[e], n),
                    Arrays.copyOf(completed[e], n),
                    Arrays.copyOf(failed[e], n),
                    Arrays.copyOf(p50[e], n),
                    Arrays.copyOf(p95[e], n),
                    Arrays.copyOf(p99[e], n)));
        }
        List<WindowSeries.FunctionSeries> functions = new ArrayList<>();
        for (int f = 0; f < design.functions.size(); f++) {
            functions.add(new WindowSeries.FunctionSeries(
                    design.functions.get(f).node.id(),
                    Arrays.copyOf(invocations[f], n),
                    Arrays.copyOf(coldStarts[f], n),
                    Arrays.copyOf(throttles[f], n),
                    Arrays.copyOf(errors[f], n),
                    Arrays.copyOf(busy[f], n),
                    Arrays.copyOf(idle[f], n)));
        }
        List<WindowSeries.QueueSeries> queues = new ArrayList<>();
        for (int q = 0; q < design.queues.size(); q++) {
            queues.add(new WindowSeries.QueueSeries(
                    design.queueIds.get(q), Arrays.copyOf(depth[q], n), Arrays.copyOf(maxDepth[q], n)));
        }
        return new WindowSeries(step / 1e6, n, entries, functions, queues);
    }
}
