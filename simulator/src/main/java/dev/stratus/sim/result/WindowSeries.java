package dev.stratus.sim.result;

import java.util.List;

/**
 * The run over time in detail, for the studio's charts: per trigger, per function and per queue,
 * in {@code count} windows of {@code stepSeconds} each (a round step: 1, 2 or 5 times a power of ten
 * seconds, or whole minutes, hours or days), so that there are at most {@link #MAX_WINDOWS}. With
 * many functions the windows are wider still, so the whole series never holds more than about
 * {@link #MAX_CELLS} numbers: its memory does not grow with the simulated time or the traffic.
 * Window {@code i} covers {@code [i * stepSeconds, (i + 1) * stepSeconds)}; a partial run has fewer
 * windows, the last one possibly cut short.
 *
 * @param stepSeconds the width of each window, s
 * @param count the number of windows; every array below has this length
 * @param entries one per entry trigger, in the order of {@link SimulationResult#entries()}
 * @param functions one per function, in the order of {@link SimulationResult#functions()}
 * @param queues one per queue or stream, in the order of {@link SimulationResult#queues()}
 */
public record WindowSeries(
        double stepSeconds,
        int count,
        List<EntrySeries> entries,
        List<FunctionSeries> functions,
        List<QueueSeries> queues) {

    /** The most windows a run is cut into. */
    public static final int MAX_WINDOWS = 1_000;

    /** About the most numbers the series of one run hold together. */
    public static final int MAX_CELLS = 2_000_000;

    public WindowSeries {
        entries = List.copyOf(entries);
        functions = List.copyOf(functions);
        queues = List.copyOf(queues);
    }

    /**
     * One trigger's traffic: arrivals in each window, and the end-to-end latency of the requests
     * that completed in it (percentiles 0 where {@code completed} is 0).
     */
    @SuppressWarnings("ArrayRecordComponent")
    public record EntrySeries(
            String id,
            long[] arrivals,
            long[] completed,
            long[] failed,
            double[] p50Ms,
            double[] p95Ms,
            double[] p99Ms) {}

    /**
     * One function in each window: invocations that asked for an instance, cold starts, throttles,
     * errors and timeouts, and its instances averaged over the window's time (busy, and idle warm
     * ones: together all it had alive).
     */
    @SuppressWarnings("ArrayRecordComponent")
    public record FunctionSeries(
            String id,
            long[] invocations,
            long[] coldStarts,
            long[] throttles,
            long[] errors,
            double[] busyInstances,
            double[] idleInstances) {}

    /** One queue or stream in each window: its depth averaged over the window's time, and its largest. */
    @SuppressWarnings("ArrayRecordComponent")
    public record QueueSeries(String id, double[] averageDepth, long[] maxDepth) {}
}
