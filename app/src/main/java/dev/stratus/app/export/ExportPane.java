package dev.stratus.app.export;

import dev.stratus.export.Export;
import dev.stratus.export.ExportException;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.Exporters;
import dev.stratus.model.Project;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Export of the open design: choose a cloud, look through the files the export would write (the
 * descriptor, the Maven build, the handlers, the README), read the notes on what the cloud cannot
 * express exactly, and write it all to a folder. Exporting and writing run off the FX thread; a
 * newer choice of target drops the answer of an older one.
 */
public final class ExportPane extends BorderPane {

    /** How the pane asks for a folder and whether to write into one that holds files. */
    public interface Prompts {
        Optional<Path> chooseFolder(ExportTarget target);

        boolean confirmOverwrite(Path folder);
    }

    private final Supplier<Project> project;
    private final Prompts prompts;
    private final Executor background;
    private final ComboBox<ExportTarget> target = new ComboBox<>();
    private final ListView<String> files = new ListView<>();
    private final TextArea content = new TextArea();
    private final ListView<String> notes = new ListView<>();
    private final Label status = new Label();
    private final Button write = new Button("Export to Folder\u2026");
    private final ReadOnlyObjectWrapper<Export> export = new ReadOnlyObjectWrapper<>(this, "export");
    private long generation;
    private String lastSelected;

