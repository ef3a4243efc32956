package dev.stratus.app.watch;

import dev.stratus.sim.trace.FunctionRate;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a recorded window at one moment of simulated time: which containers each function
 * has and what they do, which requests are on their way along which edges, how deep each queue is,
 * and the running counters. It replays the {@link Trace}'s events in order: {@link #seek} forward
 * applies the events up to the moment; backward starts again from the window's beginning (a
 * million events replay in a few milliseconds). No JavaFX: the view draws what it reads here.
 */
public final class Playback {

    /** What a container does at the clock. */
    public enum Phase {
        /** A cold start is under way: the runtime starts and the code loads. */
        STARTING,
        /** Serving one request or more. */
        BUSY,
        /** Warm and waiting for a request until its keep-alive runs out. */
        IDLE,
        /** Reclaimed: shown fading for a moment, then gone. */
        EXPIRED
    }

    /** One container of a function, as the clock finds it. Mutable: the playback updates it in place. */
    public static final class Container {
        final String functionId;
        final int id;
        final boolean provisioned;
        final boolean prewarmed;
        final long createdAt;
        long readyAt;
        int running;
        long idleSince;
        long expiredAt = -1;
        long lastRequest = -1;
        long served;

        Container(String functionId, int id, boolean provisioned, boolean prewarmed, long createdAt, long readyAt) {
            this.functionId = functionId;
            this.id = id;
            this.provisioned = provisioned;
            this.prewarmed = prewarmed;
            this.createdAt = createdAt;
            this.readyAt = readyAt;
            this.idleSince = readyAt;
        }

        public String functionId() {
            return functionId;
        }

        /** Its number within the function, from the run's start. */
        public int id() {
            return id;
        }

        public boolean provisioned() {
            return provisioned;
        }

        public long createdAt() {
            return createdAt;
        }

        /** When its cold start ends, µs. */
        public long readyAt() {
            return readyAt;
        }

        /** Requests it serves now. */
        public int running() {
            return running;
        }

        /** Since when it has been idle, µs (meaningful in {@link Phase#IDLE}). */
        public long idleSince() {
            return idleSince;
        }

        /** When it expired, µs, or -1. */
        public long expiredAt() {
            return expiredAt;
        }

        /** The requests it has served in the window. */
        public long served() {
            return served;
        }

        /** Its phase at {@code clock}. */
        public Phase phase(long clock) {
            if (expiredAt >= 0) {
                return Phase.EXPIRED;
            }
            if (clock < readyAt) {
                return Phase.STARTING;
            }
            return running > 0 ? Phase.BUSY : Phase.IDLE;
        }
    }

    /** A request or message on its way along an edge: from {@code departs} to {@code arrives}, µs. */
    public record Dot(int edge, long request, long departs, long arrives, boolean cold, long batch) {
        /** How far along its edge it is at {@code clock}, 0 to 1. */
        public double fraction(long clock) {
            if (arrives <= departs) {
                return 1;
            }
            return Math.max(0, Math.min(1, (double) (clock - departs) / (arrives - departs)));
        }
    }

    /** A request throttled at a function, gateway or service, shown for a moment where it stopped. */
    public record Stop(String nodeId, long request, long at, TraceKind why) {}

    /** At most this many dots on one edge at once; the oldest go first. */
    static final int MAX_DOTS_PER_EDGE = 24;

    private final Trace trace;
    private final Map<String, FunctionRate> rates = new HashMap<>();
    private final List<String> nodeIds;
    private final Map<String, Map<Integer, Container>> containers = new LinkedHashMap<>();
    private final Map<Integer, Deque<Dot>> dots = new HashMap<>();
    private final Map<Long, Boolean> coldRequests = new HashMap<>();
    private final Map<String, Long> queueDepths = new HashMap<>();
    private final Map<String, Long> gatewayThrottles = new HashMap<>();
    private final Map<String, Long> cacheHits = new HashMap<>();
    private final Map<String, Long> functionThrottles = new HashMap<>();
    private final Deque<Stop> stops = new ArrayDeque<>();
    private final Map<String, long[]> coldInits = new HashMap<>();

