package dev.stratus.app.canvas;

/**
 * Something drawn on a {@link DiagramView} above or below the design that follows it: the results
 * of a simulation on the edges, containers and requests of a playback. Add one with {@link
 * DiagramView#addLayer}.
 *
 * <p><b>Where it is drawn.</b> {@link #below()} and {@link #above()} are in canvas units, inside the
 * canvas's pan and zoom, so a shape at a node's {@link NodeView#bounds()} sits on that node's box at
 * every zoom. From the bottom up the
 * canvas draws: every layer's {@link #below()} (in the order the layers were added), the edges, the
 * nodes, the route labels, every layer's {@link #above()}, and then what the canvas itself shows
 * while the person edits (a connector being dragged, the rename field).
 *
 * <p><b>The mouse.</b> The canvas makes both mouse-transparent when it adds the layer, so
 * whatever a layer draws, clicks and drags reach the node or edge under it. A layer that wants
 * tooltips or hover returns {@code true} from {@link #receivesMouse()}; its shapes then take the mouse
 * where they are drawn, so it must draw them beside the node boxes, their ports and the edge lines
 * (a badge beside a box, a label beside a line), never over them. A press on such a shape that
 * nevertheless falls on a node box selects and drags that node; elsewhere it acts as a press on the
 * empty canvas.
 *
 * <p><b>Following the design.</b> {@link #viewsChanged} is called once when the layer is added and
 * again after every project the canvas draws (an edit, an undo, another project), once the views are
 * made and placed; a view whose node or edge did not change is kept across edits, others are made
 * anew. To follow a node while the person drags it (before the drop commits the move), bind to its
 * view's {@link NodeView#layoutXProperty()} and {@link NodeView#layoutYProperty()}; to follow an
 * edge, listen to {@link EdgeView#lineProperty()}. Drop those bindings in the next {@code
 * viewsChanged}, since the views may have been replaced.
 *
 * <p><b>Marking views.</b> A layer marks a node or edge by adding a style class of its own to the
 * view's {@code getStyleClass()}, named for the layer ({@code sim-hot}, {@code playback-busy}), and
 * removes only its own classes; the canvas's classes ({@code node-view}, {@code selected}, ...) are
 * not a layer's to change. A view made anew carries no marks, so a layer puts them back in {@code
 * viewsChanged}. The rules for its classes go in a stylesheet the layer adds to the canvas's {@code
 * getStylesheets()}.
 *
 * <p>A layer of badges beside the functions' boxes, with tooltips:
 *
 * <pre>{@code
 * final class ColdStarts implements CanvasLayer {
 *     private final Group below = new Group(), above = new Group();
 *     private final Map<String, Long> byNode; // node id -> cold starts
 *     public Node below() { return below; }
 *     public Node above() { return above; }
 *     public boolean receivesMouse() { return true; } // for the tooltips
 *     public void viewsChanged(DiagramView view) {
 *         above.getChildren().clear();
 *         for (NodeView node : view.nodeViews()) {
 *             Long n = byNode.get(node.nodeId());
 *             if (n == null) continue;
 *             Label badge = new Label(n.toString());
 *             badge.layoutXProperty().bind(node.layoutXProperty().add(NodeView.WIDTH + 8)); // beside
 *             badge.layoutYProperty().bind(node.layoutYProperty());
 *             Tooltip.install(badge, new Tooltip(n + " cold starts"));
 *             above.getChildren().add(badge);
 *         }
 *     }
 * }
 * canvas.addLayer(new ColdStarts(coldStartsByNode));
 * }</pre>
 */
public interface CanvasLayer {

    /** Drawn under the edges; may be an empty {@code Group}. The same node every time. */
    javafx.scene.Node below();

    /** Drawn above the nodes and the route labels; may be an empty {@code Group}. The same node every time. */
    javafx.scene.Node above();

    /**
     * After the canvas made, kept or placed its node and edge views for a project, and once when the
     * layer is added: find the views through {@code view.nodeViews()} and {@code view.edgeViews()}.
     */
    void viewsChanged(DiagramView view);

    /**
     * Whether the layer's shapes take the mouse (for tooltips or hover) where they are drawn; see the
     * rule above. Asked once, when the layer is added. No by default.
     */
    default boolean receivesMouse() {
        return false;
    }
}
