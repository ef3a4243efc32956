package dev.stratus.app.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * The {@link CanvasLayer}s on one {@link DiagramView}, bottom to top, and the two groups that hold
 * their drawings in the canvas's content: {@link #below} goes under the edges, {@link #above} over
 * the route labels. Applies the mouse rule of {@link CanvasLayer} when a layer is added.
 */
final class CanvasLayers {

    final Group below = new Group();
    final Group above = new Group();
    private final List<CanvasLayer> layers = new ArrayList<>();

    /** Adds {@code layer} on top of the others; false if it was there already. */
    boolean add(CanvasLayer layer) {
        if (layers.contains(layer)) {
            return false;
        }
        layers.add(layer);
        boolean mouse = layer.receivesMouse();
        layer.below().setMouseTransparent(!mouse);
        layer.above().setMouseTransparent(!mouse);
        below.getChildren().add(layer.below());
        above.getChildren().add(layer.above());
        return true;
    }

    void remove(CanvasLayer layer) {
        if (layers.remove(layer)) {
            below.getChildren().remove(layer.below());
            above.getChildren().remove(layer.above());
        }
    }

    /** The layers, bottom to top, as they are now. */
    List<CanvasLayer> all() {
        return List.copyOf(layers);
    }

    /** Tells every layer that the canvas made or placed its views again. */
    void viewsChanged(DiagramView view) {
        if (!layers.isEmpty()) {
            for (CanvasLayer layer : List.copyOf(layers)) {
                layer.viewsChanged(view);
            }
        }
    }

    /** Whether {@code node} is part of a layer's drawing rather than of the design. */
    boolean contains(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getParent() == below || n.getParent() == above) {
                return true;
            }
        }
        return false;
    }
}
