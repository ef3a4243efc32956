package dev.stratus.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each node is drawn, keyed by node id and kept outside the domain records: moving a node
 * changes the layout, never the architecture. Sorted by id, so files are stable.
 */
public record Layout(Map<String, Position> positions) {

    public static final Layout EMPTY = new Layout(Map.of());

    public Layout {
        positions = positions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    public Optional<Position> positionOf(String nodeId) {
        return Optional.ofNullable(positions.get(nodeId));
    }

    public Layout with(String nodeId, Position position) {
        Map<String, Position> next = new TreeMap<>(positions);
        next.put(nodeId, position);
        return new Layout(next);
    }
}
