package dev.stratus.app.canvas;

import dev.stratus.app.edit.Edit;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.edit.Ids;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableSet;
import javafx.geometry.Point2D;

/**
 * The view model of the editing canvas: every command that changes the design from the canvas, its
 * menus and its keys (add, place, connect, move, rename, delete, copy and paste, duplicate, select,
 * nudge, arrange), the clipboard, and the message the canvas has for the person.
 *
 * <p>It changes the project only through {@link EditorModel#apply}, so every change is one undoable
 * step, and it works from the project alone: positions come from the project's layout completed by
 * {@link LayeredLayout#complete}, which is what the canvas draws. It needs no scene and no view, so
 * it can be tested without either. Positions and offsets are canvas units. Use on the FX thread
 * only.
 */
public final class DiagramEditor {

    /** The grid nodes snap to when placed or moved, canvas units. */
    public static final double GRID = 20;

    /** How far each paste lands from what was copied, canvas units. */
    public static final double PASTE_OFFSET = 2 * GRID;

    private final EditorModel model;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Clipboard clipboard = Clipboard.EMPTY;
    private int pastes;
    private boolean applying;

    public DiagramEditor(EditorModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The open project, its selection and its undo stack. */
    public EditorModel model() {
        return model;
    }

    /**
     * The last thing the canvas has to tell the person, such as why a connection was refused; the
     * window shows it in its status bar. Empty when there is nothing to say.
     */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Whether the project is changing because of one of these commands: true only while listeners of
     * the model's project hear of the change. The canvas keeps its view where it is for such a
     * change, so the person's work does not jump away.
     */
    public boolean isApplying() {
        return applying;
    }

    /** A grid point: {@code value} rounded to the nearest multiple of {@link #GRID}. */
    public static double snap(double value) {
        return Math.round(value / GRID) * GRID;
    }

    private void apply(Edit edit) {
        applying = true;
        try {
            model.apply(edit);
        } finally {
            applying = false;
        }
    }

    // ---- adding and connecting -------------------------------------------------------------

    /**
     * Adds a new node of {@code kind} centred on the canvas point {@code at}, snapped to the grid,
     * and selects it. Returns its id. What a drop from the palette does.
     */
    public String placeNode(NodeKind kind, Point2D at) {
        Position corner = new Position(snap(at.getX() - NodeView.WIDTH / 2), snap(at.getY() - NodeView.HEIGHT / 2));
        return addNode(kind, corner);
    }

    /** Adds a new node of {@code kind} with its top-left corner at {@code corner}, selects it, returns its id. */
    public String addNode(NodeKind kind, Position corner) {
        Project current = model.project();
        String id = Ids.newId(current, kind.id().replace("-trigger", ""));
        Node node = NodeDefaults.of(kind, id, Ids.newName(current, kind));
        apply(Edits.addNode(node, corner));
        selectOnly(id);
        return id;
    }

    /**
     * Connects node {@code fromId} to node {@code toId} when {@link ConnectionRules} allow it, with
     * the default batching for queues and streams and a route {@code GET /<function name>} for a
     * gateway's edge. Returns why the connection was refused, or empty when it was made; either way
     * {@link #messageProperty()} says what happened.
     */
    public Optional<String> connect(String fromId, String toId) {
        Project current = model.project();
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
            message.set(refusal.get());
            return refusal;
        }
        NodeKind fromKind = from.get().kind();
        Edge edge = Edge.of(Ids.newEdgeId(current), fromId, toId)
                .withBatching(ConnectionRules.defaultBatching(fromKind).orElse(null));
        if (fromKind.category() == NodeKind.Category.GATEWAY) {
            edge = edge.withRoute("GET /" + to.get().name());
        }
        apply(Edits.connect(edge));
        message.set("Connected " + NodeView.displayName(from.get()) + " to " + NodeView.displayName(to.get()) + ".");
        return Optional.empty();
    }

    // ---- changing what is there ------------------------------------------------------------

