package dev.stratus.app.results;

import dev.stratus.model.Project;
import dev.stratus.run.RunReport;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;

/**
 * The end-to-end latency distribution of each trigger, on a logarithmic time axis (a decade per
 * step), where warm requests and cold starts show as separate humps: as a cumulative curve (the
 * share of requests at most this slow) or as a histogram (the share in each bucket, ten to a decade).
 */
public final class LatencyDistribution extends BorderPane implements ResultView {

    private final ChartFrame frame;
    private final LineChart<Number, Number> chart;
    private final RadioButton cumulative = new RadioButton("Cumulative");
    private final RadioButton histogram = new RadioButton("Histogram");
    private RunReport report;

    public LatencyDistribution(BiConsumer<Node, String> saver) {
        frame = new ChartFrame("chart-distribution", "Latency distribution", "latency-distribution", saver);
        NumberAxis x = Charts.axis("End-to-end latency (logarithmic)");
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(Charts.decadesOfMs());
        x.setAutoRanging(false);
        x.setTickUnit(1);
        x.setMinorTickCount(0);
        chart = new LineChart<>(x, Charts.axis("Requests (%)"));
        Charts.setUp(chart);
        chart.setCreateSymbols(false);
        ToggleGroup group = new ToggleGroup();
        cumulative.setToggleGroup(group);
        histogram.setToggleGroup(group);
        cumulative.setId("distribution-cumulative");
        histogram.setId("distribution-histogram");
        cumulative.setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, chosen) -> draw());
        frame.choices().getChildren().addAll(cumulative, histogram);
        frame.setContent(chart);
        setCenter(frame);
        show(null, null);
    }

    /** The chart: one series per trigger. */
    public LineChart<Number, Number> chart() {
        return chart;
    }

    @Override
    public void show(RunReport next, Project project) {
        report = next;
        draw();
    }

    private void draw() {
        if (report == null) {
            chart.getData().clear();
            frame.setEmpty("Run the simulation (F5) to see how latency is spread.");
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (EntryResult entry : report.simulation().entries()) {
            LatencyHistogram h = entry.histogram();
            long total = 0;
            for (long c : h.counts()) {
                total += c;
            }
            if (total == 0) {
                continue;
            }
            int n = h.upperMs().length;
            double[] x = new double[n + 1];
            double[] y = new double[n + 1];
            // The curve starts at the lower bound of the first bucket: a tenth of a decade below.
            x[0] = Math.log10(h.upperMs()[0]) - 0.1;
            y[0] = 0;
            long running = 0;
            for (int i = 0; i < n; i++) {
                running += h.counts()[i];
                x[i + 1] = Math.log10(h.upperMs()[i]);
                y[i + 1] = 100.0 * (cumulative.isSelected() ? running : h.counts()[i]) / total;
            }
            low = Math.min(low, x[0]);
            high = Math.max(high, x[n]);
            series.add(Charts.series(entry.name(), x, y));
        }
        Charts.update(chart, series);
        if (series.isEmpty()) {
            frame.setEmpty("No request completed in this run.");
            return;
        }
        frame.setEmpty(null);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setLowerBound(Math.floor(low));
        x.setUpperBound(Math.max(Math.ceil(high), Math.floor(low) + 1));
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setLabel(cumulative.isSelected() ? "At most this slow (%)" : "In each bucket (%)");
        // A cumulative share ends at 100 %: no room above it.
        y.setAutoRanging(!cumulative.isSelected());
        if (cumulative.isSelected()) {
            y.setLowerBound(0);
            y.setUpperBound(100);
            y.setTickUnit(25);
        }
        frame.setNote(
                cumulative.isSelected()
                        ? "share of each trigger's completed requests at most this slow"
                        : "share of each trigger's completed requests, ten buckets to a decade");
    }
}
