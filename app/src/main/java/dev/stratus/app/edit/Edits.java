package dev.stratus.app.edit;

import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import dev.stratus.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The edits the studio makes, each one undoable step. */
public final class Edits {

    private Edits() {}

    /** Adds {@code node} at {@code position}. */
    public static Edit addNode(Node node, Position position) {
        return Edit.of(
                "Add " + node.kind().lowerName(),
                p -> p.withArchitecture(p.architecture().withNode(node))
                        .withLayout(p.layout().with(node.id(), position)));
    }

    /** Adds {@code edge}. */
    public static Edit connect(Edge edge) {
        return Edit.of("Connect", p -> p.withArchitecture(p.architecture().withEdge(edge)));
    }

    /**
     * Deletes the nodes and edges with these ids, with every edge, workload and layout position of a
     * deleted node.
     */
    public static Edit delete(Collection<String> ids) {
        Set<String> gone = Set.copyOf(ids);
        String what = gone.size() == 1 ? "Delete" : "Delete " + gone.size() + " elements";
        return Edit.of(what, p -> {
            Architecture a = p.architecture();
            List<Node> nodes =
                    a.nodes().stream().filter(n -> !gone.contains(n.id())).toList();
            Set<String> kept = new HashSet<>();
            nodes.forEach(n -> kept.add(n.id()));
            List<Edge> edges = a.edges().stream()
                    .filter(e -> !gone.contains(e.id()) && kept.contains(e.from()) && kept.contains(e.to()))
                    .toList();
            List<Workload> workloads = p.workloads().stream()
                    .filter(w -> kept.contains(w.trigger()))
                    .toList();
            Map<String, Position> positions = new TreeMap<>(p.layout().positions());
            positions.keySet().retainAll(kept);
            return p.withArchitecture(new Architecture(nodes, edges))
                    .withWorkloads(workloads)
                    .withLayout(new Layout(positions));
        });
    }

    /** Moves nodes to new positions. */
    public static Edit move(Map<String, Position> positions) {
        String what = positions.size() == 1 ? "Move" : "Move " + positions.size() + " nodes";
        return Edit.of(what, p -> {
            Layout layout = p.layout();
            for (Map.Entry<String, Position> e : positions.entrySet()) {
                layout = layout.with(e.getKey(), e.getValue());
            }
            return p.withLayout(layout);
        });
    }

    /** Renames a node. */
    public static Edit rename(String nodeId, String name) {
        return Edit.of(
                "Rename",
                p -> p.architecture()
                        .node(nodeId)
                        .map(n -> p.withArchitecture(p.architecture().replacing(n.withName(name))))
                        .orElse(p));
    }

    /** Puts {@code node} in the place of the node of the same id (a change of its properties). */
    public static Edit change(Node node, String what) {
        return Edit.of(what, p -> p.withArchitecture(p.architecture().replacing(node)));
    }

    /** Puts {@code edge} in the place of the edge of the same id. */
    public static Edit change(Edge edge, String what) {
        return Edit.of(what, p -> {
            List<Edge> edges = p.architecture().edges().stream()
                    .map(e -> e.id().equals(edge.id()) ? edge : e)
                    .toList();
            return p.withArchitecture(new Architecture(p.architecture().nodes(), edges));
        });
    }

    /** Adds several nodes and edges at once, with their positions (paste, duplicate). */
    public static Edit add(String what, List<Node> nodes, List<Edge> edges, Map<String, Position> positions) {
        return Edit.of(what, p -> {
            List<Node> allNodes = new ArrayList<>(p.architecture().nodes());
            allNodes.addAll(nodes);
            List<Edge> allEdges = new ArrayList<>(p.architecture().edges());
            allEdges.addAll(edges);
            Layout layout = p.layout();
            for (Map.Entry<String, Position> e : positions.entrySet()) {
                layout = layout.with(e.getKey(), e.getValue());
            }
            return p.withArchitecture(new Architecture(allNodes, allEdges)).withLayout(layout);
        });
    }

    /** Replaces the whole layout (automatic layout). */
    public static Edit layout(Layout layout) {
        return Edit.of("Arrange", p -> p.withLayout(layout));
    }

    /** Replaces the whole project's settings other than its design (provider, name, workloads). */
    public static Edit project(String what, java.util.function.UnaryOperator<Project> change) {
        return Edit.of(what, change);
    }
}
