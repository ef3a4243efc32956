package dev.stratus.sim.graph;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Project;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.Topic;
import dev.stratus.model.TopicTrigger;
import dev.stratus.model.Workload;
import dev.stratus.sim.result.EdgeResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What crosses each edge, counted exactly on small designs with evenly spaced arrivals. */
class EdgeTrafficTest {

    private static final Distribution MS = Distribution.constant(1);

    private static Map<String, Long> byId(SimulationResult r) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EdgeResult e : r.edges()) {
            counts.put(e.id(), e.count());
        }
        return counts;
    }

    private static FunctionResult function(SimulationResult r, String id) {
        return r.functions().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyEdgeCountsWhatCrossedItInTheOrderOfTheDesign() throws Exception {
        // 999 requests in 100 s (the first at 0.1 s) through the gateway to 'api', which calls a
        // database, a helper function, a queue, a function asynchronously and a topic with two
        // subscribers; beside it, 499 messages on a queue trigger.
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(new ApiGateway("gw", "gw", ApiGateway.Type.HTTP, 10_000, 5_000, null, null, MS))
                .add(Runs.fn("api", 1))
                .add(Runs.fn("helper", 1))
                .add(new Database("db", "db", MS, null))
                .add(new Queue("q", "q", Queue.Type.STANDARD, MS, null, 60))
                .add(Runs.fn("worker", 1))
                .add(Runs.fn("notify", 1))
                .add(new Topic("t", "t", MS, null))
                .add(Runs.fn("sub1", 1))
                .add(Runs.fn("sub2", 1))
                .add(new QueueTrigger("jobs", "jobs", 30))
                .add(Runs.fn("jw", 1))
                .connect(Edge.of("web-gw", "web", "gw"))
                .connect(Edge.of("route", "gw", "api").withRoute("GET /x"))
                .connect(Edge.of("api-db", "api", "db"))
                .connect(Edge.of("api-helper", "api", "helper"))
                .connect(Edge.of("api-q", "api", "q"))
                .connect(Edge.of("q-worker", "q", "worker").withBatching(new Edge.Batching(10, 0)))
                .connect(Edge.of("api-notify", "api", "notify").withInvocation(Edge.Invocation.ASYNC))
                .connect(Edge.of("api-t", "api", "t"))
                .connect(Edge.of("t-sub1", "t", "sub1"))
                .connect(Edge.of("t-sub2", "t", "sub2"))
                .connect(Edge.of("db-q", "db", "q"))
                .connect(Edge.of("jobs-jw", "jobs", "jw").withBatching(new Edge.Batching(10, 0)))
                .workload(new Workload.Constant("web", 10))
                .workload(new Workload.Constant("jobs", 5))
                .project();
        SimulationResult r = Runs.run(project, 100, 1);
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String id : new String[] {
            "web-gw", "route", "api-db", "api-helper", "api-q", "q-worker", "api-notify", "api-t", "t-sub1", "t-sub2"
        }) {
            expected.put(id, 999L);
        }
        // Services do not call each other: the simulation ignores this edge.
        expected.put("db-q", 0L);
        expected.put("jobs-jw", 499L);
        assertThat(byId(r)).containsExactlyEntriesOf(expected);
    }

    @Test
    void theGatewaysThrottledAndCachedRequestsDoNotReachItsRoute() throws Exception {
        ApiGateway gateway =
                new ApiGateway("gw", "gw", ApiGateway.Type.REST, 5, 5, new ApiGateway.Cache(300, 0.5), null, MS);
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(gateway)
                .add(Runs.fn("api", 1))
                .connect(Edge.of("in", "web", "gw"))
                .connect(Edge.of("route", "gw", "api").withRoute("GET /x"))
                .workload(new Workload.Constant("web", 10))
                .project();
        SimulationResult r = Runs.run(project, 100, 1);
        var web = r.entries().get(0);
        assertThat(web.throttled()).isPositive();
        assertThat(web.cacheHits()).isPositive();
        assertThat(byId(r))
                .containsEntry("in", web.requests())
                .containsEntry("route", web.requests() - web.throttled() - web.cacheHits())
                .containsEntry("route", function(r, "api").invocations());
    }

    @Test
    void anHttpTriggerToTwoFunctionsSendsEachRequestDownOneEdge() throws Exception {
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(Runs.fn("a", 1))
                .add(Runs.fn("b", 1))
                .connect(Edge.of("to-a", "web", "a"))
                .connect(Edge.of("to-b", "web", "b"))
                .workload(new Workload.Constant("web", 10))
                .project();
        SimulationResult r = Runs.run(project, 100, 1);
        Map<String, Long> counts = byId(r);
        assertThat(counts.get("to-a") + counts.get("to-b")).isEqualTo(999);
        assertThat(counts.get("to-a")).isEqualTo(function(r, "a").invocations()).isPositive();
        assertThat(counts.get("to-b")).isEqualTo(function(r, "b").invocations()).isPositive();
    }

    @Test
    void aRetriedAsynchronousCallCrossesItsEdgeAgain() throws Exception {
        // One event a second; 'busy' runs one 10 s call at a time, so most calls are throttled and retried.
        Project project = design().add(new TopicTrigger("events", "events"))
                .add(Runs.fn("caller", 1))
                .add(Runs.fn("busy", 10_000).withConcurrency(1, 0))
                .connect(Edge.of("in", "events", "caller"))
                .connect(Edge.of("call", "caller", "busy").withInvocation(Edge.Invocation.ASYNC))
                .workload(new Workload.Constant("events", 1))
                .project();
        SimulationResult r = Runs.run(project, 600, 1);
        FunctionResult busy = function(r, "busy");
        assertThat(busy.retries()).isPositive();
        assertThat(byId(r))
                .containsEntry("in", 599L)
                .containsEntry("call", function(r, "caller").invocations() + busy.retries());
    }
}
