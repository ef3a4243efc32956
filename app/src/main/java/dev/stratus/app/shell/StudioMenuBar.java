package dev.stratus.app.shell;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The studio's menu bar: File (New, Open, Open Sample ▸, Open Recent ▸, Save, Save As, Export
 * Picture, Quit), Edit (Undo, Redo, Cut, Copy, Paste, Duplicate, Delete, Select All, Rename) and View
 * (zoom, fit, arrange, results panel, dark theme) and Simulate (given). Shortcut is Ctrl, or Cmd on macOS. Every item has an id ({@code
 * menu-open}, {@code sample-<file>}, {@code recent-<n>}, ...) for tests. Undo and Redo follow the
 * model: enabled when there is something to undo, and named after it.
 */
public final class StudioMenuBar {

    /** Redo's second key, Shortcut+Shift+Z, beside the menu's Shortcut+Y. */
    public static final KeyCombination REDO_ALTERNATIVE =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private StudioMenuBar() {}

    /**
     * A menu bar whose items call {@code actions}, listing {@code recent} files as they change, with
     * {@code simulate} after View; View → Results Panel shows and hides the results below the canvas.
     */
    public static MenuBar create(
            List<Sample> samples,
            ObservableList<Path> recent,
            EditorModel model,
            StudioActions actions,
            EditActions edits,
            Menu simulate,
            javafx.beans.property.BooleanProperty resultsShown) {
        MenuBar bar =
                new MenuBar(file(samples, recent, actions), edit(model, edits), view(edits, resultsShown), simulate);
        bar.getStyleClass().add("studio-menu-bar");
        // A menu item holds one accelerator; Redo's second key is caught here.
        bar.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                    if (REDO_ALTERNATIVE.match(e) && model.canRedoProperty().get()) {
                        edits.redo();
                        e.consume();
                    }
                });
            }
        });
        return bar;
    }

    private static Menu file(List<Sample> samples, ObservableList<Path> recent, StudioActions actions) {
        MenuItem newProject = item("New\u2026", "menu-new", "Shortcut+N", actions::newProject);
        MenuItem open = item("Open\u2026", "menu-open", "Shortcut+O", actions::chooseAndOpen);

        Menu openSample = new Menu("Open Sample");
        openSample.setId("menu-open-sample");
        for (Sample sample : samples) {
            MenuItem entry = new MenuItem(sample.title());
            entry.setId("sample-" + sample.file());
            entry.setOnAction(e -> actions.openSample(sample));
            openSample.getItems().add(entry);
        }
        openSample.setDisable(samples.isEmpty());

        Menu openRecent = new Menu("Open Recent");
        openRecent.setId("menu-open-recent");
        Runnable fillRecent = () -> {
            openRecent.getItems().clear();
            for (int i = 0; i < recent.size(); i++) {
                Path path = recent.get(i);
                MenuItem entry = new MenuItem(path.getFileName() + "  \u2014  " + path.getParent());
                entry.setId("recent-" + i);
                entry.setMnemonicParsing(false);
                entry.setOnAction(e -> actions.openRecent(path));
                openRecent.getItems().add(entry);
            }
            openRecent.setDisable(recent.isEmpty());
        };
        fillRecent.run();
        recent.addListener((ListChangeListener<Path>) c -> fillRecent.run());

        MenuItem save = item("Save", "menu-save", "Shortcut+S", actions::save);
        MenuItem saveAs = item("Save As\u2026", "menu-save-as", "Shortcut+Shift+S", actions::chooseAndSaveAs);
        MenuItem export =
                item("Export Picture\u2026", "menu-export-picture", "Shortcut+E", actions::chooseAndExportPicture);
        MenuItem importTemplate =
                item("Import SAM Template\u2026", "menu-import-template", null, actions::chooseAndImportTemplate);
        MenuItem exportProject =
                item("Export Project\u2026", "menu-export-project", "Shortcut+Shift+E", actions::exportProject);
        MenuItem quit = item("Quit", "menu-quit", "Shortcut+Q", actions::quit);

        Menu file = new Menu("File");
        file.setId("menu-file");
        file.getItems()
                .addAll(
                        newProject,
                        open,
                        openSample,
                        openRecent,
                        new SeparatorMenuItem(),
                        save,
                        saveAs,
                        new SeparatorMenuItem(),
                        importTemplate,
                        exportProject,
                        export,
                        new SeparatorMenuItem(),
                        quit);
        return file;
    }

    private static Menu edit(EditorModel model, EditActions actions) {
        MenuItem undo = item("Undo", "menu-undo", "Shortcut+Z", actions::undo);
        undo.textProperty().bind(model.undoTextProperty());
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = item("Redo", "menu-redo", "Shortcut+Y", actions::redo);
        redo.textProperty().bind(model.redoTextProperty());
        redo.disableProperty().bind(model.canRedoProperty().not());

        Menu edit = new Menu("Edit");
        edit.setId("menu-edit");
        edit.getItems()
                .addAll(
                        undo,
                        redo,
                        new SeparatorMenuItem(),
                        item("Cut", "menu-cut", "Shortcut+X", actions::cut),
                        item("Copy", "menu-copy", "Shortcut+C", actions::copy),
                        item("Paste", "menu-paste", "Shortcut+V", actions::paste),
                        item("Duplicate", "menu-duplicate", "Shortcut+D", actions::duplicate),
                        item("Delete", "menu-delete", "Delete", actions::delete),
                        new SeparatorMenuItem(),
                        item("Select All", "menu-select-all", "Shortcut+A", actions::selectAll),
                        item("Rename", "menu-rename", "F2", actions::rename));
        return edit;
    }

    private static Menu view(EditActions actions, javafx.beans.property.BooleanProperty resultsShown) {
        CheckMenuItem results = new CheckMenuItem("Results Panel");
        results.setId("menu-results-panel");
        results.setAccelerator(KeyCombination.keyCombination("Shortcut+J"));
        results.selectedProperty().bindBidirectional(resultsShown);
        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setId("menu-dark-theme");
        dark.setSelected(Theme.isDark());
        dark.setOnAction(e -> actions.useDarkTheme(dark.isSelected()));

        Menu view = new Menu("View");
        view.setId("menu-view");
        view.getItems()
                .addAll(
                        item("Zoom In", "menu-zoom-in", "Shortcut+EQUALS", actions::zoomIn),
                        item("Zoom Out", "menu-zoom-out", "Shortcut+MINUS", actions::zoomOut),
                        item("Actual Size", "menu-actual-size", "Shortcut+1", actions::actualSize),
                        item("Fit to Window", "menu-fit", "Shortcut+0", actions::fitToWindow),
                        new SeparatorMenuItem(),
                        item("Arrange", "menu-arrange", "Shortcut+L", actions::arrange),
                        new SeparatorMenuItem(),
                        results,
                        dark);
        return view;
    }

    /** A menu item with its text, id, key (or {@code null}) and action. */
    public static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
