package dev.stratus.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The nodes and edges of a design. Lists keep the order they were given, which is the order files
 * are written in. Ids are not checked for uniqueness here: a file with a duplicate still opens, and
 * the {@code Validator} reports it.
 */
public record Architecture(List<Node> nodes, List<Edge> edges) {

    public static final Architecture EMPTY = new Architecture(List.of(), List.of());

    public Architecture {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /** The node with this id, if there is one (the first, if the id is duplicated). */
    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Nodes by id; where an id is duplicated, the first node wins. */
    public Map<String, Node> nodesById() {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node node : nodes) {
            byId.putIfAbsent(node.id(), node);
        }
        return byId;
    }

    public <T extends Node> Stream<T> nodesOf(Class<T> type) {
        return nodes.stream().filter(type::isInstance).map(type::cast);
    }

    public List<Edge> edgesFrom(String nodeId) {
        return edges.stream().filter(e -> e.from().equals(nodeId)).toList();
    }

    public List<Edge> edgesTo(String nodeId) {
        return edges.stream().filter(e -> e.to().equals(nodeId)).toList();
    }

    public Architecture withNode(Node node) {
        List<Node> next = new ArrayList<>(nodes);
        next.add(node);
        return new Architecture(next, edges);
    }

    public Architecture withEdge(Edge edge) {
        List<Edge> next = new ArrayList<>(edges);
        next.add(edge);
        return new Architecture(nodes, next);
    }

    /** This architecture with {@code node} put in the place of the node of the same id. */
    public Architecture replacing(Node node) {
        List<Node> next =
                nodes.stream().map(n -> n.id().equals(node.id()) ? node : n).toList();
        return new Architecture(next, edges);
    }
}
