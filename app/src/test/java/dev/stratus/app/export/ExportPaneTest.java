package dev.stratus.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.export.ExportTarget;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export Project: preview the files of each cloud and write them, as a person would. */
@ExtendWith(ApplicationExtension.class)
class ExportPaneTest {

    @TempDir
    Path temp;

    private ExportPane pane;
    private Path folderAnswer;
    private boolean overwriteAnswer;
    private final List<String> asked = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Project project = ProjectFiles.load(Path.of("..", "samples", "rest-api.stratus.json"));
        pane = new ExportPane(
                () -> project,
                new ExportPane.Prompts() {
                    @Override
                    public Optional<Path> chooseFolder(ExportTarget target) {
                        asked.add("folder for " + target.id());
                        return Optional.ofNullable(folderAnswer);
                    }

                    @Override
                    public boolean confirmOverwrite(Path folder) {
                        asked.add("overwrite " + folder.getFileName());
                        return overwriteAnswer;
                    }
                },
                Executors.newSingleThreadExecutor());
        stage.setScene(new Scene(pane, 1000, 650));
        stage.show();
    }

    private void awaitExport() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> pane.exportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSamPreviewOpensOnTheTemplate(FxRobot robot) throws Exception {
        awaitExport();
        ListView<String> files = robot.lookup("#export-files").queryListView();
        TextArea content = robot.lookup("#export-content").queryAs(TextArea.class);
        assertThat(files.getItems()).contains("template.yaml", "pom.xml", "README.md");
        assertThat(files.getSelectionModel().getSelectedItem()).isEqualTo("template.yaml");
        assertThat(content.getText()).contains("AWS::Serverless::Function");
        robot.clickOn(robot.lookup(".list-cell")
                .match(c -> "README.md".equals(((javafx.scene.control.ListCell<?>) c).getItem()))
                .queryAs(javafx.scene.control.ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(content.getText()).contains("sam deploy");
    }

    @Test
    void choosingAnotherCloudShowsItsFiles(FxRobot robot) throws Exception {
        awaitExport();
        ComboBox<ExportTarget> target = robot.lookup("#export-target").queryComboBox();
        robot.interact(() -> target.setValue(ExportTarget.AZURE));
        awaitExport();
        ListView<String> files = robot.lookup("#export-files").queryListView();
        assertThat(pane.exportProperty().get().target()).isEqualTo(ExportTarget.AZURE);
        assertThat(files.getItems()).contains("host.json", "local.settings.json", "pom.xml");
        assertThat(files.getSelectionModel().getSelectedItem()).isEqualTo("host.json");
    }

    @Test
    void writingAsksForAFolderAndWritesEveryFile(FxRobot robot) throws Exception {
        awaitExport();
        folderAnswer = temp.resolve("out");
        robot.clickOn("#export-write");
        Label status = robot.lookup("#export-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Wrote"));
        assertThat(asked).containsExactly("folder for sam");
        for (String path : pane.exportProperty().get().files().paths()) {
            assertThat(folderAnswer.resolve(path)).exists();
        }
    }

    @Test
    void aFolderWithFilesIsWrittenOnlyAfterConfirmation(FxRobot robot) throws Exception {
        awaitExport();
        folderAnswer = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(folderAnswer.resolve("mine.txt"), "keep me");
        overwriteAnswer = false;
        robot.clickOn("#export-write");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly("folder for sam", "overwrite busy");
        assertThat(folderAnswer.resolve("template.yaml")).doesNotExist();

        overwriteAnswer = true;
        robot.clickOn("#export-write");
        Label status = robot.lookup("#export-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Wrote"));
        assertThat(folderAnswer.resolve("template.yaml")).exists();
        assertThat(Files.readString(folderAnswer.resolve("mine.txt"))).isEqualTo("keep me");
        Button write = robot.lookup("#export-write").queryButton();
        assertThat(write.isDisabled()).isFalse();
    }
}
