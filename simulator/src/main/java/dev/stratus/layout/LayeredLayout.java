package dev.stratus.layout;

import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places nodes left to right in the direction of the flow: each node goes in the column after the
 * furthest node that leads to it (the longest path from a source, ignoring edges that close a cycle),
 * and nodes in a column are stacked in design order. Canvas units: a column is {@link #COLUMN_WIDTH}
 * wide, a row {@link #ROW_HEIGHT} high.
 */
public final class LayeredLayout {

    public static final double COLUMN_WIDTH = 220;
    public static final double ROW_HEIGHT = 110;
    public static final double MARGIN = 40;

    private LayeredLayout() {}

    /** A layout of every node of {@code architecture}, ignoring any existing positions. */
    public static Layout of(Architecture architecture) {
        Map<String, Integer> columns = columns(architecture);
        Map<Integer, Integer> rowsUsed = new HashMap<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (Node node : architecture.nodes()) {
            int column = columns.getOrDefault(node.id(), 0);
            int row = rowsUsed.merge(column, 1, Integer::sum) - 1;
            positions.putIfAbsent(node.id(), new Position(MARGIN + column * COLUMN_WIDTH, MARGIN + row * ROW_HEIGHT));
        }
        return new Layout(positions);
    }

    /**
     * {@code layout} with a position added for each node that has none: below everything already
     * placed, in the columns the layered layout would give it. Nodes already placed do not move.
     */
    public static Layout complete(Architecture architecture, Layout layout) {
        List<Node> missing = architecture.nodes().stream()
                .filter(n -> layout.positionOf(n.id()).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return layout;
        }
        double top = layout.positions().values().stream()
                .mapToDouble(p -> p.y() + ROW_HEIGHT)
                .max()
                .orElse(MARGIN);
        Layout fresh = of(architecture);
        Layout result = layout;
        for (Node node : missing) {
            Position p = fresh.positionOf(node.id()).orElseThrow();
            result = result.with(node.id(), new Position(p.x(), top + p.y() - MARGIN));
        }
        return result;
    }

    private static Map<String, Integer> columns(Architecture architecture) {
        Map<String, List<String>> next = new HashMap<>();
        for (Edge edge : architecture.edges()) {
            next.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
        }
        Map<String, Integer> column = new HashMap<>();
        Map<String, Boolean> onPath = new HashMap<>();
        for (Node node : architecture.nodes()) {
            if (architecture.edgesTo(node.id()).isEmpty()) {
                deepen(node.id(), 0, next, column, onPath);
            }
        }
        // Nodes only reachable through a cycle get placed from their own start.
        for (Node node : architecture.nodes()) {
            if (!column.containsKey(node.id())) {
                deepen(node.id(), 0, next, column, onPath);
            }
        }
        return column;
    }

    private static void deepen(
            String id,
            int depth,
            Map<String, List<String>> next,
            Map<String, Integer> column,
            Map<String, Boolean> onPath) {
        if (onPath.getOrDefault(id, false) || column.getOrDefault(id, -1) >= depth) {
            return;
        }
        column.put(id, depth);
        onPath.put(id, true);
        for (String to : next.getOrDefault(id, List.of())) {
            deepen(to, depth + 1, next, column, onPath);
        }
        onPath.put(id, false);
    }
}
