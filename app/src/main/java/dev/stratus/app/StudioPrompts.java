package dev.stratus.app;

import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.SampleGallery;
import dev.stratus.model.Project;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;

/**
 * The questions the studio window asks a person. The window takes them as an object so that tests
 * can answer without a real dialog; {@link #dialogs} asks with modal dialogs.
 */
interface StudioPrompts {

    /** The answers to "Save the changes?". */
    enum SaveChoice {
        SAVE,
        DONT_SAVE,
        CANCEL
    }

    /** Asks whether to save the unsaved changes to {@code projectName} before they are dropped. */
    SaveChoice unsavedChanges(String projectName);

    /** Asks whether to restore {@code recovered}, a design left unsaved when the studio last stopped. */
    boolean restore(Project recovered);

    /**
     * Asks what File → New starts from: empty when the person cancels, else the chosen sample, or
     * an empty inner value for an empty design.
     */
    Optional<Optional<Sample>> chooseNew(SampleCatalog catalog);

    /** Modal dialogs owned by {@code stage}. */
    static StudioPrompts dialogs(Stage stage) {
        return new StudioPrompts() {
            @Override
            public SaveChoice unsavedChanges(String projectName) {
                ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
                ButtonType dontSave = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, dontSave, ButtonType.CANCEL);
                own(alert, stage);
                alert.setHeaderText("Save the changes to \u201c" + projectName + "\u201d?");
                alert.setContentText("Your changes are lost if you don't save them.");
                alert.getDialogPane().setId("unsaved-dialog");
                ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
                return answer == save ? SaveChoice.SAVE : answer == dontSave ? SaveChoice.DONT_SAVE : SaveChoice.CANCEL;
            }

            @Override
            public boolean restore(Project recovered) {
                ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
                ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", restore, discard);
                own(alert, stage);
                alert.setHeaderText("Restore unsaved work?");
                alert.setContentText("Stratus did not close cleanly last time. The design \u201c"
                        + recovered.name() + "\u201d ("
                        + recovered.architecture().nodes().size()
                        + " nodes) had unsaved changes.");
                alert.getDialogPane().setId("restore-dialog");
                return alert.showAndWait().orElse(discard) == restore;
            }

            // Outer: created or cancelled; inner: the sample chosen, or empty for an empty design.
            @Override
            @SuppressWarnings("OptionalMapToOptional")
            public Optional<Optional<Sample>> chooseNew(SampleCatalog catalog) {
                Dialog<ButtonType> dialog = new Dialog<>();
                own(dialog, stage);
                dialog.setTitle("New design");
                dialog.setHeaderText("Start from an empty canvas or from a sample");
                SampleGallery gallery = new SampleGallery(catalog, chosen -> {
                    dialog.setResult(ButtonType.OK);
                    dialog.close();
                });
                ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
                dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
                dialog.getDialogPane().setContent(gallery);
                dialog.getDialogPane().setId("new-dialog");
                dialog.setResizable(true);
                Optional<ButtonType> answer = dialog.showAndWait();
                return answer.filter(b -> b == create || b == ButtonType.OK).map(b -> gallery.selection());
            }
        };
    }

    private static void own(Dialog<?> dialog, Stage stage) {
        if (stage.getScene() != null && stage.isShowing()) {
            dialog.initOwner(stage);
        }
        dialog.setTitle("Stratus");
    }
}
