package dev.stratus.app.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.learn.Concept;
import dev.stratus.learn.Words;
import dev.stratus.model.Provider;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Learn panel: each concept in the provider's words, and Show me asking the playback. */
@ExtendWith(ApplicationExtension.class)
class LearnPanelTest {

    private static final String NOT_HERE =
            "No request is throttled in this design: set a function's reserved concurrency to 2 and add a spike.";

    private LearnPanel panel;
    private final List<Concept> asked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        panel = new LearnPanel(concept -> {
            asked.add(concept);
            return concept == Concept.THROTTLING ? NOT_HERE : null;
        });
        stage.setScene(new Scene(panel, 520, 700));
        stage.show();
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class);
    }

    @Test
    void showMeCallsTheCallbackWithItsConceptAndShowsTheSentenceItReturns(FxRobot robot) {
        robot.clickOn("#learn-" + Concept.THROTTLING.id());
        robot.clickOn("#learn-show-" + Concept.THROTTLING.id());

        assertThat(asked).containsExactly(Concept.THROTTLING);
        Label answer = label(robot, "learn-answer-" + Concept.THROTTLING.id());
        assertThat(answer.isVisible()).isTrue();
        assertThat(answer.getText()).isEqualTo(NOT_HERE);
    }

    @Test
    void showMeThatJumpedShowsNoSentence(FxRobot robot) {
        robot.clickOn("#learn-show-" + Concept.COLD_START.id());

        assertThat(asked).containsExactly(Concept.COLD_START);
        assertThat(label(robot, "learn-answer-" + Concept.COLD_START.id()).isVisible())
                .isFalse();
    }

    @Test
    void everyConceptIsExplainedInTheCurrentProvidersWords(FxRobot robot) {
        assertThat(robot.lookup(".titled-pane").queryAllAs(TitledPane.class)).hasSize(Concept.values().length);
        assertThat(label(robot, "learn-explanation-cold-start").getText())
                .isEqualTo(Concept.COLD_START.explanation(Words.of(Provider.AWS)))
                .contains("execution environment");

        robot.interact(() -> panel.setProvider(Provider.IBM));
        assertThat(label(robot, "learn-explanation-cold-start").getText())
                .isEqualTo(Concept.COLD_START.explanation(Words.of(Provider.IBM)))
                .contains("container");
        assertThat(label(robot, "learn-explanation-provisioned").getText()).contains("has no way to keep containers");
    }
}
