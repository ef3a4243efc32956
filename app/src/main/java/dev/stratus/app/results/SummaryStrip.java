package dev.stratus.app.results;

import dev.stratus.app.simulate.Durations;
import dev.stratus.model.Provider;
import dev.stratus.run.RunReport;
import dev.stratus.sim.result.Latency;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The results at a glance: requests, cold starts, end-to-end p50, p95 and p99, errors, throttles and
 * the monthly bill, each with its change against the previous run ({@code ▲ 12.0 ms}, in red where
 * it got worse and green where it got better). Before the first run it says how to start one.
 */
public final class SummaryStrip extends HBox {

    /** Which way is better for a figure. */
    private enum Better {
        LOWER,
        NEITHER
    }

    private record Spec(
            String id,
            String caption,
            String tip,
            Better better,
            ToDoubleFunction<RunReport> value,
            BiFunction<Double, Double, String> delta,
            java.util.function.Function<Double, String> format) {}

    private static final PseudoClass PARTIAL = PseudoClass.getPseudoClass("partial");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");

    private final Label run = new Label();
    private final Tooltip runTip = new Tooltip();
    private final Label hint =
            new Label("Press Run (F5) to simulate the design: its latency, cold starts and bill show here.");
    private final List<Cell> cells = new ArrayList<>();

    public SummaryStrip() {
        getStyleClass().add("summary-strip");
        setId("summary-strip");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(18);
        run.setId("summary-run");
        run.getStyleClass().add("summary-run");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setTooltip(runTip);
        hint.getStyleClass().add("summary-hint");
        for (Spec spec : specs()) {
            cells.add(new Cell(spec));
        }
        show(null, null, false);
    }

    private static List<Spec> specs() {
        return List.of(
                new Spec(
                        "summary-requests",
                        "Requests",
                        "Requests that arrived at the design's triggers",
                        Better.NEITHER,
                        r -> r.simulation().totals().requests(),
                        (a, b) -> Figures.countDelta(Math.round(a), Math.round(b)),
                        v -> Figures.count(Math.round(v))),
                new Spec(
                        "summary-cold",
                        "Cold starts",
                        "Invocations that had to start a new instance",
                        Better.LOWER,
                        r -> r.simulation().totals().coldStartProbability(),
                        Figures::percentDelta,
                        Figures::percent),
                latency("summary-p50", "p50", Latency::p50Ms),
                latency("summary-p95", "p95", Latency::p95Ms),
                latency("summary-p99", "p99", Latency::p99Ms),
                new Spec(
                        "summary-errors",
                        "Errors",
                        "Invocations that failed or timed out",
                        Better.LOWER,
                        r -> r.simulation().totals().errors()
                                + r.simulation().totals().timeouts(),
                        (a, b) -> Figures.countDelta(Math.round(a), Math.round(b)),
                        v -> Figures.count(Math.round(v))),
                new Spec(
                        "summary-throttles",
                        "Throttles",
                        "Invocations refused at a function's concurrency limit (the gateway's own"
                                + " throttling is in the Triggers table)",
                        Better.LOWER,
                        r -> r.simulation().totals().throttles(),
                        (a, b) -> Figures.countDelta(Math.round(a), Math.round(b)),
                        v -> Figures.count(Math.round(v))),
                new Spec(
                        "summary-bill",
                        "Monthly bill",
                        "A 30-day month of this traffic on the project's provider, by the Bill tab's line items",
                        Better.LOWER,
                        r -> r.cost() == null ? Double.NaN : r.cost().monthly().total(),
                        Figures::usdDelta,
                        v -> Double.isNaN(v) ? "\u2014" : Figures.usd(v)));
    }

    private static Spec latency(String id, String name, ToDoubleFunction<Latency> percentile) {
        return new Spec(
                id,
                name,
                "End-to-end latency over the requests of every trigger: " + name + " of them took at most this",
                Better.LOWER,
                r -> percentile.applyAsDouble(r.simulation().totals().latency()),
                Figures::msDelta,
                Figures::ms);
    }

    /**
     * Shows {@code report} with its changes against {@code previous}, or how to start when there is
     * no report; {@code stale} marks results of a design that has changed since.
     */
    public void show(RunReport report, RunReport previous, boolean stale) {
        if (report == null) {
            if (!getChildren().equals(List.of(hint))) {
                getChildren().setAll(hint);
            }
            return;
        }
        // The same nodes from run to run, only their texts and states change: a live edit restyles nothing.
        if (getChildren().size() != cells.size() + 1) {
            List<javafx.scene.Node> children = new ArrayList<>();
            children.add(run);
            children.addAll(cells);
            getChildren().setAll(children);
        }
        run.setText(describe(report) + (stale ? "\nbefore your last edit" : ""));
        runTip.setText(
                stale
                        ? "The design has changed since this run; press Run (F5) or turn on Live to update"
                        : "The run these figures come from");
        run.pseudoClassStateChanged(PARTIAL, report.partial());
        run.pseudoClassStateChanged(STALE, stale);
        for (Cell cell : cells) {
            cell.show(report, previous);
        }
    }

    /** "1 h on AWS Lambda · seed 1", with "stopped after 12 min" for a partial run. */
    static String describe(RunReport report) {
        var settings = report.settings();
        String provider = Provider.fromId(report.simulation().provider())
                .map(Provider::displayName)
                .orElse(report.simulation().provider());
        String time = report.partial()
                ? "Stopped after " + Durations.approximate(report.simulation().simulatedSeconds()) + " of "
                        + Durations.format(settings.durationSeconds())
                : Durations.format(settings.durationSeconds());
        return time + " on " + provider + "\nseed " + settings.seed();
    }

    /** One figure: its caption, its value and its change. */
    private static final class Cell extends VBox {
        private final Spec spec;
        private final Label value = new Label();
        private final Label delta = new Label();

        Cell(Spec spec) {
            this.spec = spec;
            Label caption = new Label(spec.caption());
            caption.getStyleClass().add("summary-caption");
            value.getStyleClass().add("summary-value");
            value.setId(spec.id());
            delta.getStyleClass().add("summary-delta");
            delta.setId(spec.id() + "-delta");
            getChildren().addAll(caption, value, delta);
            getStyleClass().add("summary-cell");
            setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(this, Priority.NEVER);
            Tooltip.install(this, new Tooltip(spec.tip()));
        }

        void show(RunReport report, RunReport previous) {
            double now = spec.value().applyAsDouble(report);
            value.setText(spec.format().apply(now));
            double before = previous == null ? Double.NaN : spec.value().applyAsDouble(previous);
            String text = Double.isNaN(before) || Double.isNaN(now)
                    ? ""
                    : spec.delta().apply(before, now);
            delta.setText(text.isEmpty() ? " " : text);
            boolean judged = !text.isEmpty() && spec.better() == Better.LOWER;
            delta.pseudoClassStateChanged(WORSE, judged && now > before);
            delta.pseudoClassStateChanged(BETTER, judged && now < before);
        }
    }

    /** The text of the figure with this id ({@code summary-p99}), for tests. */
    public String figure(String id) {
        return cells.stream()
                .filter(c -> c.value.getId().equals(id))
                .map(c -> c.value.getText())
                .findFirst()
                .orElse("");
    }

    /** The change shown under the figure with this id, or empty. */
    public String change(String id) {
        return cells.stream()
                .filter(c -> c.value.getId().equals(id))
                .map(c -> c.delta.getText().strip())
                .findFirst()
                .orElse("");
    }
}
