package dev.stratus.app.canvas;

import dev.stratus.app.edit.Edit;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.edit.Ids;
import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What was copied from the canvas: some nodes, the edges between them and where they were drawn.
 * Pasting gives every copy a fresh id and a fresh name ({@code orders-copy}, {@code orders-copy-2})
 * and keeps the edges between copied nodes. Plain data, no JavaFX.
 */
record Clipboard(List<Node> nodes, List<Edge> edges, Map<String, Position> positions) {

    static final Clipboard EMPTY = new Clipboard(List.of(), List.of(), Map.of());

    /** The selected nodes of {@code project}, with the edges whose both ends are selected. */
    static Clipboard of(Project project, Collection<String> selection, Map<String, Position> drawnAt) {
        Set<String> ids = Set.copyOf(selection);
        List<Node> nodes = project.architecture().nodes().stream()
                .filter(n -> ids.contains(n.id()))
                .toList();
        Set<String> nodeIds = new HashSet<>();
        nodes.forEach(n -> nodeIds.add(n.id()));
        List<Edge> edges = project.architecture().edges().stream()
                .filter(e -> nodeIds.contains(e.from()) && nodeIds.contains(e.to()))
                .toList();
        Map<String, Position> positions = new HashMap<>();
        for (String id : nodeIds) {
            Position at = drawnAt.get(id);
            positions.put(id, at == null ? new Position(0, 0) : at);
        }
        return new Clipboard(nodes, edges, positions);
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The copies pasted {@code dx}, {@code dy} canvas units away, and the ids of the new nodes. */
    Paste pasteInto(Project project, double dx, double dy, String what) {
        Architecture working = project.architecture();
        Set<String> usedNames = new HashSet<>();
        working.nodes().forEach(n -> usedNames.add(n.name().toLowerCase(Locale.ROOT)));
        Map<String, String> newIds = new LinkedHashMap<>();
        List<Node> copies = new ArrayList<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (Node node : nodes) {
            String id = Ids.newId(
                    project.withArchitecture(working), node.kind().id().replace("-trigger", ""));
            String name = freshName(node.name(), usedNames);
            Node copy = rebuild(node, id, name);
            working = working.withNode(copy);
            copies.add(copy);
            newIds.put(node.id(), id);
            Position at = positions().get(node.id());
            positions.put(id, new Position(at.x() + dx, at.y() + dy));
        }
        List<Edge> edgeCopies = new ArrayList<>();
        for (Edge edge : edges) {
            String id = Ids.newEdgeId(project.withArchitecture(working));
            Edge copy = new Edge(
                    id,
                    newIds.get(edge.from()),
                    newIds.get(edge.to()),
                    edge.invocation(),
                    edge.route(),
                    edge.batching());
            working = working.withEdge(copy);
            edgeCopies.add(copy);
        }
        return new Paste(Edits.add(what, copies, edgeCopies, positions), List.copyOf(newIds.values()));
    }

    /** The edit that pastes, and the ids of the nodes it adds (to select them). */
    record Paste(Edit edit, List<String> nodeIds) {}

    private static String freshName(String name, Set<String> used) {
        String base = (name.isBlank() ? "node" : name) + "-copy";
        String candidate = base;
        for (int i = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = base + "-" + i;
        }
        used.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }

    /**
     * The same node under a new id. Nodes are records with the id first; rather than list every
     * kind, the copy goes through the record's canonical constructor.
     */
    private static Node rebuild(Node node, String id, String name) {
        try {
            var components = node.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(node);
                if (components[i].getName().equals("id")) {
                    values[i] = id;
                }
            }
            Node copy = (Node) node.getClass().getDeclaredConstructor(types).newInstance(values);
            return copy.withName(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy a " + node.kind().displayName(), e);
        }
    }
}
