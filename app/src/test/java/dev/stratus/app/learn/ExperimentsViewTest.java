package dev.stratus.app.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.learn.Experiment;
import dev.stratus.learn.ExperimentResult;
import dev.stratus.learn.Numbers;
import dev.stratus.learn.RunFigures;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The experiments view, driven as a learner would: choose, run, read the columns, watch one. */
@ExtendWith(ApplicationExtension.class)
class ExperimentsViewTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    private ExperimentsView view;
    private final List<String> watched = new ArrayList<>();
    private final List<Project> watchedProjects = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Project project = ProjectFiles.load(SAMPLES.resolve("rest-api.stratus.json"));
        view = new ExperimentsView(() -> project, () -> SAMPLES, (label, design) -> {
            watched.add(label);
            watchedProjects.add(design);
        });
        view.setDurationSeconds(1200);
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void theKeepAliveExperimentShowsTwoColumnsOfFiguresAndASentenceWithThem(FxRobot robot) throws Exception {
        ComboBox<Experiment> choice = robot.lookup("#experiment-choice").queryComboBox();
        robot.interact(() -> choice.getSelectionModel().select(Experiment.KEEP_ALIVE));
        assertThat(text(robot, "experiment-question")).isEqualTo(Experiment.KEEP_ALIVE.question());

        robot.clickOn("#experiment-run");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> view.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        ExperimentResult result = view.resultProperty().get();
        HBox columns = robot.lookup("#experiment-columns").queryAs(HBox.class);
        assertThat(columns.getChildren()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            RunFigures f = result.outcomes().get(i).figures();
            assertThat(text(robot, "experiment-requests-" + i)).isEqualTo(Numbers.count(f.requests()));
            assertThat(text(robot, "experiment-cold-" + i))
                    .isEqualTo(Numbers.count(f.coldStarts()) + " (" + Numbers.percent(f.coldStartShare()) + ")");
            assertThat(text(robot, "experiment-p95-" + i)).isEqualTo(Numbers.ms(f.p95Ms()));
            assertThat(text(robot, "experiment-bill-" + i)).isEqualTo(Numbers.usd(f.monthlyUsd()));
        }
        RunFigures none = result.outcomes().get(0).figures();
        RunFigures kept = result.outcomes().get(1).figures();
        assertThat(none.coldStarts()).isEqualTo(none.invocations()).isGreaterThan(kept.coldStarts());
        assertThat(text(robot, "experiment-sentence"))
                .isEqualTo(result.sentence())
                .contains(Numbers.count(none.coldStarts()), Numbers.count(kept.coldStarts()), Numbers.ms(none.p95Ms()));

        robot.clickOn("#experiment-watch-1");
        assertThat(watched).containsExactly("keep-alive 10 min");
        assertThat(watchedProjects.get(0).architecture().nodesOf(dev.stratus.model.FunctionNode.class))
                .allMatch(f -> f.keepAlive().equals(KeepAlive.fixed(600)));
    }

    @Test
    void anExperimentThatCannotRunOnTheDesignSaysWhyInPlainWords(FxRobot robot) throws Exception {
        Project nightly = ProjectFiles.load(SAMPLES.resolve("nightly-report.stratus.json"));
        robot.interact(() -> {
            view = new ExperimentsView(() -> nightly, () -> SAMPLES, (label, design) -> {});
            robot.lookup("#experiment-run").query().getScene().setRoot(view);
            view.select(Experiment.TRAFFIC);
        });
        robot.clickOn("#experiment-run");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> text(robot, "experiment-message").contains("no workload"));
        assertThat(text(robot, "experiment-message"))
                .isEqualTo(Experiment.TRAFFIC.whyNot(nightly).orElseThrow());
        assertThat(robot.lookup("#experiment-sentence").queryAs(Label.class).getText())
                .isEmpty();
    }
}