    public ExportPane(Supplier<Project> project, Prompts prompts, Executor background) {
        this.project = Objects.requireNonNull(project, "project");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.background = Objects.requireNonNull(background, "background");
        getStyleClass().add("export-pane");
        setPadding(new Insets(10));

        target.setId("export-target");
        target.getItems().setAll(ExportTarget.values());
        target.setCellFactory(list -> new TargetCell());
        target.setButtonCell(new TargetCell());
        target.valueProperty().addListener((obs, old, chosen) -> {
            lastSelected = null;
            refresh();
        });
        Label targetLabel = new Label("Target:");
        targetLabel.setLabelFor(target);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        write.setId("export-write");
        write.setDefaultButton(true);
        write.setDisable(true);
        write.setOnAction(e -> chooseAndWrite());
        HBox top = new HBox(8, targetLabel, target, spacer, write);
        top.setPadding(new Insets(0, 0, 8, 0));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(top);

        files.setId("export-files");
        files.setCellFactory(list -> new FileCell());
        files.setPrefWidth(260);
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, path) -> show(path));
        content.setId("export-content");
        content.setEditable(false);
        content.setWrapText(false);
        content.setStyle("-fx-font-family: 'monospace';");
        SplitPane preview = new SplitPane(files, content);
        preview.setDividerPositions(0.3);
        notes.setId("export-notes");
        notes.setCellFactory(list -> {
            ListCell<String> cell = new ListCell<>() {
                @Override
                protected void updateItem(String note, boolean empty) {
                    super.updateItem(note, empty);
                    setText(empty ? null : note);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
            return cell;
        });
        notes.setPrefHeight(120);
        notes.setPlaceholder(new Label("The export expresses the design exactly."));
        Label notesLabel = new Label("Notes");
        VBox bottom = new VBox(4, notesLabel, notes, status);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        status.setId("export-status");
        status.setWrapText(true);
        SplitPane.setResizableWithParent(files, false);
        setCenter(preview);
        setBottom(bottom);

        target.setValue(ExportTarget.SAM);
    }

    /** The export shown, or null while it is being made or when the target refused the design. */
    public ReadOnlyObjectProperty<Export> exportProperty() {
        return export.getReadOnlyProperty();
    }

    public void setTarget(ExportTarget chosen) {
        target.setValue(chosen);
    }

    /** Exports the current design again (after it changed). */
    public void refresh() {
        ExportTarget chosen = target.getValue();
        if (chosen == null) {
            return;
        }
        long mine = ++generation;
        String selected = files.getSelectionModel().getSelectedItem();
        if (selected != null) {
            lastSelected = selected;
        }
        export.set(null);
        write.setDisable(true);
        files.getItems().clear();
        content.clear();
        notes.getItems().clear();
        status.setText("Exporting to " + chosen.displayName() + "\u2026");
        Project snapshot = project.get();
        Task<Result> task = new Task<>() {
            @Override
            protected Result call() throws ExportException {
                long errors = new Validator()
                        .validate(snapshot).stream().filter(Problem::isError).count();
                Export made = Exporters.of(chosen)
                        .orElseThrow(() -> new ExportException(chosen.displayName() + " export is not available yet"))
                        .export(snapshot);
                return new Result(made, errors);
            }
        };
        task.setOnSucceeded(e -> {
            if (mine == generation) {
                shown(task.getValue().export(), task.getValue().errors());
            }
        });
        task.setOnFailed(e -> {
            if (mine == generation) {
                Throwable problem = task.getException();
                status.setText("Cannot export to " + chosen.displayName() + ": " + problem.getMessage());
            }
        });
        background.execute(task);
    }

    private record Result(Export export, long errors) {}

    private void shown(Export result, long errors) {
        export.set(result);
        List<String> paths = result.files().paths();
        files.getItems().setAll(paths);
        notes.getItems().setAll(result.notes());
        // After an edit the person keeps reading the file they had open, when it is still there.
        String main = lastSelected != null && paths.contains(lastSelected)
                ? lastSelected
                : paths.stream().filter(isDescriptor()).findFirst().orElse(paths.get(0));
        files.getSelectionModel().select(main);
        files.scrollTo(main);
        // The command line refuses to export a design with errors; the studio shows the preview but
        // does not write it either.
        write.setDisable(errors > 0);
        status.setText(
                errors > 0
                        ? "The design has " + errors + (errors == 1 ? " error" : " errors")
                                + "; fix what the Problems tab lists before exporting."
                        : paths.size() + " files for " + result.target().displayName() + ".");
    }

    private static Predicate<String> isDescriptor() {
        return path -> List.of("template.yaml", "serverless.yml", "host.json", "deploy.sh", "manifest.yaml")
                .contains(path);
    }

    private void show(String path) {
        Export shown = export.get();
        content.setText(shown == null || path == null ? "" : shown.files().text(path));
        content.positionCaret(0);
    }

    private void chooseAndWrite() {
        Export chosen = export.get();
        if (chosen == null) {
            return;
        }
        Optional<Path> folder = prompts.chooseFolder(chosen.target());
        if (folder.isEmpty()) {
            return;
        }
        Path where = folder.get();
        boolean force = false;
        if (holdsFiles(where)) {
            if (!prompts.confirmOverwrite(where)) {
                return;
            }
            force = true;
        }
        boolean overwrite = force;
        write.setDisable(true);
        status.setText("Writing to " + where + "\u2026");
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws Exception {
                chosen.writeTo(where, overwrite);
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            write.setDisable(false);
            status.setText("Wrote " + chosen.files().paths().size() + " files to " + where
                    + ". Its README.md has the build and deploy commands.");
        });
        task.setOnFailed(e -> {
            write.setDisable(false);
            status.setText(
                    "Cannot write to " + where + ": " + task.getException().getMessage());
        });
        background.execute(task);
    }

    private static boolean holdsFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** A file as its name, with the folder it is in below it in smaller type; the tooltip is the path. */
    private static final class FileCell extends ListCell<String> {
        private final Label name = new Label();
        private final Label folder = new Label();
        private final VBox box = new VBox(1, name, folder);
        private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

        FileCell() {
            name.setStyle("-fx-font-weight: bold;");
            folder.setStyle("-fx-font-size: 0.85em; -fx-opacity: 0.7;");
        }

        @Override
        protected void updateItem(String path, boolean empty) {
            super.updateItem(path, empty);
            setText(null);
            if (empty || path == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            int slash = path.lastIndexOf('/');
            name.setText(path.substring(slash + 1));
            folder.setText(slash < 0 ? "" : path.substring(0, slash));
            folder.setVisible(slash >= 0);
            folder.setManaged(slash >= 0);
            tip.setText(path);
            setTooltip(tip);
            setGraphic(box);
        }
    }

    private static final class TargetCell extends ListCell<ExportTarget> {
        @Override
        protected void updateItem(ExportTarget item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.displayName());
        }
    }
}
