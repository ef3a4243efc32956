package dev.stratus.sim.result;

import java.util.List;

/**
 * The run over time in detail, for the studio's charts: per trigger, per function and per queue,
 * in {@code count} windows of {@code stepSeconds} each: the first round step (10, 20, 50, 100, 200 or
 * 500 ms; 1, 2, 5, 10, 15 or 30 s; 1, 2, 5, 10, 15 or 30 min; 1, 2, 3, 6 or 12 h; 1, 2, 5, 10 or 30
 * days; then whole hundreds of days) that makes at most {@link #MAX_WINDOWS}. With many functions
 * the windows are wider still, so the whole series never holds more than about {@link #MAX_CELLS}
 * numbers (unless one window alone holds more): its memory does not grow with the simulated time or
 * the traffic. Window {@code i} covers {@code [i * stepSeconds, (i + 1) * stepSeconds)}; the last one
 * may be cut short by the end of the run (or by a cancel, which also leaves fewer windows), and its
 * averages are over the time it covers.
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
