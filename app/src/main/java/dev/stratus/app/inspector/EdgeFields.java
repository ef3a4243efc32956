package dev.stratus.app.inspector;

import dev.stratus.app.edit.Edits;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspector's fields for an edge: the route of a gateway's edge, sync or async for a function
 * calling a function, and batching for an edge from a queue or a stream.
 */
final class EdgeFields {

    static final String CONNECTION = "Connection";
    static final String BATCHING = "Batching";

    private EdgeFields() {}

    static List<Field> of(Project project, Edge edge) {
        List<Field> fields = new ArrayList<>();
        Node from = project.architecture().node(edge.from()).orElse(null);
        Node to = project.architecture().node(edge.to()).orElse(null);
        fields.add(Field.readOnly("id", CONNECTION, "Id", edge.id()));
        fields.add(Field.readOnly(
                "ends", CONNECTION, "From → to", label(from, edge.from()) + " → " + label(to, edge.to())));
        if (from == null || to == null) {
            return fields;
        }
        if (from.kind() == NodeKind.API_GATEWAY) {
            fields.add(Field.of(
                    "route",
                    CONNECTION,
                    "Route",
                    "Method and path, like GET /items/{id}",
                    Field.Type.TEXT,
                    edge.route(),
                    v -> Edits.change(edge.withRoute((String) v), "Change route")));
        }
        if (from.kind() == NodeKind.FUNCTION && to.kind() == NodeKind.FUNCTION) {
            Edge.Invocation shown = edge.invocation() == null ? Edge.Invocation.SYNC : edge.invocation();
            fields.add(Field.choice(
                    "invocation",
                    CONNECTION,
                    "Invocation",
                    "Sync: the caller waits for the answer; async: it does not",
                    List.of(Edge.Invocation.values()),
                    v -> v == Edge.Invocation.ASYNC ? "Async" : "Sync",
                    shown,
                    v -> Edits.change(edge.withInvocation((Edge.Invocation) v), "Change invocation")));
        }
        if (ConnectionRules.isBatched(from.kind())) {
            Edge.Batching batching = edge.batching();
            Edge.Batching base = batching != null
                    ? batching
                    : ConnectionRules.defaultBatching(from.kind()).orElse(new Edge.Batching(1, 0));
            fields.add(Field.of(
                            "batchSize",
                            BATCHING,
                            "Batch size (messages)",
                            "Most messages per invocation; empty: the default",
                            Field.Type.WHOLE,
                            batching == null ? null : batching.size(),
                            v -> Edits.change(
                                    edge.withBatching(
                                            v == null ? null : new Edge.Batching((Integer) v, base.windowSeconds())),
                                    "Change batch size"))
                    .blankMeans(base.size() + " (default)"));
            fields.add(Field.of(
                    "batchWindowSeconds",
                    BATCHING,
                    "Batching window (s)",
                    "Longest wait to fill a batch; 0: take what is there",
                    Field.Type.DECIMAL,
                    batching == null ? null : batching.windowSeconds(),
                    v -> Edits.change(
                            edge.withBatching(new Edge.Batching(base.size(), (Double) v)), "Change batching window")));
        }
        return fields;
    }

    /** "api → orders": the names of the edge's ends. */
    static String ends(Project project, Edge edge) {
        return label(project.architecture().node(edge.from()).orElse(null), edge.from()) + " → "
                + label(project.architecture().node(edge.to()).orElse(null), edge.to());
    }

    private static String label(Node node, String id) {
        return node == null || node.name().isBlank() ? id : node.name();
    }
}
