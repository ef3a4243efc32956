package dev.stratus.app.canvas;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.theme.Theme;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.Project;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * the boxes and route labels above them, with the {@link CanvasLayer}s added to it below and above
 * the design. Nodes the layout does not place are placed by {@link LayeredLayout#complete}.
 *
 * <p>Everything is drawn in a content group in canvas units (pixels at 100%), which the view shows
 * through a pan ({@link #panXProperty()}, {@link #panYProperty()}, in screen pixels) and a zoom
 * ({@link #zoomProperty()}, 1 = 100%). Until the person scrolls or zooms, the view keeps the whole
 * diagram in sight, centred, at no more than 100%; a new project is fitted again, an edit is not.
 * Scrolling pans; scrolling with the shortcut key (Ctrl, or Cmd on macOS) zooms about the pointer.
 *
 * <p>Two uses: {@code new DiagramView()} and {@link #setProject} draw a read-only picture; {@link
 * #bind(DiagramEditor)} makes it the studio's editing canvas, which draws the editor's project as it
 * changes, shows its selection (style class {@code selected}) and hands every edit the person makes
 * with the mouse and keys ({@link CanvasGestures}) to the {@link DiagramEditor}, so every change is
 * undoable. What stays here is what needs the drawn views: the viewport, renaming in place and
 * revealing a node.
 */
public final class DiagramView extends Region {

    /** Smallest and largest zoom factors. */
    public static final double MIN_ZOOM = 0.1;

    public static final double MAX_ZOOM = 4;

    /** Space kept around the diagram when it is fitted, canvas units. */
    public static final double MARGIN = 28;

    /** One step of {@link #zoomIn()} and {@link #zoomOut()}. */
    public static final double ZOOM_STEP = 1.25;

    /** From this many nodes on, boxes are drawn without their shadow, which is slow to paint. */
    public static final int LARGE_DESIGN = 150;

    private static final String CANVAS_STYLESHEET = "/dev/stratus/assets/theme/canvas.css";

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
    private final DiagramDrawing drawing = new DiagramDrawing(this::requestLayout);
    private final CanvasLayers layers = new CanvasLayers();
    /** What the gestures show while the person edits (the connector, the rename field), on top. */
    final Group editLayer = new Group();

    private final Group content =
            new Group(layers.below, drawing.edgeLayer, drawing.nodeLayer, drawing.labelLayer, layers.above, editLayer);
    private final Label placeholder = new Label("This design has no nodes yet.");
    private double fitLimit = 1;
    private boolean fitting = true;
    private DiagramEditor editor;
    private CanvasGestures gestures;

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

    // ---- what is drawn ---------------------------------------------------------------------

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
     * it changes, shows its selection, and hands the person's edits to {@code editor}. Call once.
     */
    public void bind(DiagramEditor editor) {
        if (this.editor != null) {
            throw new IllegalStateException("the canvas is already bound to an editor");
        }
        this.editor = Objects.requireNonNull(editor, "editor");
        getStyleClass().add("editable");
        setFocusTraversable(true);
        drawing.setEditable(true);
        gestures = new CanvasGestures(this, editor);
        EditorModel model = editor.model();
        model.projectProperty().addListener((o, before, after) -> show(after, shouldRefit(before, after)));
        model.selection().addListener((SetChangeListener<String>) change -> {
            if (change.wasAdded()) {
                markSelected(change.getElementAdded(), true);
            }
            if (change.wasRemoved()) {
                markSelected(change.getElementRemoved(), false);
            }
        });
        show(model.project(), true);
    }

    /** The editor whose project this canvas draws and edits, if it is bound to one. */
    public Optional<DiagramEditor> editor() {
        return Optional.ofNullable(editor);
    }

    /**
     * A new project (opened, or a sample) is fitted to the view; an edit is not, so what the person
     * works on stays where it is.
     */
    private boolean shouldRefit(Project before, Project after) {
        if (editor.isApplying() || before == null) {
            return before == null;
        }
        Set<String> old = new HashSet<>();
        before.architecture().nodes().forEach(n -> old.add(n.id()));
        return !after.architecture().nodes().isEmpty()
                && after.architecture().nodes().stream().noneMatch(n -> old.contains(n.id()));
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

    /**
     * Draws {@code next}, keeping the views of what did not change, then tells the layers.
     *
     * @param refit whether to show the whole diagram again; else an editing canvas stays put
     */
    private void show(Project next, boolean refit) {
        project.set(next);
        drawing.show(next, LayeredLayout.complete(next.architecture(), next.layout()));
        // Only on a change: touching the view's style classes restyles all 500 boxes.
        boolean large = drawing.nodeCount() >= LARGE_DESIGN;
        if (large != getStyleClass().contains("large")) {
            if (large) {
                getStyleClass().add("large");
            } else {
                getStyleClass().remove("large");
            }
        }
        if (editor != null) {
            for (String id : editor.model().selection()) {
                markSelected(id, true);
            }
        }
        placeholder.setVisible(drawing.isEmpty());
        if (refit) {
            fitting = true;
        } else if (editor != null) {
            fitting = false;
        }
        requestLayout();
        layers.viewsChanged(this);
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

    // ---- layers ----------------------------------------------------------------------------

    /**
     * Draws {@code layer}'s {@link CanvasLayer#below()} under the edges and its {@link
     * CanvasLayer#above()} over the nodes and route labels, above the layers added before it, and
     * calls its {@link CanvasLayer#viewsChanged} once now. Adding a layer twice does nothing.
     */
    public void addLayer(CanvasLayer layer) {
        if (layers.add(layer)) {
            layer.viewsChanged(this);
        }
    }

    /** Takes {@code layer} off the canvas; it is told nothing more. */
    public void removeLayer(CanvasLayer layer) {
        layers.remove(layer);
    }

    /** The layers, bottom to top. */
    public List<CanvasLayer> layers() {
        return layers.all();
    }

    /** Whether {@code node} is part of a layer's drawing rather than of the design. */
    boolean isInLayer(javafx.scene.Node node) {
        return layers.contains(node);
    }

    // ---- viewport --------------------------------------------------------------------------

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

    /** Puts overlays (rubber band, refusal) above the canvas, in view pixels. */
    void addOverlays(javafx.scene.Node... overlays) {
        getChildren().addAll(overlays);
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

    // ---- what needs the drawn views --------------------------------------------------------

    private DiagramEditor editing() {
        if (editor == null) {
            throw new IllegalStateException("this canvas is a picture: bind it to an editor to edit");
        }
        return editor;
    }

    /** Starts renaming the selected node in place; Enter keeps the new name, Escape cancels. */
    public void renameSelected() {
        editing().model().selection().stream()
                .map(drawing::nodeView)
                .flatMap(Optional::stream)
                .findFirst()
                .ifPresent(gestures::startRename);
    }

    /** Selects the node or edge {@code id} alone and pans so that it is in sight. */
    public void reveal(String id) {
        DiagramEditor editing = editing();
        Optional<EdgeGeometry.Box> box = drawing.nodeView(id)
                .map(NodeView::box)
                .or(() -> drawing.edgeView(id)
                        .map(e -> e.source().box().union(e.target().box())));
        if (box.isEmpty()) {
            return;
        }
        editing.selectOnly(id);
        EdgeGeometry.Box b = box.get();
        Point2D topLeft = toView(b.x(), b.y());
        Point2D bottomRight = toView(b.x() + b.width(), b.y() + b.height());
        boolean inSight = topLeft.getX() >= 0
                && topLeft.getY() >= 0
                && bottomRight.getX() <= getWidth()
                && bottomRight.getY() <= getHeight();
        if (!inSight) {
            fitting = false;
            panX.set(getWidth() / 2 - (b.x() + b.width() / 2) * zoom.get());
            panY.set(getHeight() / 2 - (b.y() + b.height() / 2) * zoom.get());
        }
    }
}
