package dev.stratus.app.results;

import dev.stratus.model.Project;
import dev.stratus.run.RunReport;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.WindowSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The run over simulated time, one chart at a time, chosen on the left: arrivals per trigger, cold
 * starts per function, busy and idle instances (stacked), throttles and errors, queue depth, and
 * end-to-end latency percentiles per window. Drawn from the run's {@link WindowSeries}, which has at
 * most a thousand windows, so every chart stays quick however long the run.
 */
public final class TimeCharts extends BorderPane implements ResultView {

    /** The charts, in the order of the buttons. */
    public enum Kind {
        ARRIVALS("Arrivals", "chart-arrivals"),
        COLD_STARTS("Cold starts", "chart-cold-starts"),
        INSTANCES("Instances", "chart-instances"),
        FAILURES("Throttles and errors", "chart-failures"),
        QUEUES("Queue depth", "chart-queues"),
        LATENCY("Latency", "chart-latency");

        final String title;
        final String id;

        Kind(String title, String id) {
            this.title = title;
            this.id = id;
        }

        /** The id of the frame that holds this chart. */
        public String id() {
            return id;
        }
    }

    private static final String ALL = "All functions";

    private final Map<Kind, ChartFrame> frames = new LinkedHashMap<>();
    private final Map<Kind, ToggleButton> buttons = new LinkedHashMap<>();
    private final ComboBox<String> instancesOf = new ComboBox<>();
    private final ComboBox<String> latencyOf = new ComboBox<>();
    private final LineChart<Number, Number> arrivals = Charts.lines("", "Requests per second");
    private final LineChart<Number, Number> coldStarts = Charts.lines("", "Cold starts per window");
    private final AreaChart<Number, Number> instances = Charts.areas("", "Instances (average)");
    private final LineChart<Number, Number> failures = Charts.lines("", "Per window");
    private final LineChart<Number, Number> queues = Charts.lines("", "Messages waiting");
    private final LineChart<Number, Number> latency = Charts.lines("", "End-to-end latency (ms)");
    private RunReport report;
    private boolean filling;
    private Charts.TimeUnit unit = Charts.TimeUnit.forDuration(60);
    private java.util.function.DoubleConsumer watchFrom = seconds -> {};