    private long clock;
    private int cursor;
    private long minTravel;
    private long linger;

    private long requests;
    private long coldStarts;
    private long warmStarts;
    private long throttles;
    private long errors;
    private long completed;
    private double usd;

    /**
     * @param trace the recorded window
     * @param rates each function's rates, for the money spent so far
     */
    public Playback(Trace trace, Collection<FunctionRate> rates) {
        this.trace = trace;
        this.nodeIds = trace.nodeIds();
        for (FunctionRate rate : rates) {
            this.rates.put(rate.functionId(), rate);
        }
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == TraceKind.INVOCATION_STARTED && (trace.flags(i) & Trace.COLD) != 0) {
                long[] sum = coldInits.computeIfAbsent(nodeIds.get(trace.node(i)), k -> new long[2]);
                sum[0] += trace.value(i);
                sum[1]++;
            }
        }
        reset();
    }

    public Trace trace() {
        return trace;
    }

    /** The moment shown, µs from the start of the run. */
    public long clock() {
        return clock;
    }

    /** The window's start, µs. */
    public long from() {
        return trace.from();
    }

    /** The window's end, µs (exclusive). */
    public long to() {
        return trace.to();
    }

    /**
     * How long a dot stays on its edge at least, and how long a stop mark and an expired container
     * stay, in simulated µs: the view sets them from the speed so that each is seen for a moment of
     * wall time.
     */
    public void setVisibleFor(long travelMicros, long lingerMicros) {
        this.minTravel = Math.max(0, travelMicros);
        this.linger = Math.max(0, lingerMicros);
    }

    /** How long stop marks and expired containers stay, simulated µs. */
    public long linger() {
        return linger;
    }

    /** Moves the clock to {@code time} (clamped to the window), applying every event up to it. */
    public void seek(long time) {
        long target = Math.max(trace.from(), Math.min(trace.to(), time));
        if (target < clock) {
            reset();
        }
        while (cursor < trace.size() && trace.time(cursor) <= target) {
            apply(cursor++);
        }
        clock = target;
        prune();
    }

    /** The time of the first event after the clock, or the window's end. */
    public long nextEventTime() {
        for (int i = cursor; i < trace.size(); i++) {
            if (trace.time(i) > clock) {
                return trace.time(i);
            }
        }
        return trace.to();
    }

    /** Whether the clock has reached the window's end. */
    public boolean atEnd() {
        return clock >= trace.to();
    }

    /** The containers of one function, alive or fading, in the order they were created. */
    public Collection<Container> containers(String functionId) {
        Map<Integer, Container> of = containers.get(functionId);
        return of == null ? List.of() : of.values();
    }

    /** The functions that have had a container in the window, by id. */
    public Collection<String> functionsWithContainers() {
        return containers.keySet();
    }

    /** The dots on the edge with this index in the project's edges. */
    public Collection<Dot> dots(int edge) {
        Deque<Dot> on = dots.get(edge);
        return on == null ? List.of() : on;
    }

    /** Every edge index with a dot on it. */
    public Collection<Integer> edgesWithDots() {
        return dots.keySet();
    }

    /** The requests stopped recently (throttled, failed at a service), newest last. */
    public Collection<Stop> stops() {
        return stops;
    }

    /** Whether the request with this number has had a cold start so far. */
    public boolean wasCold(long request) {
        return coldRequests.getOrDefault(request, false);
    }

    /** Messages waiting in the queue with this node id. */
    public long queueDepth(String nodeId) {
        return queueDepths.getOrDefault(nodeId, 0L);
    }

    /** Requests the gateway with this id has throttled so far in the window. */
    public long gatewayThrottles(String nodeId) {
        return gatewayThrottles.getOrDefault(nodeId, 0L);
    }

    /** Requests the gateway with this id answered from its cache so far in the window. */
    public long cacheHits(String nodeId) {
        return cacheHits.getOrDefault(nodeId, 0L);
    }

    /** Requests the function with this id throttled so far in the window. */
    public long functionThrottles(String nodeId) {
        return functionThrottles.getOrDefault(nodeId, 0L);
    }

    /** The function's rates, or {@code null} when it has none. */
    public FunctionRate rate(String functionId) {
        return rates.get(functionId);
    }

    /** The mean cold start of the function in the window, µs, or -1 when it had none. */
    public long meanColdStart(String functionId) {
        long[] sum = coldInits.get(functionId);
        return sum == null || sum[1] == 0 ? -1 : sum[0] / sum[1];
    }

    /** Containers alive (starting, busy or idle) at the clock. */
    public int alive() {
        int n = 0;
        for (Map<Integer, Container> of : containers.values()) {
            for (Container c : of.values()) {
                if (c.expiredAt < 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Containers of one function alive at the clock. */
    public int alive(String functionId) {
        int n = 0;
        for (Container c : containers(functionId)) {
            if (c.expiredAt < 0) {
                n++;
            }
        }
        return n;
    }

    /** Requests that arrived at the design's triggers in the window so far. */
    public long requests() {
        return requests;
    }

    public long coldStarts() {
        return coldStarts;
    }

    public long warmStarts() {
        return warmStarts;
    }

    /** Requests throttled so far (by functions and gateways). */
    public long throttles() {
        return throttles;
    }

    /** Invocations that failed or timed out so far, and requests a service turned away. */
    public long errors() {
        return errors;
    }

    /** Requests answered end to end so far. */
    public long completed() {
        return completed;
    }

    /**
     * What the functions' invocations in the window have cost so far, USD, at list price (requests
     * and billed time; no free tier, no provisioned hours).
     */
    public double usd() {
        return usd;
    }

    private void reset() {
        containers.clear();
        dots.clear();
        coldRequests.clear();
        queueDepths.clear();
        gatewayThrottles.clear();
        cacheHits.clear();
        functionThrottles.clear();
        stops.clear();
        requests = 0;
        coldStarts = 0;
        warmStarts = 0;
        throttles = 0;
        errors = 0;
        completed = 0;
        usd = 0;
        cursor = 0;
        clock = trace.from();
        for (Trace.Snapshot s : trace.initial()) {
            Container c = new Container(s.functionId(), s.container(), s.provisioned(), false, s.createdAt(), 0);
            c.running = s.running();
            c.idleSince = s.idleSince() >= 0 ? s.idleSince() : trace.from();
            containers
                    .computeIfAbsent(s.functionId(), k -> new LinkedHashMap<>())
                    .put(s.container(), c);
        }
        for (Map.Entry<String, Integer> depth : trace.initialQueueDepths().entrySet()) {
            queueDepths.put(depth.getKey(), (long) depth.getValue());
        }
    }

    private void apply(int i) {
        long time = trace.time(i);
        int node = trace.node(i);
        String nodeId = node >= 0 && node < nodeIds.size() ? nodeIds.get(node) : "";
        switch (trace.kind(i)) {
            case CONTAINER_CREATED -> {
                int flags = trace.flags(i);
                Container c = new Container(
                        nodeId,
                        trace.container(i),
                        (flags & Trace.PROVISIONED) != 0,
                        (flags & Trace.PREWARMED) != 0,
                        time,
                        time + trace.value(i));
                containers.computeIfAbsent(nodeId, k -> new LinkedHashMap<>()).put(c.id, c);
            }
            case CONTAINER_EXPIRED -> {
                Container c = container(nodeId, trace.container(i));
                if (c != null) {
                    c.expiredAt = time;
                    c.running = 0;
                }
            }
            case REQUEST_ARRIVED -> requests++;
            case HOP ->
                addDot(new Dot(
                        trace.edge(i),
                        trace.request(i),
                        time,
                        time + Math.max(trace.value(i), minTravel),
                        wasCold(trace.request(i)),
                        trace.value2(i)));
            case INVOCATION_STARTED -> {
                boolean cold = (trace.flags(i) & Trace.COLD) != 0;
                if (cold) {
                    coldStarts++;
                    if (trace.request(i) >= 0) {
                        coldRequests.put(trace.request(i), true);
                    }
                } else {
                    warmStarts++;
                }
                Container c = container(nodeId, trace.container(i));
                if (c == null) {
                    // Created before the window without a snapshot: it shows from now on.
                    c = new Container(
                            nodeId, trace.container(i), false, false, time, time + (cold ? trace.value(i) : 0));
                    containers
                            .computeIfAbsent(nodeId, k -> new LinkedHashMap<>())
                            .put(c.id, c);
                }
                if (cold) {
                    c.readyAt = Math.max(c.readyAt, time + trace.value(i));
                }
                c.running++;
                c.served++;
                c.lastRequest = trace.request(i);
            }
            case INVOCATION_ENDED -> {
                Container c = container(nodeId, trace.container(i));
                if (c != null && c.running > 0) {
                    c.running--;
                    if (c.running == 0) {
                        c.idleSince = time;
                    }
                }
                if ((trace.flags(i) & (Trace.FAILED | Trace.TIMED_OUT)) != 0) {
                    errors++;
                }
                FunctionRate rate = rates.get(nodeId);
                if (rate != null) {
                    usd += rate.usdPerRequest() + trace.value(i) / 1e6 * rate.usdPerBilledSecond();
                }
            }
            case THROTTLED -> {
                throttles++;
                functionThrottles.merge(nodeId, 1L, Long::sum);
                stop(new Stop(nodeId, trace.request(i), time, TraceKind.THROTTLED));
            }
            case GATEWAY_THROTTLED -> {
                throttles++;
                gatewayThrottles.merge(nodeId, 1L, Long::sum);
                stop(new Stop(nodeId, trace.request(i), time, TraceKind.GATEWAY_THROTTLED));
            }
            case CACHE_HIT -> cacheHits.merge(nodeId, 1L, Long::sum);
            case SERVICE_FAILED -> {
                errors++;
                stop(new Stop(nodeId, trace.request(i), time, TraceKind.SERVICE_FAILED));
            }
            case QUEUE_DEPTH -> queueDepths.put(nodeId, trace.value(i));
            case REQUEST_DONE -> {
                if ((trace.flags(i) & Trace.FAILED) == 0) {
                    completed++;
                }
            }
        }
    }

    private Container container(String functionId, int id) {
        Map<Integer, Container> of = containers.get(functionId);
        return of == null ? null : of.get(id);
    }

    private void addDot(Dot dot) {
        if (dot.edge() < 0) {
            return;
        }
        Deque<Dot> on = dots.computeIfAbsent(dot.edge(), k -> new ArrayDeque<>());
        if (on.size() == MAX_DOTS_PER_EDGE) {
            on.pollFirst();
        }
        on.addLast(dot);
    }

    private void stop(Stop stop) {
        stops.addLast(stop);
        if (stops.size() > 200) {
            stops.pollFirst();
        }
    }

    /** Drops what has arrived, faded or been shown long enough by the clock. */
    private void prune() {
        for (Iterator<Deque<Dot>> it = dots.values().iterator(); it.hasNext(); ) {
            Deque<Dot> on = it.next();
            on.removeIf(d -> d.arrives() < clock);
            if (on.isEmpty()) {
                it.remove();
            }
        }
        while (!stops.isEmpty() && stops.peekFirst().at() + linger < clock) {
            stops.pollFirst();
        }
        for (Map<Integer, Container> of : containers.values()) {
            of.values().removeIf(c -> c.expiredAt >= 0 && c.expiredAt + linger < clock);
        }
    }

    /** For tests and the timeline: the index of the next event to apply. */
    int cursor() {
        return cursor;
    }

    /** The phases of a function's containers at the clock, in creation order. */
    public List<Phase> phases(String functionId) {
        List<Phase> phases = new ArrayList<>();
        for (Container c : containers(functionId)) {
            phases.add(c.phase(clock));
        }
        return phases;
    }
}
