package dev.stratus.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Bucket;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.Email;
import dev.stratus.model.ExternalApi;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.Routing;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.StreamTrigger;
import dev.stratus.model.Topic;
import dev.stratus.model.TopicTrigger;
import dev.stratus.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Any project the model accepts survives a save and a load unchanged. */
class ProjectRoundTripPropertyTest {

    @Property(tries = 200)
    @StatisticsReport(onFailureOnly = true)
    void anyProjectSurvivesSaveAndLoadUnchanged(@ForAll("projects") Project project) throws Exception {
        Path folder = Files.createTempDirectory("stratus-roundtrip");
        try {
            Path file = folder.resolve("project.stratus.json");
            ProjectFiles.save(project, file);
            assertThat(ProjectFiles.load(file)).isEqualTo(project);
            Statistics.label("rich")
                    .collect(project.architecture().nodes().size() >= 6
                            && project.architecture().edges().size() >= 4);
            // The property means little unless many tries hold designs of some size.
            Statistics.label("rich").coverage(checker -> checker.check(true).percentage(p -> p >= 10));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
    }

    @Provide
    Arbitrary<Project> projects() {
        Arbitrary<List<Node>> nodes = Arbitraries.integers().between(0, 12).flatMap(this::nodes);
        return nodes.flatMap(list -> Combinators.combine(
                        text(),
                        text(),
                        Arbitraries.of(Provider.class),
                        settings(),
                        edges(list),
                        workloads(list),
                        layout(list))
                .as((name, description, provider, settings, edges, workloads, layout) -> new Project(
                        name, description, provider, settings, new Architecture(list, edges), workloads, layout)));
    }

    private Arbitrary<List<Node>> nodes(int count) {
        List<Arbitrary<Node>> each = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            each.add(node("n" + i));
        }
        return Combinators.combine(each).as(List::copyOf);
    }

    private Arbitrary<Node> node(String id) {
        Arbitrary<String> name = text();
        return Arbitraries.oneOf(
                name.map(n -> new HttpTrigger(id, n)),
                Combinators.combine(name, Arbitraries.of("rate(5 minutes)", "cron(0 2 * * ? *)", "not a schedule"))
                        .as((n, e) -> new ScheduleTrigger(id, n, e)),
                Combinators.combine(name, positive()).as((n, v) -> new QueueTrigger(id, n, v)),
                Combinators.combine(name, Arbitraries.of(StorageTrigger.Event.class), text(), text())
                        .as((n, e, p, s) -> new StorageTrigger(id, n, e, p, s)),
                Combinators.combine(name, Arbitraries.integers().between(1, 64))
                        .as((n, s) -> new StreamTrigger(id, n, s)),
                name.map(n -> new TopicTrigger(id, n)),
                gateway(id, name),
                function(id, name),
                Combinators.combine(name, distribution(), capacity()).as((n, l, c) -> new Database(id, n, l, c)),
                Combinators.combine(name, distribution(), capacity()).as((n, l, c) -> new Bucket(id, n, l, c)),
                Combinators.combine(name, Arbitraries.of(Queue.Type.class), distribution(), capacity(), positive())
                        .as((n, t, l, c, v) -> new Queue(id, n, t, l, c, v)),
                Combinators.combine(name, distribution(), capacity()).as((n, l, c) -> new Topic(id, n, l, c)),
                Combinators.combine(name, distribution(), capacity()).as((n, l, c) -> new Email(id, n, l, c)),
                Combinators.combine(name, text(), distribution(), capacity())
                        .as((n, u, l, c) -> new ExternalApi(id, n, u, l, c)));
    }

    private Arbitrary<Node> gateway(String id, Arbitrary<String> name) {
        Arbitrary<ApiGateway.Cache> cache = Combinators.combine(
                        positive(), Arbitraries.doubles().between(0, 1).ofScale(9))
                .as(ApiGateway.Cache::new)
                .injectNull(0.5);
        return Combinators.combine(
                        name,
                        Arbitraries.of(ApiGateway.Type.class),
                        positive(),
                        Arbitraries.integers().between(1, 10_000),
                        cache,
                        Arbitraries.of(ApiGateway.Auth.class),
                        distribution())
                .as((n, type, rate, burst, c, auth, latency) ->
                        new ApiGateway(id, n, type, rate, burst, c, auth, latency));
    }

