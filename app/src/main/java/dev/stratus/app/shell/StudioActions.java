package dev.stratus.app.shell;

import dev.stratus.app.samples.Sample;
import java.nio.file.Path;

/**
 * What the studio's File menu, toolbar and keys ask of whoever owns the window. The shell only
 * builds the controls; the owner decides how to choose files, ask questions and report errors. Every
 * method does nothing by default, so a shell drawn into a picture can use {@link #NONE}. The Edit
 * and View menus act through {@link EditActions}.
 */
public interface StudioActions {

    /** Does nothing: for a shell drawn into a picture, where no one clicks. */
    StudioActions NONE = new StudioActions() {};

    /** File → New…: start an empty design or one from a sample. */
    default void newProject() {}

    /** File → Open…: ask for a project file and open it. */
    default void chooseAndOpen() {}

    /** File → Open Sample ▸ {@code sample}. */
    default void openSample(Sample sample) {}

    /** File → Open Recent ▸ {@code file}. */
    default void openRecent(Path file) {}

    /** File → Save: to the project's file, or Save As when it has none. */
    default void save() {}

    /** File → Save As…: ask for a file and save the project there. */
    default void chooseAndSaveAs() {}

    /** File → Export Picture…: ask for a PNG file and draw the diagram into it. */
    default void chooseAndExportPicture() {}

    /** File → Import SAM Template…: read an AWS SAM or CloudFormation template into a new design. */
    default void chooseAndImportTemplate() {}

    /** File → Export Project…: preview the deployable project for a cloud and write it to a folder. */
    default void exportProject() {}

    /** Simulate → Save Results as JSON… or CSV…: ask for a file and write the latest results there. */
    default void saveResults(dev.stratus.app.results.ResultFiles.Format format) {}

    /** A chart's Save PNG…: ask for a file and draw {@code chart} into it, named {@code suggestedName}.png. */
    default void saveChart(javafx.scene.Node chart, String suggestedName) {}

    /** File → Quit. */
    default void quit() {}
}
