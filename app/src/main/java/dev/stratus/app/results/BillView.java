package dev.stratus.app.results;

import dev.stratus.cost.NodeCost;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.provider.Bill;
import dev.stratus.provider.LineItem;
import dev.stratus.run.RunReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The monthly bill of a run on the project's provider: its line items as a table (quantity, unit,
 * unit price, amount, so the arithmetic can be followed, as {@code stratus simulate} prints them),
 * the bill's parts as a stacked bar, and each function's, gateway's and service's share of it.
 */
public final class BillView extends BorderPane implements ResultView {

    /** The most nodes the share chart names; the rest are summed as "others". */
    static final int MOST_SHARES = 12;

    private final TableView<LineItem> items = new TableView<>();
    private final Label total = new Label();
    private final ChartFrame partsFrame;
    private final ChartFrame sharesFrame;
    private final StackedBarChart<Number, String> parts;
    private final BarChart<Number, String> shares;

    public BillView(BiConsumer<Node, String> saver) {
        getStyleClass().add("bill-view");
        items.setId("table-bill");
        items.setPlaceholder(new Label("Run the simulation (F5) to see the monthly bill."));
        items.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        items.getColumns()
                .setAll(List.of(
                        Columns.text("Item", LineItem::description, 320),
                        Columns.number("Quantity", null, LineItem::quantity, BillView::quantity),
                        Columns.text("Unit", LineItem::unit, 110),
                        Columns.number(
                                "Unit price (USD)",
                                "As the provider publishes it",
                                LineItem::unitPrice,
                                v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()),
                        Columns.number(
                                "Amount (USD)", null, LineItem::amount, v -> String.format(Locale.ROOT, "%,.2f", v))));
        items.getStyleClass().add("results-table");
        total.setId("bill-total");
        total.getStyleClass().add("bill-total");
        BorderPane table = new BorderPane(items);
        table.setBottom(total);
        BorderPane.setMargin(total, new Insets(4, 0, 0, 0));

        CategoryAxis partAxis = new CategoryAxis();
        parts = new StackedBarChart<>(Charts.axis("USD a month"), partAxis);
        Charts.setUp(parts);
        parts.setCategoryGap(4);
        partsFrame = new ChartFrame("chart-bill-parts", "The bill's parts", "bill-parts", saver);
        partsFrame.setContent(parts);
        partsFrame.setPrefHeight(150);
        partsFrame.setMinHeight(120);

        shares = new BarChart<>(Charts.axis("USD a month"), new CategoryAxis());
        Charts.setUp(shares);
        shares.setLegendVisible(false);
        shares.setCategoryGap(3);
        sharesFrame = new ChartFrame("chart-bill-shares", "Share per node", "bill-shares", saver);
        sharesFrame.setContent(shares);
        VBox charts = new VBox(6, partsFrame, sharesFrame);
        VBox.setVgrow(sharesFrame, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, charts);
        split.setDividerPositions(0.55);
        setCenter(split);
        show(null, null);
    }

    /** The line items' table. */
    public TableView<LineItem> items() {
        return items;
    }

    public StackedBarChart<Number, String> parts() {
        return parts;
    }

    public BarChart<Number, String> shares() {
        return shares;
    }

    @Override
    public void show(RunReport report, Project project) {
        if (report == null || report.cost() == null) {
            items.getItems().clear();
            parts.getData().clear();
            shares.getData().clear();
            total.setText("");
            String why = report == null
                    ? "Run the simulation (F5) to see the bill."
                    : "The run stopped before any simulated time passed: there is nothing to bill.";
            partsFrame.setEmpty(why);
            sharesFrame.setEmpty(why);
            return;
        }
        Bill bill = report.cost().monthly();
        items.getItems().setAll(bill.lineItems());
        String provider = Provider.fromId(report.simulation().provider())
                .map(Provider::displayName)
                .orElse(report.simulation().provider());
        total.setText(String.format(
                Locale.ROOT,
                "Total on %s for a 30-day month of this traffic (free tier %s): %s \u00b7 for the simulated %s: %s"
                        + " \u00b7 per million requests: %s",
                provider,
                report.settings().freeTierOn() ? "on" : "off",
                Figures.usd(bill.total()),
                dev.stratus.app.simulate.Durations.approximate(report.simulation().simulatedSeconds()),
                Figures.usd(report.cost().period()),
                Figures.usd(report.cost().perMillionRequests())));

        String month = "This month";
        List<XYChart.Series<Number, String>> partSeries = new ArrayList<>();
        addPart(partSeries, "Requests", bill.requests(), month);
        addPart(partSeries, "Compute", bill.compute(), month);
        addPart(partSeries, "Provisioned", bill.provisioned(), month);
        addPart(partSeries, "API gateway", bill.gateway(), month);
        addPart(partSeries, "Services", bill.services(), month);
        parts.getData().setAll(partSeries);
        partsFrame.setEmpty(bill.total() > 0 ? null : "The month costs nothing: the free tier covers it all.");

        List<NodeCost> sorted = new ArrayList<>(report.cost().byNode());
        sorted.sort(Comparator.comparingDouble(NodeCost::monthly).reversed());
        List<XYChart.Data<Number, String>> bars = new ArrayList<>();
        double others = 0;
        int otherCount = 0;
        for (int i = 0; i < sorted.size(); i++) {
            NodeCost cost = sorted.get(i);
            if (i < MOST_SHARES) {
                bars.add(new XYChart.Data<>(cost.monthly(), cost.name()));
            } else {
                others += cost.monthly();
                otherCount++;
            }
        }
        if (otherCount > 0) {
            bars.add(new XYChart.Data<>(others, otherCount + " others"));
        }
        // Categories run bottom to top: the biggest share goes last, at the top.
        java.util.Collections.reverse(bars);
        shares.getData().setAll(List.of(new XYChart.Series<>("Monthly share", FXCollections.observableArrayList(bars))));
        sharesFrame.setEmpty(bars.isEmpty() || bill.total() <= 0 ? "Nothing to share out: the month costs nothing." : null);
        sharesFrame.setNote(report.simulation().provider().equals("aws")
                ? "functions, gateway and services"
                : "functions only: services and gateways are priced on AWS only so far");
    }

    private static void addPart(List<XYChart.Series<Number, String>> into, String name, double amount, String bar) {
        if (amount > 0) {
            into.add(new XYChart.Series<>(name, FXCollections.observableArrayList(List.of(new XYChart.Data<>(amount, bar)))));
        }
    }

    /** A quantity as {@code stratus simulate} writes it: 12 significant digits, grouped. */
    static String quantity(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(12)).stripTrailingZeros();
        return rounded.scale() <= 0
                ? String.format(Locale.ROOT, "%,d", rounded.toBigInteger())
                : String.format(Locale.ROOT, "%,." + Math.min(rounded.scale(), 6) + "f", rounded);
    }
}
