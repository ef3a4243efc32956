package dev.stratus.app.results;

import dev.stratus.cost.MemorySweep;
import dev.stratus.cost.SweepPoint;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.provider.PriceBook;
import dev.stratus.run.RunReport;
import dev.stratus.sim.engine.Monitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * A function across memory sizes, like Lambda Power Tuning but on the simulated workload (what
 * {@code stratus sweep} computes): the design simulated once per size, the function's p95 against
 * its monthly cost, with the cheapest, the fastest and a balanced size marked. A sweep runs off the
 * FX thread when asked, or by itself when the tab is shown after a new run; it can be cancelled.
 */
public final class SweepView extends BorderPane implements ResultView {

    private final Supplier<Path> folder;
    private final Executor background;
    private final ComboBox<String> function = new ComboBox<>();
    private final TextField sizes = new TextField();
    private final Button sweep = new Button("Sweep");
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();
    private final ChartFrame frame;
    private final LineChart<Number, Number> chart;
    private final TableView<SweepPoint> table = new TableView<>();
    private Project project;
    private RunReport report;
    private RunReport swept;
    private Job current;

    /**
     * @param folder where the project's trace files are looked up
     * @param background where sweeps run
     */
    public SweepView(BiConsumer<Node, String> saver, Supplier<Path> folder, Executor background) {
        this.folder = folder;
        this.background = background;
        getStyleClass().add("sweep-view");
        function.setId("sweep-function");
        sizes.setId("sweep-sizes");
        sizes.setPrefColumnCount(28);
        sweep.setId("sweep-run");
        sweep.setOnAction(e -> start());
        cancel.setId("sweep-cancel");
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (current != null) {
                current.cancelled = true;
            }
        });
        status.setId("sweep-status");
        status.setMinWidth(0);
        Label functionLabel = new Label("Function");
        Label sizesLabel = new Label("Memory (MB)");
        for (javafx.scene.control.Control fixed : List.of(functionLabel, sizesLabel, sweep, cancel)) {
            fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        function.setMinWidth(140);
        sizes.setMinWidth(160);
        HBox.setHgrow(sizes, javafx.scene.layout.Priority.SOMETIMES);
        HBox controls = new HBox(8, functionLabel, function, sizesLabel, sizes, sweep, cancel, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(0, 0, 6, 0));
        setTop(controls);

        chart = Charts.lines("Monthly cost (USD)", "p95 latency of the function (ms)");
        chart.setCreateSymbols(true);
        chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE);
        chart.setLegendVisible(false);
        ((javafx.scene.chart.NumberAxis) chart.getXAxis()).setForceZeroInRange(false);
        ((javafx.scene.chart.NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        frame = new ChartFrame("chart-sweep", "Cost against latency", "memory-sweep", saver);
        frame.setContent(chart);
        table.setId("table-sweep");
        Columns.style(table);
        table.getColumns()
                .setAll(List.of(
                        Columns.number("MB", null, p -> p.memoryMb(), Columns::count),
                        Columns.number("p50 ms", null, SweepPoint::p50Ms, Columns::ms),
                        Columns.number("p95 ms", null, SweepPoint::p95Ms, Columns::ms),
                        Columns.number("p99 ms", null, SweepPoint::p99Ms, Columns::ms),
                        Columns.number(
                                "Cold %",
                                null, SweepPoint::coldStartPercent, v -> String.format(Locale.ROOT, "%.3f", v)),
                        Columns.number("Monthly", null, SweepPoint::monthlyCost, Columns::usd),
                        Columns.number("Per million", null, SweepPoint::costPerMillion, Columns::usd),
                        Columns.text("", p -> String.join(", ", p.marks()), 160)));
        SplitPane split = new SplitPane(frame, table);
        split.setDividerPositions(0.55);
        setCenter(split);
        show(null, null);
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    public TableView<SweepPoint> table() {
        return table;
    }

    /** Whether a sweep is going. */
    public boolean isSweeping() {
        return current != null;
    }

    @Override
    public void show(RunReport next, Project shown) {
        report = next;
        project = shown;
        if (next == null || shown == null) {
            chart.getData().clear();
            table.getItems().clear();
            function.getItems().clear();
            sweep.setDisable(true);
            frame.setEmpty("Run the simulation (F5), then sweep a function's memory here.");
            return;
        }
        sweep.setDisable(false);
        List<String> names = shown.architecture()
                .nodesOf(FunctionNode.class)
                .map(FunctionNode::name)
                .toList();
        String keep = names.contains(function.getValue()) ? function.getValue() : busiest(next, names);
        function.getItems().setAll(names);
        function.setValue(keep);
        if (sizes.getText().isBlank() || !shown.provider().equals(sizes.getUserData())) {
            sizes.setText(String.join(
                    ", ", defaultSizes(shown).stream().map(String::valueOf).toList()));
            sizes.setUserData(shown.provider());
        }
        if (names.isEmpty()) {
            frame.setEmpty("This design has no functions to sweep.");
            sweep.setDisable(true);
            return;
        }
        if (swept != next && current == null) {
            start();
        }
    }

    private static String busiest(RunReport report, List<String> names) {
        return report.simulation().functions().stream()
                .filter(f -> names.contains(f.name()))
                .max(java.util.Comparator.comparingLong(f -> f.invocations()))
                .map(f -> f.name())
                .orElse(names.isEmpty() ? null : names.get(0));
    }

    static List<Integer> defaultSizes(Project project) {
        return MemorySweep.defaultSizes(PriceBook.standard().prices(project.provider()));
    }

    /** Starts a sweep of the chosen function over the sizes typed, cancelling one that is going. */
    public void start() {
        if (project == null || function.getValue() == null) {
            return;
        }
        List<Integer> chosen = new ArrayList<>();
        for (String part : sizes.getText().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                chosen.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                status.setText("\u201c" + part + "\u201d is not a memory size in MB; write sizes like 128, 256, 512");
                return;
            }
        }
        if (chosen.isEmpty()) {
            status.setText("Write the memory sizes to try, like 128, 256, 512, 1024");
            return;
        }
        if (current != null) {
            current.cancelled = true;
        }
        Job job = new Job(project, report, function.getValue(), List.copyOf(chosen));
        current = job;
        swept = report;
        cancel.setDisable(false);
        status.setText("Sweeping " + job.name + " over " + chosen.size() + " sizes\u2026");
        background.execute(job);
    }

    private void finished(Job job, List<SweepPoint> points, String problem) {
        if (job != current) {
            return;
        }
        current = null;
        cancel.setDisable(true);
        if (problem != null) {
            status.setText(problem);
            return;
        }
        status.setText(
                job.cancelled
                        ? "Cancelled: " + points.size() + " of " + job.sizes.size() + " sizes done"
                        : job.name + " on " + job.project.provider().displayName() + ", "
                                + dev.stratus.app.simulate.Durations.format(
                                        job.project.settings().durationSeconds())
                                + " simulated per size");
        table.getItems().setAll(points);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>();
        for (SweepPoint p : points) {
            XYChart.Data<Number, Number> point = new XYChart.Data<>(p.monthlyCost(), p.p95Ms());
            // Every size is a dot; the picks are named, so labels do not pile up.
            Label label = new Label(p.marks().isEmpty() ? "" : p.memoryMb() + " MB: " + String.join(", ", p.marks()));
            label.getStyleClass().addAll("sweep-point", p.marks().isEmpty() ? "plain" : "marked");
            label.setTooltip(new javafx.scene.control.Tooltip(String.format(
                    Locale.ROOT,
                    "%d MB: p95 %s, %s a month, cold starts %.3f %%",
                    p.memoryMb(),
                    Figures.ms(p.p95Ms()),
                    Figures.usd(p.monthlyCost()),
                    p.coldStartPercent())));
            point.setNode(label);
            data.add(point);
        }
        chart.getData().setAll(List.of(new XYChart.Series<>(job.name, FXCollections.observableArrayList(data))));
        frame.setEmpty(points.isEmpty() ? "No size was simulated." : null);
        frame.setNote("each size simulated on the same workload and seed; p95 of " + job.name);
    }

    /** One sweep, off the FX thread. */
    private final class Job implements Runnable, Monitor {
        final Project project;
        final String name;
        final List<Integer> sizes;
        final RunReport report;
        volatile boolean cancelled;

        Job(Project project, RunReport report, String name, List<Integer> sizes) {
            this.project = project;
            this.report = report;
            this.name = name;
            this.sizes = sizes;
        }

        @Override
        public void run() {
            List<SweepPoint> points;
            String problem = null;
            try {
                points = new MemorySweep(project, folder.get(), PriceBook.standard(), project.settings())
                        .run(name, sizes, this);
            } catch (dev.stratus.sim.engine.CancelledException e) {
                points = List.of();
            } catch (IllegalArgumentException
                    | dev.stratus.sim.workload.TraceException
                    | dev.stratus.sim.graph.BacklogException e) {
                points = List.of();
                problem = "Cannot sweep: " + e.getMessage();
            } catch (RuntimeException e) {
                points = List.of();
                problem = "The sweep failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            List<SweepPoint> done = points;
            String why = problem;
            Platform.runLater(() -> finished(this, done, why));
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }
}
