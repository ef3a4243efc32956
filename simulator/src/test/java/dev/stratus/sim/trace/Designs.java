package dev.stratus.sim.trace;

import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.Workload;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import java.nio.file.Path;
import java.util.List;

/** Small designs with constant work and constant arrivals, watched, for the trace's tests. */
final class Designs {

    static final long SECOND = 1_000_000;

    private Designs() {}

    /** An HTTP trigger "web" calling {@code function} at a constant {@code ratePerSecond}, on AWS. */
    static Project httpTo(FunctionNode function, double ratePerSecond) {
        List<Node> nodes = List.of(new HttpTrigger("web", "web"), function);
        List<Edge> edges = List.of(Edge.of("e0", "web", function.id()));
        return new Project(
                "test",
                "",
                Provider.AWS,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                List.of(new Workload.Constant("web", ratePerSecond)),
                Layout.EMPTY);
    }

    static WatchRun.Watched watch(Project project, long from, long to) throws Exception {
        return new WatchRun(project, Path.of(".")).window(from, to).run(Monitor.NONE);
    }

    /** One line per event, for reading a trace in a failed assertion. */
    static List<String> lines(Trace trace) {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            lines.add(line(trace, i));
        }
        return lines;
    }

    static String line(Trace t, int i) {
        return t.time(i) + " " + t.kind(i) + " node=" + t.node(i) + " edge=" + t.edge(i) + " c=" + t.container(i)
                + " r=" + t.request(i) + " inv=" + t.invocation(i) + " " + Trace.flagNames(t.flags(i)) + " v="
                + t.value(i) + " v2=" + t.value2(i);
    }
}
