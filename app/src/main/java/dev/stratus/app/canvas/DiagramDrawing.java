package dev.stratus.app.canvas;

import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.control.Label;

/**
 * The views of the project a {@link DiagramView} draws: a {@link NodeView} per node and an {@link
 * EdgeView} per edge, in three groups (edges, nodes, route labels, bottom to top), in canvas units.
 * A view whose node or edge did not change is kept from one project to the next, so moving nodes or
 * editing one node does not rebuild 500 boxes. Nodes with a duplicate id are drawn once, edges whose
 * ends are missing not at all (the validator reports both).
 */
final class DiagramDrawing {

    /** How far apart parallel edges between the same two nodes run, canvas units. */
    private static final double PARALLEL_SPACING = 10;

    final Group edgeLayer = new Group();
    final Group nodeLayer = new Group();
    final Group labelLayer = new Group();
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final List<EdgeView> edgeViews = new ArrayList<>();
    private final Map<String, EdgeView> edgeViewsById = new HashMap<>();
    private final Runnable labelsMoved;
    private boolean editable;
    private boolean labelsDirty = true;

    /** @param labelsMoved asks the canvas to lay out, where it calls {@link #placeLabelsIfMoved()} */
    DiagramDrawing(Runnable labelsMoved) {
        this.labelsMoved = labelsMoved;
    }

    /** Whether views made from now on show ports and take clicks on edges: an editing canvas. */
    void setEditable(boolean editable) {
        this.editable = editable;
    }

    /** The node views in the order of the design; a live, unmodifiable view of them. */
    Collection<NodeView> nodeViews() {
        return Collections.unmodifiableCollection(nodeViews.values());
    }

    Optional<NodeView> nodeView(String nodeId) {
        return Optional.ofNullable(nodeViews.get(nodeId));
    }

    List<EdgeView> edgeViews() {
        return Collections.unmodifiableList(edgeViews);
    }

    Optional<EdgeView> edgeView(String edgeId) {
        return Optional.ofNullable(edgeViewsById.get(edgeId));
    }

    /** The view of the node or edge {@code id}, if it is drawn. */
    Optional<javafx.scene.Node> view(String id) {
        javafx.scene.Node view = nodeViews.get(id);
        return Optional.ofNullable(view != null ? view : edgeViewsById.get(id));
    }

    boolean isEmpty() {
        return nodeViews.isEmpty();
    }

    int nodeCount() {
        return nodeViews.size();
    }

    /** Draws {@code next}'s nodes at the positions of {@code layout} and its edges between them. */
    void show(Project next, Layout layout) {
        Architecture architecture = next.architecture();
        Map<String, NodeView> views = new LinkedHashMap<>();
        boolean nodesChanged = false;
        for (Node node : architecture.nodes()) {
            if (views.containsKey(node.id())) {
                continue; // a duplicate id: the validator reports it, the first node is drawn
            }
            NodeView view = nodeViews.get(node.id());
            if (view == null || !view.node().equals(node) || view.provider() != next.provider()) {
                view = NodeView.of(node, next.provider());
                view.setEditable(editable);
                nodesChanged = true;
            }
            views.put(node.id(), view);
        }
        nodesChanged |= views.size() != nodeViews.size()
                || !List.copyOf(views.keySet()).equals(List.copyOf(nodeViews.keySet()));
        List<Edge> oldEdges = edgeViews.stream().map(EdgeView::edge).toList();
        if (nodesChanged) {
            Set<NodeView> kept = new HashSet<>(views.values());
            Set<NodeView> gone = new HashSet<>(nodeViews.values());
            gone.removeAll(kept);
            kept.removeAll(nodeViews.values());
            nodeLayer.getChildren().removeAll(gone);
            nodeLayer.getChildren().addAll(kept); // the new views, in no particular order
        }
        nodeViews.clear();
        nodeViews.putAll(views);
        for (NodeView view : views.values()) {
            layout.positionOf(view.nodeId()).ifPresent(view::moveTo);
        }
        if (nodesChanged || !oldEdges.equals(architecture.edges())) {
            rebuildEdges(architecture.edges());
        }
    }

