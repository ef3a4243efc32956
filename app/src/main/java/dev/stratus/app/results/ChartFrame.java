package dev.stratus.app.results;

import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A chart with its title, the choices that change what it shows, a note, and a button that saves
 * it as a PNG picture; or, when there is nothing to draw, a sentence saying why.
 */
final class ChartFrame extends BorderPane {

    private final Label title = new Label();
    private final Label note = new Label();
    private final Label empty = new Label();
    private final StackPane body = new StackPane();
    private final HBox choices = new HBox(8);
    private final Button save = new Button(null, new FontIcon("mdi2c-content-save-outline"));
    private Node content;

    /**
     * @param id the frame's id ({@code chart-arrivals}); the chart inside gets it plus {@code -chart}
     * @param fileName the picture's suggested file name without extension
     * @param saver saves a node as a picture under a suggested file name
     */
    ChartFrame(String id, String titleText, String fileName, BiConsumer<Node, String> saver) {
        setId(id);
        getStyleClass().add("chart-frame");
        title.setText(titleText);
        title.getStyleClass().add("chart-title");
        note.getStyleClass().add("chart-note");
        note.setMinWidth(0);
        title.setMinWidth(Region.USE_PREF_SIZE);
        note.setWrapText(false);
        empty.getStyleClass().add("chart-empty");
        empty.setWrapText(true);
        save.setId(id + "-save");
        save.getStyleClass().add("flat");
        save.setTooltip(new Tooltip("Save this chart as a PNG picture\u2026"));
        save.setOnAction(e -> {
            if (content != null && content.isVisible()) {
                saver.accept(body, fileName);
            }
        });
        choices.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(note, Priority.SOMETIMES);
        HBox header = new HBox(10, title, choices, note, spacer, save);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 4, 0));
        setTop(header);
        setCenter(body);
        body.getChildren().add(empty);
    }

    /** Puts {@code chart} in the frame, in place of the one before. */
    void setContent(Node chart) {
        content = chart;
        chart.setId(getId() + "-chart");
        body.getChildren().setAll(chart, empty);
        empty.setVisible(false);
    }

    /** The chart (or other content) shown. */
    Node content() {
        return content;
    }

    /** The controls beside the title. */
    HBox choices() {
        return choices;
    }

    /** A short note beside the title, like what the chart leaves out. */
    void setNote(String text) {
        note.setText(text);
        note.setTooltip(text == null || text.isEmpty() ? null : new Tooltip(text));
    }

    /** Hides the chart and says why there is nothing to draw; {@code null} shows the chart again. */
    void setEmpty(String why) {
        boolean isEmpty = why != null;
        empty.setText(isEmpty ? why : "");
        empty.setVisible(isEmpty);
        if (content != null) {
            content.setVisible(!isEmpty);
        }
        save.setDisable(isEmpty);
    }
}
