package dev.stratus.app.results;

import dev.stratus.cost.BreakEven;
import dev.stratus.model.Project;
import dev.stratus.run.RunReport;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/**
 * Serverless against always-on servers as traffic grows: the design's functions and gateway cost
 * in proportion to the request rate (the simulated month scaled, without the free tier), while
 * servers cost a whole server at a time, enough for the peak at the simulated ratio of peak to mean.
 * The crossing, where servers become cheaper, is marked, and so is the simulated traffic.
 */
public final class BreakEvenView extends BorderPane implements ResultView {

    /** The most steps of the servers' line drawn; beyond, it is drawn through every k-th step. */
    static final int MOST_STEPS = 400;

    private final ChartFrame frame;
    private final LineChart<Number, Number> chart;
    private final Label summary = new Label();

    public BreakEvenView(BiConsumer<Node, String> saver) {
        getStyleClass().add("break-even-view");
        NumberAxis x = Charts.axis("Requests per second");
        chart = new LineChart<>(x, Charts.axis("USD a month"));
        Charts.setUp(chart);
        chart.setCreateSymbols(true);
        frame = new ChartFrame("chart-break-even", "Serverless or servers", "break-even", saver);
        frame.setContent(chart);
        summary.setId("break-even-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("results-summary");
        setTop(summary);
        setCenter(frame);
        show(null, null);
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    /** The sentence above the chart. */
    public String summaryText() {
        return summary.getText();
    }

    @Override
    public void show(RunReport report, Project project) {
        if (report == null || report.breakEven() == null) {
            chart.getData().clear();
            summary.setText("");
            frame.setEmpty(
                    report == null
                            ? "Run the simulation (F5) to compare serverless with always-on servers."
                            : "The run stopped before any simulated time passed.");
            return;
        }
        BreakEven b = report.breakEven();
        summary.setText(describe(b));
        if (b.currentRequestsPerSecond() <= 0 || b.monthlyServerlessCost() <= 0) {
            chart.getData().clear();
            frame.setEmpty("No traffic reached the functions in this run, so there is no curve to draw.");
            return;
        }
        frame.setEmpty(null);
        double now = b.currentRequestsPerSecond();
        Double crossing = b.breakEvenRequestsPerSecond();
        double end = Math.max(3 * now, crossing == null ? 0 : 2 * crossing);
        if (b.requestsPerSecondPerServer() > 0) {
            end = Math.max(end, 2.5 * b.requestsPerSecondPerServer());
        }
        XYChart.Series<Number, Number> serverless = Charts.series(
                "Serverless (functions and gateway)", new double[] {0, end}, new double[] {0, b.serverlessCostAt(end)});
        XYChart.Series<Number, Number> servers = serverSteps(b, end);
        XYChart.Series<Number, Number> simulated = Charts.series(
                String.format(Locale.ROOT, "Simulated: %s", Figures.perSecond(now)),
                new double[] {now},
                new double[] {b.serverlessCostAt(now)});
        Charts.update(chart, List.of(serverless, servers, simulated));
        if (crossing != null) {
            chart.getData()
                    .add(Charts.series(
                            String.format(Locale.ROOT, "Break-even: %s", Figures.perSecond(crossing)),
                            new double[] {crossing},
                            new double[] {b.serverlessCostAt(crossing)}));
        }
        // Only the two markers carry symbols; the lines are lines.
        for (int i = 0; i < 2; i++) {
            for (XYChart.Data<Number, Number> point : chart.getData().get(i).getData()) {
                if (point.getNode() != null) {
                    point.getNode().setVisible(false);
                }
            }
        }
        frame.setNote(b.serverName() + String.format(Locale.ROOT, " at $%.4f an hour", b.hourlyPrice()));
    }

    private static XYChart.Series<Number, Number> serverSteps(BreakEven b, double end) {
        double per = b.requestsPerSecondPerServer();
        if (per <= 0) {
            return Charts.series(
                    "Always-on servers", new double[] {0, end}, new double[] {b.serverCostAt(0), b.serverCostAt(0)});
        }
        int steps = (int) Math.min(Math.ceil(end / per), 1_000_000);
        int stride = Math.max(1, (int) Math.ceil(steps / (double) MOST_STEPS));
        java.util.List<Double> xs = new java.util.ArrayList<>();
        java.util.List<Double> ys = new java.util.ArrayList<>();
        for (int k = 0; k < steps; k += stride) {
            double from = k * per;
            double to = Math.min(end, (k + stride) * per);
            double cost = b.serverCostAt(from + per / 2);
            xs.add(from);
            ys.add(cost);
            xs.add(to);
            ys.add(cost);
        }
        return Charts.series(
                "Always-on servers",
                xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String describe(BreakEven b) {
        String servers = String.format(
                Locale.ROOT,
                "Always-on: %d \u00d7 %s = %s a month for the simulated peak, against %s on serverless (functions"
                        + " and gateway, no free tier).",
                b.servers(),
                b.serverName(),
                Figures.usd(b.monthlyServerCost()),
                Figures.usd(b.monthlyServerlessCost()));
        if (b.breakEvenRequestsPerSecond() != null) {
            return servers
                    + String.format(
                            Locale.ROOT,
                            " Servers cost less above about %s (now %s), if they are added as traffic grows and kept busy.",
                            Figures.perSecond(b.breakEvenRequestsPerSecond()),
                            Figures.perSecond(b.currentRequestsPerSecond()));
        }
        return servers + " Serverless stays cheaper at any rate: a server's worth of this traffic costs less on"
                + " serverless than the server.";
    }
}
