package dev.stratus.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.problems.ProblemsView;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Layout;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.Workload;
import dev.stratus.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector beside the problems list, driven as a person would under headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {

    private EditorModel model;
    private InspectorView inspector;
    private ProblemsView problems;
    private final List<String> revealed = new ArrayList<>();

    /** An HTTP trigger, an API gateway, a 2,048 MB function and its table: clean on AWS. */
    static Project design() {
        List<dev.stratus.model.Node> nodes = List.of(
                new HttpTrigger("web", "web"),
                new ApiGateway(
                        "api",
                        "api",
                        ApiGateway.Type.HTTP,
                        100,
                        50,
                        null,
                        ApiGateway.Auth.NONE,
                        Distribution.constant(5)),
                FunctionNode.of("orders", "orders").withMemoryMb(2048),
                new Database("table", "orders-table", Distribution.constant(8), null));
        var edges = List.of(
                Edge.of("e1", "web", "api"),
                Edge.of("e2", "api", "orders").withRoute("GET /orders"),
                Edge.of("e3", "orders", "table"));
        return new Project(
                "Shop",
                "",
                Provider.AWS,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                List.of(new Workload.Poisson("web", 10)),
                Layout.EMPTY);
    }

    @Start
    void start(Stage stage) {
        model = new EditorModel(design());
        inspector = new InspectorView(model);
        problems = new ProblemsView(model, revealed::add);
        inspector.setPrefWidth(420);
        problems.setPrefHeight(200);
        BorderPane root = new BorderPane();
        root.setRight(inspector);
        root.setBottom(problems);
        stage.setScene(new Scene(root, 1000, 800));
        stage.show();
    }

    @Test
    void theDesignStartsClean() {
        assertThat(new Validator().validate(design())).isEmpty();
    }

    @Test
    void aMemoryAboveTheLimitIsFlaggedWhereItIsTypedAndClearsWhenFixed(FxRobot robot) throws Exception {
        select("orders");

        type(robot, "#inspector-memoryMb", "12000");

        String message = "Memory 12,000 MB is above AWS Lambda's maximum of 10,240 MB.";
        assertThat(memoryOf("orders")).isEqualTo(12000);
        assertThat(onFx(() -> isInvalid(robot, "#inspector-memoryMb"))).isTrue();
        assertThat(onFx(inspector::problemTexts)).containsExactly(message);
        assertThat(onFx(problems::rows)).anySatisfy(row -> {
            assertThat(row.problem().message()).isEqualTo(message);
            assertThat(row.element()).isEqualTo("orders");
        });
        assertThat(onFx(() -> problems.errorCountProperty().get())).isEqualTo(1);

        type(robot, "#inspector-memoryMb", "1024");

        assertThat(memoryOf("orders")).isEqualTo(1024);
        assertThat(onFx(() -> isInvalid(robot, "#inspector-memoryMb"))).isFalse();
        assertThat(onFx(inspector::problemTexts)).isEmpty();
        assertThat(onFx(problems::rows)).isEmpty();
        assertThat(onFx(() -> problems.errorCountProperty().get())).isZero();
    }

    @Test
    void undoRestoresThePreviousMemoryAndTheEditorShowsIt(FxRobot robot) throws Exception {
        select("orders");
        type(robot, "#inspector-memoryMb", "3008");
        assertThat(onFx(() -> model.undoTextProperty().get())).isEqualTo("Undo Change memory");

        onFx(() -> {
            model.undo();
            return null;
        });

        assertThat(memoryOf("orders")).isEqualTo(2048);
        assertThat(onFx(() -> editor(robot, "#inspector-memoryMb").getText())).isEqualTo("2048");
    }

    @Test
    void aValueTheModelRefusesIsNotAppliedAndItsReasonIsShown(FxRobot robot) throws Exception {
        select("orders");

        type(robot, "#inspector-memoryMb", "-5");

        assertThat(memoryOf("orders")).isEqualTo(2048);
        assertThat(onFx(inspector::refusalText)).contains("memoryMb must be a positive number");
        assertThat(onFx(() -> isInvalid(robot, "#inspector-memoryMb"))).isTrue();
        assertThat(onFx(() -> model.canUndoProperty().get())).isFalse();
    }

    @Test
    void choosingAzureMakesA2048MbFunctionInvalid(FxRobot robot) throws Exception {
        assertThat(onFx(inspector::titleText)).isEqualTo("Project");

        onFx(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<Object> provider = robot.lookup("#inspector-provider").queryAs(ChoiceBox.class);
            provider.setValue(Provider.AZURE);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> model.project().provider())).isEqualTo(Provider.AZURE);

        select("orders");

        assertThat(onFx(inspector::titleText)).isEqualTo("Azure Function · orders");
        assertThat(onFx(() -> isInvalid(robot, "#inspector-memoryMb"))).isTrue();
        assertThat(onFx(inspector::problemTexts))
                .containsExactly("Memory 2,048 MB is above Azure Functions (Consumption)'s maximum of 1,536 MB.");
    }

    @Test
    void editingAGatewayEdgesRouteChangesTheEdgeUndoably(FxRobot robot) throws Exception {
        select("e2");

        type(robot, "#inspector-route", "POST /orders/{id}");

        assertThat(onFx(() -> edge("e2").route())).isEqualTo("POST /orders/{id}");
        assertThat(onFx(() -> model.undoTextProperty().get())).isEqualTo("Undo Change route");

        type(robot, "#inspector-route", "orders");

        assertThat(onFx(() -> isInvalid(robot, "#inspector-route"))).isTrue();
        assertThat(onFx(inspector::problemTexts)).singleElement().asString().contains("is not a method and a path");
    }

    @Test
    void theWorkloadOfASelectedEntryTriggerIsEditedInPlace(FxRobot robot) throws Exception {
        select("web");

        type(robot, "#inspector-workload-ratePerSecond", "25");

        assertThat(onFx(() -> model.project().workloads())).containsExactly(new Workload.Poisson("web", 25));
        assertThat(onFx(() -> model.undoTextProperty().get())).isEqualTo("Undo Change rate");
    }

    @Test
    void turningOnAnHttpApisCacheIsWarnedAboutOnThatField(FxRobot robot) throws Exception {
        select("api");

        robot.clickOn("#inspector-cacheEnabled");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() ->
                        ((ApiGateway) model.project().architecture().node("api").orElseThrow()).cache()))
                .isEqualTo(new ApiGateway.Cache(300, 0.5));
        assertThat(onFx(() -> isInvalid(robot, "#inspector-cacheEnabled"))).isTrue();
        assertThat(onFx(() ->
                        robot.lookup("#inspector-cacheTtlSeconds").tryQuery().isPresent()))
                .isTrue();
    }

    @Test
    void aValueTypedWithoutEnterIsKeptWhenThePersonSelectsSomethingElse(FxRobot robot) throws Exception {
        select("orders");
        robot.clickOn("#inspector-memoryMb");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("4096");

        select("table");

        assertThat(memoryOf("orders")).isEqualTo(4096);
        assertThat(onFx(inspector::titleText)).isEqualTo("DynamoDB table · orders-table");
        assertThat(onFx(() -> robot.lookup(".titled-pane").queryAll().size())).isEqualTo(3);
    }

    @Test
    void severalSelectedElementsAreCountedNotEdited() throws Exception {
        onFx(() -> {
            model.selection().addAll(List.of("orders", "api", "e1"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(inspector::titleText)).isEqualTo("3 elements selected");
    }

    @Test
    void doubleClickingAProblemSelectsItsNodeAndRevealsIt(FxRobot robot) throws Exception {
        select("orders");
        type(robot, "#inspector-memoryMb", "12000");
        onFx(() -> {
            model.selection().clear();
            return null;
        });

        robot.doubleClickOn("Memory 12,000 MB is above AWS Lambda's maximum of 10,240 MB.");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> List.copyOf(model.selection()))).containsExactly("orders");
        assertThat(onFx(() -> List.copyOf(revealed))).containsExactly("orders");
        assertThat(onFx(inspector::titleText)).isEqualTo("Lambda function · orders");
    }

    @Test
    void aCleanDesignSaysNoProblems(FxRobot robot) throws Exception {
        assertThat(onFx(problems::rows)).isEmpty();
        assertThat(onFx(() -> robot.lookup("#problems-empty").query().isVisible()))
                .isTrue();
        assertThat(onFx(() -> problems.warningCountProperty().get())).isZero();
    }

    private void select(String id) throws Exception {
        onFx(() -> {
            model.selection().clear();
            model.selection().add(id);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks into the field, replaces its text as a person would, and presses Enter. */
    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int memoryOf(String id) throws Exception {
        return onFx(
                () -> ((FunctionNode) model.project().architecture().node(id).orElseThrow()).memoryMb());
    }

    private Edge edge(String id) {
        return model.project().architecture().edges().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static TextField editor(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static boolean isInvalid(FxRobot robot, String query) {
        return robot.lookup(query).query().getStyleClass().contains(InspectorView.INVALID);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
