package dev.stratus.sim.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.StreamTrigger;
import dev.stratus.model.TopicTrigger;
import dev.stratus.model.Workload;
import dev.stratus.project.ProjectFiles;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The design simulation against hand arithmetic and the rules it promises. Percentiles come from
 * histograms of 1% resolution, so latencies are compared within 1%.
 */
class DesignSimulationTest {

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();

    /** A function with constant work, a constant 100 ms cold start and a keep-alive of an hour. */
    private static FunctionNode fn(String id, double workMs) {
        return Runs.fn(id, workMs);
    }

    private DesignSimulationTest add(Node node) {
        nodes.add(node);
        return this;
    }

    private DesignSimulationTest edge(String from, String to) {
        return edge(Edge.of("e" + edges.size(), from, to));
    }

    private DesignSimulationTest edge(Edge edge) {
        edges.add(
                new Edge("e" + edges.size(), edge.from(), edge.to(), edge.invocation(), edge.route(), edge.batching()));
        return this;
    }

    private DesignSimulationTest load(Workload workload) {
        workloads.add(workload);
        return this;
    }

    private SimulationResult run(double seconds) throws Exception {
        Project project = new Project(
                "test",
                "",
                Provider.AWS,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                workloads,
                Layout.EMPTY);
        return new DesignSimulation(project, Path.of("."), seconds, 1, Routing.NEWEST).run(Monitor.NONE);
    }

