package dev.stratus.app.render;

import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * Draws a project into a PNG file without a window. It works with no display: when JavaFX is not
 * running yet it is started on headless Monocle with software rendering. When this class started
 * the toolkit it leaves it running, so the caller ends the process (the command line exits) or calls
 * {@code Platform.exit()} when it has drawn everything.
 */
public final class PngRenderer {

    /** The longest a picture may take before {@link #render} gives up with an error. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Smallest and largest picture widths, pixels. */
    public static final int MIN_WIDTH = 64;

    public static final int MAX_WIDTH = 8192;

    /** The studio picture is this much as high as it is wide (1280 x 800). */
    public static final double STUDIO_ASPECT = 0.625;

    /** A diagram picture is at most this many times as high as it is wide. */
    static final double MAX_DIAGRAM_ASPECT = 3;

    private PngRenderer() {}

    /**
     * Writes a PNG picture of {@code project} to {@code out}, replacing it atomically.
     *
     * @param width the picture's width, pixels, {@value #MIN_WIDTH} to {@value #MAX_WIDTH}
     * @param wholeStudio {@code false}: the diagram alone on white, fitted to its content, as high
     *     as its shape needs; {@code true}: the whole studio window (menus, canvas, status bar),
     *     {@code width} x {@code 0.625 * width}
     * @throws IOException when JavaFX cannot start, the drawing fails or takes longer than {@link
     *     #TIMEOUT}, or the file cannot be written
     */
    public static void render(Project project, Path out, int width, boolean wholeStudio) throws IOException {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException(
                    "the width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + " pixels, not " + width);
        }
        FxRuntime.ensureRunning();
        WritableImage image =
                FxRuntime.call(() -> wholeStudio ? studio(project, width) : diagram(project, width), TIMEOUT);
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        write(picture, out);
    }

    /**
     * Draws {@code project}'s diagram alone on white, fitted to its content, {@code width} pixels
     * wide: what {@link #render} writes without the studio. Call it on the FX thread.
     */
    public static WritableImage diagramImage(Project project, int width) {
        return diagram(project, width);
    }

    /**
     * Draws {@code project}'s diagram into an image exactly {@code width} x {@code height} pixels,
     * fitted and centred: a thumbnail. Call it on the FX thread.
     */
    public static WritableImage diagramImage(Project project, int width, int height) {
        DiagramView view = new DiagramView();
        view.getStyleClass().add("picture");
        view.setProject(project);
        Scene scene = new Scene(view, width, height, Color.WHITE);
        view.fit(1);
        return snapshot(scene);
    }

    private static WritableImage diagram(Project project, int width) {
        if (javafx.application.Application.getUserAgentStylesheet() == null) {
            Theme.applyUserAgentStylesheet();
        }
        DiagramView view = new DiagramView();
        view.getStyleClass().add("picture");
        view.setProject(project);
        Bounds content = view.contentBounds();
        int height = content.getWidth() <= 0
                ? (int) Math.round(width * STUDIO_ASPECT)
                : (int) Math.round(
                        Math.min(width * MAX_DIAGRAM_ASPECT, width * content.getHeight() / content.getWidth()));
        Scene scene = new Scene(view, width, Math.max(1, height), Color.WHITE);
        view.fit(DiagramView.MAX_ZOOM);
        return snapshot(scene);
    }

    private static WritableImage studio(Project project, int width) {
        if (javafx.application.Application.getUserAgentStylesheet() == null) {
            Theme.applyUserAgentStylesheet();
        }
        StudioPane pane = StudioPane.forPicture(new EditorModel(project));
        pane.originProperty().set(project.name());
        Scene scene = new Scene(pane, width, Math.round(width * STUDIO_ASPECT));
        return snapshot(scene);
    }

    private static WritableImage snapshot(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene.snapshot(null);
    }

    private static void write(BufferedImage picture, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        ProjectFiles.writeAtomically(out, stream -> {
            if (!ImageIO.write(picture, "png", stream)) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }
}
