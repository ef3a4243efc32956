package dev.stratus.app.watch;

import dev.stratus.learn.Concept;
import dev.stratus.model.Edge;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where in a recorded window each concept of the Learn panel happens: the first event at or after a
 * moment that shows it. A cold start is an invocation that started cold; a warm start one that did
 * not; keep-alive an idle container expiring; scale-out a new container while the function already
 * had one; throttling a request turned away by a function or gateway; provisioned concurrency a
 * request served by a provisioned container; queues a message waiting in a queue; the gateway a
 * request crossing it; pay-per-use an invocation's end, when its billed time is counted.
 */
public final class Moments {

    private Moments() {}

    /**
     * The index of the first event at or after {@code after} that shows {@code concept} in {@code
     * trace}, or -1 when there is none in the window (or the concept is not a moment: the providers'
     * differences).
     */
    public static int next(Trace trace, Concept concept, long after, Project project) {
        return switch (concept) {
            case COLD_START ->
                first(
                        trace,
                        after,
                        i -> trace.kind(i) == TraceKind.INVOCATION_STARTED && (trace.flags(i) & Trace.COLD) != 0);
            case WARM_START ->
                first(
                        trace,
                        after,
                        i -> trace.kind(i) == TraceKind.INVOCATION_STARTED && (trace.flags(i) & Trace.COLD) == 0);
            case KEEP_ALIVE -> first(trace, after, i -> trace.kind(i) == TraceKind.CONTAINER_EXPIRED);
            case SCALE_OUT -> scaleOut(trace, after);
            case THROTTLING ->
                first(
                        trace,
                        after,
                        i -> trace.kind(i) == TraceKind.THROTTLED || trace.kind(i) == TraceKind.GATEWAY_THROTTLED);
            case PROVISIONED -> provisioned(trace, after);
            case QUEUES -> first(trace, after, i -> trace.kind(i) == TraceKind.QUEUE_DEPTH && trace.value(i) > 0);
            case API_GATEWAY -> gateway(trace, after, project);
            case PAY_PER_USE -> first(trace, after, i -> trace.kind(i) == TraceKind.INVOCATION_ENDED);
            case PROVIDERS -> -1;
        };
    }

    private interface Test {
        boolean at(int index);
    }

    private static int first(Trace trace, long after, Test test) {
        for (int i = trace.firstAt(after); i < trace.size(); i++) {
            if (test.at(i)) {
                return i;
            }
        }
        return -1;
    }

    /** A container created while its function had another alive: the function scaled out. */
    private static int scaleOut(Trace trace, long after) {
        Map<Integer, Integer> alive = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = trace.nodeIds();
        for (int n = 0; n < ids.size(); n++) {
            index.put(ids.get(n), n);
        }
        for (Trace.Snapshot s : trace.initial()) {
            alive.merge(index.getOrDefault(s.functionId(), -1), 1, Integer::sum);
        }
        for (int i = 0; i < trace.size(); i++) {
            TraceKind kind = trace.kind(i);
            if (kind == TraceKind.CONTAINER_CREATED) {
                int before = alive.getOrDefault(trace.node(i), 0);
                if (before > 0 && trace.time(i) >= after && (trace.flags(i) & Trace.PROVISIONED) == 0) {
                    return i;
                }
                alive.put(trace.node(i), before + 1);
            } else if (kind == TraceKind.CONTAINER_EXPIRED) {
                alive.merge(trace.node(i), -1, Integer::sum);
            }
        }
        return -1;
    }

    /** A request served by a provisioned container. */
    private static int provisioned(Trace trace, long after) {
        Set<Long> provisioned = new HashSet<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = trace.nodeIds();
        for (int n = 0; n < ids.size(); n++) {
            index.put(ids.get(n), n);
        }
        for (Trace.Snapshot s : trace.initial()) {
            if (s.provisioned()) {
                provisioned.add(key(index.getOrDefault(s.functionId(), -1), s.container()));
            }
        }
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == TraceKind.CONTAINER_CREATED && (trace.flags(i) & Trace.PROVISIONED) != 0) {
                provisioned.add(key(trace.node(i), trace.container(i)));
            } else if (trace.kind(i) == TraceKind.INVOCATION_STARTED
                    && trace.time(i) >= after
                    && provisioned.contains(key(trace.node(i), trace.container(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static long key(int node, int container) {
        return ((long) node << 32) | (container & 0xffffffffL);
    }

    /** A request crossing an API gateway: a hop along an edge out of one, or a cached or throttled request. */
    private static int gateway(Trace trace, long after, Project project) {
        List<Edge> edges = project.architecture().edges();
        Set<Integer> fromGateway = new HashSet<>();
        for (int e = 0; e < edges.size(); e++) {
            String from = edges.get(e).from();
            boolean gateway = project.architecture()
                    .node(from)
                    .map(n -> n.kind() == NodeKind.API_GATEWAY)
                    .orElse(false);
            if (gateway) {
                fromGateway.add(e);
            }
        }
        return first(
                trace,
                after,
                i -> (trace.kind(i) == TraceKind.HOP && fromGateway.contains(trace.edge(i)))
                        || trace.kind(i) == TraceKind.CACHE_HIT
                        || trace.kind(i) == TraceKind.GATEWAY_THROTTLED);
    }
}
