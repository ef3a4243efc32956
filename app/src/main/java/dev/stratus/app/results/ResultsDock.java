package dev.stratus.app.results;

import dev.stratus.model.Project;
import dev.stratus.run.RunReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * The results of the latest run below the canvas: the {@link SummaryStrip} and one tab per view
 * (tables per trigger, function, queue and service; charts over time; the latency distribution;
 * the bill; every provider; the memory sweep; serverless against servers). A view draws a new
 * report when its tab is shown, so a run (or a live edit) redraws only what is in sight.
 */
public final class ResultsDock {

    /** The tabs, in order, with their ids. */
    public enum Page {
        TRIGGERS("Triggers", "tab-triggers"),
        FUNCTIONS("Functions", "tab-functions"),
        QUEUES("Queues", "tab-queues"),
        OVER_TIME("Over time", "tab-over-time"),
        LATENCY("Latency", "tab-latency"),
        BILL("Bill", "tab-bill"),
        PROVIDERS("Providers", "tab-providers"),
        SWEEP("Sweep", "tab-sweep"),
        BREAK_EVEN("Break-even", "tab-break-even");

        final String title;
        final String id;

        Page(String title, String id) {
            this.title = title;
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The page whose id or title, in lower case without spaces, is {@code name}, if any. */
        public static java.util.Optional<Page> named(String name) {
            String wanted = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
            for (Page page : values()) {
                if (page.name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace("_", "")
                                .equals(wanted)
                        || page.id.replace("tab-", "").replace("-", "").equals(wanted)) {
                    return java.util.Optional.of(page);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private final SummaryStrip strip = new SummaryStrip();
    private final ResultTables tables;
    private final TimeCharts timeCharts;
    private final LatencyDistribution distribution;
    private final BillView bill;
    private final ProvidersView providers;
    private final SweepView sweep;
    private final BreakEvenView breakEven;
    private final Map<Page, Tab> tabs = new LinkedHashMap<>();
    private final Map<Tab, ResultView> views = new LinkedHashMap<>();
    private final Map<Tab, RunReport> drawn = new LinkedHashMap<>();
    private RunReport report;
    private Project project;

    /**
     * @param reveal selects a node on the canvas by its id
     * @param saver saves a chart as a picture under a suggested file name
     * @param compare turns on "All providers" and runs
     * @param folder where the project's trace files are
     * @param background where memory sweeps run
     */
    public ResultsDock(
            Consumer<String> reveal,
            BiConsumer<Node, String> saver,
            Runnable compare,
            Supplier<Path> folder,
            Executor background) {
        tables = new ResultTables(reveal);
        timeCharts = new TimeCharts(saver);
        distribution = new LatencyDistribution(saver);
        bill = new BillView(saver);
        providers = new ProvidersView(saver, compare);
        sweep = new SweepView(saver, folder, background);
        breakEven = new BreakEvenView(saver);
        add(Page.TRIGGERS, tables.triggers(), null);
        add(Page.FUNCTIONS, tables.functions(), null);
        add(Page.QUEUES, tables.queuesAndServices(), null);
        add(Page.OVER_TIME, timeCharts, timeCharts);
        add(Page.LATENCY, distribution, distribution);
        add(Page.BILL, bill, bill);
        add(Page.PROVIDERS, providers, providers);
        add(Page.SWEEP, sweep, sweep);
        add(Page.BREAK_EVEN, breakEven, breakEven);
        for (Tab tab : tabs.values()) {
            tab.selectedProperty().addListener((obs, was, selected) -> {
                if (selected) {
                    refresh(tab);
                }
            });
        }
    }

    private void add(Page page, Node content, ResultView view) {
        Tab tab = new Tab(page.title, content);
        tab.setId(page.id);
        tab.setClosable(false);
        tab.getStyleClass().add("results-tab");
        tabs.put(page, tab);
        if (view != null) {
            views.put(tab, view);
        }
    }

    /** The tabs, in order, for the studio's tab pane. */
    public List<Tab> tabs() {
        return List.copyOf(tabs.values());
    }

    public Tab tab(Page page) {
        return tabs.get(page);
    }

    public SummaryStrip strip() {
        return strip;
    }

    public ResultTables tables() {
        return tables;
    }

    public TimeCharts timeCharts() {
        return timeCharts;
    }

    public LatencyDistribution distribution() {
        return distribution;
    }

    public BillView bill() {
        return bill;
    }

    public ProvidersView providers() {
        return providers;
    }

    public SweepView sweep() {
        return sweep;
    }

    public BreakEvenView breakEven() {
        return breakEven;
    }

    /** The report shown, or {@code null}. */
    public RunReport report() {
        return report;
    }

    /**
     * Shows {@code next} (a run of {@code simulated}) against {@code previous}; {@code stale} when
     * the design has changed since. The tables and the strip are drawn at once, the other views when
     * their tab is shown.
     */
    public void show(RunReport next, RunReport previous, Project simulated, boolean stale) {
        report = next;
        project = simulated;
        strip.show(next, previous, stale);
        tables.show(next);
        for (Tab tab : views.keySet()) {
            if (tab.isSelected()) {
                refresh(tab);
            }
        }
    }

    /** Marks the results as of a design that has changed since, or not. */
    public void markStale(boolean stale, RunReport previous) {
        strip.show(report, previous, stale);
    }

    /** Draws every view now, visible or not: for a picture or an export of every chart. */
    public void drawAll() {
        for (Tab tab : views.keySet()) {
            refresh(tab);
        }
    }

    private void refresh(Tab tab) {
        ResultView view = views.get(tab);
        if (view != null && drawn.get(tab) != report) {
            drawn.put(tab, report);
            view.show(report, project);
        }
    }
}
