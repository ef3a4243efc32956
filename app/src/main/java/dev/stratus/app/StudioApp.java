package dev.stratus.app;

import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.ConfigFolder;
import dev.stratus.app.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The Stratus studio as a JavaFX application: a window titled {@code <project name> — Stratus}
 * (with an asterisk after the name while there are unsaved changes) with menus, a toolbar, the
 * palette, the canvas, the inspector, the problems and a status bar. Its first raw parameter, when given, is the project
 * file to open; without one it opens the default sample. Start it with {@link #launchStudio(Path)}.
 */
public final class StudioApp extends Application {

    /**
     * Starts the studio on {@code fileOrNull}, or on the default sample when it is {@code null}, and
     * returns when the last window closes. Call it at most once per process, from a thread that is
     * not the FX thread (JavaFX allows one launch per process).
     */
    public static void launchStudio(Path fileOrNull) {
        String[] args = fileOrNull == null ? new String[0] : new String[] {fileOrNull.toString()};
        // JavaFX warns that it runs from the class path (the shaded jar); a user can do nothing about
        // it, so it is silenced until the toolkit has started.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        Application.launch(StudioApp.class, args);
    }

    /** Held so the logger, and the level set on it, are not collected. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    @Override
    public void start(Stage stage) {
        JAVAFX_LOG.setLevel(null);
        List<String> raw = getParameters().getRaw();
        open(stage, raw.isEmpty() ? null : Path.of(raw.get(0)));
    }

    /** Sets up the studio on {@code stage} showing {@code fileOrNull}: what {@link #start} does. */
    static StudioWindow open(Stage stage, Path fileOrNull) {
        return open(stage, fileOrNull, ConfigFolder.resolve());
    }

    /**
     * Sets up the studio on {@code stage} showing {@code fileOrNull}, keeping recent files and the
     * recovery file in {@code configFolder}.
     */
    static StudioWindow open(Stage stage, Path fileOrNull, Path configFolder) {
        Theme.applyUserAgentStylesheet();
        StudioWindow window = new StudioWindow(stage, SampleCatalog.packaged(), configFolder);
        window.start(fileOrNull);
        return window;
    }
}
