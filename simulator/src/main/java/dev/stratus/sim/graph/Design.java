package dev.stratus.sim.graph;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Bucket;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.Routing;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.Service;
import dev.stratus.model.StreamTrigger;
import dev.stratus.model.Topic;
import dev.stratus.model.Trigger;
import dev.stratus.model.Workload;
import dev.stratus.provider.ProviderPrices;
import dev.stratus.provider.RuntimeProfile;
import dev.stratus.sim.pool.FunctionPool;
import dev.stratus.sim.pool.HybridHistogram;
import dev.stratus.sim.pool.ScaleOutLimit;
import dev.stratus.sim.random.DurationSamplers;
import dev.stratus.sim.random.RandomStreams;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.workload.ArrivalProcess;
import dev.stratus.sim.workload.ArrivalProcesses;
import dev.stratus.sim.workload.ScheduleArrivals;
import dev.stratus.sim.workload.TraceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project compiled for a run: every node as an indexed state object, every edge as an index, every
 * random stream derived from the seed and the component's id. Each edge the simulation follows keeps
 * its index in the project's edge list beside its target, so traffic is counted into {@link
 * #edgeTraffic} with no lookup.
 */
final class Design {

    final List<EntryState> entries = new ArrayList<>();
    final List<FunctionState> functions = new ArrayList<>();
    final List<ServiceState> services = new ArrayList<>();
    final List<MessageQueue> queues = new ArrayList<>();
    final List<String> queueIds = new ArrayList<>();
    final List<GatewayState> gateways = new ArrayList<>();
    /** What crossed each of the project's edges, by its index in the project's edge list. */
    final long[] edgeTraffic;

    private final Map<String, Integer> gatewayIndex = new HashMap<>();
    final int asyncRetries;

    private final Map<String, Integer> functionIndex = new HashMap<>();
    private final Map<String, Integer> serviceIndex = new HashMap<>();
    private final Map<String, Integer> nodeIndex = new HashMap<>();