    private static FunctionResult function(SimulationResult r, String id) {
        return r.functions().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    private static EntryResult entry(SimulationResult r, String id) {
        return r.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSynchronousChainAddsEveryLatencyAndTheFirstRequestIsCold() throws Exception {
        add(new HttpTrigger("web", "web"))
                .add(fn("api", 10))
                .add(new Database("db", "db", Distribution.constant(5), null))
                .edge("web", "api")
                .edge("api", "db")
                .load(new Workload.Constant("web", 1));
        SimulationResult r = run(100);
        EntryResult web = entry(r, "web");
        assertThat(web.requests()).isEqualTo(99);
        assertThat(web.completed()).isEqualTo(99);
        assertThat(web.latency().p50Ms()).isCloseTo(15.0, within(0.15));
        assertThat(web.latency().maxMs()).isCloseTo(115.0, within(1.2));
        FunctionResult api = function(r, "api");
        assertThat(api.coldStarts()).isEqualTo(1);
        // Billed: one cold run of 115 ms and 98 warm ones of 15 ms, at 1 GB.
        assertThat(api.billedGbSeconds()).isCloseTo((115 + 98 * 15) / 1000.0, within(1e-9));
    }

    @Test
    void aSynchronousCallToAFunctionWaitsForItAnAsynchronousOneDoesNot() throws Exception {
        add(new HttpTrigger("web", "web"))
                .add(fn("a", 10))
                .add(fn("b", 20))
                .add(fn("c", 40))
                .edge("web", "a")
                .edge("a", "b")
                .edge(Edge.of("x", "a", "c").withInvocation(Edge.Invocation.ASYNC))
                .load(new Workload.Constant("web", 2));
        SimulationResult r = run(60);
        assertThat(entry(r, "web").latency().p50Ms()).isCloseTo(30.0, within(0.3));
        assertThat(function(r, "c").invocations()).isEqualTo(function(r, "a").invocations());
        assertThat(function(r, "a").latency().p50Ms()).isCloseTo(30.0, within(0.3));
    }

    @Test
    void theGatewayAddsItsLatencyAndThrottlesOverItsRate() throws Exception {
        ApiGateway gateway =
                new ApiGateway("gw", "gw", ApiGateway.Type.HTTP, 10, 10, null, null, Distribution.constant(5));
        add(new HttpTrigger("web", "web"))
                .add(gateway)
                .add(fn("api", 10))
                .edge("web", "gw")
                .edge(Edge.of("r", "gw", "api").withRoute("GET /x"))
                .load(new Workload.Constant("web", 20));
        SimulationResult r = run(100);
        EntryResult web = entry(r, "web");
        // 20 a second against 10 a second (after a burst of 10): about half are throttled.
        assertThat((double) web.throttled() / web.requests()).isCloseTo(0.5, within(0.01));
        assertThat(web.latency().p50Ms()).isCloseTo(15.0, within(0.15));
    }

    @Test
    void theCacheAnswersItsShareOfRequests() throws Exception {
        ApiGateway gateway = new ApiGateway(
                "gw",
                "gw",
                ApiGateway.Type.REST,
                10_000,
                5_000,
                new ApiGateway.Cache(300, 0.8),
                null,
                Distribution.constant(5));
        add(new HttpTrigger("web", "web"))
                .add(gateway)
                .add(fn("api", 10))
                .edge("web", "gw")
                .edge(Edge.of("r", "gw", "api").withRoute("GET /x"))
                .load(new Workload.Poisson("web", 50));
        SimulationResult r = run(600);
        EntryResult web = entry(r, "web");
        assertThat((double) web.cacheHits() / web.requests()).isCloseTo(0.8, within(0.01));
        assertThat(function(r, "api").invocations()).isEqualTo(web.requests() - web.cacheHits());
    }

    @Test
    void aRunPastItsTimeoutFailsAndIsBilledAtTheTimeout() throws Exception {
        FunctionNode slow = fn("slow", 2_000).withTimeoutSeconds(1);
        add(new HttpTrigger("web", "web")).add(slow).edge("web", "slow").load(new Workload.Constant("web", 0.1));
        SimulationResult r = run(100);
        FunctionResult f = function(r, "slow");
        assertThat(f.invocations()).isEqualTo(9);
        assertThat(f.timeouts()).isEqualTo(9);
        assertThat(f.billedGbSeconds()).isCloseTo(9 * 1.0, within(1e-9));
        assertThat(entry(r, "web").failed()).isEqualTo(9);
    }

    @Test
    void aThrottledAsynchronousInvocationIsRetriedTwiceThenDropped() throws Exception {
        FunctionNode busy = fn("busy", 10_000).withConcurrency(1, 0);
        add(new TopicTrigger("events", "events"))
                .add(busy)
                .edge("events", "busy")
                .load(new Workload.Constant("events", 1));
        SimulationResult r = run(3_600);
        FunctionResult f = function(r, "busy");
        assertThat(f.peakConcurrency()).isEqualTo(1);
        assertThat(f.dropped()).isPositive();
        assertThat(f.retries()).isGreaterThanOrEqualTo(2 * f.dropped());
        // Every arrival either ran, or was dropped after its retries, or is still waiting for one.
        assertThat(f.invocations() - f.throttles())
                .isLessThanOrEqualTo(entry(r, "events").requests());
    }

    @Test
    void queuedWorkWaitsInTheQueueWhenTheConsumerIsAtItsLimit() throws Exception {
        Queue queue = new Queue("q", "q", Queue.Type.STANDARD, Distribution.constant(2), null, 60);
        add(new HttpTrigger("web", "web"))
                .add(fn("producer", 1))
                .add(queue)
                .add(fn("worker", 500).withConcurrency(1, 0))
                .edge("web", "producer")
                .edge("producer", "q")
                .edge(Edge.of("poll", "q", "worker").withBatching(new Edge.Batching(10, 0)))
                .load(new Workload.Constant("web", 40));
        SimulationResult r = run(60);
        var q = r.queues().get(0);
        // One batch of at most 10 every 0.5 s is 20 a second against 40 arriving: a backlog builds up.
        assertThat(q.sent()).isEqualTo(q.taken() + q.remaining());
        assertThat(q.remaining()).isGreaterThan(1_000);
        assertThat(q.messageAge().p99Ms()).isGreaterThan(10_000);
        assertThat(function(r, "worker").throttles()).isZero();
        assertThat(function(r, "worker").peakConcurrency()).isEqualTo(1);
    }

    @Test
    void aStreamRunsOneBatchPerShardAtATime() throws Exception {
        add(new StreamTrigger("s", "s", 2))
                .add(fn("ingest", 1_000))
                .edge(Edge.of("e", "s", "ingest").withBatching(new Edge.Batching(100, 0)))
                .load(new Workload.Poisson("s", 500));
        SimulationResult r = run(120);
        assertThat(function(r, "ingest").peakConcurrency()).isEqualTo(2);
        var q = r.queues().get(0);
        assertThat(q.taken()).isGreaterThan(20_000);
    }

    @Test
    void aServiceOverItsCapacityFailsTheCall() throws Exception {
        add(new HttpTrigger("web", "web"))
                .add(fn("api", 1))
                .add(new Database("db", "db", Distribution.constant(1), 10.0))
                .edge("web", "api")
                .edge("api", "db")
                .load(new Workload.Constant("web", 20));
        SimulationResult r = run(100);
        var db = r.services().get(0);
        assertThat((double) db.throttles() / db.calls()).isCloseTo(0.5, within(0.02));
        assertThat(function(r, "api").errors()).isEqualTo(db.throttles());
    }

    @Test
    void busyInstancesFollowLittlesLawInADesignToo() throws Exception {
        add(new HttpTrigger("web", "web"))
                .add(new FunctionNode(
                        "api",
                        "api",
                        null,
                        null,
                        512,
                        30,
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        KeepAlive.fixed(600),
                        Distribution.exponential(200),
                        Distribution.constant(0),
                        null))
                .edge("web", "api")
                .load(new Workload.Poisson("web", 30));
        SimulationResult r = run(20_000);
        FunctionResult api = function(r, "api");
        double rate = api.invocations() / r.simulatedSeconds();
        assertThat(api.averageBusyInstances()).isCloseTo(rate * 0.2, within(0.02 * rate * 0.2));
    }

    @Test
    void theHybridKeepAliveUnloadsAFunctionBetweenItsRegularRuns() throws Exception {
        FunctionNode tick = new FunctionNode(
                "tick",
                "tick",
                null,
                null,
                512,
                30,
                null,
                null,
                null,
                null,
                0,
                null,
                new KeepAlive(KeepAlive.Policy.HYBRID, null),
                Distribution.constant(500),
                Distribution.constant(100),
                null);
        add(new dev.stratus.model.ScheduleTrigger("every10", "every10", "rate(10 minutes)"))
                .add(tick)
                .edge("every10", "tick");
        FunctionResult hybrid = function(run(36_000), "tick");
        assertThat(hybrid.invocations()).isEqualTo(59);
        assertThat(hybrid.coldStarts()).isLessThanOrEqualTo(12);
        // AWS's fixed 6-minute keep-alive would keep it loaded 6 of every 10 minutes.
        assertThat(hybrid.averageInstances()).isLessThan(0.4);
    }

    @Test
    void queuedWorkStartsAsSoonAsItsConsumerIsFreeWhateverFreedIt() throws Exception {
        // The worker also answers HTTP calls; when one ends, the waiting queue must get the instance.
        Queue queue = new Queue("q", "q", Queue.Type.STANDARD, Distribution.constant(1), null, 60);
        add(new HttpTrigger("web", "web"))
                .add(new dev.stratus.model.TopicTrigger("events", "events"))
                .add(fn("producer", 1))
                .add(queue)
                .add(fn("worker", 5_000).withConcurrency(1, 0))
                .edge("events", "producer")
                .edge("producer", "q")
                .edge(Edge.of("poll", "q", "worker").withBatching(new Edge.Batching(10, 0)))
                .edge("web", "worker")
                .load(new Workload.Constant("web", 0.07))
                .load(new Workload.Constant("events", 0.05));
        SimulationResult r = run(3_600);
        // Work arrives at about 0.07 × 5 s + 0.05 × 5 s = 60% of the worker's time: messages wait for
        // at most one run in progress (5 s) plus the batch ahead of them, never long.
        assertThat(r.queues().get(0).messageAge().maxMs()).isLessThan(16_000);
    }

    @Test
    void aBatchingWindowWaitsForItsBatchOnceAndNotAgainForALateWindow() throws Exception {
        Queue queue = new Queue("q", "q", Queue.Type.STANDARD, Distribution.constant(1), null, 60);
        add(new HttpTrigger("web", "web"))
                .add(fn("producer", 1))
                .add(queue)
                .add(fn("worker", 10))
                .edge("web", "producer")
                .edge("producer", "q")
                .edge(Edge.of("poll", "q", "worker").withBatching(new Edge.Batching(10, 10)))
                .load(new Workload.Constant("web", 1.1));
        SimulationResult r = run(100);
        var q = r.queues().get(0);
        // 109 messages: batches of 10 fill in about 9 s, before the 10 s window closes.
        assertThat(q.sent()).isEqualTo(109);
        assertThat(function(r, "worker").invocations()).isBetween(10L, 12L);
    }

    @Test
    void twoGatewaysKeepTheirOwnRoutesAndThrottles() throws Exception {
        ApiGateway open = new ApiGateway(
                "gw1", "open", ApiGateway.Type.HTTP, 10_000, 5_000, null, null, Distribution.constant(5));
        ApiGateway tight =
                new ApiGateway("gw2", "tight", ApiGateway.Type.HTTP, 1, 1, null, null, Distribution.constant(5));
        add(new HttpTrigger("a", "a"))
                .add(new HttpTrigger("b", "b"))
                .add(open)
                .add(tight)
                .add(fn("fa", 1))
                .add(fn("fb", 1))
                .edge("a", "gw1")
                .edge("b", "gw2")
                .edge(Edge.of("r1", "gw1", "fa").withRoute("GET /a"))
                .edge(Edge.of("r2", "gw2", "fb").withRoute("GET /b"))
                .load(new Workload.Constant("a", 50))
                .load(new Workload.Constant("b", 50));
        SimulationResult r = run(60);
        assertThat(entry(r, "a").throttled()).isZero();
        assertThat(function(r, "fa").invocations()).isEqualTo(entry(r, "a").requests());
        assertThat((double) entry(r, "b").throttled() / entry(r, "b").requests())
                .isGreaterThan(0.9);
        assertThat(function(r, "fb").invocations())
                .isEqualTo(entry(r, "b").requests() - entry(r, "b").throttled());
    }

    @Test
    void aFanOutCountsOnceForItsTrigger() throws Exception {
        add(new TopicTrigger("events", "events"))
                .add(fn("a", 1))
                .add(fn("b", 1))
                .edge("events", "a")
                .edge("events", "b")
                .load(new Workload.Constant("events", 1));
        SimulationResult r = run(100);
        assertThat(entry(r, "events").completed()).isEqualTo(entry(r, "events").requests());
        assertThat(function(r, "b").invocations()).isEqualTo(entry(r, "events").requests());
    }

    @Test
    void aDurationOutsideOneMillisecondToAHundredBillionSecondsIsRefused() {
        Project project = new Project(
                "test", "", Provider.AWS, SimulationSettings.DEFAULT, Architecture.EMPTY, List.of(), Layout.EMPTY);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DesignSimulation(project, Path.of("."), 1e13, 1, Routing.NEWEST))
                .hasMessageContaining("between 1 ms and 10^11 s");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new DesignSimulation(project, Path.of("."), 1e-7, 1, Routing.NEWEST))
                .hasMessageContaining("between 1 ms and 10^11 s");
    }