    /** Puts nodes at new top-left corners in one undoable step: the drop at the end of a drag. */
    public void move(Map<String, Position> corners) {
        if (!corners.isEmpty()) {
            apply(Edits.move(corners));
        }
    }

    /** Moves the selected nodes by {@code dx}, {@code dy} canvas units, in one undoable step. */
    public void nudge(double dx, double dy) {
        Architecture architecture = model.project().architecture();
        Layout drawn = completedLayout();
        Map<String, Position> moved = new HashMap<>();
        for (String id : model.selection()) {
            if (architecture.node(id).isPresent()) {
                drawn.positionOf(id).ifPresent(p -> moved.put(id, new Position(p.x() + dx, p.y() + dy)));
            }
        }
        move(moved);
    }

    /** Gives node {@code nodeId} the name {@code name}; a blank name changes nothing. */
    public void rename(String nodeId, String name) {
        String stripped = name.strip();
        if (!stripped.isEmpty()) {
            apply(Edits.rename(nodeId, stripped));
        }
    }

    /** Deletes the selected nodes and edges, with every edge of a deleted node. */
    public void deleteSelection() {
        Set<String> selected = Set.copyOf(model.selection());
        if (!selected.isEmpty()) {
            apply(Edits.delete(selected));
            model.selection().clear();
        }
    }

    /**
     * Lays the whole design out left to right ({@link LayeredLayout}), in one undoable step. The
     * canvas does not refit for it by itself: the caller fits it when it wants the whole in sight.
     */
    public void arrange() {
        apply(Edits.layout(LayeredLayout.of(model.project().architecture())));
    }

    // ---- clipboard -------------------------------------------------------------------------

    /** Copies the selected nodes and the edges between them, for {@link #paste()}. */
    public void copySelection() {
        Clipboard copied = selectionAsClipboard();
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
        Clipboard copied = selectionAsClipboard();
        if (!copied.isEmpty()) {
            pasteFrom(copied, PASTE_OFFSET, "Duplicate");
        }
    }

    private Clipboard selectionAsClipboard() {
        return Clipboard.of(
                model.project(), model.selection(), completedLayout().positions());
    }

    private void pasteFrom(Clipboard from, double offset, String what) {
        int count = from.nodes().size();
        Clipboard.Paste paste =
                from.pasteInto(model.project(), offset, offset, count == 1 ? what : what + " " + count + " nodes");
        apply(paste.edit());
        model.selection().clear();
        model.selection().addAll(paste.nodeIds());
    }

    // ---- selection -------------------------------------------------------------------------

    /**
     * What a click on node or edge {@code id} does to the selection: with {@code toggle} (Shift or
     * Ctrl held) it adds or removes {@code id}; without, it selects {@code id} alone unless it is
     * already selected, so a drag can move the whole selection.
     */
    public void select(String id, boolean toggle) {
        ObservableSet<String> selection = model.selection();
        if (toggle) {
            if (!selection.remove(id)) {
                selection.add(id);
            }
        } else if (!selection.contains(id)) {
            selectOnly(id);
        }
    }

    /** Selects node or edge {@code id} alone. */
    public void selectOnly(String id) {
        model.selection().retainAll(Set.of(id));
        model.selection().add(id);
    }

    /**
     * Selects every node and edge of the design, including an edge whose end is missing (the canvas
     * does not draw it, but it is part of the design and goes with a delete of everything).
     */
    public void selectAll() {
        Architecture architecture = model.project().architecture();
        Set<String> all = new HashSet<>();
        architecture.nodes().forEach(n -> all.add(n.id()));
        architecture.edges().forEach(e -> all.add(e.id()));
        model.selection().addAll(all);
    }

    /** The positions the nodes are drawn at: the project's layout, completed for unplaced nodes. */
    private Layout completedLayout() {
        Project project = model.project();
        return LayeredLayout.complete(project.architecture(), project.layout());
    }
}
