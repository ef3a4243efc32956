package dev.stratus.sim.trace;

import dev.stratus.sim.pool.PoolListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Records the events of one window {@code [from, to)} of a run, up to a cap, into primitive columns,
 * and turns them into a {@link Trace} when the run is {@link #finished}. Events outside the window
 * are dropped as they come; an event told late (an expiry found lazily) or early (a call timed ahead)
 * is put in its place by a stable sort at the end. Once it holds more than the cap it asks the engine
 * to stop ({@link #full()}), and the trace keeps the events before the first moment that would take
 * it over the cap, so that the shorter window it covers is complete.
 */
public final class TraceRecorder implements LifecycleListener {

    private final List<String> nodeIds;
    private final long from;
    private final long to;
    private final int cap;
    private final Columns events = new Columns(1024);
    private List<Trace.Snapshot> initial = List.of();
    private Map<String, Integer> initialDepths = Map.of();
    private int invocations;
    /** The event of the last cold start's container, whose init time and request come with its invocation. */
    private int pendingCold = -1;

    private Trace trace;

    /**
     * @param nodeIds the project's node ids, in its node order
     * @param from the window's start, µs
     * @param to the window's end, µs, exclusive
     * @param cap the most events to keep
     */
    public TraceRecorder(List<String> nodeIds, long from, long to, int cap) {
        if (from < 0 || to <= from || cap < 1) {
            throw new IllegalArgumentException("a window needs 0 <= from < to and a cap of at least 1");
        }
        this.nodeIds = List.copyOf(nodeIds);
        this.from = from;
        this.to = to;
        this.cap = cap;
    }

    /** The recorded trace, once the run has {@link #finished}. */
    public Trace trace() {
        if (trace == null) {
            throw new IllegalStateException("the run has not finished");
        }
        return trace;
    }

    @Override
    public long windowStart() {
        return from;
    }

    @Override
    public boolean tracksMessages() {
        return true;
    }

    @Override
    public void open(List<Trace.Snapshot> alive, Map<String, Integer> queueDepths) {
        List<Trace.Snapshot> sorted = new ArrayList<>(alive);
        sorted.sort(Comparator.comparingInt((Trace.Snapshot s) -> nodeIds.indexOf(s.functionId()))
                .thenComparingInt(Trace.Snapshot::container));
        initial = sorted;
        initialDepths = queueDepths;
    }

    @Override
    public PoolListener pool(int function) {
        return new PoolListener() {
            @Override
            public void created(int slot, long container, long time, Origin origin) {
                int flags = switch (origin) {
                    case COLD -> 0;
                    case PROVISIONED -> Trace.PROVISIONED;
                    case PREWARMED -> Trace.PREWARMED;
                };
                int at = add(TraceKind.CONTAINER_CREATED, time, function, -1, (int) container, -1, -1, flags, 0, 0);
                pendingCold = origin == Origin.COLD ? at : -1;
            }

            @Override
            public void expired(long container, long time) {
                add(TraceKind.CONTAINER_EXPIRED, time, function, -1, (int) container, -1, -1, 0, 0, 0);
            }
        };
    }

    @Override
    public boolean full() {
        return events.size > cap;
    }

    @Override
    public void arrived(long time, int trigger, long request) {
        add(TraceKind.REQUEST_ARRIVED, time, trigger, -1, -1, request, -1, 0, 0, 0);
    }

    @Override
    public void hop(long time, int edge, long request, long travelMicros, long messages) {
        add(TraceKind.HOP, time, -1, edge, -1, request, -1, 0, travelMicros, messages);
    }

    @Override
    public int invocationStarted(long time, int function, int container, long request, boolean cold, long initMicros) {
        int number = invocations++;
        if (cold && pendingCold >= 0) {
            events.value[pendingCold] = initMicros;
            events.request[pendingCold] = request;
        }
        pendingCold = -1;
        add(
                TraceKind.INVOCATION_STARTED,
                time,
                function,
                -1,
                container,
                request,
                number,
                cold ? Trace.COLD : 0,
                cold ? initMicros : 0,
                0);
        return number;
    }

    @Override
    public void invocationEnded(
            long time, int function, int container, long request, int invocation, int flags, long billedMicros) {
        add(TraceKind.INVOCATION_ENDED, time, function, -1, container, request, invocation, flags, billedMicros, 0);
    }

    @Override
    public void throttled(long time, int function, long request, boolean scaleOut, int instanceLimit) {
        add(TraceKind.THROTTLED, time, function, -1, -1, request, -1, scaleOut ? Trace.SCALE_OUT : 0, 0, instanceLimit);
    }

    @Override
    public void gatewayThrottled(long time, int gateway, long request) {
        add(TraceKind.GATEWAY_THROTTLED, time, gateway, -1, -1, request, -1, 0, 0, 0);
    }

    @Override
    public void cacheHit(long time, int gateway, long request) {
        add(TraceKind.CACHE_HIT, time, gateway, -1, -1, request, -1, 0, 0, 0);
    }

    @Override
    public void serviceFailed(long time, int service, long request) {
        add(TraceKind.SERVICE_FAILED, time, service, -1, -1, request, -1, 0, 0, 0);
    }

    @Override
    public void queueDepth(long time, int queue, int depth) {
        add(TraceKind.QUEUE_DEPTH, time, queue, -1, -1, -1, -1, 0, depth, 0);
    }

    @Override
    public void requestDone(long time, int trigger, long request, boolean failed, long latencyMicros, long messages) {
        add(
                TraceKind.REQUEST_DONE,
                time,
                trigger,
                -1,
                -1,
                request,
                -1,
                failed ? Trace.FAILED : 0,
                latencyMicros,
                messages);
    }

    /** Keeps an event of the window; returns its index, or -1 when it falls outside. */
    private int add(TraceKind kind, long time, int n, int e, int c, long r, int i, int f, long v, long v2) {
        if (time < from || time >= to) {
            return -1;
        }
        return events.add(kind, time, n, e, c, r, i, f, v, v2);
    }

    @Override
    public void finished(long horizon) {
        int[] order = StableOrder.byTime(events.time, events.size);
        long limit = Math.min(to, horizon);
        boolean truncated = horizon < to;
        int count = countBefore(order, events.size, limit);
        if (count > cap) {
            // Stop before the first moment whose events would not all fit.
            truncated = true;
            count = countBefore(order, cap, events.time[order[cap]]);
        }
        long end = !truncated ? to : count > 0 ? events.time[order[count - 1]] + 1 : from;
        trace = new Trace(from, end, to, truncated, cap, events.select(order, count), nodeIds, initial, initialDepths);
    }

    /** How many of the first {@code n} events in {@code order} are before {@code limit}. */
    private int countBefore(int[] order, int n, long limit) {
        int count = 0;
        while (count < n && events.time[order[count]] < limit) {
            count++;
        }
        return count;
    }
}
