package dev.stratus.app.results;

import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.Project;
import dev.stratus.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * Every provider side by side, the same workloads simulated and priced on each: the monthly bill as
 * grouped bars (functions, gateway, services) and a table of latency, cold starts and cost. It needs
 * a run with "All providers" chosen; until then it offers to make one.
 */
public final class ProvidersView extends BorderPane implements ResultView {

    private final TableView<ProviderComparison> table = new TableView<>();
    private final BarChart<String, Number> chart;
    private final ChartFrame frame;
    private final VBox offer;

    /** @param compare turns on "All providers" and runs */
    public ProvidersView(BiConsumer<Node, String> saver, Runnable compare) {
        getStyleClass().add("providers-view");
        chart = new BarChart<>(new CategoryAxis(), Charts.axis("USD a month"));
        Charts.setUp(chart);
        chart.setCategoryGap(16);
        frame = new ChartFrame("chart-providers", "Monthly bill on every provider", "providers", saver);
        frame.setContent(chart);
        table.setId("table-providers");
        Columns.style(table);
        table.getColumns()
                .setAll(List.of(
                        Columns.text("Provider", ProviderComparison::name, 230),
                        Columns.text("Note", c -> c.error() == null ? "" : "not valid: " + c.error(), 200),
                        Columns.number(
                                "p50 ms",
                                "End to end at the busiest trigger",
                                valid(ProviderComparison::p50Ms),
                                Columns::ms),
                        Columns.number("p99 ms", null, valid(ProviderComparison::p99Ms), Columns::ms),
                        Columns.number(
                                "Cold %",
                                null,
                                valid(ProviderComparison::coldStartPercent),
                                v -> String.format(java.util.Locale.ROOT, "%.3f", v)),
                        Columns.number("Monthly", null, valid(ProviderComparison::monthlyCost), Columns::usd),
                        Columns.number("Functions", null, valid(ProviderComparison::functionsCost), Columns::usd),
                        Columns.number("Gateway", null, valid(ProviderComparison::gatewayCost), Columns::usd),
                        Columns.number("Services", null, valid(ProviderComparison::servicesCost), Columns::usd),
                        Columns.number(
                                "Per million",
                                "The bill per million requests",
                                valid(ProviderComparison::costPerMillion),
                                Columns::usd)));
        Button button = new Button("Compare all providers");
        button.setId("providers-compare");
        button.getStyleClass().add("accent");
        button.setOnAction(e -> compare.run());
        Label why = new Label("Simulate the design on AWS Lambda, Google Cloud Functions (both generations), Azure"
                + " Functions (Consumption and Flex) and IBM Cloud Functions, and compare their bills side by side."
                + " This sets the run to \u201cAll providers\u201d, which takes about six times as long.");
        why.setWrapText(true);
        offer = new VBox(10, why, button);
        offer.getStyleClass().add("results-offer");
        show(null, null);
    }

    public TableView<ProviderComparison> table() {
        return table;
    }

    public BarChart<String, Number> chart() {
        return chart;
    }

    @Override
    public void show(RunReport report, Project project) {
        if (report == null || report.comparison().isEmpty()) {
            table.getItems().clear();
            chart.getData().clear();
            setCenter(offer);
            return;
        }
        table.getItems().setAll(report.comparison());
        List<XYChart.Data<String, Number>> functions = new ArrayList<>();
        List<XYChart.Data<String, Number>> gateway = new ArrayList<>();
        List<XYChart.Data<String, Number>> services = new ArrayList<>();
        for (ProviderComparison row : report.comparison()) {
            if (row.error() != null) {
                continue;
            }
            String name = shortName(row.provider());
            functions.add(new XYChart.Data<>(name, row.functionsCost()));
            gateway.add(new XYChart.Data<>(name, row.gatewayCost()));
            services.add(new XYChart.Data<>(name, row.servicesCost()));
        }
        Charts.update(
                chart,
                List.of(
                        new XYChart.Series<>("Functions", FXCollections.observableArrayList(functions)),
                        new XYChart.Series<>("API gateway", FXCollections.observableArrayList(gateway)),
                        new XYChart.Series<>("Services", FXCollections.observableArrayList(services))));
        long invalid =
                report.comparison().stream().filter(r -> r.error() != null).count();
        frame.setNote("a 30-day month; the API gateway and services are priced on AWS only so far, so the other"
                + " providers' bars leave them out"
                + (invalid == 0 ? "" : "; " + invalid + " not valid for this design (see the table)"));
        SplitPane split = new SplitPane(frame, table);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    /** A provider's name short enough for a bar's label: "Google 1st gen", "Azure Flex". */
    static String shortName(String providerId) {
        return switch (providerId) {
            case "aws" -> "AWS Lambda";
            case "gcp" -> "Google 1st gen";
            case "gcp-gen2" -> "Cloud Run fn";
            case "azure" -> "Azure Consumption";
            case "azure-flex" -> "Azure Flex";
            case "ibm" -> "IBM / OpenWhisk";
            default -> providerId;
        };
    }

    /** The figure, or NaN (written as a dash) for a provider the design is not valid on. */
    private static java.util.function.ToDoubleFunction<ProviderComparison> valid(
            java.util.function.ToDoubleFunction<ProviderComparison> figure) {
        return row -> row.error() != null ? Double.NaN : figure.applyAsDouble(row);
    }
}
