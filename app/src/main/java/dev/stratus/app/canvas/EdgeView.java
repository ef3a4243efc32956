package dev.stratus.app.canvas;

import dev.stratus.app.canvas.EdgeGeometry.Point;
import dev.stratus.app.canvas.EdgeGeometry.Segment;
import dev.stratus.model.Edge;
import dev.stratus.model.NodeKind.Category;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;

/**
 * One edge on the canvas: a line from the border of the source box to the border of the target box,
 * ending in an arrowhead at the target. Solid when the caller waits for the answer, dashed
 * (style class {@code async}) when it does not. An edge from the API gateway shows its route in a
 * small label at the middle of the line; that label is a separate node ({@link #routeLabel()}) so
 * the canvas can draw it above the boxes.
 *
 * <p>The view follows its two {@link NodeView}s: when either moves, the line is drawn again and
 * {@link #lineProperty()} changes, so what a {@link CanvasLayer} draws along it can follow.
 */
public final class EdgeView extends Group {

    private static final double ARROW_LENGTH = 10;
    private static final double ARROW_HALF_WIDTH = 5;
    private static final double LOOP_REACH = 36;

    private final Edge edge;
    private final NodeView from;
    private final NodeView to;
    private final boolean synchronous;
    private final double offset;
    private final Path line = new Path();
    /** A wide, invisible copy of the line, so a person can click a thin edge. */
    private final Path hit = new Path();

    private final InvalidationListener redraw = o -> update();
    private final Polygon arrow = new Polygon();
    private final Label routeLabel;
    private Segment labelLine;
    private final ReadOnlyObjectWrapper<Line> drawn = new ReadOnlyObjectWrapper<>(this, "line");
    private Runnable onRedrawn = () -> {};

    /**
     * @param synchronous whether the caller waits: drawn solid, else dashed
     * @param offset how far the line runs beside the straight line between the centres, canvas
     *     units, to keep parallel edges apart
     */
    public EdgeView(Edge edge, NodeView from, NodeView to, boolean synchronous, double offset) {
        this.edge = edge;
        this.from = from;
        this.to = to;
        this.synchronous = synchronous;
        this.offset = offset;
        getStyleClass().addAll("edge-view", synchronous ? "sync" : "async");
        line.getStyleClass().add("edge-line");
        arrow.getStyleClass().add("edge-arrow");
        hit.getStyleClass().add("edge-hit");
        hit.setStroke(javafx.scene.paint.Color.TRANSPARENT);
        hit.setStrokeWidth(10);
        hit.setFill(null);
        hit.setMouseTransparent(true);
        getChildren().addAll(hit, line, arrow);
        if (edge.route() != null && from.node().kind().category() == Category.GATEWAY) {
            routeLabel = new Label(edge.route());
            routeLabel.getStyleClass().add("edge-route");
        } else {
            routeLabel = null;
        }
        from.layoutXProperty().addListener(redraw);
        from.layoutYProperty().addListener(redraw);
        to.layoutXProperty().addListener(redraw);
        to.layoutYProperty().addListener(redraw);
        update();
    }

    /** The edge this view shows. */
    public Edge edge() {
        return edge;
    }

    /** Stops following the two node views: call when the view is dropped from the canvas. */
    void dispose() {
        from.layoutXProperty().removeListener(redraw);
        from.layoutYProperty().removeListener(redraw);
        to.layoutXProperty().removeListener(redraw);
        to.layoutYProperty().removeListener(redraw);
    }

    /** Lets clicks on and near the line reach the canvas's selection (an editable canvas only). */
    void setEditable(boolean editable) {
        hit.setMouseTransparent(!editable);
    }

    /** The view of the node the edge leaves. */
    public NodeView source() {
        return from;
    }

    /** The view of the node the edge enters. */
    public NodeView target() {
        return to;
    }

    /** Whether the edge is drawn solid (the caller waits for the answer). */
    public boolean isSynchronous() {
        return synchronous;
    }

    /**
     * Where the edge is drawn, canvas units: from {@code start}, just outside the source's box, to
     * {@code end}, the tip of the arrow just outside the target's. For an edge from a node to itself
     * these are the two ends of the loop, which bulges out over the box's top-right corner between
     * them.
     */
    public record Line(Point2D start, Point2D end) {

