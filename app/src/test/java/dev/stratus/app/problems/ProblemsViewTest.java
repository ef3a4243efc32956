package dev.stratus.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.model.Architecture;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.QueueTrigger;
import dev.stratus.model.Workload;
import dev.stratus.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The problems list, live from the Validator, driven as a person would under headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class ProblemsViewTest {

    private EditorModel model;
    private ProblemsView view;
    private final List<String> revealed = new ArrayList<>();

    /** A queue-fed function whose timeout outlasts the queue's visibility timeout, and an unused table. */
    static Project design() {
        List<Node> nodes = List.of(
                new QueueTrigger("jobs", "jobs", 20),
                FunctionNode.of("worker", "worker"),
                new Database("table", "table", Distribution.constant(8), null));
        List<Edge> edges = List.of(Edge.of("e1", "jobs", "worker"));
        return Project.empty("Jobs")
                .withArchitecture(new Architecture(nodes, edges))
                .withWorkloads(List.of(new Workload.Poisson("jobs", 5)));
    }

    @Start
    void start(Stage stage) {
        model = new EditorModel(design());
        view = new ProblemsView(model, revealed::add);
        stage.setScene(new Scene(view, 900, 300));
        stage.show();
    }

    @Test
    void errorsComeFirstAndAreCounted() throws Exception {
        List<ProblemsView.Row> rows = onFx(view::rows);

        assertThat(rows)
                .extracting(r -> r.problem().severity())
                .containsExactly(Problem.Severity.ERROR, Problem.Severity.WARNING);
        assertThat(rows.get(0).element()).isEqualTo("jobs → worker");
        assertThat(rows.get(1).element()).isEqualTo("table");
        assertThat(onFx(() -> view.errorCountProperty().get())).isEqualTo(1);
        assertThat(onFx(() -> view.warningCountProperty().get())).isEqualTo(1);
    }

    @Test
    void theListFollowsEveryEditAndSaysNoProblemsWhenClean(FxRobot robot) throws Exception {
        onFx(() -> {
            FunctionNode worker =
                    (FunctionNode) model.project().architecture().node("worker").orElseThrow();
            model.apply(Edits.change(worker.withTimeoutSeconds(10), "Change timeout"));
            model.apply(Edits.delete(List.of("table")));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(view::rows)).isEmpty();
        assertThat(onFx(() -> robot.lookup("#problems-empty").query().isVisible()))
                .isTrue();
        assertThat(onFx(() -> view.errorCountProperty().get())).isZero();

        onFx(() -> {
            model.undo();
            return null;
        });

        assertThat(onFx(view::rows)).hasSize(1);
        assertThat(onFx(() -> view.warningCountProperty().get())).isEqualTo(1);
    }

    @Test
    void doubleClickingARowSelectsItsEdgeAndRevealsIt(FxRobot robot) throws Exception {
        robot.doubleClickOn("jobs → worker");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> List.copyOf(model.selection()))).containsExactly("e1");
        assertThat(onFx(() -> List.copyOf(revealed))).containsExactly("e1");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
