package dev.stratus.app.canvas;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Position;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * What a person does on an editable {@link DiagramView} with the mouse and the keyboard: select
 * (click, Shift or Ctrl click, rubber band), move (drag, snapped to the grid, one undoable step per
 * drag), connect (drag from a port), pan (middle button, or Space and drag), drop from the palette,
 * rename in place, and the canvas keys. The view draws and this class follows the pointer; every
 * change to the design is a command of the {@link DiagramEditor}, so one step on the undo stack.
 */
final class CanvasGestures {

    /** The prefix of the dragboard string a palette item carries: {@code stratus-node:function}. */
    static final String DRAG_PREFIX = "stratus-node:";

    /** How long a refusal stays on the canvas. */
    private static final Duration REFUSAL_SHOWN = Duration.seconds(4);

    private enum Mode {
        NONE,
        MOVE,
        CONNECT,
        RUBBER_BAND,
        PAN
    }

    private final DiagramView view;
    private final DiagramEditor editor;
    private final EditorModel model;
    private final Rectangle rubberBand = new Rectangle();
    private final Line connector = new Line();
    private final Label refusal = new Label();
    private final PauseTransition refusalTimer = new PauseTransition(REFUSAL_SHOWN);
    private Mode mode = Mode.NONE;
    private boolean spaceDown;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private NodeView grabbed;
    private final Map<String, Position> moveStart = new HashMap<>();
    private boolean moved;
    private Set<String> bandBase = Set.of();
    private TextField renaming;

    CanvasGestures(DiagramView view, DiagramEditor editor) {
        this.view = view;
        this.editor = editor;
        this.model = editor.model();
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setManaged(false);
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        connector.getStyleClass().add("connector");
        connector.setManaged(false);
        connector.setVisible(false);
        connector.setMouseTransparent(true);
        refusal.getStyleClass().add("refusal");
        refusal.setId("canvas-refusal");
        refusal.setManaged(false);
        refusal.setVisible(false);
        refusal.setMouseTransparent(true);
        refusal.setWrapText(true);
        refusal.setMaxWidth(320);
        refusalTimer.setOnFinished(e -> refusal.setVisible(false));
        view.addOverlays(rubberBand, refusal);
        view.editLayer.getChildren().add(connector);

        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        view.addEventHandler(KeyEvent.KEY_RELEASED, this::keyReleased);
        view.addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        view.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
    }

    /** Keeps the refusal label its preferred size; called when the view lays out. */
    void layoutOverlays() {
        refusal.autosize();
    }

    // ---- mouse -----------------------------------------------------------------------------

    private void pressed(MouseEvent event) {
        if (isInRename(event.getTarget())) {
            return;
        }
        commitRename();
        view.requestFocus();
        pressX = event.getX();
        pressY = event.getY();
        lastX = pressX;
        lastY = pressY;
        moved = false;
        if (event.getButton() == MouseButton.MIDDLE || (event.getButton() == MouseButton.PRIMARY && spaceDown)) {
            mode = Mode.PAN;
            event.consume();
            return;
        }
        if (event.getButton() != MouseButton.PRIMARY) {
            mode = Mode.NONE;
            return;
        }
        boolean toggle = event.isShiftDown() || event.isShortcutDown() || event.isControlDown();
        Node target = (Node) event.getTarget();
        NodeView node = enclosing(target, NodeView.class);
        if (node == null && view.isInLayer(target)) {
            // A layer's shape that takes the mouse, drawn over a box after all: the box gets the press.
            node = nodeAt(view.toCanvas(event.getX(), event.getY())).orElse(null);
        }
        if (node != null && target == node.port()) {
            mode = Mode.CONNECT;
            grabbed = node;
            EdgeGeometry.Box box = node.box();
            connector.setStartX(box.x() + box.width());
            connector.setStartY(box.y() + box.height() / 2);
            connector.setEndX(connector.getStartX());
            connector.setEndY(connector.getStartY());
            connector.setVisible(true);
        } else if (node != null) {
            editor.select(node.nodeId(), toggle);
            if (model.selection().contains(node.nodeId())) {
                mode = Mode.MOVE;
                grabbed = node;
                moveStart.clear();
                for (String id : model.selection()) {
                    view.nodeView(id).ifPresent(v -> moveStart.put(id, new Position(v.getLayoutX(), v.getLayoutY())));
                }
            } else {
                mode = Mode.NONE;
            }
        } else if (enclosing(target, EdgeView.class) != null) {
            editor.select(enclosing(target, EdgeView.class).edge().id(), toggle);
            mode = Mode.NONE;
        } else {
            mode = Mode.RUBBER_BAND;
            bandBase = toggle ? Set.copyOf(model.selection()) : Set.of();
            if (!toggle) {
                model.selection().clear();
            }
        }
        event.consume();
    }

