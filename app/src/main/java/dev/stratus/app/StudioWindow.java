package dev.stratus.app;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.render.PngRenderer;
import dev.stratus.app.results.ResultFiles;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.Document;
import dev.stratus.app.shell.RecentFiles;
import dev.stratus.app.shell.Recovery;
import dev.stratus.app.shell.StudioActions;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import dev.stratus.run.RunReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The studio's main window: a {@link StudioPane} around one {@link EditorModel} on a stage, with
 * the file dialogs, questions and error alerts behind its menus. Opening a file that cannot be read
 * shows the error and keeps the current project; saving writes atomically; unsaved changes are
 * asked about before they would be dropped, and written to a recovery file every {@value
 * #AUTOSAVE_SECONDS} seconds. Use on the FX thread only.
 */
final class StudioWindow implements StudioActions {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    /** How often a design with unsaved changes is written to the recovery file. */
    static final int AUTOSAVE_SECONDS = 30;

    /** Width of a picture made by File → Export Picture, pixels. */
    static final int PICTURE_WIDTH = 1600;

    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Stratus projects (*.stratus.json)", "*.stratus.json");
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("JSON files", "*.json");
    private static final FileChooser.ExtensionFilter TEMPLATES = new FileChooser.ExtensionFilter(
            "SAM and CloudFormation templates (*.yaml, *.yml, *.json, *.template)",
            "*.yaml",
            "*.yml",
            "*.json",
            "*.template");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG pictures", "*.png");
    private static final String EXTENSION = ".stratus.json";

    private final Stage stage;
    private final SampleCatalog catalog;
    private final EditorModel model = new EditorModel(Project.empty("Untitled"));
    private final RecentFiles recent;
    private final Recovery recovery;
    private final StudioPane pane;
    private final Scene scene;
    private final Timeline autosave;
    private StudioPrompts prompts;

    StudioWindow(Stage stage, SampleCatalog catalog, Path configFolder) {
        this.stage = stage;
        this.catalog = catalog;
        this.recent = new RecentFiles(configFolder);
        this.recovery = new Recovery(configFolder);
        this.prompts = StudioPrompts.dialogs(stage);
        this.pane = new StudioPane(catalog.samples(), recent.paths(), model, this);
        this.scene = new Scene(pane, WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.titleProperty()
                .bind(Bindings.createStringBinding(
                        () -> titleOf(model.project(), model.isDirty()),
                        model.projectProperty(),
                        model.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (confirmDiscard()) {
                closedCleanly();
            } else {
                e.consume();
            }
        });
        autosave = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), e -> autosaveNow()));
        autosave.setCycleCount(Animation.INDEFINITE);
        autosave.play();
        // Another window put on this stage (tests reuse one) ends this one's autosave.
        stage.sceneProperty().addListener((obs, old, next) -> {
            if (next != scene) {
                autosave.stop();
            }
        });
    }

    /**
     * Under some window managers (openbox on X11, seen here) JavaFX 21's GTK window is shrunk to its
     * minimum just after it opens, whatever the scene's size. A moment later the size sticks, so the
     * window is given its opening size again then, within the screen, if it came out smaller.
     */
    private void keepOpeningSize() {
        PauseTransition settle = new PauseTransition(Duration.millis(400));
        settle.setOnFinished(e -> {
            javafx.geometry.Rectangle2D screen =
                    javafx.stage.Screen.getPrimary().getVisualBounds();
            double width = Math.min(WIDTH, screen.getWidth());
            double height = Math.min(HEIGHT, screen.getHeight());
            if (stage.isShowing()
                    && !stage.isMaximized()
                    && (stage.getWidth() < width - 1 || stage.getHeight() < height - 1)) {
                stage.setWidth(width);
                stage.setHeight(height);
                stage.centerOnScreen();
            }
        });
        settle.play();
    }

    /** {@code <name> — Stratus}, with an asterisk after the name while there are unsaved changes. */
    static String titleOf(Project project, boolean dirty) {
        String name = project.name().isBlank() ? "Untitled" : project.name();
        return name + (dirty ? "*" : "") + " \u2014 Stratus";
    }

    /** Replaces the questions asked of the person, for tests. */
    void setPrompts(StudioPrompts prompts) {
        this.prompts = prompts;
    }

    /**
     * Shows the default sample, then opens {@code fileOrNull} if given; when the studio did not
     * close cleanly last time, offers to restore the unsaved design instead. When the file cannot be
     * read the error is shown over the default sample.
     */
    void start(Path fileOrNull) {
        catalog.defaultSample().ifPresent(this::showSample);
        stage.show();
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        keepOpeningSize();
        if (offerRecovery()) {
            return;
        }
        if (fileOrNull != null) {
            open(fileOrNull);
        }
    }

    /**
     * Offers to restore the design in a recovery file left by a studio that did not close cleanly.
     * A restored design is one undoable step on an unsaved project, so it shows as modified.
     *
     * @return whether a design was restored
     */
    boolean offerRecovery() {
        Optional<Project> pending = recovery.pending();
        if (pending.isEmpty()) {
            return false;
        }
        Project recovered = pending.get();
        if (!prompts.restore(recovered)) {
            recovery.discard();
            return false;
        }
        model.open(Project.empty(recovered.name()), null);
        pane.diagram().fitToWindow();
        model.apply(Edits.project("Restore unsaved work", p -> recovered));
        pane.originProperty().set("Recovered \u2014 not saved");
        return true;
    }

    /** The project shown and where it is saved. */
    Document document() {
        Path file = model.fileProperty().get();
        return new Document(model.project(), file, pane.originProperty().get());
    }

    EditorModel model() {
        return model;
    }

    StudioPane pane() {
        return pane;
    }

    Stage stage() {
        return stage;
    }

    RecentFiles recentFiles() {
        return recent;
    }

    Recovery recovery() {
        return recovery;
    }

    /**
     * Opens the project in {@code file}, without asking about unsaved changes. When it cannot be
     * read, an error alert names the file and the place, and the current project stays.
     *
     * @return whether the file was opened
     */
    boolean open(Path file) {
        Project loaded;
        try {
            loaded = ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            showError("Cannot open the project", e.getMessage());
            return false;
        }
        Path absolute = file.toAbsolutePath().normalize();
        model.open(loaded, absolute);
        pane.diagram().fitToWindow();
        pane.originProperty().set(absolute.toString());
        recent.add(absolute);
        recovery.discard();
        return true;
    }

    /**
     * Saves the project to {@code file} (atomically) and from then on shows it as that file.
     *
     * @return whether it was saved
     */
    boolean saveAs(Path file) {
        Project project = model.project();
        Path absolute = file.toAbsolutePath().normalize();
        try {
            ProjectFiles.save(project, absolute);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            showError("Cannot save the project", file + ": " + reason);
            return false;
        }
        model.markSaved(absolute);
        pane.originProperty().set(absolute.toString());
        recent.add(absolute);
        recovery.discard();
        return true;
    }

    /**
     * Writes a PNG picture of the diagram to {@code file}.
     *
     * @return whether it was written
     */
    boolean exportPicture(Path file) {
        try {
            PngRenderer.render(model.project(), file, PICTURE_WIDTH, false);
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            showError("Cannot export the picture", file + ": " + reason);
            return false;
        }
    }

    /**
     * Writes the project to the recovery file if it has unsaved changes: what the timer does every
     * {@value #AUTOSAVE_SECONDS} seconds.
     *
     * @return whether it was written
     */
    boolean autosaveNow() {
        if (!model.isDirty()) {
            return false;
        }
        try {
            recovery.write(model.project());
            return true;
        } catch (IOException | RuntimeException e) {
            // The next tick tries again; the person's work is still in memory.
            java.util.logging.Logger.getLogger(StudioWindow.class.getName())
                    .warning("cannot write the recovery file: " + e.getMessage());
            return false;
        }
    }

    /**
     * Asks about unsaved changes, if there are any, before they would be dropped.
     *
     * @return whether to go on: the changes were saved, or the person chose not to save them
     */
    boolean confirmDiscard() {
        if (!model.isDirty()) {
            return true;
        }
        return switch (prompts.unsavedChanges(model.project().name())) {
            case SAVE -> saveInteractively();
            case DONT_SAVE -> true;
            case CANCEL -> false;
        };
    }

    // ---- File

    @Override
    public void newProject() {
        if (!confirmDiscard()) {
            return;
        }
        prompts.chooseNew(catalog).ifPresent(choice -> {
            if (choice.isPresent()) {
                showSample(choice.get());
                recovery.discard();
            } else {
                newEmpty();
            }
        });
    }

    /** Shows an empty, unsaved design, without asking about unsaved changes. */
    void newEmpty() {
        model.open(Project.empty("Untitled"), null);
        pane.diagram().fitToWindow();
        pane.originProperty().set("Not saved");
        recovery.discard();
    }

    @Override
    public void openSample(Sample sample) {
        if (confirmDiscard()) {
            showSample(sample);
            recovery.discard();
        }
    }

    private void showSample(Sample sample) {
        try {
            model.open(catalog.load(sample), null);
            pane.diagram().fitToWindow();
            pane.originProperty().set("Sample: " + sample.title());
        } catch (ProjectFileException e) {
            showError("Cannot open the sample", e.getMessage());
        }
    }

    @Override
    public void openRecent(Path file) {
        if (!confirmDiscard()) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            recent.remove(file);
            showError("Cannot open the project", file + ": the file no longer exists");
            return;
        }
        open(file);
    }

    @Override
    public void chooseAndOpen() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Open project", PROJECTS, JSON);
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    @Override
    public void save() {
        saveInteractively();
    }

    /** Saves to the project's file, or asks for one when it has none (new, or from a sample). */
    private boolean saveInteractively() {
        Path file = model.fileProperty().get();
        return file == null ? chooseAndSave() : saveAs(file);
    }

    @Override
    public void chooseAndSaveAs() {
        chooseAndSave();
    }

    private boolean chooseAndSave() {
        FileChooser chooser = chooser("Save project as", PROJECTS, JSON);
        chooser.setInitialFileName(fileNameFor(model.project()));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return false;
        }
        Path file = chosen.toPath();
        if (!file.getFileName().toString().endsWith(".json")) {
            file = file.resolveSibling(file.getFileName() + EXTENSION);
        }
        return saveAs(file);
    }

    @Override
    public void chooseAndExportPicture() {
        FileChooser chooser = chooser("Export picture", PNG);
        chooser.setInitialFileName(fileNameFor(model.project()).replace(EXTENSION, ".png"));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            Path file = chosen.toPath();
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                file = file.resolveSibling(file.getFileName() + ".png");
            }
            exportPicture(file);
        }
    }

    @Override
    public void chooseAndImportTemplate() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = chooser("Import an AWS SAM or CloudFormation template", TEMPLATES);
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            importTemplate(chosen.toPath());
        }
    }

    /**
     * Opens the design read from a SAM or CloudFormation template as a new, unsaved project (saving
     * asks for a file, so the template is never written over) and lists what was not modelled.
     */
    void importTemplate(Path template) {
        dev.stratus.importer.ImportResult result;
        try {
            result = new dev.stratus.importer.SamImporter().importFile(template);
        } catch (dev.stratus.importer.TemplateException e) {
            showError("Cannot import the template", e.getMessage());
            return;
        } catch (java.io.IOException e) {
            showError("Cannot import the template", template + ": " + e.getMessage());
            return;
        }
        model.open(result.project(), null);
        recovery.discard();
        pane.diagram().fitToWindow();
        pane.originProperty().set("Imported from " + template.getFileName());
        dev.stratus.app.export.ImportReport.show(stage, template.getFileName().toString(), result.report());
    }

    @Override
    public void exportProject() {
        dev.stratus.app.export.ExportWindow.open(
                stage, model.projectProperty(), java.util.List.of(dev.stratus.app.theme.Theme.stylesheet()));
    }

    @Override
    public void saveResults(ResultFiles.Format format) {
        RunReport report = pane.runner().report();
        if (report == null) {
            return;
        }
        FileChooser chooser = chooser(
                "Save results as " + format.title(),
                new FileChooser.ExtensionFilter(format.title() + " files", "*." + format.extension()));
        chooser.setInitialFileName(fileNameFor(model.project()).replace(EXTENSION, "-results." + format.extension()));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            saveResults(withExtension(chosen.toPath(), format.extension()), format);
        }
    }

    /**
     * Writes the latest results to {@code file} as {@code format}.
     *
     * @return whether they were written
     */
    boolean saveResults(Path file, ResultFiles.Format format) {
        RunReport report = pane.runner().report();
        if (report == null) {
            showError("Cannot save the results", "There are no results yet: run the simulation first (F5).");
            return false;
        }
        try {
            ResultFiles.write(report, format, file);
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            showError("Cannot save the results", file + ": " + reason);
            return false;
        }
    }

    @Override
    public void saveChart(javafx.scene.Node chart, String suggestedName) {
        FileChooser chooser = chooser("Save chart as PNG", PNG);
        chooser.setInitialFileName(fileNameFor(model.project()).replace(EXTENSION, "-" + suggestedName + ".png"));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            saveChart(chart, withExtension(chosen.toPath(), "png"));
        }
    }

    /**
     * Writes a PNG picture of {@code chart}, as it is shown, to {@code file}.
     *
     * @return whether it was written
     */
    boolean saveChart(javafx.scene.Node chart, Path file) {
        try {
            ResultFiles.writePicture(chart, file);
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            showError("Cannot save the chart", file + ": " + reason);
            return false;
        }
    }

    private static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith("." + extension)
                ? file
                : file.resolveSibling(name + "." + extension);
    }

    @Override
    public void quit() {
        if (!confirmDiscard()) {
            return;
        }
        closedCleanly();
        stage.close();
        Platform.exit();
    }

    private void closedCleanly() {
        autosave.stop();
        recovery.markCleanExit();
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(filters);
        Optional.ofNullable(model.fileProperty().get())
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
        if (stage.isShowing()) {
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
