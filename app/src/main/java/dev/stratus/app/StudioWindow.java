package dev.stratus.app;

import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.Document;
import dev.stratus.app.shell.StudioActions;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The studio's main window: a {@link StudioPane} on a stage, with the file dialogs and error alerts
 * behind its menus. Opening a file that cannot be read shows the error and keeps the current
 * project; saving writes atomically. Use on the FX thread only.
 */
final class StudioWindow implements StudioActions {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Stratus projects (*.stratus.json)", "*.stratus.json");
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("JSON files", "*.json");
    private static final String EXTENSION = ".stratus.json";

    private final Stage stage;
    private final SampleCatalog catalog;
    private final StudioPane pane;

    StudioWindow(Stage stage, SampleCatalog catalog) {
        this.stage = stage;
        this.catalog = catalog;
        this.pane = new StudioPane(catalog.samples(), this);
        stage.setScene(new Scene(pane, WIDTH, HEIGHT));
        stage.setMinWidth(640);
        stage.setMinHeight(400);
    }

    /**
     * Shows the default sample, then opens {@code fileOrNull} if given. When the file cannot be
     * read the error is shown over the default sample.
     */
    void start(Path fileOrNull) {
        catalog.defaultSample().ifPresent(this::openSample);
        if (pane.getDocument() == null) {
            // No sample, or it could not be read (the alert says why): start from an empty design.
            show(Document.unsaved(Project.empty("Untitled"), "Not saved"));
        }
        stage.show();
        if (fileOrNull != null) {
            open(fileOrNull);
        }
    }

    /** The document shown. */
    Document document() {
        return pane.getDocument();
    }

    StudioPane pane() {
        return pane;
    }

    Stage stage() {
        return stage;
    }

    /**
     * Opens the project in {@code file}. When it cannot be read, an error alert names the file and
     * the place, and the current project stays.
     *
     * @return whether the file was opened
     */
    boolean open(Path file) {
        try {
            show(Document.ofFile(ProjectFiles.load(file), file));
            return true;
        } catch (ProjectFileException e) {
            showError("Cannot open the project", e.getMessage());
            return false;
        }
    }

    /**
     * Saves the project shown to {@code file} (atomically) and from then on shows it as that file.
     *
     * @return whether it was saved
     */
    boolean saveAs(Path file) {
        Project project = document().project();
        try {
            ProjectFiles.save(project, file);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            showError("Cannot save the project", file + ": " + reason);
            return false;
        }
        show(Document.ofFile(project, file));
        return true;
    }

    @Override
    public void openSample(Sample sample) {
        try {
            show(Document.unsaved(catalog.load(sample), "Sample: " + sample.title()));
        } catch (ProjectFileException e) {
            showError("Cannot open the sample", e.getMessage());
        }
    }

    @Override
    public void chooseAndOpen() {
        FileChooser chooser = chooser("Open project");
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    @Override
    public void chooseAndSaveAs() {
        FileChooser chooser = chooser("Save project as");
        chooser.setInitialFileName(fileNameFor(document().project()));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            Path file = chosen.toPath();
            if (!file.getFileName().toString().endsWith(".json")) {
                file = file.resolveSibling(file.getFileName() + EXTENSION);
            }
            saveAs(file);
        }
    }

    @Override
    public void quit() {
        stage.close();
        Platform.exit();
    }

    private void show(Document next) {
        pane.show(next);
        stage.setTitle(next.windowTitle());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(PROJECTS, JSON);
        document()
                .fileIfAny()
                .map(Path::getParent)
                .filter(Files::isDirectory)
                .ifPresent(folder -> chooser.setInitialDirectory(folder.toFile()));
        return chooser;
    }

    /** A file name from the project name: {@code Order pipeline} becomes {@code order-pipeline.stratus.json}. */
    static String fileNameFor(Project project) {
        String slug = project.name()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        return (slug.isEmpty() ? "project" : slug) + EXTENSION;
    }

    /** Shows an error without waiting for it to be closed, so no caller blocks on it. */
    private void showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (stage.getScene() != null && stage.isShowing()) {
            alert.initOwner(stage);
        }
        alert.setTitle("Stratus");
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.getDialogPane().setId("error-dialog");
        alert.setResizable(true);
        alert.show();
    }
}
