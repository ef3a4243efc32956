package dev.stratus.app.shell;

import dev.stratus.app.edit.EditorModel;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The row of buttons under the menus: the main actions of the File, Edit and View menus, each an
 * icon with a tooltip naming it and its key. Undo and Redo follow the model.
 */
public final class StudioToolBar {

    private StudioToolBar() {}

    public static ToolBar create(EditorModel model, StudioActions actions, EditActions edits) {
        Button undo = button("mdi2u-undo", "Undo (Ctrl+Z)", "tool-undo", edits::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.getTooltip().textProperty().bind(model.undoTextProperty().concat(" (Ctrl+Z)"));
        Button redo = button("mdi2r-redo", "Redo (Ctrl+Y)", "tool-redo", edits::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.getTooltip().textProperty().bind(model.redoTextProperty().concat(" (Ctrl+Y)"));
        ToolBar bar = new ToolBar(
                button("mdi2f-file-plus-outline", "New (Ctrl+N)", "tool-new", actions::newProject),
                button("mdi2f-folder-open-outline", "Open (Ctrl+O)", "tool-open", actions::chooseAndOpen),
                button("mdi2c-content-save-outline", "Save (Ctrl+S)", "tool-save", actions::save),
                separator(),
                undo,
                redo,
                separator(),
                button("mdi2c-content-copy", "Copy (Ctrl+C)", "tool-copy", edits::copy),
                button("mdi2c-content-paste", "Paste (Ctrl+V)", "tool-paste", edits::paste),
                button("mdi2d-delete-outline", "Delete (Delete)", "tool-delete", edits::delete),
                separator(),
                button("mdi2m-magnify-plus-outline", "Zoom In (Ctrl+=)", "tool-zoom-in", edits::zoomIn),
                button("mdi2m-magnify-minus-outline", "Zoom Out (Ctrl+-)", "tool-zoom-out", edits::zoomOut),
                button("mdi2f-fit-to-screen-outline", "Fit to Window (Ctrl+0)", "tool-fit", edits::fitToWindow),
                button("mdi2s-sitemap-outline", "Arrange left to right (Ctrl+L)", "tool-arrange", edits::arrange),
                separator(),
                button(
                        "mdi2f-file-image-outline",
                        "Export Picture (Ctrl+E)",
                        "tool-export",
                        actions::chooseAndExportPicture));
        bar.getStyleClass().add("studio-tool-bar");
        return bar;
    }

    private static Separator separator() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private static Button button(String icon, String tip, String id, Runnable action) {
        Button button = new Button();
        button.setGraphic(new FontIcon(icon));
        button.setTooltip(new Tooltip(tip));
        button.setId(id);
        button.getStyleClass().add("flat");
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }
}