    Design(Project project, Path projectFolder, long seed, Routing routing, ProviderPrices prices)
            throws TraceException {
        RandomStreams streams = new RandomStreams(seed);
        RuntimeProfile profile = RuntimeProfile.of(prices);
        this.asyncRetries = profile.asyncRetries();
        List<Node> nodes = project.architecture().nodes();
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            nodeIndex.put(node.id(), n);
            if (node instanceof FunctionNode f) {
                functionIndex.put(f.id(), functions.size());
                FunctionState state = function(f, prices, profile, streams, routing);
                state.nodeIndex = n;
                functions.add(state);
            } else if (node instanceof Service s) {
                serviceIndex.put(s.id(), services.size());
                ServiceState state =
                        new ServiceState(s, DurationSamplers.of(s.latency(), streams.stream(s.id(), "latency")));
                state.nodeIndex = n;
                services.add(state);
            } else if (node instanceof ApiGateway g) {
                gatewayIndex.put(g.id(), gateways.size());
                GatewayState state = new GatewayState(
                        g,
                        DurationSamplers.of(g.latency(), streams.stream(g.id(), "latency")),
                        streams.stream(g.id(), "routes"));
                state.nodeIndex = n;
                gateways.add(state);
            }
        }
        Map<String, Workload> workloads = new HashMap<>();
        for (Workload workload : project.workloads()) {
            workloads.putIfAbsent(workload.trigger(), workload);
        }
        for (Node node : nodes) {
            if (node instanceof Trigger t) {
                ArrivalProcess arrivals = t instanceof ScheduleTrigger schedule
                        ? ScheduleArrivals.of(schedule)
                        : workloads.containsKey(t.id())
                                ? ArrivalProcesses.of(
                                        workloads.get(t.id()), streams.stream(t.id(), "arrivals"), projectFolder)
                                : () -> Long.MAX_VALUE;
                EntryState entry = new EntryState(t, arrivals, streams.stream(t.id(), "routes"));
                entry.nodeIndex = nodeIndex.get(t.id());
                entries.add(entry);
            }
        }
        List<Edge> edges = project.architecture().edges();
        this.edgeTraffic = new long[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            connect(project, edges.get(i), i);
        }
    }

    /** The containers alive just before {@code at} (see {@link FunctionPool#forEachAlive}), by function. */
    List<Trace.Snapshot> aliveAt(long at) {
        List<Trace.Snapshot> alive = new ArrayList<>();
        for (FunctionState fn : functions) {
            String id = fn.node.id();
            fn.pool.forEachAlive(
                    at,
                    (container, provisioned, running, idleSince, createdAt) -> alive.add(
                            new Trace.Snapshot(id, (int) container, provisioned, running, idleSince, createdAt)));
        }
        return alive;
    }

    /** The depth of each queue that holds messages now, by its node id. */
    Map<String, Integer> queueDepths() {
        Map<String, Integer> depths = new LinkedHashMap<>();
        for (int q = 0; q < queues.size(); q++) {
            int depth = queues.get(q).depth();
            if (depth > 0) {
                depths.put(queueIds.get(q), depth);
            }
        }
        return depths;
    }

    private static FunctionState function(
            FunctionNode f, ProviderPrices prices, RuntimeProfile profile, RandomStreams streams, Routing routing) {
        int limit = profile.instanceLimit(f);
        long keepAlive = profile.keepAliveMicros(f);
        ScaleOutLimit scaleOut = profile.scaleOutBurst() > 0
                ? new ScaleOutLimit(profile.scaleOutBurst(), Math.round(profile.scaleOutPeriodSeconds() * 1e6))
                : ScaleOutLimit.NONE;
        // A provider without provisioned concurrency has none, whatever the function asks.
        int provisioned = prices.compute(f.architecture()).provisioned().isPresent() ? f.provisionedConcurrency() : 0;
        FunctionPool pool = new FunctionPool(
                limit,
                f.instanceConcurrency(),
                keepAlive,
                provisioned,
                routing,
                streams.stream(f.id(), "routing"),
                scaleOut);
        if (f.keepAlive().policy() == KeepAlive.Policy.HYBRID) {
            // Under the hybrid policy the keep-alive is the provider's default, where its histogram starts.
            pool.withHybridKeepAlive(new HybridHistogram(keepAlive));
        }
        FunctionState state = new FunctionState(
                f,
                pool,
                DurationSamplers.of(
                        prices.cpu().scale(f.execution(), f.cpuBoundShare(), f.executionMeasuredAtMb(), f.memoryMb()),
                        streams.stream(f.id(), "execution")),
                DurationSamplers.of(RuntimeProfile.coldStart(prices, f), streams.stream(f.id(), "cold-start")));
        state.provisioned = provisioned;
        return state;
    }

    private void connect(Project project, Edge edge, int index) {
        Node from = project.architecture().node(edge.from()).orElse(null);
        Node to = project.architecture().node(edge.to()).orElse(null);
        if (from == null || to == null || !ConnectionRules.allows(from.kind(), to.kind())) {
            return;
        }
        Integer fn = functionIndex.get(to.id());
        if (from instanceof FunctionNode caller) {
            FunctionState state = functions.get(functionIndex.get(caller.id()));
            if (fn != null) {
                boolean sync = ConnectionRules.isSynchronous(from.kind(), to.kind(), edge.invocation());
                state.addStep(sync ? FunctionState.INVOKE_SYNC : FunctionState.INVOKE_ASYNC, fn, index);
            } else {
                int service = serviceIndex.get(to.id());
                int type = switch (to.kind()) {
                    case QUEUE -> FunctionState.SEND;
                    case TOPIC -> FunctionState.PUBLISH;
                    case BUCKET -> FunctionState.WRITE;
                    default -> FunctionState.CALL;
                };
                state.addStep(type, service, index);
            }
        } else if (from instanceof Service s && fn != null) {
            ServiceState service = services.get(serviceIndex.get(s.id()));
            if (s instanceof Queue) {
                service.queue =
                        addQueue(s.id(), s.name(), s.kind(), fn, edge, index, Integer.MAX_VALUE, Invocations.NONE);
            } else if (s instanceof Topic || s instanceof Bucket) {
                service.subscribers = append(service.subscribers, fn);
                service.subscriberEdges = append(service.subscriberEdges, index);
            }
        } else if (from instanceof ApiGateway g && fn != null) {
            gateways.get(gatewayIndex.get(g.id())).addRoute(fn, index);
        } else if (from instanceof Trigger t) {
            EntryState entry = entryOf(t);
            if (to.kind() == NodeKind.API_GATEWAY) {
                entry.route = EntryState.TO_GATEWAY;
                entry.gateway = gatewayIndex.get(to.id());
                entry.gatewayEdge = index;
            } else if (t instanceof QueueTrigger || t instanceof StreamTrigger) {
                int maxRunning = t instanceof StreamTrigger stream ? stream.shards() : Integer.MAX_VALUE;
                entry.route = EntryState.TO_QUEUE;
                entry.queue = addQueue(t.id(), t.name(), t.kind(), fn, edge, index, maxRunning, entries.indexOf(entry));
            } else {
                entry.route = t instanceof HttpTrigger ? EntryState.TO_FUNCTIONS_SYNC : EntryState.TO_FUNCTIONS_ASYNC;
                entry.targets = append(entry.targets, fn);
                entry.targetEdges = append(entry.targetEdges, index);
            }
        }
    }

    private int addQueue(
            String id,
            String name,
            NodeKind fromKind,
            int consumer,
            Edge edge,
            int edgeIndex,
            int maxRunning,
            int entry) {
        Edge.Batching batching = edge.batching() != null
                ? edge.batching()
                : ConnectionRules.defaultBatching(fromKind).orElseThrow();
        queueIds.add(id);
        FunctionState consumerState = functions.get(consumer);
        consumerState.consumedQueues = append(consumerState.consumedQueues, queues.size());
        MessageQueue queue = new MessageQueue(
                name,
                consumer,
                edgeIndex,
                batching.size(),
                Math.round(batching.windowSeconds() * 1e6),
                maxRunning,
                entry);
        queue.nodeIndex = nodeIndex.get(id);
        queues.add(queue);
        return queues.size() - 1;
    }

    private EntryState entryOf(Trigger trigger) {
        return entries.stream().filter(e -> e.node == trigger).findFirst().orElseThrow();
    }

    private static int[] append(int[] values, int value) {
        int[] more = java.util.Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }
}