        /** The point {@code fraction} of the way along the line, from 0 at the start to 1 at the end. */
        public Point2D at(double fraction) {
            return start.interpolate(end, fraction);
        }
    }

    /** Where the edge is drawn; empty when it is not (its boxes overlap so that no line shows). */
    public Optional<Line> line() {
        return Optional.ofNullable(drawn.get());
    }

    /**
     * Where the edge is drawn, {@code null} while it is not; changes each time the line is drawn
     * somewhere else, such as while the person drags one of its boxes.
     */
    public ReadOnlyObjectProperty<Line> lineProperty() {
        return drawn.getReadOnlyProperty();
    }

    /** The route label of a gateway edge, if it has one. */
    public Optional<Label> routeLabel() {
        return Optional.ofNullable(routeLabel);
    }

    private void update() {
        if (from == to) {
            drawLoop();
            return;
        }
        Optional<Segment> segment = EdgeGeometry.between(from.box(), to.box(), offset);
        boolean shown = segment.isPresent();
        line.setVisible(shown);
        hit.setVisible(shown);
        arrow.setVisible(shown);
        if (routeLabel != null) {
            routeLabel.setVisible(shown);
        }
        if (!shown) {
            drawn.set(null);
            return;
        }
        Point start = segment.get().start();
        Point tip = segment.get().end();
        double[] head = EdgeGeometry.arrowHead(start, tip, ARROW_LENGTH, ARROW_HALF_WIDTH);
        // The line stops inside the arrowhead so its end does not blunt the tip.
        double length = segment.get().length();
        double stop = Math.max(0, length - ARROW_LENGTH * 0.6) / length;
        Point end = new Point(start.x() + (tip.x() - start.x()) * stop, start.y() + (tip.y() - start.y()) * stop);
        line.getElements().setAll(new MoveTo(start.x(), start.y()), new LineTo(end.x(), end.y()));
        hit.getElements().setAll(line.getElements());
        arrow.getPoints().setAll(head[0], head[1], head[2], head[3], head[4], head[5]);
        setLabelLine(segment.get());
        drawn.set(new Line(new Point2D(start.x(), start.y()), new Point2D(tip.x(), tip.y())));
    }

    /** An edge from a node to itself: a loop over the box's top-right corner. */
    private void drawLoop() {
        EdgeGeometry.Box box = from.box();
        Point start = new Point(box.x() + box.width() * 0.7, box.y() - EdgeGeometry.GAP);
        Point tip = new Point(box.x() + box.width() + EdgeGeometry.GAP, box.y() + box.height() * 0.3);
        Point control1 = new Point(start.x(), start.y() - LOOP_REACH);
        Point control2 = new Point(tip.x() + LOOP_REACH, tip.y());
        line.getElements()
                .setAll(
                        new MoveTo(start.x(), start.y()),
                        new CubicCurveTo(control1.x(), control1.y(), control2.x(), control2.y(), tip.x() + 4, tip.y()));
        hit.getElements().setAll(line.getElements());
        double[] head = EdgeGeometry.arrowHead(control2, tip, ARROW_LENGTH, ARROW_HALF_WIDTH);
        arrow.getPoints().setAll(head[0], head[1], head[2], head[3], head[4], head[5]);
        line.setVisible(true);
        arrow.setVisible(true);
        Point apex = new Point(box.x() + box.width() + LOOP_REACH * 0.6, box.y() - LOOP_REACH * 0.6);
        setLabelLine(new Segment(apex, new Point(apex.x() + 1, apex.y())));
        drawn.set(new Line(new Point2D(start.x(), start.y()), new Point2D(tip.x(), tip.y())));
    }

    /**
     * The straight line drawn (for a loop, a point at its top), or {@code null} when the edge is
     * not drawn. The canvas places route labels beside it ({@link LabelPlacement}), since only the
     * canvas knows every box and every other line.
     */
    Segment drawnSegment() {
        return line.isVisible() ? labelLine : null;
    }

    private void setLabelLine(Segment next) {
        labelLine = next;
        onRedrawn.run(); // the canvas places route labels again when it lays out
    }

    /** Tells the canvas when the line moved, so it places the route labels again. */
    void setOnRedrawn(Runnable handler) {
        onRedrawn = handler;
    }

    /** How far the line runs beside the line between the centres, canvas units. */
    double offset() {
        return offset;
    }
}
