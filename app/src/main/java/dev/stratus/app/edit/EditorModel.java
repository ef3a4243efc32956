package dev.stratus.app.edit;

import dev.stratus.model.Project;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The studio's view model of the open project: the project, where it is saved, the selection, and
 * the undo stack. The project changes only through {@link #apply(Edit)}, {@link #undo()} and {@link
 * #redo()} (and {@link #open} for another project), so every change is undoable. Use on the FX
 * thread only.
 */
public final class EditorModel {

    /** How many edits can be undone; older ones are forgotten. */
    public static final int HISTORY = 500;

    private record Step(String description, Project before, Project after) {}

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyIntegerWrapper opened = new ReadOnlyIntegerWrapper(this, "opened");
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Project saved;
    private final Validator validator = new Validator();
    private Project checked;
    private List<Problem> problems = List.of();

    public EditorModel(Project initial) {
        open(initial, null);
    }

    /** Shows another project, saved at {@code fileOrNull}; forgets the history and the selection. */
    public void open(Project next, Path fileOrNull) {
        Objects.requireNonNull(next, "project");
        undo.clear();
        redo.clear();
        selection.clear();
        saved = next;
        file.set(fileOrNull);
        project.set(next);
        opened.set(opened.get() + 1);
        update();
    }

    /** Applies {@code edit}; an edit that changes nothing is not recorded. */
    public void apply(Edit edit) {
        Project before = project.get();
        Project after = edit.apply(before);
        if (after.equals(before)) {
            return;
        }
        undo.push(new Step(edit.description(), before, after));
        if (undo.size() > HISTORY) {
            undo.removeLast();
        }
        redo.clear();
        project.set(after);
        dropStaleSelection();
        update();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Step step = undo.pop();
        redo.push(step);
        project.set(step.before());
        dropStaleSelection();
        update();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Step step = redo.pop();
        undo.push(step);
        project.set(step.after());
        dropStaleSelection();
        update();
    }

    /** Records that the current project is what {@code savedTo} now holds. */
    public void markSaved(Path savedTo) {
        saved = project.get();
        file.set(savedTo);
        update();
    }

    public Project project() {
        return project.get();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /**
     * How many projects have been opened ({@link #open}); it changes after the project does when
     * another project is shown, never on an edit, so views can tell the two apart.
     */
    public ReadOnlyIntegerProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Whether the project differs from what was opened or last saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "Undo Move 3 nodes", or "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /**
     * The validator's problems of {@code project}, checked once per project however many views ask
     * (the inspector and the problems pane both do on every change).
     */
    public List<Problem> problemsOf(Project project) {
        if (project != checked) {
            problems = validator.validate(project);
            checked = project;
        }
        return problems;
    }

    /** Ids of the selected nodes and edges. */
    public ObservableSet<String> selection() {
        return selection;
    }

    private void dropStaleSelection() {
        var architecture = project.get().architecture();
        selection.removeIf(id ->
                architecture.node(id).isEmpty() && architecture.edges().stream().noneMatch(e -> e.id().equals(id)));
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "Undo" : "Undo " + undo.peek().description());
        redoText.set(redo.isEmpty() ? "Redo" : "Redo " + redo.peek().description());
        dirty.set(saved == null || !saved.equals(project.get()));
    }
}