    /** @param saver saves a chart as a picture under a suggested file name */
    public TimeCharts(BiConsumer<Node, String> saver) {
        getStyleClass().add("time-charts");
        ToggleGroup group = new ToggleGroup();
        VBox picker = new VBox(4);
        picker.getStyleClass().add("chart-picker");
        picker.setPadding(new Insets(0, 8, 0, 0));
        for (Kind kind : Kind.values()) {
            ChartFrame frame = new ChartFrame(kind.id, kind.title, kind.id.replace("chart-", ""), saver);
            frames.put(kind, frame);
            ToggleButton button = new ToggleButton(kind.title);
            button.setId(kind.id + "-pick");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> {
                button.setSelected(true);
                setCenter(frames.get(kind));
            });
            buttons.put(kind, button);
            picker.getChildren().add(button);
        }
        frames.get(Kind.ARRIVALS).setContent(arrivals);
        frames.get(Kind.COLD_STARTS).setContent(coldStarts);
        frames.get(Kind.INSTANCES).setContent(instances);
        frames.get(Kind.FAILURES).setContent(failures);
        frames.get(Kind.QUEUES).setContent(queues);
        frames.get(Kind.LATENCY).setContent(latency);
        instancesOf.setId("chart-instances-of");
        instancesOf.valueProperty().addListener((obs, old, chosen) -> {
            if (!filling && report != null) {
                drawInstances();
            }
        });
        frames.get(Kind.INSTANCES).choices().getChildren().add(instancesOf);
        latencyOf.setId("chart-latency-of");
        latencyOf.valueProperty().addListener((obs, old, chosen) -> {
            if (!filling && report != null) {
                drawLatency();
            }
        });
        frames.get(Kind.LATENCY).choices().getChildren().add(latencyOf);
        for (XYChart<Number, Number> chart : List.of(arrivals, coldStarts, instances, failures, queues, latency)) {
            offerWatch(chart);
        }
        setLeft(picker);
        select(Kind.ARRIVALS);
        show(null, null);
    }

    /**
     * What "Watch from here" does (right-click on a chart, or double-click): {@code action} gets the
     * simulated time pointed at, seconds.
     */
    public void setOnWatchFrom(java.util.function.DoubleConsumer action) {
        this.watchFrom = java.util.Objects.requireNonNull(action, "action");
    }

    /** The simulated time, seconds, at scene x {@code sceneX} over {@code chart}'s time axis, or -1 outside it. */
    double timeAt(XYChart<Number, Number> chart, double sceneX) {
        javafx.scene.chart.NumberAxis axis = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        double x = axis.sceneToLocal(sceneX, 0).getX();
        if (report == null || x < 0 || x > axis.getWidth()) {
            return -1;
        }
        double seconds = axis.getValueForDisplay(x).doubleValue() * unit.seconds();
        double end = report.simulation().simulatedSeconds();
        return Math.max(0, Math.min(end, seconds));
    }

    private void offerWatch(XYChart<Number, Number> chart) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem();
        item.setId("chart-watch-from");
        menu.getItems().add(item);
        chart.setOnContextMenuRequested(e -> {
            double at = timeAt(chart, e.getSceneX());
            if (at >= 0) {
                item.setText("Watch from " + dev.stratus.app.simulate.Durations.approximate(at) + " on the canvas");
                item.setOnAction(a -> watchFrom.accept(at));
                menu.show(chart, e.getScreenX(), e.getScreenY());
            }
        });
        chart.setOnMouseClicked(e -> {
            double at = timeAt(chart, e.getSceneX());
            if (e.getClickCount() == 2 && at >= 0) {
                watchFrom.accept(at);
            }
        });
        Tooltip.install(chart, new Tooltip("Double-click (or right-click) a moment to watch it on the canvas"));
    }

    /** Shows the chart of {@code kind}. */
    public void select(Kind kind) {
        buttons.get(kind).setSelected(true);
        setCenter(frames.get(kind));
    }

    /** The chart of {@code kind}. */
    public XYChart<Number, Number> chart(Kind kind) {
        @SuppressWarnings("unchecked")
        XYChart<Number, Number> chart =
                (XYChart<Number, Number>) frames.get(kind).content();
        return chart;
    }

    /** The frame of {@code kind}: the chart, its title, its choices and its Save button. */
    public Node frame(Kind kind) {
        return frames.get(kind);
    }

    @Override
    public void show(RunReport next, Project project) {
        report = next;
        if (next == null || next.simulation().windows().count() == 0) {
            String why = next == null
                    ? "Run the simulation (F5) to see it over time."
                    : "The run stopped before its first window.";
            frames.values().forEach(f -> f.setEmpty(why));
            return;
        }
        frames.values().forEach(f -> f.setEmpty(null));
        WindowSeries w = next.simulation().windows();
        unit = Charts.TimeUnit.forDuration(w.count() * w.stepSeconds());
        for (XYChart<Number, Number> chart : List.of(arrivals, coldStarts, instances, failures, queues, latency)) {
            chart.getXAxis().setLabel(unit.axisLabel());
            Charts.timeRange(chart.getXAxis(), w.count() * w.stepSeconds(), unit);
        }
        double[] x = Charts.windowMiddles(w.count(), w.stepSeconds(), unit);
        String step = "windows of " + dev.stratus.app.simulate.Durations.format(w.stepSeconds());
        List<EntryResult> entries = next.simulation().entries();
        List<FunctionResult> functions = next.simulation().functions();

        List<XYChart.Series<Number, Number>> arrivalSeries = new ArrayList<>();
        for (int i = 0; i < w.entries().size(); i++) {
            arrivalSeries.add(Charts.series(
                    entries.get(i).name(), x, Charts.divided(w.entries().get(i).arrivals(), w.stepSeconds())));
        }
        Charts.update(arrivals, arrivalSeries);
        frames.get(Kind.ARRIVALS).setNote("per trigger, averaged over " + step);
        if (arrivalSeries.isEmpty()) {
            frames.get(Kind.ARRIVALS).setEmpty("This design has no triggers with traffic.");
        }

        List<XYChart.Series<Number, Number>> coldSeries = new ArrayList<>();
        for (int i = 0; i < w.functions().size(); i++) {
            coldSeries.add(Charts.series(
                    functions.get(i).name(),
                    x,
                    Charts.doubles(w.functions().get(i).coldStarts())));
        }
        Charts.update(coldStarts, coldSeries);
        coldStarts.getYAxis().setLabel("Cold starts per " + dev.stratus.app.simulate.Durations.format(w.stepSeconds()));
        frames.get(Kind.COLD_STARTS).setNote("per function, " + step);
        if (coldSeries.isEmpty()) {
            frames.get(Kind.COLD_STARTS).setEmpty("This design has no functions.");
        }

        filling = true;
        try {
            List<String> names = new ArrayList<>();
            names.add(ALL);
            functions.forEach(f -> names.add(f.name()));
            String keep = names.contains(instancesOf.getValue()) ? instancesOf.getValue() : ALL;
            instancesOf.getItems().setAll(names);
            instancesOf.setValue(keep);
            List<String> triggers = new ArrayList<>();
            entries.forEach(e -> triggers.add(e.name()));
            String busiest = entries.stream()
                    .max(java.util.Comparator.comparingLong(EntryResult::requests))
                    .map(EntryResult::name)
                    .orElse(null);
            String keepTrigger = triggers.contains(latencyOf.getValue()) ? latencyOf.getValue() : busiest;
            latencyOf.getItems().setAll(triggers);
            latencyOf.setValue(keepTrigger);
        } finally {
            filling = false;
        }
        drawInstances();

        int n = w.count();
        long[] throttles = new long[n];
        long[] errors = new long[n];
        long[] failed = new long[n];
        for (WindowSeries.FunctionSeries f : w.functions()) {
            add(throttles, f.throttles());
            add(errors, f.errors());
        }
        for (WindowSeries.EntrySeries e : w.entries()) {
            add(failed, e.failed());
        }
        Charts.update(
                failures,
                List.of(
                        Charts.series("Throttled invocations", x, Charts.doubles(throttles)),
                        Charts.series("Errors and timeouts", x, Charts.doubles(errors)),
                        Charts.series("Failed requests (end to end)", x, Charts.doubles(failed))));
        frames.get(Kind.FAILURES).setNote(step);

        List<XYChart.Series<Number, Number>> queueSeries = new ArrayList<>();
        List<QueueResult> queueResults = next.simulation().queues();
        for (int i = 0; i < w.queues().size(); i++) {
            WindowSeries.QueueSeries q = w.queues().get(i);
            queueSeries.add(Charts.series(queueResults.get(i).name() + " (average)", x, q.averageDepth()));
            queueSeries.add(Charts.series(queueResults.get(i).name() + " (most)", x, Charts.doubles(q.maxDepth())));
        }
        Charts.update(queues, queueSeries);
        frames.get(Kind.QUEUES).setNote("per queue or stream, " + step);
        if (queueSeries.isEmpty()) {
            frames.get(Kind.QUEUES).setEmpty("This design has no queues or streams.");
        }
        drawLatency();
    }

    private void drawInstances() {
        WindowSeries w = report.simulation().windows();
        unit = Charts.TimeUnit.forDuration(w.count() * w.stepSeconds());
        double[] x = Charts.windowMiddles(w.count(), w.stepSeconds(), unit);
        double[] busy = new double[w.count()];
        double[] alive = new double[w.count()];
        List<FunctionResult> functions = report.simulation().functions();
        String chosen = instancesOf.getValue();
        for (int i = 0; i < w.functions().size(); i++) {
            if (ALL.equals(chosen) || functions.get(i).name().equals(chosen)) {
                WindowSeries.FunctionSeries f = w.functions().get(i);
                for (int k = 0; k < w.count(); k++) {
                    busy[k] += f.busyInstances()[k];
                    alive[k] += f.busyInstances()[k] + f.idleInstances()[k];
                }
            }
        }
        // Areas fill from zero: the busy area drawn over the whole one leaves the idle band on top.
        instances
                .getData()
                .setAll(List.of(Charts.series("Idle (warm, waiting)", x, alive), Charts.series("Busy", x, busy)));
        frames.get(Kind.INSTANCES)
                .setNote("busy and idle stacked, time-averaged over windows of "
                        + dev.stratus.app.simulate.Durations.format(w.stepSeconds()));
        frames.get(Kind.INSTANCES).setEmpty(w.functions().isEmpty() ? "This design has no functions." : null);
    }

    private void drawLatency() {
        WindowSeries w = report.simulation().windows();
        unit = Charts.TimeUnit.forDuration(w.count() * w.stepSeconds());
        List<EntryResult> entries = report.simulation().entries();
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(latencyOf.getValue())) {
                index = i;
                break;
            }
        }
        if (index < 0 || index >= w.entries().size()) {
            latency.getData().clear();
            frames.get(Kind.LATENCY).setEmpty("This design has no triggers with traffic.");
            return;
        }
        WindowSeries.EntrySeries e = w.entries().get(index);
        List<Double> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int k = 0; k < w.count(); k++) {
            if (e.completed()[k] > 0) {
                xs.add((k + 0.5) * w.stepSeconds() / unit.seconds());
                ys.add(new double[] {e.p50Ms()[k], e.p95Ms()[k], e.p99Ms()[k]});
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        String[] names = {"p50", "p95", "p99"};
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            int column = p;
            series.add(Charts.series(
                    names[p], x, ys.stream().mapToDouble(v -> v[column]).toArray()));
        }
        Charts.update(latency, series);
        frames.get(Kind.LATENCY)
                .setNote("of the requests completed in each window of "
                        + dev.stratus.app.simulate.Durations.format(w.stepSeconds()));
        frames.get(Kind.LATENCY).setEmpty(x.length == 0 ? "No request to this trigger completed." : null);
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < into.length && i < values.length; i++) {
            into[i] += values[i];
        }
    }
}
