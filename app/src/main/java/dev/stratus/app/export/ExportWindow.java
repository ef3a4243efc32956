package dev.stratus.app.export;

import dev.stratus.export.ExportTarget;
import dev.stratus.model.Layout;
import dev.stratus.model.Project;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Export Project window: an {@link ExportPane} owned by the studio, with real dialogs. */
public final class ExportWindow {

    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stratus-export");
        thread.setDaemon(true);
        return thread;
    });

    private ExportWindow() {}

    /**
     * Opens the window on the open design, owned by {@code owner}. The preview follows the design:
     * an edit in the studio exports it again.
     */
    public static Stage open(Window owner, ObservableValue<Project> project, Iterable<String> stylesheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.titleProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> "Export \u201c" + project.getValue().name() + "\u201d \u2014 Stratus", project));
        ExportPane pane = new ExportPane(project::getValue, dialogs(stage), BACKGROUND);
        // Moving nodes changes only the layout, which no export reads: only other edits export again.
        ChangeListener<Project> follow = (obs, old, now) -> {
            if (!old.withLayout(Layout.EMPTY).equals(now.withLayout(Layout.EMPTY))) {
                pane.refresh();
            }
        };
        project.addListener(follow);
        stage.setOnHidden(e -> project.removeListener(follow));
        Scene scene = new Scene(pane, 1000, 650);
        stylesheets.forEach(scene.getStylesheets()::add);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static ExportPane.Prompts dialogs(Stage stage) {
        return new ExportPane.Prompts() {
            @Override
            public Optional<Path> chooseFolder(ExportTarget target) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Export to " + target.displayName() + ": choose a folder");
                File chosen = chooser.showDialog(stage);
                return Optional.ofNullable(chosen).map(File::toPath);
            }

            @Override
            public boolean confirmOverwrite(Path folder) {
                ButtonType overwrite = new ButtonType("Write Over", ButtonBar.ButtonData.YES);
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", overwrite, ButtonType.CANCEL);
                alert.initOwner(stage);
                alert.setHeaderText("The folder is not empty");
                alert.setContentText(folder + " already holds files. Exported files replace those of the same"
                        + " name; other files stay.");
                return alert.showAndWait().orElse(ButtonType.CANCEL) == overwrite;
            }
        };
    }
}
