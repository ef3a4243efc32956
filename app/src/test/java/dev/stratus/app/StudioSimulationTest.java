package dev.stratus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.app.results.ResultFiles;
import dev.stratus.app.results.ResultsDock;
import dev.stratus.app.results.TimeCharts;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.app.simulate.SimulationRunner;
import dev.stratus.cli.StratusCommand;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import dev.stratus.run.RunReport;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The studio simulates: run, cancel, live what-if, results and their files, as a person uses them. */
@ExtendWith(ApplicationExtension.class)
class StudioSimulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SampleCatalog catalog = SampleCatalog.packaged();
    private StudioWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        window = StudioApp.open(stage, null, Files.createTempDirectory("stratus-config"));
    }

    private StudioPane pane() {
        return window.pane();
    }

    private SimulationRunner runner() {
        return window.pane().runner();
    }

    @Test
    void everySampleRunsFromTheStudioWithTablesAndChartsFullAndTheCommandLinesFigures(FxRobot robot) throws Exception {
        for (Sample sample : catalog.samples()) {
            Project project = catalog.load(sample);
            Project compared = project.withSettings(project.settings().withCompareProviders(true));
            Path file = temp.resolve(sample.file());
            ProjectFiles.save(compared, file);
            assertThat(onFx(() -> window.open(file))).isTrue();

            robot.clickOn("#sim-run");
            RunReport report = awaitReport(null);

            assertThat(report.partial()).isFalse();
            assertThat(report.comparison()).hasSize(dev.stratus.model.Provider.values().length);
            // The studio's figures are the command line's, byte for byte but for the wall time.
            JsonNode studio = withoutWallTime(JSON.readTree(dev.stratus.run.ReportJson.of(report)));
            JsonNode commandLine = withoutWallTime(JSON.readTree(stratus("simulate", file.toString(), "--json")));
            assertThat(firstDifference(studio, commandLine, ""))
                    .as(sample.title())
                    .isEmpty();

            ResultsDock results = pane().results();
            TableView<?> triggers = results.tables().triggers();
            TableView<?> functions = results.tables().functions();
            assertThat(onFx(() -> triggers.getItems().size()))
                    .isEqualTo(report.simulation().entries().size());
            assertThat(onFx(() -> functions.getItems().size()))
                    .isEqualTo(report.simulation().functions().size())
                    .isPositive();
            // A cell reads as the command line prints it.
            var first = report.simulation().functions().get(0);
            assertThat(onFx(() -> cellText(functions, 0, 1))).isEqualTo(String.format("%,d", first.invocations()));
            assertThat(onFx(() -> cellText(functions, 0, 8)))
                    .isEqualTo(String.format(
                            java.util.Locale.ROOT, "%,.1f", first.latency().p99Ms()));
            assertThat(onFx(() -> results.strip().figure("summary-requests")))
                    .isEqualTo(String.format("%,d", report.simulation().totals().requests()));

            onFx(() -> {
                results.drawAll();
                return null;
            });
            boolean hasTraffic = report.simulation().totals().requests() > 0;
            for (TimeCharts.Kind kind : TimeCharts.Kind.values()) {
                XYChart<Number, Number> chart = results.timeCharts().chart(kind);
                boolean expectsData = switch (kind) {
                    case QUEUES -> !report.simulation().queues().isEmpty();
                    case LATENCY ->
                        hasTraffic && report.simulation().entries().stream().anyMatch(e -> e.completed() > 0);
                    default ->
                        !report.simulation().entries().isEmpty()
                                && !report.simulation().functions().isEmpty();
                };
                int points = onFx(() -> chart.getData().stream()
                        .mapToInt(s -> s.getData().size())
                        .sum());
                if (expectsData) {
                    assertThat(points).as(sample.title() + ": " + kind).isPositive();
                }
            }
            if (hasTraffic) {
                assertThat(onFx(() -> results.distribution().chart().getData().size()))
                        .isPositive();
            }
            assertThat(onFx(() -> results.bill().items().getItems().size()))
                    .isEqualTo(report.cost().monthly().lineItems().size());
            assertThat(onFx(() -> results.providers().chart().getData().size())).isEqualTo(3);
            assertThat(onFx(() -> results.providers().table().getItems().size()))
                    .isEqualTo(report.comparison().size());
            assertThat(onFx(() -> results.breakEven().summaryText())).startsWith("Always-on: ");
        }
    }

    @Test
    void theMemorySweepMarksTheCheapestFastestAndBalancedSizes(FxRobot robot) throws Exception {
        robot.clickOn("#sim-run");
        awaitReport(null);
        robot.interact(() ->
                pane().resultTabs().getSelectionModel().select(pane().results().tab(ResultsDock.Page.SWEEP)));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> onFx(() -> !pane().results().sweep().isSweeping()
                        && !pane().results().sweep().table().getItems().isEmpty()));
        var points = onFx(() -> List.copyOf(pane().results().sweep().table().getItems()));
        assertThat(points).hasSizeGreaterThan(3);
        assertThat(points.stream().flatMap(p -> p.marks().stream())).contains("cheapest", "fastest", "balanced");
        assertThat(onFx(() -> pane().results()
                        .sweep()
                        .chart()
                        .getData()
                        .get(0)
                        .getData()
                        .size()))
                .isEqualTo(points.size());
    }

    @Test
    void cancellingAOneYearRunKeepsWhatWasSimulatedWhileTheWindowAnswers(FxRobot robot) throws Exception {
        ComboBox<?> duration = robot.lookup("#sim-duration").queryAs(ComboBox.class);
        robot.doubleClickOn(duration.getEditor()).eraseText(12).write("1 y").type(KeyCode.ENTER);
        assertThat(onFx(() -> window.model().project().settings().durationSeconds()))
                .isEqualTo(365 * 86_400.0);

        robot.clickOn("#sim-run");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> runner().progressProperty().get() > 0));

        // The inspector answers while the run goes: rename the project by typing.
        onFx(() -> {
            window.model().selection().clear();
            return null;
        });
        TextField name = robot.lookup("#inspector-name").queryAs(TextField.class);
        robot.clickOn(name).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Typed during a run").type(KeyCode.ENTER);
        assertThat(onFx(() -> window.model().project().name())).isEqualTo("Typed during a run");
        assertThat(onFx(() -> runner().isRunning()))
                .as("a year of traffic takes longer than typing")
                .isTrue();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !runner().isRunning()));
        RunReport report = onFx(() -> runner().report());
        assertThat(report.partial()).isTrue();
        assertThat(report.simulation().simulatedSeconds()).isPositive().isLessThan(365 * 86_400.0);
        assertThat(report.simulation().totals().requests()).isPositive();
        assertThat(onFx(() -> pane().lookup("#summary-run") instanceof javafx.scene.control.Label l ? l.getText() : ""))
                .startsWith("Stopped after");
        assertThat(onFx(() -> runner().messageProperty().get())).startsWith("Stopped after");
    }

    @Test
    void liveModeRunsAgainWhenAFunctionsMemoryChangesAndShowsTheChanges(FxRobot robot) throws Exception {
        robot.clickOn("#sim-live");
        RunReport first = awaitReport(null);
        FunctionNode function = firstFunction();

        onFx(() -> {
            window.model().apply(dev.stratus.app.edit.Edits.change(function.withMemoryMb(2048), "Change memory"));
            return null;
        });
        RunReport second = awaitReport(first);

        assertThat(second.cost().monthly().total())
                .isNotEqualTo(first.cost().monthly().total());
        var before = first.simulation().functions().get(0);
        var after = second.simulation().functions().get(0);
        assertThat(after.memoryMb()).isEqualTo(2048);
        assertThat(after.latency().p99Ms()).isNotEqualTo(before.latency().p99Ms());
        assertThat(onFx(() -> pane().results().strip().change("summary-bill")))
                .as(
                        "bill %s then %s",
                        first.cost().monthly().total(), second.cost().monthly().total())
                .startsWith("\u25b2");
    }

    @Test
    void afterARunTheCanvasShowsEachNodesFiguresAndTheTrafficAndOneToggleHidesThem(FxRobot robot) throws Exception {
        robot.clickOn("#sim-run");
        RunReport report = awaitReport(null);
        var overlay = pane().overlay();
        var busiest = report.simulation().functions().get(0);

        String badge = onFx(() -> overlay.badgeText(busiest.id()));
        assertThat(badge)
                .contains(dev.stratus.app.results.Figures.perSecond(
                        busiest.invocations() / report.simulation().simulatedSeconds()))
                .contains("cold")
                .contains("p99 "
                        + dev.stratus.app.results.Figures.ms(busiest.latency().p99Ms()))
                .contains("/mo");
        var edges = report.simulation().edges();
        var busy = edges.stream()
                .max(java.util.Comparator.comparingLong(e -> e.count()))
                .orElseThrow();
        var quiet = edges.stream()
                .min(java.util.Comparator.comparingLong(e -> e.count()))
                .orElseThrow();
        assertThat(onFx(() -> overlay.bandWidth(busy.id()))).isPositive();
        assertThat(onFx(() -> overlay.bandWidth(busy.id())))
                .isGreaterThanOrEqualTo(onFx(() -> overlay.bandWidth(quiet.id())));

        robot.clickOn("#sim-on-canvas");
        assertThat(onFx(() -> overlay.badgeText(busiest.id()))).isEmpty();
        assertThat(onFx(() -> overlay.above().isVisible())).isFalse();
        robot.clickOn("#sim-on-canvas");
        assertThat(onFx(() -> overlay.badgeText(busiest.id()))).isEqualTo(badge);
    }

    @Test
    void aFunctionThatThrottlesIsMarkedRedWithTheReasonInItsTooltip(FxRobot robot) throws Exception {
        FunctionNode function = firstFunction();
        onFx(() -> {
            window.model()
                    .apply(dev.stratus.app.edit.Edits.change(function.withConcurrency(1, 0), "Reserve one instance"));
            return null;
        });
        robot.clickOn("#sim-run");
        RunReport report = awaitReport(null);
        assertThat(report.simulation().functions().get(0).throttles()).isPositive();

        var view = onFx(() -> pane().diagram().nodeView(function.id()).orElseThrow());
        assertThat(onFx(() -> view.getStyleClass())).contains(dev.stratus.app.results.ResultsOverlay.ALERT);
        assertThat(onFx(() -> pane().overlay().reason(function.id())))
                .contains("throttled")
                .contains("of 1 (reserved concurrency)");
        var tip =
                onFx(() -> (javafx.scene.control.Tooltip) view.getProperties().get(javafx.scene.control.Tooltip.class));
        assertThat(tip.getText()).contains(function.name()).contains("throttled");
        assertThat(onFx(() -> pane().results().strip().figure("summary-throttles")))
                .isEqualTo(String.format("%,d", report.simulation().totals().throttles()));
    }

    @Test
    void resultsSaveAsJsonCsvAndPngAndReadBack(FxRobot robot) throws Exception {
        robot.clickOn("#sim-run");
        RunReport report = awaitReport(null);

        Path json = temp.resolve("results.json");
        Path csv = temp.resolve("results.csv");
        Path png = temp.resolve("arrivals.png");
        assertThat(onFx(() -> window.saveResults(json, ResultFiles.Format.JSON)))
                .isTrue();
        assertThat(onFx(() -> window.saveResults(csv, ResultFiles.Format.CSV))).isTrue();
        robot.clickOn("Over time");
        assertThat(onFx(() -> window.saveChart(pane().results().timeCharts().frame(TimeCharts.Kind.ARRIVALS), png)))
                .isTrue();

        JsonNode read = JSON.readTree(json.toFile());
        assertThat(read.at("/simulation/totals/requests").asLong())
                .isEqualTo(report.simulation().totals().requests());
        assertThat(read.at("/cost/monthly/total").asDouble())
                .isEqualTo(report.cost().monthly().total());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("section,id,name,figure,value,unit");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("function,")
                        && l.contains(report.simulation().functions().get(0).id()));
        BufferedImage picture = ImageIO.read(png.toFile());
        assertThat(picture).isNotNull();
        assertThat(picture.getWidth()).isGreaterThan(200);
        assertThat(picture.getHeight()).isGreaterThan(100);
    }

    @Test
    void aDesignWithErrorsIsNotSimulatedAndItsProblemsAreShown(FxRobot robot) throws Exception {
        FunctionNode function = firstFunction();
        onFx(() -> {
            window.model().apply(dev.stratus.app.edit.Edits.change(function.withMemoryMb(50_000), "Too much memory"));
            return null;
        });

        robot.clickOn("#sim-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !runner().isRunning()));

        assertThat(onFx(() -> runner().report())).isNull();
        assertThat(onFx(() -> runner().messageProperty().get())).startsWith("Fix 1 error before simulating");
        assertThat(onFx(() -> pane().problemsTab().isSelected())).isTrue();
    }

    @Test
    void theSettingsAreSavedInTheProjectAndEachChangeCanBeUndone(FxRobot robot) throws Exception {
        TextField seed = robot.lookup("#sim-seed").queryAs(TextField.class);
        robot.doubleClickOn(seed).eraseText(6).write("42").type(KeyCode.ENTER);
        assertThat(onFx(() -> window.model().project().settings().seed())).isEqualTo(42);

        robot.clickOn("#sim-free-tier");
        assertThat(onFx(() -> window.model().project().settings().freeTierOn())).isFalse();

        robot.clickOn("#sim-again");
        RunReport report = awaitReport(null);
        assertThat(report.settings().seed()).isEqualTo(43);
        assertThat(report.settings().freeTierOn()).isFalse();
        assertThat(onFx(() -> seed.getText())).isEqualTo("43");

        Path saved = temp.resolve("settings.stratus.json");
        assertThat(onFx(() -> window.saveAs(saved))).isTrue();
        assertThat(ProjectFiles.load(saved).settings().seed()).isEqualTo(43);

        onFx(() -> {
            window.model().undo();
            window.model().undo();
            return null;
        });
        assertThat(onFx(() -> window.model().project().settings().seed())).isEqualTo(42);
        assertThat(onFx(() -> window.model().project().settings().freeTierOn())).isTrue();
    }

    @Test
    void aSecondRunShowsEachFiguresChange(FxRobot robot) throws Exception {
        robot.clickOn("#sim-run");
        RunReport first = awaitReport(null);
        robot.clickOn("#sim-again");
        RunReport second = awaitReport(first);

        assertThat(second.settings().seed()).isEqualTo(first.settings().seed() + 1);
        long before = first.simulation().totals().requests();
        long after = second.simulation().totals().requests();
        String change = onFx(() -> pane().results().strip().change("summary-requests"));
        if (before != after) {
            assertThat(change)
                    .isEqualTo(
                            (after > before ? "\u25b2 " : "\u25bc ") + String.format("%,d", Math.abs(after - before)));
        } else {
            assertThat(change).isEmpty();
        }
    }

    private FunctionNode firstFunction() throws Exception {
        return onFx(() -> window.model()
                .project()
                .architecture()
                .nodesOf(FunctionNode.class)
                .findFirst()
                .orElseThrow());
    }

    private RunReport awaitReport(RunReport previous) throws Exception {
        WaitForAsyncUtils.waitFor(
                120,
                TimeUnit.SECONDS,
                () -> onFx(() -> !runner().isRunning() && runner().report() != null && runner().report() != previous));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> runner().report());
    }

    private static String cellText(TableView<?> table, int row, int column) {
        var col = table.getColumns().get(column);
        Object value = col.getCellData(row);
        table.layout();
        var cell = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == row)
                .findFirst()
                .map(n -> ((javafx.scene.control.TableRow<?>) n)
                        .getChildrenUnmodifiable()
                        .get(column))
                .orElseThrow(() -> new AssertionError("row " + row + " is not shown; its value is " + value));
        return ((javafx.scene.control.Labeled) cell).getText();
    }

    /** The path of the first place two JSON trees differ, with both values; empty when they are equal. */
    private static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return "";
        }
        if (a.isObject() && b.isObject()) {
            var names = new java.util.TreeSet<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode x = a.get(name);
                JsonNode y = b.get(name);
                if (x == null || y == null) {
                    return path + "/" + name + ": " + x + " against " + y;
                }
                String inner = firstDifference(x, y, path + "/" + name);
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String inner = firstDifference(a.get(i), b.get(i), path + "/" + i);
                if (!inner.isEmpty()) {
                    return inner;
                }
            }
        }
        String shown = a.toString();
        String other = b.toString();
        return path + ": " + shown.substring(0, Math.min(200, shown.length())) + " against "
                + other.substring(0, Math.min(200, other.length()));
    }

    private static JsonNode withoutWallTime(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        ((ObjectNode) copy.get("simulation")).remove("wallSeconds");
        return copy;
    }

    private static String stratus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StratusCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        assertThat(status).as(err.toString()).isZero();
        return out.toString();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