    @Test
    void provisionedConcurrencyIsDroppedWhereTheProviderHasNone() throws Exception {
        add(new HttpTrigger("web", "web"))
                .add(fn("api", 10).withConcurrency(null, 3))
                .edge("web", "api")
                .load(new Workload.Constant("web", 1));
        Project project = new Project(
                "test",
                "",
                Provider.AZURE,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                workloads,
                Layout.EMPTY);
        SimulationResult r = new DesignSimulation(project, Path.of("."), 60, 1, Routing.NEWEST).run(Monitor.NONE);
        assertThat(function(r, "api").provisionedInstances()).isZero();
        assertThat(function(r, "api").coldStarts()).isEqualTo(1);
    }

    @Test
    void theSameSeedGivesByteIdenticalJsonButWallTime() throws Exception {
        Path sample = Path.of("..", "samples", "order-pipeline.stratus.json");
        Project project = ProjectFiles.load(sample);
        ObjectMapper json = new ObjectMapper();
        String first = json.writeValueAsString(new DesignSimulation(project, sample.getParent(), 900, 7, Routing.NEWEST)
                .run(Monitor.NONE)
                .withoutWallTime());
        String second =
                json.writeValueAsString(new DesignSimulation(project, sample.getParent(), 900, 7, Routing.NEWEST)
                        .run(Monitor.NONE)
                        .withoutWallTime());
        String other = json.writeValueAsString(new DesignSimulation(project, sample.getParent(), 900, 8, Routing.NEWEST)
                .run(Monitor.NONE)
                .withoutWallTime());
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void everySampleSimulatesWithoutFailures() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("..", "samples"))) {
            for (Path sample : files.filter(f -> f.toString().endsWith(".stratus.json"))
                    .sorted()
                    .toList()) {
                Project project = ProjectFiles.load(sample);
                SimulationResult r = new DesignSimulation(
                                project, sample.getParent(), project.settings().durationSeconds(), 1, Routing.NEWEST)
                        .run(Monitor.NONE);
                assertThat(r.totals().invocations()).as("%s runs", sample).isPositive();
                assertThat(r.totals().errors()
                                + r.totals().timeouts()
                                + r.totals().throttles())
                        .as("%s fails", sample)
                        .isZero();
            }
        }
    }

    @Test
    void aCancelledRunStopsAndKeepsWhatItSimulated() throws Exception {
        add(new HttpTrigger("web", "web"))
                .add(fn("api", 1))
                .edge("web", "api")
                .load(new Workload.Poisson("web", 1_000));
        Project project = new Project(
                "test",
                "",
                Provider.AWS,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                workloads,
                Layout.EMPTY);
        // Cancelled from the first check on: the run stops after Monitor.CHECK_EVERY events.
        boolean[] asked = {false};
        Monitor cancelling = new Monitor() {
            @Override
            public boolean cancelled() {
                boolean answer = asked[0];
                asked[0] = true;
                return answer;
            }
        };
        SimulationResult r = new DesignSimulation(project, Path.of("."), 3_600, 1, Routing.NEWEST).run(cancelling);
        assertThat(r.partial()).isTrue();
        assertThat(r.simulatedSeconds()).isPositive().isLessThan(3_600);
        assertThat(r.events()).isBetween((long) Monitor.CHECK_EVERY, Monitor.CHECK_EVERY + 100L);
        assertThat(entry(r, "web").requests()).isPositive();
    }
}
