package dev.stratus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.canvas.NodeView;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio window, driven as a person would under headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class StudioShellTest {

    private final SampleCatalog catalog = SampleCatalog.packaged();
    private StudioWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        window = StudioApp.open(stage, null, Files.createTempDirectory("stratus-config"));
    }

    @Test
    void showsEveryNodeOfTheDefaultSample(FxRobot robot) throws Exception {
        Project sample = catalog.load(catalog.defaultSample().orElseThrow());

        assertThat(window.stage().getTitle()).isEqualTo(sample.name() + " \u2014 Stratus");
        assertEveryNodeIsShown(robot, sample);
    }

    @Test
    void fileExportProjectOpensAPreviewOfTheOpenDesign(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Export Project\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        Stage export = (Stage) Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle().startsWith("Export"))
                .findFirst()
                .orElseThrow();
        assertThat(export.getTitle()).isEqualTo("Export \u201cREST API\u201d \u2014 Stratus");
        javafx.scene.control.ListView<?> files =
                robot.from(export.getScene().getRoot()).lookup("#export-files").queryListView();
        WaitForAsyncUtils.waitFor(
                20,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> !files.getItems().isEmpty());
        assertThat(files.getItems()).map(Object::toString).contains("template.yaml", "README.md");

        // The preview follows the design: a renamed project is exported again under its new name.
        robot.interact(() -> window.model().open(window.model().project().withName("Renamed API"), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(export.getTitle()).isEqualTo("Export \u201cRenamed API\u201d \u2014 Stratus");
        javafx.scene.control.TextArea content = robot.from(export.getScene().getRoot())
                .lookup("#export-content")
                .queryAs(javafx.scene.control.TextArea.class);
        WaitForAsyncUtils.waitFor(
                20,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> content.getText().contains("name: Renamed API"));
        robot.interact(export::close);
    }

    @Test
    void openSampleMenuShowsTheChosenSample(FxRobot robot) throws Exception {
        Sample other = catalog.samples().stream()
                .filter(s -> !s.isDefault())
                .findFirst()
                .orElseThrow();
        Project expected = catalog.load(other);

        robot.clickOn("File").clickOn("Open Sample");
        // Across to the submenu first, as a person would: a diagonal path passes over the next item
        // of the File menu (Open Recent), which closes the submenu.
        javafx.geometry.Point2D target = robot.point(other.title()).query();
        javafx.geometry.Point2D here = robot.point("Open Sample").query();
        robot.moveTo(new javafx.geometry.Point2D(target.getX(), here.getY()));
        robot.clickOn(other.title());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.stage().getTitle()).isEqualTo(expected.name() + " \u2014 Stratus");
        assertEveryNodeIsShown(robot, expected);
        assertThat(window.pane().statusBar().originText()).isEqualTo("Sample: " + other.title());
    }

    @Test
    void aBrokenFileShowsAnErrorNamingTheFileAndLineAndKeepsTheProjectOpen(FxRobot robot) throws Exception {
        Project before = window.document().project();
        String title = window.stage().getTitle();
        Path broken = temp.resolve("broken.stratus.json");
        Files.writeString(broken, "{\n  \"format\": \"stratus-project/1\",\n  \"name\": \"Broken\",,\n}\n");

        boolean opened = onFxThread(() -> window.open(broken));

        assertThat(opened).isFalse();
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getScene().getWindow().isShowing()).isTrue();
        assertThat(dialog.getContentText()).contains(broken.toString() + ":3:");
        assertThat(window.stage().getTitle()).isEqualTo(title);
        assertThat(window.document().project()).isEqualTo(before);
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-dialog").tryQuery()).isEmpty();
        assertEveryNodeIsShown(robot, before);
    }

    @Test
    void saveAsWritesAFileThatReadsBackEqual(FxRobot robot) throws Exception {
        Path copy = temp.resolve("copy.stratus.json");

        boolean saved = onFxThread(() -> window.saveAs(copy));

        assertThat(saved).isTrue();
        assertThat(ProjectFiles.load(copy)).isEqualTo(window.document().project());
        assertThat(window.document().file()).isEqualTo(copy.toAbsolutePath().normalize());
        assertThat(window.pane().statusBar().originText())
                .isEqualTo(copy.toAbsolutePath().toString());
    }

    @Test
    void openingAProjectFileTitlesTheWindowWithItsName(FxRobot robot) throws Exception {
        Project renamed = window.document().project().withName("Renamed design");
        Path file = temp.resolve("renamed.stratus.json");
        ProjectFiles.save(renamed, file);

        boolean opened = onFxThread(() -> window.open(file));

        assertThat(opened).isTrue();
        assertThat(window.stage().getTitle()).isEqualTo("Renamed design \u2014 Stratus");
        assertThat(window.pane().statusBar().countsText())
                .isEqualTo(renamed.architecture().nodes().size() + " nodes · "
                        + renamed.architecture().edges().size() + " edges");
        assertEveryNodeIsShown(robot, renamed);
    }

    /** What a person sees of one node: read on the FX thread, which owns the scene graph. */
    private record Shown(boolean visible, String name, boolean insideWindow) {}

    private void assertEveryNodeIsShown(FxRobot robot, Project project) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Shown> shown = onFxThread(() -> {
            Window stage = window.stage();
            Bounds screen = new BoundingBox(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            return robot.lookup(".node-view").queryAllAs(NodeView.class).stream()
                    .collect(Collectors.toMap(
                            NodeView::getId,
                            view -> new Shown(
                                    view.isVisible() && view.nameLabel().isVisible(),
                                    view.nameLabel().getText(),
                                    screen.contains(view.localToScreen(view.getBoundsInLocal())))));
        });
        assertThat(shown).hasSameSizeAs(project.architecture().nodes());
        for (Node node : project.architecture().nodes()) {
            Shown view = shown.get(node.id());
            assertThat(view).as("the view of %s", node.id()).isNotNull();
            assertThat(view.visible()).as("%s is visible", node.id()).isTrue();
            assertThat(view.name().replaceAll("\\s", ""))
                    .as("the name shown for %s", node.id())
                    .isEqualTo(NodeView.displayName(node).replaceAll("\\s", ""));
            assertThat(view.insideWindow())
                    .as("%s lies inside the window", node.id())
                    .isTrue();
        }
    }

    private static <T> T onFxThread(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
