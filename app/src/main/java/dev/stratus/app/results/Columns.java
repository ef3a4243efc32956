package dev.stratus.app.results;

import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Columns of the results tables: text, or numbers that sort as numbers and read as figures. */
final class Columns {

    private Columns() {}

    static <T> TableColumn<T, String> text(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A number column, right-aligned, written by {@code format}. */
    static <T> TableColumn<T, Double> number(
            String title, String tip, ToDoubleFunction<T> value, DoubleFunction<String> format) {
        TableColumn<T, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                // NaN: no figure, as for a provider the design is not valid on.
                setText(empty || item == null ? null : Double.isNaN(item) ? "\u2014" : format.apply(item));
            }
        });
        column.getStyleClass().add("number-column");
        if (tip != null) {
            javafx.scene.control.Label header = new javafx.scene.control.Label(title);
            header.setTooltip(new javafx.scene.control.Tooltip(tip));
            column.setText(null);
            column.setGraphic(header);
        }
        column.setPrefWidth(Math.max(64, title.length() * 9 + 34));
        return column;
    }

    /** Styles a results table: compact rows (AtlantaFX's {@code dense}), columns as wide as they ask. */
    static void style(javafx.scene.control.TableView<?> table) {
        table.getStyleClass().addAll("results-table", "dense");
        table.setColumnResizePolicy(javafx.scene.control.TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    /** Milliseconds to one decimal, as {@code stratus simulate} prints them. */
    static String ms(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** A probability as a percentage to three decimals, as {@code stratus simulate} prints it. */
    static String percent3(double fraction) {
        return String.format(Locale.ROOT, "%.3f", 100 * fraction);
    }

    static String decimals2(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    static String decimals1(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    static String usd(double value) {
        return Figures.usd(value);
    }
}
