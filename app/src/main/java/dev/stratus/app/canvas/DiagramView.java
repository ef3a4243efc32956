package dev.stratus.app.canvas;

import dev.stratus.app.theme.Theme;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The canvas that draws a project's architecture: a {@link NodeView} per node at its layout
 * position and an {@link EdgeView} per edge, edges below the boxes and route labels above them.
 * Nodes the layout does not place are placed by {@link LayeredLayout#complete}. Edges whose ends are
 * missing are not drawn (the validator reports them).
 *
 * <p>Everything is drawn in a content group in canvas units (pixels at 100%), which the view shows
 * through a pan ({@link #panXProperty()}, {@link #panYProperty()}, in screen pixels) and a zoom
 * ({@link #zoomProperty()}, 1 = 100%). Until the person scrolls or zooms, the view keeps the whole
 * diagram in sight, centred, at no more than 100%. Scrolling pans; scrolling with the shortcut key
 * (Ctrl, or Cmd on macOS) zooms about the pointer.
 */
public final class DiagramView extends Region {

    /** Smallest and largest zoom factors. */
    public static final double MIN_ZOOM = 0.1;

    public static final double MAX_ZOOM = 4;

    /** Space kept around the diagram when it is fitted, canvas units. */
    public static final double MARGIN = 28;

    private static final double PARALLEL_SPACING = 10;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group content = new Group(edgeLayer, nodeLayer, labelLayer);
    private final Label placeholder = new Label("This design has no nodes yet.");
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final List<EdgeView> edgeViews = new ArrayList<>();
    private Layout layout = Layout.EMPTY;
    private double fitLimit = 1;
    private boolean fitting = true;

    public DiagramView() {
        getStyleClass().add("diagram-view");
        getStylesheets().add(Theme.stylesheet());
        Translate pan = new Translate();
        pan.xProperty().bind(panX);
        pan.yProperty().bind(panY);
        Scale scale = new Scale();
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        content.getTransforms().setAll(pan, scale);
        placeholder.getStyleClass().add("diagram-placeholder");
        placeholder.setVisible(false);
        getChildren().addAll(content, placeholder);

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    /** The project drawn; {@code null} before the first {@link #setProject}. */
    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project getProject() {
        return project.get();
    }

    /** Draws {@code next} in place of whatever was drawn, fitted to the view. */
    public void setProject(Project next) {
        project.set(next);
        rebuild(next);
        fitting = true;
        requestLayout();
    }

    /** The positions the nodes are drawn at: the project's layout, completed for unplaced nodes. */
    public Layout completedLayout() {
        return layout;
    }

    /** The views of the nodes, in the order of the design. */
    public List<NodeView> nodeViews() {
        return List.copyOf(nodeViews.values());
    }

    /** The view of the node with this id, if it is drawn. */
    public Optional<NodeView> nodeView(String nodeId) {
        return Optional.ofNullable(nodeViews.get(nodeId));
    }

    /** The views of the edges that are drawn, in the order of the design. */
    public List<EdgeView> edgeViews() {
        return Collections.unmodifiableList(edgeViews);
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty panXProperty() {
        return panX;
    }

    public DoubleProperty panYProperty() {
        return panY;
    }

    /**
     * The area the diagram covers, in canvas units: every box plus {@link #MARGIN} around them.
     * Empty bounds at the origin when there are no nodes.
     */
    public Bounds contentBounds() {
        if (nodeViews.isEmpty()) {
            return new BoundingBox(0, 0, 0, 0);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (NodeView view : nodeViews.values()) {
            EdgeGeometry.Box box = view.box();
            minX = Math.min(minX, box.x());
            minY = Math.min(minY, box.y());
            maxX = Math.max(maxX, box.x() + box.width());
            maxY = Math.max(maxY, box.y() + box.height());
        }
        return new BoundingBox(minX - MARGIN, minY - MARGIN, maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN);
    }

    /**
     * Shows the whole diagram, centred, zoomed to fill the view but never past {@code maxZoom}, and
     * keeps doing so as the view is resized until the person pans or zooms.
     */
    public void fit(double maxZoom) {
        fitLimit = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, maxZoom));
        fitting = true;
        applyFit();
    }

    private void applyFit() {
        double width = getWidth();
        double height = getHeight();
        Bounds bounds = contentBounds();
        if (width <= 0 || height <= 0 || bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            zoom.set(1);
            panX.set(0);
            panY.set(0);
            return;
        }
        double z = Math.min(fitLimit, Math.min(width / bounds.getWidth(), height / bounds.getHeight()));
        z = Math.max(MIN_ZOOM, z);
        zoom.set(z);
        panX.set((width - bounds.getWidth() * z) / 2 - bounds.getMinX() * z);
        panY.set((height - bounds.getHeight() * z) / 2 - bounds.getMinY() * z);
    }

    @Override
    protected void layoutChildren() {
        if (fitting) {
            applyFit();
        }
        placeRouteLabels();
        placeholder.autosize();
        layoutInArea(placeholder, 0, 0, getWidth(), getHeight(), 0, HPos.CENTER, VPos.CENTER);
    }

    /** Puts each route label beside its line where it covers the least of the boxes and other labels. */
    private void placeRouteLabels() {
        List<EdgeGeometry.Box> boxes =
                nodeViews.values().stream().map(NodeView::box).toList();
        List<EdgeGeometry.Box> placed = new ArrayList<>();
        for (EdgeView edge : edgeViews) {
            Label label = edge.routeLabel().orElse(null);
            EdgeGeometry.Segment line = edge.drawnSegment();
            if (label == null || line == null) {
                continue;
            }
            List<EdgeGeometry.Segment> others = edgeViews.stream()
                    .filter(other -> other != edge)
                    .map(EdgeView::drawnSegment)
                    .filter(Objects::nonNull)
                    .toList();
            double width = label.prefWidth(-1);
            double height = label.prefHeight(width);
            EdgeGeometry.Point corner = LabelPlacement.place(line, width, height, boxes, others, placed);
            label.relocate(corner.x(), corner.y());
            placed.add(new EdgeGeometry.Box(corner.x(), corner.y(), width, height));
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 500;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private void onScroll(ScrollEvent event) {
        fitting = false;
        if (event.isShortcutDown()) {
            double factor = Math.pow(1.0015, event.getDeltaY());
            double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
            // Keep the canvas point under the pointer where it is.
            double canvasX = (event.getX() - panX.get()) / zoom.get();
            double canvasY = (event.getY() - panY.get()) / zoom.get();
            zoom.set(next);
            panX.set(event.getX() - canvasX * next);
            panY.set(event.getY() - canvasY * next);
        } else {
            panX.set(panX.get() + event.getDeltaX());
            panY.set(panY.get() + event.getDeltaY());
        }
        event.consume();
    }

    private void rebuild(Project next) {
        nodeViews.clear();
        edgeViews.clear();
        edgeLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        Architecture architecture = next.architecture();
        layout = LayeredLayout.complete(architecture, next.layout());
        for (Node node : architecture.nodes()) {
            if (nodeViews.containsKey(node.id())) {
                continue; // a duplicate id: the validator reports it, the first node is drawn
            }
            NodeView view = NodeView.of(node);
            layout.positionOf(node.id()).ifPresent(view::moveTo);
            nodeViews.put(node.id(), view);
            nodeLayer.getChildren().add(view);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> pairs = countPairs(architecture.edges());
        for (Edge edge : architecture.edges()) {
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
            boolean synchronous =
                    ConnectionRules.isSynchronous(from.node().kind(), to.node().kind(), edge.invocation());
            EdgeView view = new EdgeView(edge, from, to, synchronous, offset);
            edgeViews.add(view);
            edgeLayer.getChildren().add(view);
            view.routeLabel().ifPresent(labelLayer.getChildren()::add);
        }
        placeholder.setVisible(nodeViews.isEmpty());
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
}
