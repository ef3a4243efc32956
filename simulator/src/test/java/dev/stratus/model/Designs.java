package dev.stratus.model;

import java.util.ArrayList;
import java.util.List;

/** Small designs for tests, built a node at a time. */
public final class Designs {

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private Provider provider = Provider.AWS;

    public static Designs design() {
        return new Designs();
    }

    public Designs add(Node node) {
        nodes.add(node);
        return this;
    }

    public Designs http(String id) {
        add(new HttpTrigger(id, id));
        return workload(new Workload.Poisson(id, 10));
    }

    public Designs function(String id) {
        return add(FunctionNode.of(id, id));
    }

    public Designs database(String id) {
        return add(new Database(id, id, Distribution.lognormal(8, 0.4), null));
    }

    public Designs connect(String from, String to) {
        edges.add(Edge.of("e" + (edges.size() + 1), from, to));
        return this;
    }

    public Designs connect(Edge edge) {
        edges.add(edge);
        return this;
    }

    public Designs workload(Workload workload) {
        workloads.add(workload);
        return this;
    }

    public Designs on(Provider provider) {
        this.provider = provider;
        return this;
    }

    public Project project() {
        return new Project(
                "Test design",
                "",
                provider,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                workloads,
                Layout.EMPTY);
    }
}
