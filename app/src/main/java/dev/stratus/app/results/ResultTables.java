package dev.stratus.app.results;

import dev.stratus.cost.NodeCost;
import dev.stratus.run.RunReport;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.ServiceResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The figures of a run as tables, per trigger, per function, per queue and per service: the same
 * figures, to the same precision, as {@code stratus simulate} prints, plus each node's share of the
 * monthly bill. Clicking a row selects its node on the canvas.
 */
public final class ResultTables {

    private final TableView<EntryResult> triggers = new TableView<>();
    private final TableView<FunctionResult> functions = new TableView<>();
    private final TableView<QueueResult> queues = new TableView<>();
    private final TableView<ServiceResult> services = new TableView<>();
    private final SplitPane queuesAndServices;
    private Map<String, Double> costs = Map.of();
    private double seconds = 1;

    /** @param reveal selects a node on the canvas by its id */
    public ResultTables(Consumer<String> reveal) {
        triggers.setId("table-triggers");
        triggers.setPlaceholder(new Label("Run the simulation (F5) to see each trigger's traffic and latency."));
        triggers.getColumns().setAll(triggerColumns());
        functions.setId("table-functions");
        functions.setPlaceholder(new Label("Run the simulation (F5) to see each function's figures."));
        functions.getColumns().setAll(functionColumns());
        queues.setId("table-queues");
        queues.setPlaceholder(new Label("No queues or streams in this run."));
        queues.getColumns().setAll(queueColumns());
        services.setId("table-services");
        services.setPlaceholder(new Label("No services in this run."));
        services.getColumns().setAll(serviceColumns());
        for (TableView<?> table : List.of(triggers, functions, queues, services)) {
            Columns.style(table);
        }
        selectOnClick(triggers, EntryResult::id, reveal);
        selectOnClick(functions, FunctionResult::id, reveal);
        selectOnClick(queues, QueueResult::id, reveal);
        selectOnClick(services, ServiceResult::id, reveal);
        queuesAndServices = new SplitPane(titled("Queues and streams", queues), titled("Services", services));
        queuesAndServices.setDividerPositions(0.6);
    }

    /** The per-trigger table. */
    public TableView<EntryResult> triggers() {
        return triggers;
    }

    /** The per-function table. */
    public TableView<FunctionResult> functions() {
        return functions;
    }

    public TableView<QueueResult> queues() {
        return queues;
    }

    public TableView<ServiceResult> services() {
        return services;
    }

    /** The queue and service tables side by side. */
    public SplitPane queuesAndServices() {
        return queuesAndServices;
    }

    /** Fills the tables from {@code report}, or empties them. */
    public void show(RunReport report) {
        if (report == null) {
            triggers.getItems().clear();
            functions.getItems().clear();
            queues.getItems().clear();
            services.getItems().clear();
            return;
        }
        Map<String, Double> byNode = new HashMap<>();
        if (report.cost() != null) {
            for (NodeCost cost : report.cost().byNode()) {
                byNode.put(cost.id(), cost.monthly());
            }
        }
        costs = byNode;
        seconds = Math.max(report.simulation().simulatedSeconds(), 1e-9);
        triggers.getItems().setAll(report.simulation().entries());
        functions.getItems().setAll(report.simulation().functions());
        queues.getItems().setAll(report.simulation().queues());
        services.getItems().setAll(report.simulation().services());
    }

    private List<TableColumn<EntryResult, ?>> triggerColumns() {
        return List.of(
                Columns.text("Trigger", EntryResult::name, 150),
                Columns.number("Requests", null, e -> e.requests(), Columns::count),
                Columns.number(
                        "Per second", "Requests per simulated second", e -> e.requests() / seconds, Figures::perSecond),
                Columns.number("Completed", null, e -> e.completed(), Columns::count),
                Columns.number(
                        "Failed", "Requests that failed: throttled, errors, timeouts", e -> e.failed(), Columns::count),
                Columns.number(
                        "Throttled",
                        "Refused by the gateway's rate limit or a function's concurrency limit",
                        e -> e.throttled(),
                        Columns::count),
                Columns.number("Cache hits", "Answered by the gateway's cache", e -> e.cacheHits(), Columns::count),
                Columns.number("p50 ms", null, e -> e.latency().p50Ms(), Columns::ms),
                Columns.number("p95 ms", null, e -> e.latency().p95Ms(), Columns::ms),
                Columns.number("p99 ms", null, e -> e.latency().p99Ms(), Columns::ms),
                Columns.number("max ms", null, e -> e.latency().maxMs(), Columns::ms));
    }