    private void dragged(MouseEvent event) {
        double x = event.getX();
        double y = event.getY();
        switch (mode) {
            case PAN -> view.panBy(x - lastX, y - lastY);
            case MOVE -> dragMove(x, y);
            case CONNECT -> {
                Point2D at = view.toCanvas(x, y);
                connector.setEndX(at.getX());
                connector.setEndY(at.getY());
            }
            case RUBBER_BAND -> dragBand(x, y);
            case NONE -> {}
        }
        lastX = x;
        lastY = y;
        if (mode != Mode.NONE) {
            event.consume();
        }
    }

    private void dragMove(double x, double y) {
        Position start = moveStart.get(grabbed.nodeId());
        if (start == null) {
            return;
        }
        double zoom = view.zoomProperty().get();
        double rawX = start.x() + (x - pressX) / zoom;
        double rawY = start.y() + (y - pressY) / zoom;
        // The grabbed box snaps to the grid; the others keep their distance from it.
        double dx = DiagramEditor.snap(rawX) - start.x();
        double dy = DiagramEditor.snap(rawY) - start.y();
        moved = dx != 0 || dy != 0;
        for (Map.Entry<String, Position> e : moveStart.entrySet()) {
            view.nodeView(e.getKey())
                    .ifPresent(
                            v -> v.relocate(e.getValue().x() + dx, e.getValue().y() + dy));
        }
    }

    private void dragBand(double x, double y) {
        rubberBand.setVisible(true);
        rubberBand.setX(Math.min(pressX, x));
        rubberBand.setY(Math.min(pressY, y));
        rubberBand.setWidth(Math.abs(x - pressX));
        rubberBand.setHeight(Math.abs(y - pressY));
    }

    private void released(MouseEvent event) {
        switch (mode) {
            case MOVE -> finishMove();
            case CONNECT -> finishConnect(event.getX(), event.getY());
            case RUBBER_BAND -> finishBand();
            case PAN, NONE -> {}
        }
        if (mode != Mode.NONE) {
            event.consume();
        }
        mode = Mode.NONE;
        grabbed = null;
    }

    private void finishMove() {
        Map<String, Position> to = new HashMap<>();
        for (String id : moveStart.keySet()) {
            view.nodeView(id).ifPresent(v -> to.put(id, new Position(v.getLayoutX(), v.getLayoutY())));
        }
        moveStart.clear();
        if (moved) {
            editor.move(to);
        }
    }

    private void finishConnect(double x, double y) {
        connector.setVisible(false);
        Point2D at = view.toCanvas(x, y);
        Optional<NodeView> target = nodeAt(at);
        if (target.isEmpty() || target.get() == grabbed) {
            return;
        }
        Optional<String> refused = editor.connect(grabbed.nodeId(), target.get().nodeId());
        refused.ifPresent(reason -> showRefusal(reason, x, y));
    }

    private void finishBand() {
        if (!rubberBand.isVisible()) {
            return;
        }
        rubberBand.setVisible(false);
        Point2D a = view.toCanvas(rubberBand.getX(), rubberBand.getY());
        Point2D b =
                view.toCanvas(rubberBand.getX() + rubberBand.getWidth(), rubberBand.getY() + rubberBand.getHeight());
        Set<String> inside = new HashSet<>(bandBase);
        for (NodeView node : view.nodeViews()) {
            EdgeGeometry.Box box = node.box();
            if (box.x() >= a.getX()
                    && box.y() >= a.getY()
                    && box.x() + box.width() <= b.getX()
                    && box.y() + box.height() <= b.getY()) {
                inside.add(node.nodeId());
            }
        }
        model.selection().retainAll(inside);
        model.selection().addAll(inside);
    }