    private Arbitrary<Node> function(String id, Arbitrary<String> name) {
        Arbitrary<KeepAlive> keepAlive = Arbitraries.oneOf(
                Arbitraries.of(
                        KeepAlive.PROVIDER_DEFAULT,
                        new KeepAlive(KeepAlive.Policy.NONE, null),
                        new KeepAlive(KeepAlive.Policy.HYBRID, null)),
                positive().map(KeepAlive::fixed));
        Arbitrary<Map<String, String>> environment = Arbitraries.maps(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), text())
                .ofMaxSize(3);
        Arbitrary<FunctionNode> basic = Combinators.combine(
                        name,
                        Arbitraries.of("java21", "java17", "python3.13"),
                        Arbitraries.of(FunctionNode.Architecture.class),
                        Arbitraries.integers().between(1, 20_000),
                        positive(),
                        text().injectNull(0.5),
                        environment,
                        keepAlive)
                .as((n, runtime, arch, memory, timeout, code, env, keep) -> new FunctionNode(
                        id,
                        n,
                        runtime,
                        arch,
                        memory,
                        timeout,
                        null,
                        code,
                        env,
                        null,
                        0,
                        null,
                        keep,
                        Distribution.constant(1),
                        null,
                        null));
        return Combinators.combine(
                        basic,
                        Arbitraries.integers().between(0, 100).injectNull(0.5),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(1, 100),
                        distribution(),
                        distribution().injectNull(0.5),
                        Arbitraries.doubles().between(0, 1).ofScale(3).injectNull(0.5))
                .as((f, reserved, provisioned, perInstance, execution, cold, cpu) -> new FunctionNode(
                        f.id(),
                        f.name(),
                        f.runtime(),
                        f.architecture(),
                        f.memoryMb(),
                        f.timeoutSeconds(),
                        "com.example.Handler",
                        f.code(),
                        f.environment(),
                        reserved,
                        provisioned,
                        perInstance,
                        f.keepAlive(),
                        execution,
                        cold,
                        cpu));
    }

    private Arbitrary<List<Edge>> edges(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<String> ends = Arbitraries.of(nodes.stream().map(Node::id).toList());
        Arbitrary<Edge.Batching> batching = Combinators.combine(
                        Arbitraries.integers().between(1, 10_000),
                        Arbitraries.doubles().between(0, 300).ofScale(9))
                .as(Edge.Batching::new)
                .injectNull(0.6);
        Arbitrary<Edge> edge = Combinators.combine(
                        ends,
                        ends,
                        Arbitraries.of(Edge.Invocation.class).injectNull(0.5),
                        Arbitraries.of("GET /items", "POST /items/{id}", "").injectNull(0.5),
                        batching)
                .as((from, to, invocation, route, b) -> new Edge("e", from, to, invocation, route, b));
        return edge.list().ofMaxSize(15).map(list -> {
            List<Edge> numbered = new ArrayList<>();
            for (Edge e : list) {
                numbered.add(
                        new Edge("e" + numbered.size(), e.from(), e.to(), e.invocation(), e.route(), e.batching()));
            }
            return numbered;
        });
    }

    private Arbitrary<List<Workload>> workloads(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<String> at = Arbitraries.of(nodes.stream().map(Node::id).toList());
        Arbitrary<Double> rate = Arbitraries.doubles().between(0, 5_000).ofScale(9);
        Arbitrary<Workload> workload = Arbitraries.oneOf(
                Combinators.combine(at, rate).as(Workload.Constant::new),
                Combinators.combine(at, rate).as(Workload.Poisson::new),
                Combinators.combine(at, rate, rate, positive()).as(Workload.Ramp::new),
                Combinators.combine(at, rate, rate, rate, positive(), rate).as(Workload.Spike::new),
                Combinators.combine(
                                at,
                                rate,
                                Arbitraries.doubles().between(0, 1).ofScale(9),
                                Arbitraries.doubles().between(0, 23.9).ofScale(9))
                        .as(Workload.Diurnal::new),
                Combinators.combine(
                                at,
                                Arbitraries.of("trace.csv", "azure/day01.csv"),
                                Arbitraries.of(Workload.Trace.Format.class),
                                Arbitraries.of("9a3e4f", "").injectNull(0.5))
                        .as(Workload.Trace::new));
        return workload.list().ofMaxSize(4);
    }

    private Arbitrary<Layout> layout(List<Node> nodes) {
        Arbitrary<Position> position = Combinators.combine(
                        Arbitraries.doubles().between(-5_000, 5_000).ofScale(9),
                        Arbitraries.doubles().between(-5_000, 5_000).ofScale(9))
                .as(Position::new);
        List<String> ids = nodes.stream().map(Node::id).toList();
        if (ids.isEmpty()) {
            return Arbitraries.just(Layout.EMPTY);
        }
        return Arbitraries.maps(Arbitraries.of(ids), position).map(Layout::new);
    }

    private Arbitrary<SimulationSettings> settings() {
        return Combinators.combine(
                        positive(),
                        Arbitraries.longs(),
                        Arbitraries.of(Routing.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((seconds, seed, routing, freeTier, compare) ->
                        new SimulationSettings(seconds, seed, routing, freeTier, compare));
    }

    private Arbitrary<Distribution> distribution() {
        Arbitrary<Double> mean = Arbitraries.doubles().between(0, 100_000).ofScale(9);
        return Arbitraries.oneOf(
                mean.map(Distribution::constant),
                mean.map(Distribution::exponential),
                Combinators.combine(mean, Arbitraries.doubles().between(0.01, 5).ofScale(9))
                        .as(Distribution::lognormal),
                Combinators.combine(mean, Arbitraries.doubles().between(0.01, 5).ofScale(9))
                        .as(Distribution::gamma));
    }

    private Arbitrary<Double> capacity() {
        return positive().injectNull(0.5);
    }

    private Arbitrary<Double> positive() {
        return Arbitraries.doubles().between(0.001, 1e7).ofScale(9);
    }

    /** Text with the characters that break hand-written JSON: quotes, backslashes, newlines, emoji. */
    private Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("\"\\\n\t:{}[]é€ ").ofMaxLength(10),
                Arbitraries.strings().withChars("\"\n").ofMaxLength(3).map(s -> s + "😀" + s),
                Arbitraries.of("orders", "create-item", ""));
    }
}
