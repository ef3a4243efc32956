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
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The monthly bill of a run on the project's provider: its line items as a table (quantity, unit,
 * unit price, amount, so the arithmetic can be followed, as {@code stratus simulate} prints them),
 * the bill's parts as a stacked bar, and each function's, gateway's and service's share of it.
 */
public final class BillView extends BorderPane implements ResultView {

    /** The most nodes the share chart names; the rest are summed as "others". */
    static final int MOST_SHARES = 8;

    private static final String MONTH = "This month";

    private final TableView<LineItem> items = new TableView<>();
    private final Label total = new Label();
    private final ChartFrame partsFrame;
    private final ChartFrame sharesFrame;
    private final StackedBarChart<String, Number> parts;
    private final BarChart<Number, String> shares;

    public BillView(BiConsumer<Node, String> saver) {
        getStyleClass().add("bill-view");
        items.setId("table-bill");
        items.setPlaceholder(new Label("Run the simulation (F5) to see the monthly bill."));
        Columns.style(items);
        items.getColumns()
                .setAll(List.of(
                        Columns.text("Item", LineItem::description, 300),
                        Columns.number("Quantity", null, LineItem::quantity, Figures::quantity),
                        Columns.text("Unit", LineItem::unit, 110),
                        Columns.number(
                                "Unit price (USD)",
                                "As the provider publishes it",
                                LineItem::unitPrice,
                                v -> BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()),
                        Columns.number(
                                "Amount (USD)", null, LineItem::amount, v -> String.format(Locale.ROOT, "%,.2f", v))));
        total.setId("bill-total");
        total.setWrapText(true);
        total.getStyleClass().add("bill-total");
        BorderPane table = new BorderPane(items);
        table.setBottom(total);
        BorderPane.setMargin(total, new Insets(4, 0, 0, 0));

        CategoryAxis partAxis = new CategoryAxis(FXCollections.observableArrayList(MONTH));
        parts = new StackedBarChart<>(partAxis, Charts.axis("USD a month"));
        Charts.setUp(parts);
        parts.setLegendSide(Side.RIGHT);
        parts.setCategoryGap(40);
        partsFrame = new ChartFrame("chart-bill-parts", "The bill's parts", "bill-parts", saver);
        partsFrame.setContent(parts);

        CategoryAxis nodeAxis = new CategoryAxis();
        shares = new BarChart<>(Charts.axis("USD a month"), nodeAxis);
        Charts.setUp(shares);
        shares.setLegendVisible(false);
        shares.setCategoryGap(4);
        sharesFrame = new ChartFrame("chart-bill-shares", "Share per node", "bill-shares", saver);
        sharesFrame.setContent(shares);

        // One chart at a time, each with the whole height the results panel has.
        ToggleGroup which = new ToggleGroup();
        RadioButton showParts = new RadioButton("Parts");
        RadioButton showShares = new RadioButton("Per node");
        showParts.setId("bill-show-parts");
        showShares.setId("bill-show-shares");
        showParts.setToggleGroup(which);
        showShares.setToggleGroup(which);
        StackPane charts = new StackPane(partsFrame, sharesFrame);
        sharesFrame.visibleProperty().bind(showShares.selectedProperty());
        partsFrame.visibleProperty().bind(showShares.selectedProperty().not());
        showParts.setSelected(true);
        HBox pick = new HBox(12, showParts, showShares);
        pick.setPadding(new Insets(0, 0, 4, 8));
        BorderPane right = new BorderPane(charts);
        right.setTop(pick);
        SplitPane split = new SplitPane(table, right);
        split.setDividerPositions(0.46);
        SplitPane.setResizableWithParent(right, true);
        setCenter(split);
        show(null, null);
    }

    /** The line items' table. */
    public TableView<LineItem> items() {
        return items;
    }

    public StackedBarChart<String, Number> parts() {
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
                dev.stratus.app.simulate.Durations.approximate(
                        report.simulation().simulatedSeconds()),
                Figures.usd(report.cost().period()),
                Figures.usd(report.cost().perMillionRequests())));

        String month = MONTH;
        List<XYChart.Series<String, Number>> partSeries = new ArrayList<>();
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
            if (cost.monthly() <= 0) {
                continue;
            }
            if (i < MOST_SHARES) {
                bars.add(new XYChart.Data<>(cost.monthly(), slice(cost.name(), cost.monthly(), bill.total())));
            } else {
                others += cost.monthly();
                otherCount++;
            }
        }
        if (otherCount > 0) {
            bars.add(new XYChart.Data<>(others, slice(otherCount + " others", others, bill.total())));
        }
        // Categories run from the bottom up: the biggest share goes last, on top.
        java.util.Collections.reverse(bars);
        ((CategoryAxis) shares.getYAxis())
                .setCategories(FXCollections.observableArrayList(
                        bars.stream().map(XYChart.Data::getYValue).toList()));
        shares.getData()
                .setAll(List.of(new XYChart.Series<>("Monthly share", FXCollections.observableArrayList(bars))));
        sharesFrame.setEmpty(
                bars.isEmpty() || bill.total() <= 0 ? "Nothing to share out: the month costs nothing." : null);
        sharesFrame.setNote(
                report.simulation().provider().equals("aws")
                        ? "functions, gateway and services"
                        : "functions only: services and gateways are priced on AWS only so far");
    }

    /** A slice's label: the node, its amount and its share, "items-table $81.12 (32 %)". */
    private static String slice(String name, double amount, double total) {
        return String.format(Locale.ROOT, "%s %s (%.0f %%)", name, Figures.usd(amount), 100 * amount / total);
    }

    private static void addPart(List<XYChart.Series<String, Number>> into, String name, double amount, String bar) {
        if (amount > 0) {
            into.add(new XYChart.Series<>(
                    name + " " + Figures.usd(amount),
                    FXCollections.observableArrayList(List.of(new XYChart.Data<>(bar, amount)))));
        }
    }
}