    /** The node whose box holds the canvas point {@code at}, the topmost if several do. */
    Optional<NodeView> nodeAt(Point2D at) {
        NodeView found = null;
        for (NodeView node : view.nodeViews()) {
            EdgeGeometry.Box box = node.box();
            if (at.getX() >= box.x()
                    && at.getX() <= box.x() + box.width()
                    && at.getY() >= box.y()
                    && at.getY() <= box.y() + box.height()) {
                found = node;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Shows why a connection was refused on the canvas near the view point ({@code x}, {@code y}). */
    void showRefusal(String reason, double x, double y) {
        refusal.setText(reason);
        refusal.autosize();
        double left = Math.max(4, Math.min(x + 12, view.getWidth() - refusal.getWidth() - 4));
        double top = Math.max(4, Math.min(y + 12, view.getHeight() - refusal.getHeight() - 4));
        refusal.relocate(left, top);
        refusal.setVisible(true);
        refusalTimer.playFromStart();
    }

    private static <T> T enclosing(Object target, Class<T> type) {
        Node node = target instanceof Node n ? n : null;
        while (node != null) {
            if (type.isInstance(node)) {
                return type.cast(node);
            }
            node = node.getParent();
        }
        return null;
    }

    // ---- drag and drop from the palette ---------------------------------------------------

    private void dragOver(DragEvent event) {
        if (kindOf(event).isPresent()) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void dropped(DragEvent event) {
        Optional<NodeKind> kind = kindOf(event);
        if (kind.isPresent()) {
            editor.placeNode(kind.get(), view.toCanvas(event.getX(), event.getY()));
            view.requestFocus();
        }
        event.setDropCompleted(kind.isPresent());
        event.consume();
    }

    private static Optional<NodeKind> kindOf(DragEvent event) {
        return kindOf(event.getDragboard().hasString() ? event.getDragboard().getString() : null);
    }

    /** The kind a dragboard string like {@code stratus-node:function} names. */
    static Optional<NodeKind> kindOf(String dragged) {
        if (dragged == null || !dragged.startsWith(DRAG_PREFIX)) {
            return Optional.empty();
        }
        return NodeKind.fromId(dragged.substring(DRAG_PREFIX.length()));
    }

    // ---- keys ------------------------------------------------------------------------------

    private void keyPressed(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl) {
            return;
        }
        double step = event.isShiftDown() ? 10 * DiagramEditor.GRID : DiagramEditor.GRID;
        KeyCode code = event.getCode();
        switch (code) {
            case DELETE, BACK_SPACE -> editor.deleteSelection();
            case LEFT -> editor.nudge(-step, 0);
            case RIGHT -> editor.nudge(step, 0);
            case UP -> editor.nudge(0, -step);
            case DOWN -> editor.nudge(0, step);
            case F2 -> view.renameSelected();
            case ESCAPE -> model.selection().clear();
            case SPACE -> spaceDown = true;
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void keyReleased(KeyEvent event) {
        if (event.getCode() == KeyCode.SPACE) {
            spaceDown = false;
        }
    }

    // ---- rename in place -------------------------------------------------------------------

    void startRename(NodeView node) {
        commitRename();
        TextField field = new TextField(node.node().name());
        field.setId("rename-field");
        field.getStyleClass().add("rename-field");
        field.setUserData(node.nodeId());
        EdgeGeometry.Box box = node.box();
        field.setPrefWidth(box.width() - 12);
        field.relocate(box.x() + 6, box.y() + box.height() / 2 - 14);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commitRename();
                view.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancelRename();
                view.requestFocus();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && renaming == field) {
                commitRename();
            }
        });
        renaming = field;
        view.editLayer.getChildren().add(field);
        field.requestFocus();
        field.selectAll();
    }

    /** The rename field, while a rename is in progress. */
    Optional<TextField> renameField() {
        return Optional.ofNullable(renaming);
    }

    private void commitRename() {
        TextField field = renaming;
        if (field == null) {
            return;
        }
        renaming = null;
        view.editLayer.getChildren().remove(field);
        editor.rename((String) field.getUserData(), field.getText());
    }

    private void cancelRename() {
        TextField field = renaming;
        renaming = null;
        view.editLayer.getChildren().remove(field);
    }

    private boolean isInRename(Object target) {
        return renaming != null && enclosing(target, TextField.class) == renaming;
    }
}