    /**
     * Draws {@code edges}, keeping the view of every edge that did not change and whose ends are
     * drawn by the same node views as before: adding one edge to 800 does not redraw 800.
     */
    private void rebuildEdges(List<Edge> edges) {
        Map<String, EdgeView> old = new HashMap<>();
        for (EdgeView view : edgeViews) {
            old.putIfAbsent(view.edge().id(), view);
        }
        Set<EdgeView> reused = new HashSet<>();
        List<EdgeView> added = new ArrayList<>();
        edgeViews.clear();
        edgeViewsById.clear();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> pairs = countPairs(edges);
        for (Edge edge : edges) {
            NodeView from = nodeViews.get(edge.from());
            NodeView to = nodeViews.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            String pair = pairKey(edge);
            int index = seen.merge(pair, 1, Integer::sum) - 1;
            double offset = (index - (pairs.get(pair) - 1) / 2.0) * PARALLEL_SPACING;
            if (edge.from().compareTo(edge.to()) > 0) {
                offset = -offset; // measured against the pair's own direction, so both ways part
            }
            EdgeView view = old.get(edge.id());
            if (view == null
                    || reused.contains(view)
                    || !view.edge().equals(edge)
                    || view.source() != from
                    || view.target() != to
                    || view.offset() != offset) {
                boolean synchronous = ConnectionRules.isSynchronous(
                        from.node().kind(), to.node().kind(), edge.invocation());
                view = new EdgeView(edge, from, to, synchronous, offset);
                view.setEditable(editable);
                view.setOnRedrawn(this::labelsMoved);
                added.add(view);
            } else {
                reused.add(view);
            }
            edgeViews.add(view);
            edgeViewsById.putIfAbsent(edge.id(), view);
        }
        Set<javafx.scene.Node> goneLines = new HashSet<>();
        Set<javafx.scene.Node> goneLabels = new HashSet<>();
        for (EdgeView view : old.values()) {
            if (!reused.contains(view)) {
                view.dispose();
                goneLines.add(view);
                view.routeLabel().ifPresent(goneLabels::add);
            }
        }
        edgeLayer.getChildren().removeAll(goneLines);
        labelLayer.getChildren().removeAll(goneLabels);
        edgeLayer.getChildren().addAll(added);
        for (EdgeView view : added) {
            view.routeLabel().ifPresent(labelLayer.getChildren()::add);
        }
        labelsMoved();
    }

    private void labelsMoved() {
        if (!labelsDirty) {
            labelsDirty = true;
            labelsMoved.run();
        }
    }

    private Map<String, Integer> countPairs(List<Edge> edges) {
        Map<String, Integer> counts = new HashMap<>();
        for (Edge edge : edges) {
            if (nodeViews.containsKey(edge.from()) && nodeViews.containsKey(edge.to())) {
                counts.merge(pairKey(edge), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The two ends of an edge, in a fixed order, so that A→B and B→A share a key. */
    private static String pairKey(Edge edge) {
        return edge.from().compareTo(edge.to()) <= 0
                ? edge.from() + "\u0000" + edge.to()
                : edge.to() + "\u0000" + edge.from();
    }

    /** Places the route labels again if a line moved since they were last placed. */
    void placeLabelsIfMoved() {
        if (labelsDirty) {
            labelsDirty = false;
            placeRouteLabels();
        }
    }

    /** Puts each route label beside its line where it covers the least of the boxes and other labels. */
    private void placeRouteLabels() {
        List<EdgeView> labelled = edgeViews.stream()
                .filter(e -> e.routeLabel().isPresent() && e.drawnSegment() != null)
                .toList();
        if (labelled.isEmpty()) {
            return;
        }
        List<EdgeGeometry.Box> boxes =
                nodeViews.values().stream().map(NodeView::box).toList();
        List<EdgeGeometry.Segment> lines =
                edgeViews.stream().map(EdgeView::drawnSegment).toList();
        List<EdgeGeometry.Box> placed = new ArrayList<>();
        for (EdgeView edge : labelled) {
            Label label = edge.routeLabel().orElseThrow();
            EdgeGeometry.Segment line = edge.drawnSegment();
            List<EdgeGeometry.Segment> others = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                if (edgeViews.get(i) != edge && lines.get(i) != null) {
                    others.add(lines.get(i));
                }
            }
            double width = label.prefWidth(-1);
            double height = label.prefHeight(width);
            EdgeGeometry.Point corner = LabelPlacement.place(line, width, height, boxes, others, placed);
            label.relocate(corner.x(), corner.y());
            placed.add(new EdgeGeometry.Box(corner.x(), corner.y(), width, height));
        }
    }
}
