package dev.stratus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.StudioPrompts.SaveChoice;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.SampleGallery;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio's files: save and reopen, unsaved changes, autosave, recent files, undo, pictures. */
@ExtendWith(ApplicationExtension.class)
class StudioFilesTest {

    private StudioWindow window;
    private Path config;
    private Stage stage;

    /** What the injected prompts were asked, and how they answer. */
    private final List<String> asked = new ArrayList<>();

    private SaveChoice saveAnswer = SaveChoice.CANCEL;
    private boolean restoreAnswer = true;
    private Optional<Optional<Sample>> newAnswer = Optional.empty();

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        config = Files.createTempDirectory("stratus-config");
        window = StudioApp.open(stage, null, config);
        window.setPrompts(prompts());
    }

    private StudioPrompts prompts() {
        return new StudioPrompts() {
            @Override
            public SaveChoice unsavedChanges(String projectName) {
                asked.add("unsaved " + projectName);
                return saveAnswer;
            }

            @Override
            public boolean restore(Project recovered) {
                asked.add("restore " + recovered.name());
                return restoreAnswer;
            }

            @Override
            public Optional<Optional<Sample>> chooseNew(SampleCatalog catalog) {
                asked.add("new");
                return newAnswer;
            }
        };
    }

    @Test
    void aSavedDesignReopensTheSame() throws Exception {
        Path file = temp.resolve("design.stratus.json");
        Project shown = onFx(() -> {
            renameFirstNode("Renamed before saving");
            return window.model().project();
        });

        assertThat(onFx(() -> window.saveAs(file))).isTrue();
        onFx(() -> {
            window.newEmpty();
            return null;
        });
        assertThat(onFx(() -> window.model().project())).isNotEqualTo(shown);

        assertThat(onFx(() -> window.open(file))).isTrue();

        assertThat(onFx(() -> window.model().project())).isEqualTo(shown);
        assertThat(onFx(() -> window.model().isDirty())).isFalse();
        assertThat(onFx(() -> window.pane().diagram().nodeViews().size()))
                .isEqualTo(shown.architecture().nodes().size());
    }

    @Test
    void anImportedTemplateOpensAsAnUnsavedDesignAndListsWhatIsNotModelled(FxRobot robot) throws Exception {
        Path template = Files.writeString(
                temp.resolve("template.yaml"),
                String.join(
                        "\n",
                        "Transform: AWS::Serverless-2016-10-31",
                        "Resources:",
                        "  Items:",
                        "    Type: AWS::Serverless::SimpleTable",
                        "  Logs:",
                        "    Type: AWS::Logs::LogGroup",
                        "  ListItems:",
                        "    Type: AWS::Serverless::Function",
                        "    Properties:",
                        "      Handler: com.example.List::handleRequest",
                        "      Runtime: java21",
                        "      Environment:",
                        "        Variables:",
                        "          TABLE_NAME: !Ref Items",
                        "      Events:",
                        "        Get:",
                        "          Type: HttpApi",
                        "          Properties: {Path: /items, Method: get}",
                        ""));
        onFx(() -> {
            window.importTemplate(template);
            return null;
        });
        Project imported = onFx(() -> window.model().project());
        assertThat(imported.architecture().nodes())
                .extracting(dev.stratus.model.Node::kind)
                .contains(
                        dev.stratus.model.NodeKind.FUNCTION,
                        dev.stratus.model.NodeKind.DATABASE,
                        dev.stratus.model.NodeKind.API_GATEWAY);
        assertThat(onFx(() -> window.model().fileProperty().get())).isNull();
        assertThat(onFx(() -> window.pane().diagram().nodeViews().size()))
                .isEqualTo(imported.architecture().nodes().size());
        javafx.scene.control.DialogPane report =
                robot.lookup("#import-report").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(((javafx.scene.control.TextArea) report.getContent()).getText())
                .contains("Logs");
        robot.interact(() -> report.getScene().getWindow().hide());
    }

    @Test
    void aBrokenTemplateShowsAnErrorAndKeepsTheDesignOpen(FxRobot robot) throws Exception {
        Project before = onFx(() -> window.model().project());
        Path template = Files.writeString(temp.resolve("broken.yaml"), "Resources:\n  Fn:\n\tType: x\n");
        onFx(() -> {
            window.importTemplate(template);
            return null;
        });
        javafx.scene.control.DialogPane error =
                robot.lookup("#error-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(error.getContentText()).startsWith(template + ":3:1:");
        assertThat(onFx(() -> window.model().project())).isEqualTo(before);
        robot.interact(() -> error.getScene().getWindow().hide());
    }

    @Test
    void theTitleShowsAnAsteriskAfterAnEditUntilTheDesignIsSaved() throws Exception {
        String name = onFx(() -> window.model().project().name());
        assertThat(onFx(() -> stage.getTitle())).isEqualTo(name + " \u2014 Stratus");

        onFx(() -> renameFirstNode("Edited"));

        assertThat(onFx(() -> stage.getTitle())).isEqualTo(name + "* \u2014 Stratus");
        assertThat(onFx(() -> window.pane().statusBar().dirtyText())).contains("Modified");

        assertThat(onFx(() -> window.saveAs(temp.resolve("saved.stratus.json"))))
                .isTrue();

        assertThat(onFx(() -> stage.getTitle())).isEqualTo(name + " \u2014 Stratus");
        assertThat(onFx(() -> window.pane().statusBar().dirtyText())).isEmpty();
    }

    @Test
    void newAsksAboutUnsavedChangesAndCancelKeepsTheDesign() throws Exception {
        Project edited = onFx(() -> {
            renameFirstNode("Keep me");
            return window.model().project();
        });
        saveAnswer = SaveChoice.CANCEL;
        newAnswer = Optional.of(Optional.empty());

        onFx(() -> {
            window.newProject();
            return null;
        });

        assertThat(asked).containsExactly("unsaved " + edited.name());
        assertThat(onFx(() -> window.model().project())).isEqualTo(edited);
        assertThat(onFx(() -> window.model().isDirty())).isTrue();
    }

    @Test
    void newWithDontSaveStartsTheChosenDesign() throws Exception {
        String name = onFx(() -> window.model().project().name());
        onFx(() -> renameFirstNode("Drop me"));
        saveAnswer = SaveChoice.DONT_SAVE;
        newAnswer = Optional.of(Optional.empty());

        robotPress(KeyCode.CONTROL, KeyCode.N);

        assertThat(asked).containsExactly("unsaved " + name, "new");
        assertThat(onFx(() -> window.model().project().architecture().nodes())).isEmpty();
        assertThat(onFx(() -> stage.getTitle())).isEqualTo("Untitled \u2014 Stratus");
    }

    @Test
    void autosaveWritesARecoveryFileThatANewWindowOffersToRestore() throws Exception {
        Project edited = onFx(() -> {
            renameFirstNode("Unsaved work");
            return window.model().project();
        });

        assertThat(onFx(() -> window.autosaveNow())).isTrue();
        Path recoveryFile = window.recovery().file();
        assertThat(recoveryFile).exists();
        assertThat(ProjectFiles.load(recoveryFile)).isEqualTo(edited);

        // As if the studio had crashed: a new window on the same config folder, without a clean exit.
        StudioWindow next = onFx(() -> {
            StudioWindow w = new StudioWindow(stage, SampleCatalog.packaged(), config);
            w.setPrompts(prompts());
            w.start(null);
            return w;
        });

        assertThat(asked).containsExactly("restore " + edited.name());
        assertThat(onFx(() -> next.model().project())).isEqualTo(edited);
        assertThat(onFx(() -> next.model().isDirty())).isTrue();
        assertThat(onFx(() -> stage.getTitle())).endsWith("* \u2014 Stratus");

        assertThat(onFx(() -> next.saveAs(temp.resolve("rescued.stratus.json"))))
                .isTrue();
        assertThat(recoveryFile).doesNotExist();
    }

    @Test
    void autosaveWritesNothingWithoutUnsavedChanges() throws Exception {
        assertThat(onFx(() -> window.autosaveNow())).isFalse();
        assertThat(window.recovery().file()).doesNotExist();
    }

    @Test
    void recentFilesListTheLastOpenedFirst() throws Exception {
        Project project = onFx(() -> window.model().project());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path file = temp.resolve("design-" + i + ".stratus.json");
            ProjectFiles.save(project.withName("Design " + i), file);
            files.add(file.toAbsolutePath().normalize());
        }
        for (Path file : files) {
            assertThat(onFx(() -> window.open(file))).isTrue();
        }

        List<Path> recent = onFx(() -> List.copyOf(window.recentFiles().paths()));
        assertThat(recent).hasSize(8).first().isEqualTo(files.get(9));
        assertThat(recent).doesNotContain(files.get(0), files.get(1));

        List<String> menu = onFx(() -> window.pane().menuBar().getMenus().get(0).getItems().stream()
                .filter(i -> "menu-open-recent".equals(i.getId()))
                .flatMap(i -> ((javafx.scene.control.Menu) i).getItems().stream())
                .map(MenuItem::getText)
                .toList());
        assertThat(menu).hasSize(8).first().asString().startsWith("design-9.stratus.json");

        // The list outlives the window.
        assertThat(onFx(() -> List.copyOf(new dev.stratus.app.shell.RecentFiles(config).paths())))
                .isEqualTo(recent);
    }

    @Test
    void undoAndRedoMenuItemsFollowTheHistoryAndRun() throws Exception {
        MenuItem undo = menuItem("menu-undo");
        MenuItem redo = menuItem("menu-redo");
        assertThat(onFx(undo::isDisable)).isTrue();
        assertThat(onFx(redo::isDisable)).isTrue();
        Project before = onFx(() -> window.model().project());

        onFx(() -> renameFirstNode("Undo me"));

        assertThat(onFx(undo::isDisable)).isFalse();
        assertThat(onFx(undo::getText)).isEqualTo("Undo Rename");

        robotPress(KeyCode.CONTROL, KeyCode.Z);

        assertThat(onFx(() -> window.model().project())).isEqualTo(before);
        assertThat(onFx(undo::isDisable)).isTrue();
        assertThat(onFx(redo::isDisable)).isFalse();
        assertThat(onFx(redo::getText)).isEqualTo("Redo Rename");

        onFx(() -> {
            redo.fire();
            return null;
        });

        assertThat(onFx(() -> window.model().project())).isNotEqualTo(before);
        assertThat(onFx(() -> window.model().canRedoProperty().get())).isFalse();
    }

    @Test
    void exportPictureWritesAPng() throws Exception {
        Path picture = temp.resolve("diagram.png");

        assertThat(onFx(() -> window.exportPicture(picture))).isTrue();

        BufferedImage image = ImageIO.read(picture.toFile());
        assertThat(image.getWidth()).isEqualTo(StudioWindow.PICTURE_WIDTH);
        assertThat(image.getHeight()).isGreaterThan(100);
    }

    @Test
    void theNewGalleryListsEverySampleWithAThumbnail() throws Exception {
        SampleCatalog catalog = SampleCatalog.packaged();

        List<SampleGallery.Card> cards = onFx(() -> new SampleGallery(catalog, chosen -> {}).cards());

        assertThat(cards).hasSize(catalog.samples().size() + 1);
        assertThat(cards.get(0).sample()).isEmpty();
        for (int i = 0; i < catalog.samples().size(); i++) {
            SampleGallery.Card card = cards.get(i + 1);
            Sample sample = catalog.samples().get(i);
            assertThat(card.sample()).hasValue(sample);
            assertThat(card.picture().getImage())
                    .as("thumbnail of %s", sample.file())
                    .isNotNull();
            assertThat(card.picture().getImage().getWidth()).isEqualTo(SampleGallery.THUMB_WIDTH);
            assertThat(card.view().lookupAll(".gallery-title").stream()
                            .map(n -> ((javafx.scene.control.Label) n).getText())
                            .toList())
                    .containsExactly(sample.title());
        }
    }

    @Test
    void theNewGalleryCanStartFromASample() throws Exception {
        Sample other = SampleCatalog.packaged().samples().stream()
                .filter(s -> !s.isDefault())
                .findFirst()
                .orElseThrow();
        newAnswer = Optional.of(Optional.of(other));

        onFx(() -> {
            window.newProject();
            return null;
        });

        assertThat(onFx(() -> window.pane().statusBar().originText())).isEqualTo("Sample: " + other.title());
        assertThat(onFx(() -> window.model().fileProperty().get())).isNull();
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksAndCancelKeepsItOpen() throws Exception {
        onFx(() -> renameFirstNode("Still here"));
        saveAnswer = SaveChoice.CANCEL;

        javafx.stage.WindowEvent request =
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
        onFx(() -> {
            stage.getOnCloseRequest().handle(request);
            return null;
        });

        assertThat(asked).hasSize(1).first().asString().startsWith("unsaved ");
        assertThat(request.isConsumed()).as("the close was cancelled").isTrue();
        assertThat(onFx(() -> stage.isShowing())).isTrue();
    }

    @Test
    void theDeleteKeyInATextFieldEditsTheTextNotTheDesign() throws Exception {
        String id = onFx(() -> {
            String first =
                    window.model().project().architecture().nodes().get(0).id();
            window.model().selection().add(first);
            return first;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The inspector shows the selected node's fields; its name is an editable text field.
        WaitForAsyncUtils.waitFor(
                10,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> onFx(() ->
                        window.pane().inspector().lookup("#inspector-name") instanceof javafx.scene.control.TextField));
        javafx.scene.control.TextField field = onFx(
                () -> (javafx.scene.control.TextField) window.pane().inspector().lookup("#inspector-name"));
        String before = onFx(() -> field.getText());
        FxRobot robot = new FxRobot();
        robot.clickOn(field);
        robot.push(KeyCode.HOME);
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> window.model().project().architecture().node(id))).isPresent();
        String after = onFx(() -> field.getText());
        assertThat(after).isEqualTo(before.substring(1));
    }

    @Test
    void theViewMenuSwitchesBetweenLightAndDarkThemes() throws Exception {
        javafx.scene.control.CheckMenuItem dark = (javafx.scene.control.CheckMenuItem) menuItem("menu-dark-theme");
        try {
            onFx(() -> {
                dark.setSelected(true);
                dark.fire();
                return null;
            });
            assertThat(onFx(() -> javafx.application.Application.getUserAgentStylesheet()))
                    .endsWith("primer-dark.css");
            assertThat(onFx(() -> window.pane().getStyleClass().contains("dark")))
                    .isTrue();
        } finally {
            onFx(() -> {
                window.pane().editActions().useDarkTheme(false);
                return null;
            });
        }
        assertThat(onFx(() -> javafx.application.Application.getUserAgentStylesheet()))
                .endsWith("primer-light.css");
    }

    private MenuItem menuItem(String id) throws Exception {
        return onFx(() -> window.pane().menuBar().getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow());
    }

    private Void renameFirstNode(String name) {
        String id = window.model().project().architecture().nodes().get(0).id();
        window.model().apply(Edits.rename(id, name));
        return null;
    }

    private void robotPress(KeyCode... keys) {
        FxRobot robot = new FxRobot();
        robot.clickOn(window.pane().diagram());
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
