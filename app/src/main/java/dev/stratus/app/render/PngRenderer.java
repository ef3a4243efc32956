package dev.stratus.app.render;

import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.results.ResultsDock;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import dev.stratus.run.RunReport;
import dev.stratus.run.WatchRun;
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
        render(project, out, width, wholeStudio ? StudioPicture.PLAIN : null);
    }

    /**
     * What a picture of the whole studio shows besides the design.
     *
     * @param report a run to show in the results panel and on the canvas, or {@code null}
     * @param page the results tab to show, or {@code null} for the first
     * @param dark whether to draw it in the dark theme
     * @param watched a recorded window to show in watch mode, or {@code null}
     * @param watchAt with {@code watched}: the moment of the playback shown, µs of simulated time
     */
    public record StudioPicture(
            RunReport report, ResultsDock.Page page, boolean dark, WatchRun.Watched watched, long watchAt) {
        /** The studio with no results, in the light theme. */
        public static final StudioPicture PLAIN = new StudioPicture(null, null, false);

        /** The studio with {@code report}'s results (or none) and no playback. */
        public StudioPicture(RunReport report, ResultsDock.Page page, boolean dark) {
            this(report, page, dark, null, 0);
        }
    }

    /**
     * Writes a PNG picture of {@code project} to {@code out}, replacing it atomically: the diagram
     * alone when {@code studio} is {@code null}, else the whole studio window as {@code studio} says.
     *
     * @see #render(Project, Path, int, boolean)
     */
    public static void render(Project project, Path out, int width, StudioPicture studio) throws IOException {
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw new IllegalArgumentException(
                    "the width must be between " + MIN_WIDTH + " and " + MAX_WIDTH + " pixels, not " + width);
        }
        FxRuntime.ensureRunning();
        WritableImage image = FxRuntime.call(
                () -> studio != null ? studio(project, width, studio) : diagram(project, width), TIMEOUT);
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

    private static WritableImage studio(Project project, int width, StudioPicture picture) {
        if (javafx.application.Application.getUserAgentStylesheet() == null) {
            Theme.applyUserAgentStylesheet();
        }
        boolean wasDark = Theme.isDark();
        if (picture.dark() != wasDark) {
            Theme.apply(picture.dark());
        }
        try {
            StudioPane pane = StudioPane.forPicture(new EditorModel(project));
            if (picture.dark()) {
                pane.getStyleClass().add(Theme.DARK_CLASS);
            }
            pane.originProperty().set(project.name());
            Scene scene = new Scene(pane, width, Math.round(width * STUDIO_ASPECT));
            if (picture.report() != null) {
                pane.runner().show(picture.report(), project);
                ResultsDock.Page page = picture.page() == null ? ResultsDock.Page.TRIGGERS : picture.page();
                pane.resultTabs().getSelectionModel().select(pane.results().tab(page));
            }
            if (picture.watched() != null) {
                pane.diagram().fitToWindow();
                pane.watch().showRecorded(project, "", picture.watched());
                pane.watch().playingProperty().set(false);
                pane.watch().seek(picture.watchAt());
                snapshot(scene);
                pane.diagram().fitToWindow();
                pane.watch().seek(picture.watchAt());
            }
            // Charts lay themselves out over a pass or two.
            snapshot(scene);
            return snapshot(scene);
        } finally {
            if (picture.dark() != wasDark) {
                Theme.apply(wasDark);
            }
        }
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