    private List<TableColumn<FunctionResult, ?>> functionColumns() {
        return List.of(
                Columns.text("Function", FunctionResult::name, 150),
                Columns.number("Invocations", null, f -> f.invocations(), Columns::count),
                Columns.number(
                        "Cold %",
                        "Invocations that started a new instance, %",
                        FunctionResult::coldStartProbability,
                        Columns::percent3),
                Columns.number("Throttled", "Refused at the concurrency limit", f -> f.throttles(), Columns::count),
                Columns.number("Errors", null, f -> f.errors(), Columns::count),
                Columns.number("Timeouts", null, f -> f.timeouts(), Columns::count),
                Columns.number(
                        "p50 ms",
                        "From the invocation to its answer",
                        f -> f.latency().p50Ms(),
                        Columns::ms),
                Columns.number("p95 ms", null, f -> f.latency().p95Ms(), Columns::ms),
                Columns.number("p99 ms", null, f -> f.latency().p99Ms(), Columns::ms),
                Columns.number(
                        "Inst avg",
                        "Instances alive on average (busy and idle)",
                        FunctionResult::averageInstances,
                        Columns::decimals2),
                Columns.number(
                        "Busy",
                        "Instances running a request, on average",
                        FunctionResult::averageBusyInstances,
                        Columns::decimals2),
                Columns.number(
                        "Idle",
                        "Warm instances waiting, on average",
                        FunctionResult::averageIdleInstances,
                        Columns::decimals2),
                Columns.number("Peak", "Most requests running at once", f -> f.peakConcurrency(), Columns::count),
                Columns.number(
                        "GB-s",
                        "Billed GB-seconds in the simulated time",
                        FunctionResult::billedGbSeconds,
                        Columns::decimals1),
                Columns.number(
                        "$/month",
                        "This function's share of the monthly bill",
                        f -> costs.getOrDefault(f.id(), 0.0),
                        Columns::usd));
    }

    private List<TableColumn<QueueResult, ?>> queueColumns() {
        return List.of(
                Columns.text("Queue", QueueResult::name, 140),
                Columns.number("Sent", null, q -> q.sent(), Columns::count),
                Columns.number("Taken", null, q -> q.taken(), Columns::count),
                Columns.number("Left", "Messages still waiting at the end", q -> q.remaining(), Columns::count),
                Columns.number("Max depth", null, q -> q.maxDepth(), Columns::count),
                Columns.number("Avg depth", null, QueueResult::averageDepth, Columns::decimals2),
                Columns.number(
                        "Age p50 ms",
                        "How long messages waited",
                        q -> q.messageAge().p50Ms(),
                        Columns::ms),
                Columns.number("Age p99 ms", null, q -> q.messageAge().p99Ms(), Columns::ms));
    }

    private List<TableColumn<ServiceResult, ?>> serviceColumns() {
        return List.of(
                Columns.text("Service", ServiceResult::name, 140),
                Columns.text("Kind", ServiceResult::kind, 90),
                Columns.number("Calls", null, s -> s.calls(), Columns::count),
                Columns.number("Throttled", "Calls over the service's capacity", s -> s.throttles(), Columns::count),
                Columns.number(
                        "$/month",
                        "This service's share of the monthly bill",
                        s -> costs.getOrDefault(s.id(), 0.0),
                        Columns::usd));
    }

    private static <T> void selectOnClick(
            TableView<T> table, java.util.function.Function<T, String> id, Consumer<String> reveal) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    reveal.accept(id.apply(row.getItem()));
                }
            });
            return row;
        });
    }

    private static BorderPane titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.getStyleClass().add("results-subtitle");
        BorderPane pane = new BorderPane(table);
        pane.setTop(new VBox(label));
        BorderPane.setMargin(label, new Insets(0, 0, 4, 0));
        return pane;
    }
}
