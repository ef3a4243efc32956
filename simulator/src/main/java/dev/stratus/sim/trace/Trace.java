package dev.stratus.sim.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recorded lifecycle of one window of a run, {@code [from, to)}: immutable, columns of
 * primitives, one row per event, in time order (ties in the order they happened). What each column
 * holds depends on the event's {@link TraceKind}. Times are microseconds from the start of the run.
 *
 * <p>A window with more events than the {@link #cap()} is {@link #truncated()}: its events stop at
 * {@link #to()}, the time of the last one recorded plus 1 µs, and every event before {@code to()} is
 * there. A run cancelled before the window's end is truncated the same way.
 */
public final class Trace {

    /** Flag: the invocation started a new container. */
    public static final int COLD = 1;
    /** Flag: the invocation or request failed (a timeout included). */
    public static final int FAILED = 2;
    /** Flag: the invocation ran past its timeout. */
    public static final int TIMED_OUT = 4;
    /** Flag: a provisioned container. */
    public static final int PROVISIONED = 8;
    /** Flag: a container loaded ahead of use under the hybrid keep-alive policy. */
    public static final int PREWARMED = 16;
    /** Flag: a throttle by the scale-out rate rather than the instance limit. */
    public static final int SCALE_OUT = 32;

    private static final String[] FLAG_NAMES = {"COLD", "FAILED", "TIMED_OUT", "PROVISIONED", "PREWARMED", "SCALE_OUT"};

    private final long from;
    private final long to;
    private final long requestedTo;
    private final boolean truncated;
    private final int cap;
    private final Columns events;
    private final List<String> nodeIds;
    private final List<Snapshot> initial;
    private final Map<String, Integer> initialQueueDepths;

    /**
     * A container alive at the window's start.
     *
     * @param functionId its function's node id
     * @param container its number within its function (as in {@link #container(int)})
     * @param provisioned whether it is a provisioned container
     * @param running requests it serves at {@code from}
     * @param idleSince when it became idle, µs, or -1 while {@code running > 0}
     * @param createdAt when it was created (or, under the hybrid policy, loaded again), µs
     */
    public record Snapshot(
            String functionId, int container, boolean provisioned, int running, long idleSince, long createdAt) {}

    Trace(
            long from,
            long to,
            long requestedTo,
            boolean truncated,
            int cap,
            Columns events,
            List<String> nodeIds,
            List<Snapshot> initial,
            Map<String, Integer> initialQueueDepths) {
        this.from = from;
        this.to = to;
        this.requestedTo = requestedTo;
        this.truncated = truncated;
        this.cap = cap;
        this.events = events;
        this.nodeIds = List.copyOf(nodeIds);
        this.initial = List.copyOf(initial);
        this.initialQueueDepths = Map.copyOf(initialQueueDepths);
    }

    /** The window's start, µs. */
    public long from() {
        return from;
    }

    /** The window's end, µs, exclusive: when truncated, the time of the last event recorded plus 1. */
    public long to() {
        return to;
    }

    /** The window's end that was asked for, µs. */
    public long requestedTo() {
        return requestedTo;
    }

    /** Whether the window had more events than the cap (or the run was cancelled): recording stopped at {@link #to()}. */
    public boolean truncated() {
        return truncated;
    }

    /** The most events a trace holds. */
    public int cap() {
        return cap;
    }

    /** Events recorded. */
    public int size() {
        return events.size;
    }

    public TraceKind kind(int i) {
        check(i);
        return TraceKind.ALL[events.kind[i]];
    }

    /** When event {@code i} happened, µs from the start of the run. */
    public long time(int i) {
        check(i);
        return events.time[i];
    }

    /** Index into {@link #nodeIds()}, or -1. */
    public int node(int i) {
        check(i);
        return events.node[i];
    }

    /** Index into the project's edge list, or -1. */
    public int edge(int i) {
        check(i);
        return events.edge[i];
    }

    /** The container's number within its function (its creation order in the run, from 0), or -1. */
    public int container(int i) {
        check(i);
        return events.container[i];
    }

    /**
     * The root request's number within the run (arrivals at entry triggers counted from 0 at time
     * 0): everything an arrival causes carries it, a batch its oldest message's. -1 for work with no
     * root, such as a provisioned container.
     */
    public long request(int i) {
        check(i);
        return events.request[i];
    }

    /** The invocation's number, unique within the run, or -1. */
    public int invocation(int i) {
        check(i);
        return events.invocation[i];
    }

    /** The event's flags: {@link #COLD}, {@link #FAILED} and the others, or'ed. */
    public int flags(int i) {
        check(i);
        return events.flags[i];
    }

    public long value(int i) {
        check(i);
        return events.value[i];
    }

    public long value2(int i) {
        check(i);
        return events.value2[i];
    }

    /** The project's node ids in the project's node order: what {@link #node(int)} indexes. */
    public List<String> nodeIds() {
        return nodeIds;
    }

    /** The containers alive at {@link #from()}, by function in node order, then by container. */
    public List<Snapshot> initial() {
        return initial;
    }

    /** The depth of each queue or stream node at {@link #from()}, by node id; only those not empty. */
    public Map<String, Integer> initialQueueDepths() {
        return initialQueueDepths;
    }

    /** The index of the first event at or after {@code time}, or {@link #size()} when there is none. */
    public int firstAt(long time) {
        int low = 0;
        int high = events.size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (events.time[mid] < time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The index of the first event of {@code kind} at or after {@code after} whose flags contain all
     * of {@code flagsMask}, or -1.
     */
    public int next(TraceKind kind, long after, int flagsMask) {
        Objects.requireNonNull(kind, "kind");
        for (int i = firstAt(after); i < events.size; i++) {
            if (TraceKind.ALL[events.kind[i]] == kind && (events.flags[i] & flagsMask) == flagsMask) {
                return i;
            }
        }
        return -1;
    }

    /** The names of {@code flags}, such as {@code "COLD|FAILED"}; "" for none. */
    public static String flagNames(int flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < FLAG_NAMES.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(FLAG_NAMES[bit]);
            }
        }
        return String.join("|", names);
    }

    private void check(int i) {
        if (i < 0 || i >= events.size) {
            throw new IndexOutOfBoundsException("event " + i + " of " + events.size);
        }
    }
}
