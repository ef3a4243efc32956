package dev.stratus.app.shell;

import dev.stratus.app.canvas.DiagramEditor;
import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.theme.Theme;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.control.TextInputControl;

/**
 * What the Edit and View menus, the toolbar and their keys do: undo and redo on the model, the
 * canvas editor's commands (clipboard, delete, select all, arrange), the canvas's own (rename in
 * place, zoom, fit), plus the theme.
 *
 * <p>Menu accelerators act before the focused control sees the key, so while an editable text field
 * (the inspector, a rename in place) has the focus, the editing keys edit its text, not the design.
 * Use on the FX thread only.
 */
public final class EditActions {

    private final EditorModel model;
    private final DiagramEditor editor;
    private final DiagramView diagram;
    private final Parent root;

    /**
     * Actions through {@code editor} and the canvas {@code diagram} that draws it; {@code root}
     * carries the dark-theme class.
     */
    public EditActions(DiagramEditor editor, DiagramView diagram, Parent root) {
        this.model = editor.model();
        this.editor = editor;
        this.diagram = diagram;
        this.root = root;
    }

    public void undo() {
        textFocus().ifPresentOrElse(TextInputControl::undo, model::undo);
    }

    public void redo() {
        textFocus().ifPresentOrElse(TextInputControl::redo, model::redo);
    }

    public void cut() {
        textFocus().ifPresentOrElse(TextInputControl::cut, () -> {
            editor.copySelection();
            editor.deleteSelection();
        });
    }

    public void copy() {
        textFocus().ifPresentOrElse(TextInputControl::copy, editor::copySelection);
    }

    public void paste() {
        textFocus().ifPresentOrElse(TextInputControl::paste, editor::paste);
    }

    public void duplicate() {
        if (textFocus().isEmpty()) {
            editor.duplicateSelection();
        }
    }

    public void delete() {
        textFocus().ifPresentOrElse(TextInputControl::deleteNextChar, editor::deleteSelection);
    }

    public void selectAll() {
        textFocus().ifPresentOrElse(TextInputControl::selectAll, editor::selectAll);
    }

    public void rename() {
        if (textFocus().isEmpty()) {
            diagram.renameSelected();
        }
    }

    public void zoomIn() {
        diagram.zoomIn();
    }

    public void zoomOut() {
        diagram.zoomOut();
    }

    public void actualSize() {
        diagram.resetZoom();
    }

    public void fitToWindow() {
        diagram.fitToWindow();
    }

    /** Lays the design out left to right, in one undoable step, and shows all of it. */
    public void arrange() {
        editor.arrange();
        diagram.fitToWindow();
    }

    /** Switches every control to Primer Dark ({@code true}) or Primer Light. */
    public void useDarkTheme(boolean dark) {
        Theme.apply(dark);
        root.getStyleClass().remove(Theme.DARK_CLASS);
        if (dark) {
            root.getStyleClass().add(Theme.DARK_CLASS);
        }
    }

    /** The editable text field or area that has the keyboard focus, if one has. */
    private Optional<TextInputControl> textFocus() {
        return root.getScene() != null
                        && root.getScene().getFocusOwner() instanceof TextInputControl text
                        && text.isEditable()
                ? Optional.of(text)
                : Optional.empty();
    }
}
