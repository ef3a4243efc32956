package dev.stratus.app.export;

import dev.stratus.app.theme.Theme;
import dev.stratus.export.ExportTarget;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Draws the Export Project window into a PNG for the README: {@code ExportPanePicture SAMPLE TARGET
 * OUT.png}. Run it on the test class path under a display (Xvfb) or headless Monocle.
 */
public final class ExportPanePicture {

    private ExportPanePicture() {}

    public static void main(String[] args) throws Exception {
        Project project = ProjectFiles.load(Path.of(args[0]));
        ExportTarget target = ExportTarget.fromId(args[1]).orElseThrow();
        Path out = Path.of(args[2]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ExportPane[] pane = new ExportPane[1];
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            Theme.applyUserAgentStylesheet();
            pane[0] = new ExportPane(
                    () -> project,
                    new ExportPane.Prompts() {
                        @Override
                        public Optional<Path> chooseFolder(ExportTarget t) {
                            return Optional.empty();
                        }

                        @Override
                        public boolean confirmOverwrite(Path folder) {
                            return false;
                        }
                    },
                    Executors.newSingleThreadExecutor());
            Scene scene = new Scene(pane[0], 1100, 640);
            scene.getStylesheets().add(Theme.stylesheet());
            stage[0] = new Stage();
            stage[0].setTitle("Export \u201c" + project.name() + "\u201d \u2014 Stratus");
            stage[0].setScene(scene);
            stage[0].show();
            pane[0].setTarget(target);
        });
        for (int i = 0; i < 200; i++) {
            Thread.sleep(100);
            CountDownLatch checked = new CountDownLatch(1);
            boolean[] ready = new boolean[1];
            Platform.runLater(() -> {
                ready[0] = pane[0].exportProperty().get() != null
                        && pane[0].exportProperty().get().target() == target;
                checked.countDown();
            });
            checked.await(5, TimeUnit.SECONDS);
            if (ready[0]) {
                break;
            }
        }
        Thread.sleep(500);
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage[0].getScene().snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            drawn.countDown();
        });
        drawn.await(10, TimeUnit.SECONDS);
        Platform.exit();
        System.exit(0);
    }
}
