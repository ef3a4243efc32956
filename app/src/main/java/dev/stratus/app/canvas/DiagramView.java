package dev.stratus.app.canvas;

import dev.stratus.app.edit.Edit;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.edit.Ids;
import dev.stratus.app.theme.Theme;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Point2D;
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
 * position and an {@link EdgeView} per edge (made and kept by {@link DiagramDrawing}), edges below
 * the boxes and route labels above them.
 * Nodes the layout does not place are placed by {@link LayeredLayout#complete}. Edges whose ends are
 * missing are not drawn (the validator reports them).
 *
 * <p>Everything is drawn in a content group in canvas units (pixels at 100%), which the view shows
 * through a pan ({@link #panXProperty()}, {@link #panYProperty()}, in screen pixels) and a zoom
 * ({@link #zoomProperty()}, 1 = 100%). Until the person scrolls or zooms, the view keeps the whole
 * diagram in sight, centred, at no more than 100%. Scrolling pans; scrolling with the shortcut key
 * (Ctrl, or Cmd on macOS) zooms about the pointer.
 *
 * <p>Two uses: {@code new DiagramView()} and {@link #setProject} draw a read-only picture; {@link
 * #bind(EditorModel)} makes it the studio's editing canvas, which draws the model's project as it
 * changes, shows the model's selection (style class {@code selected}) and makes every change through
 * {@link EditorModel#apply}, so every change is undoable. The gestures are in {@link
 * CanvasGestures}; the public operations below are what the window's menus and keys call.
 */
public final class DiagramView extends Region {

    /** Smallest and largest zoom factors. */
    public static final double MIN_ZOOM = 0.1;

    public static final double MAX_ZOOM = 4;

    /** Space kept around the diagram when it is fitted, canvas units. */
    public static final double MARGIN = 28;

    /** The grid nodes snap to when placed or moved, canvas units. */
    public static final double GRID = 20;

    /** How far each paste lands from what was copied, canvas units. */
    public static final double PASTE_OFFSET = 2 * GRID;

    /** One step of {@link #zoomIn()} and {@link #zoomOut()}. */
    public static final double ZOOM_STEP = 1.25;

    private static final String CANVAS_STYLESHEET = "/dev/stratus/assets/theme/canvas.css";

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
    private final DiagramDrawing drawing = new DiagramDrawing(this::requestLayout);
    /** What the gestures show while the person edits (the connector, the rename field), on top. */
    final Group editLayer = new Group();

    private final Group content = new Group(drawing.edgeLayer, drawing.nodeLayer, drawing.labelLayer, editLayer);
    private final Label placeholder = new Label("This design has no nodes yet.");
    private Layout layout = Layout.EMPTY;
    private double fitLimit = 1;
    private boolean fitting = true;
    private EditorModel model;
    private CanvasGestures gestures;
    private Clipboard clipboard = Clipboard.EMPTY;
    private int pastes;
    private boolean applying;

    /** From this many nodes on, boxes are drawn without their shadow, which is slow to paint. */
    public static final int LARGE_DESIGN = 150;

    public DiagramView() {
        getStyleClass().add("diagram-view");
        getStylesheets().add(Theme.stylesheet());
        var canvasCss = DiagramView.class.getResource(CANVAS_STYLESHEET);
        if (canvasCss != null) {
            getStylesheets().add(canvasCss.toExternalForm());
        }
        Translate pan = new Translate();
        pan.xProperty().bind(panX);
        pan.yProperty().bind(panY);
        Scale scale = new Scale();
        scale.xProperty().bind(zoom);
        scale.yProperty().bind(zoom);
        content.getTransforms().setAll(pan, scale);
        placeholder.getStyleClass().add("diagram-placeholder");
        placeholder.setVisible(false);
        placeholder.setMouseTransparent(true);
        getChildren().addAll(content, placeholder);

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    // ---- drawing ---------------------------------------------------------------------------

    /** The project drawn; {@code null} before the first {@link #setProject} or {@link #bind}. */
    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project getProject() {
        return project.get();
    }

    /** Draws {@code next} in place of whatever was drawn, fitted to the view (a read-only picture). */
    public void setProject(Project next) {
        show(next, true);
    }

    /**
     * Makes this the editing canvas of {@code editor}: from now on it draws the editor's project as
     * it changes, shows its selection, and changes it only through {@link EditorModel#apply}. Call
     * once.
     */
    public void bind(EditorModel editor) {
        if (model != null) {
            throw new IllegalStateException("the canvas is already bound to an editor");
        }
        model = Objects.requireNonNull(editor, "editor");
        getStyleClass().add("editable");
        setFocusTraversable(true);
        drawing.setEditable(true);
        gestures = new CanvasGestures(this, editor);
        editor.projectProperty().addListener((o, before, after) -> show(after, shouldRefit(before, after)));
        editor.selection().addListener((SetChangeListener<String>) change -> {
            if (change.wasAdded()) {
                markSelected(change.getElementAdded(), true);
            }
            if (change.wasRemoved()) {
                markSelected(change.getElementRemoved(), false);
            }
        });
        show(editor.project(), true);
    }

    /** The editor this canvas edits, if it is bound to one. */
    public Optional<EditorModel> editor() {
        return Optional.ofNullable(model);
    }

    /**
     * A new project (opened, or a sample) is fitted to the view; an edit is not, so what the person
     * works on stays where it is.
     */
    private boolean shouldRefit(Project before, Project after) {
        if (applying || before == null) {
            return before == null;
        }
        Set<String> old = new HashSet<>();
        before.architecture().nodes().forEach(n -> old.add(n.id()));
        return !after.architecture().nodes().isEmpty()
                && after.architecture().nodes().stream().noneMatch(n -> old.contains(n.id()));
    }

    /** The positions the nodes are drawn at: the project's layout, completed for unplaced nodes. */
    public Layout completedLayout() {
        return layout;
    }

    /** The views of the nodes, in the order of the design. */
    public List<NodeView> nodeViews() {
        return List.copyOf(drawing.nodeViews());
    }

    /** The view of the node with this id, if it is drawn. */
    public Optional<NodeView> nodeView(String nodeId) {
        return drawing.nodeView(nodeId);
    }

    /** The views of the edges that are drawn, in the order of the design. */
    public List<EdgeView> edgeViews() {
        return drawing.edgeViews();
    }

    /** The view of the edge with this id, if it is drawn. */
    public Optional<EdgeView> edgeView(String edgeId) {
        return drawing.edgeView(edgeId);
    }

    /** Zoom factor, 1 = 100%. */
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
     * The last thing the canvas has to tell the person, such as why a connection was refused; the
     * window shows it in its status bar. Empty when there is nothing to say.
     */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Puts overlays (rubber band, refusal) above the canvas, in view pixels. */
    void addOverlays(javafx.scene.Node... overlays) {
        getChildren().addAll(overlays);
    }

    void say(String text) {
        message.set(text);
    }

    /**
     * The area the diagram covers, in canvas units: every box plus {@link #MARGIN} around them.
     * Empty bounds at the origin when there are no nodes.
     */
    public Bounds contentBounds() {
        if (drawing.isEmpty()) {
            return new BoundingBox(0, 0, 0, 0);
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (NodeView view : drawing.nodeViews()) {
            EdgeGeometry.Box box = view.box();
            minX = Math.min(minX, box.x());
            minY = Math.min(minY, box.y());
            maxX = Math.max(maxX, box.x() + box.width());
            maxY = Math.max(maxY, box.y() + box.height());
        }
        return new BoundingBox(minX - MARGIN, minY - MARGIN, maxX - minX + 2 * MARGIN, maxY - minY + 2 * MARGIN);
    }

    /** The canvas point (canvas units) under a point of this view (pixels). */
    public Point2D toCanvas(double viewX, double viewY) {
        return new Point2D((viewX - panX.get()) / zoom.get(), (viewY - panY.get()) / zoom.get());
    }

    /** Where a canvas point (canvas units) is shown in this view (pixels). */
    public Point2D toView(double canvasX, double canvasY) {
        return new Point2D(canvasX * zoom.get() + panX.get(), canvasY * zoom.get() + panY.get());
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
        drawing.placeLabelsIfMoved();
        placeholder.autosize();
        layoutInArea(placeholder, 0, 0, getWidth(), getHeight(), 0, HPos.CENTER, VPos.CENTER);
        if (gestures != null) {
            gestures.layoutOverlays();
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
        if (event.isShortcutDown()) {
            zoomAbout(zoom.get() * Math.pow(1.0015, event.getDeltaY()), event.getX(), event.getY());
        } else {
            panBy(event.getDeltaX(), event.getDeltaY());
        }
        event.consume();
    }

    /** Moves the view of the canvas by {@code dx}, {@code dy} pixels. */
    void panBy(double dx, double dy) {
        fitting = false;
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /** Zooms to {@code next} keeping the canvas point under the view point ({@code x}, {@code y}) in place. */
    void zoomAbout(double next, double x, double y) {
        fitting = false;
        double clamped = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, next));
        Point2D canvas = toCanvas(x, y);
        zoom.set(clamped);
        panX.set(x - canvas.getX() * clamped);
        panY.set(y - canvas.getY() * clamped);
    }

    /**
     * Draws {@code next}: the drawing keeps the views of what did not change, so moving nodes or
     * editing one node does not rebuild 500 boxes.
     */
    private void show(Project next, boolean refit) {
        project.set(next);
        layout = LayeredLayout.complete(next.architecture(), next.layout());
        drawing.show(next, layout);
        // Only on a change: touching the view's style classes restyles all 500 boxes.
        boolean large = drawing.nodeCount() >= LARGE_DESIGN;
        if (large != getStyleClass().contains("large")) {
            if (large) {
                getStyleClass().add("large");
            } else {
                getStyleClass().remove("large");
            }
        }
        if (model != null) {
            for (String id : model.selection()) {
                markSelected(id, true);
            }
        }
        placeholder.setVisible(drawing.isEmpty());
        if (refit) {
            fitting = true;
        } else if (model != null) {
            fitting = false;
        }
        requestLayout();
    }

    private void markSelected(String id, boolean selected) {
        drawing.view(id).ifPresent(view -> {
            boolean has = view.getStyleClass().contains("selected");
            if (selected && !has) {
                view.getStyleClass().add("selected");
            } else if (!selected && has) {
                view.getStyleClass().remove("selected");
            }
        });
    }

    // ---- editing ---------------------------------------------------------------------------

    private EditorModel editing() {
        if (model == null) {
            throw new IllegalStateException("this canvas is a picture: bind it to an editor to edit");
        }
        return model;
    }

    /** Applies {@code edit} as one undoable step, without refitting the view. */
    void apply(Edit edit) {
        applying = true;
        try {
            editing().apply(edit);
        } finally {
            applying = false;
        }
    }

    /** A grid point: {@code value} rounded to the nearest multiple of {@link #GRID}. */
    public static double snap(double value) {
        return Math.round(value / GRID) * GRID;
    }

    /**
     * Adds a new node of {@code kind} centred on the canvas point {@code at} (canvas units),
     * snapped to the grid, and selects it. Returns its id. What a drop from the palette does.
     */
    public String placeNode(NodeKind kind, Point2D at) {
        Position corner = new Position(snap(at.getX() - NodeView.WIDTH / 2), snap(at.getY() - NodeView.HEIGHT / 2));
        return addNode(kind, corner);
    }

    /** Adds a new node of {@code kind} with its top-left corner at {@code corner}, selects it, returns its id. */
    public String addNode(NodeKind kind, Position corner) {
        Project current = editing().project();
        String id = Ids.newId(current, kind.id().replace("-trigger", ""));
        Node node = NodeDefaults.of(kind, id, Ids.newName(current, kind));
        apply(Edits.addNode(node, corner));
        model.selection().clear();
        model.selection().add(id);
        return id;
    }

    /**
     * Connects node {@code fromId} to node {@code toId} when {@link ConnectionRules} allow it, with
     * the default batching for queues and streams and a route {@code GET /<function name>} for a
     * gateway's edge. Returns why the connection was refused, or empty when it was made; a refusal
     * is also put in {@link #messageProperty()}.
     */
    public Optional<String> connect(String fromId, String toId) {
        Project current = editing().project();
        Architecture architecture = current.architecture();
        Optional<Node> from = architecture.node(fromId);
        Optional<Node> to = architecture.node(toId);
        Optional<String> refusal;
        if (from.isEmpty() || to.isEmpty()) {
            refusal = Optional.of("There is no node " + (from.isEmpty() ? fromId : toId) + " to connect.");
        } else if (fromId.equals(toId)) {
            refusal = Optional.of("A node cannot be connected to itself here.");
        } else if (architecture.edges().stream().anyMatch(e -> e.from().equals(fromId) && e.to().equals(toId))) {
            refusal = Optional.of(NodeView.displayName(from.get()) + " is already connected to "
                    + NodeView.displayName(to.get()) + ".");
        } else {
            refusal = ConnectionRules.refusal(from.get().kind(), to.get().kind());
        }
        if (refusal.isPresent()) {
            say(refusal.get());
            return refusal;
        }
        NodeKind fromKind = from.get().kind();
        Edge edge = Edge.of(Ids.newEdgeId(current), fromId, toId)
                .withBatching(ConnectionRules.defaultBatching(fromKind).orElse(null));
        if (fromKind.category() == NodeKind.Category.GATEWAY) {
            edge = edge.withRoute("GET /" + to.get().name());
        }
        apply(Edits.connect(edge));
        say("Connected " + NodeView.displayName(from.get()) + " to " + NodeView.displayName(to.get()) + ".");
        return Optional.empty();
    }

    /** Deletes the selected nodes and edges, with every edge of a deleted node. */
    public void deleteSelection() {
        Set<String> selected = Set.copyOf(editing().selection());
        if (!selected.isEmpty()) {
            apply(Edits.delete(selected));
            model.selection().clear();
        }
    }

    /** Copies the selected nodes and the edges between them, for {@link #paste()}. */
    public void copySelection() {
        Clipboard copied = Clipboard.of(editing().project(), model.selection(), layout.positions());
        if (!copied.isEmpty()) {
            clipboard = copied;
            pastes = 0;
        }
    }

    /** Whether {@link #paste()} has something to paste. */
    public boolean canPaste() {
        return !clipboard.isEmpty();
    }

    /**
     * Adds copies of what was copied, each paste {@link #PASTE_OFFSET} further away, with fresh ids
     * and names and the edges between them; selects the copies.
     */
    public void paste() {
        if (clipboard.isEmpty()) {
            return;
        }
        pastes++;
        pasteFrom(clipboard, pastes * PASTE_OFFSET, "Paste");
    }

    /** Copies the selection beside itself in one step, leaving the clipboard as it was. */
    public void duplicateSelection() {
        Clipboard copied = Clipboard.of(editing().project(), model.selection(), layout.positions());
        if (!copied.isEmpty()) {
            pasteFrom(copied, PASTE_OFFSET, "Duplicate");
        }
    }

    private void pasteFrom(Clipboard from, double offset, String what) {
        int count = from.nodes().size();
        Clipboard.Paste paste =
                from.pasteInto(model.project(), offset, offset, count == 1 ? what : what + " " + count + " nodes");
        apply(paste.edit());
        model.selection().clear();
        model.selection().addAll(paste.nodeIds());
    }

    /** Selects every node and edge. */
    public void selectAll() {
        Set<String> all = new HashSet<>();
        drawing.nodeViews().forEach(v -> all.add(v.nodeId()));
        drawing.edgeViews().forEach(v -> all.add(v.edge().id()));
        editing().selection().addAll(all);
    }

    /** Moves the selected nodes by {@code dx}, {@code dy} canvas units, in one undoable step. */
    public void nudge(double dx, double dy) {
        Map<String, Position> moved = new HashMap<>();
        for (String id : editing().selection()) {
            layout.positionOf(id)
                    .filter(p -> drawing.nodeView(id).isPresent())
                    .ifPresent(p -> moved.put(id, new Position(p.x() + dx, p.y() + dy)));
        }
        if (!moved.isEmpty()) {
            apply(Edits.move(moved));
        }
    }

    /** Lays the whole design out left to right ({@link LayeredLayout}), in one undoable step, and fits it. */
    public void arrange() {
        apply(Edits.layout(LayeredLayout.of(editing().project().architecture())));
        fitToWindow();
    }

    /** Starts renaming the selected node in place; Enter keeps the new name, Escape cancels. */
    public void renameSelected() {
        editing().selection().stream()
                .map(drawing::nodeView)
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(gestures::startRename);
    }

    /** Selects the node or edge {@code id} alone and pans so that it is in sight. */
    public void reveal(String id) {
        EditorModel editor = editing();
        NodeView node = drawing.nodeView(id).orElse(null);
        EdgeView edge = drawing.edgeView(id).orElse(null);
        if (node == null && edge == null) {
            return;
        }
        editor.selection().retainAll(Set.of(id));
        editor.selection().add(id);
        EdgeGeometry.Box box = node != null
                ? node.box()
                : span(edge.source().box(), edge.target().box());
        Point2D topLeft = toView(box.x(), box.y());
        Point2D bottomRight = toView(box.x() + box.width(), box.y() + box.height());
        boolean inSight = topLeft.getX() >= 0
                && topLeft.getY() >= 0
                && bottomRight.getX() <= getWidth()
                && bottomRight.getY() <= getHeight();
        if (!inSight) {
            fitting = false;
            panX.set(getWidth() / 2 - (box.x() + box.width() / 2) * zoom.get());
            panY.set(getHeight() / 2 - (box.y() + box.height() / 2) * zoom.get());
        }
    }

    private static EdgeGeometry.Box span(EdgeGeometry.Box a, EdgeGeometry.Box b) {
        double x = Math.min(a.x(), b.x());
        double y = Math.min(a.y(), b.y());
        return new EdgeGeometry.Box(
                x,
                y,
                Math.max(a.x() + a.width(), b.x() + b.width()) - x,
                Math.max(a.y() + a.height(), b.y() + b.height()) - y);
    }

    /** Zooms in one step about the middle of the view. */
    public void zoomIn() {
        zoomAbout(zoom.get() * ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms out one step about the middle of the view. */
    public void zoomOut() {
        zoomAbout(zoom.get() / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Back to 100%, about the middle of the view. */
    public void resetZoom() {
        zoomAbout(1, getWidth() / 2, getHeight() / 2);
    }

    /** Shows the whole design, at no more than 100%. */
    public void fitToWindow() {
        fit(1);
        requestLayout();
    }
}
