package dev.stratus.app.shell;

import dev.stratus.model.Project;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line under the canvas: where the project came from and whether it has unsaved changes, the
 * canvas's last message (why a connection was refused), how many nodes and edges the design has,
 * what the validator thinks of it, the provider it targets, and the zoom.
 */
public final class StatusBar extends HBox {

    private final Label origin = label("status-origin");
    private final Label dirty = label("status-dirty");
    private final Label message = label("status-message");
    private final Label counts = label("status-counts");
    private final Label problems = label("status-problems");
    private final Label provider = label("status-provider");
    private final Label zoom = label("status-zoom");

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        origin.setMinWidth(0);
        message.setMinWidth(0);
        message.getStyleClass().add("status-message");
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        getChildren()
                .addAll(
                        origin,
                        dirty,
                        message,
                        counts,
                        separator(),
                        problems,
                        separator(),
                        provider,
                        separator(),
                        zoom);
    }

    /** Shows {@code simulation} (a run's progress, or what it came to) after the canvas's message. */
    public void showSimulation(javafx.scene.Node simulation) {
        getChildren().add(getChildren().indexOf(message) + 1, simulation);
        HBox.setHgrow(simulation, Priority.SOMETIMES);
    }

    /** Shows where the project came from, like a file's path or {@code Sample: REST API}. */
    public void bindOrigin(ObservableStringValue text) {
        origin.textProperty().bind(text);
    }

    /** Shows "Modified" while {@code isDirty} holds. */
    public void bindDirty(javafx.beans.value.ObservableBooleanValue isDirty) {
        dirty.textProperty()
                .bind(javafx.beans.binding.Bindings.when(isDirty)
                        .then("\u25cf Modified")
                        .otherwise(""));
    }

    /** Shows the canvas's messages, like why a connection was refused. */
    public void bindMessage(ObservableStringValue text) {
        message.textProperty().bind(text);
    }

    /** Shows {@code factor} (1 = 100%) as a percentage. */
    public void bindZoom(ObservableNumberValue factor) {
        zoom.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> Math.round(factor.doubleValue() * 100) + "%", factor));
    }

    /** Shows how many errors and warnings there are, as they change. */
    public void bindProblems(ObservableIntegerValue errors, ObservableIntegerValue warnings) {
        Runnable update = () -> showProblems(errors.get(), warnings.get());
        errors.addListener(o -> update.run());
        warnings.addListener(o -> update.run());
        update.run();
    }

    private void showProblems(long errors, long warnings) {
        problems.setText(problemText(errors, warnings));
        problems.getStyleClass().removeAll("has-errors", "has-warnings");
        if (errors > 0) {
            problems.getStyleClass().add("has-errors");
        } else if (warnings > 0) {
            problems.getStyleClass().add("has-warnings");
        }
    }

    /** "No problems", "2 errors", "1 warning" or "2 errors, 1 warning". */
    public static String problemText(long errors, long warnings) {
        if (errors == 0 && warnings == 0) {
            return "No problems";
        }
        if (errors > 0 && warnings > 0) {
            return plural(errors, "error") + ", " + plural(warnings, "warning");
        }
        return errors > 0 ? plural(errors, "error") : plural(warnings, "warning");
    }

    /** Shows the facts of {@code project}: counts and provider. */
    public void show(Project project) {
        int nodes = project.architecture().nodes().size();
        int edges = project.architecture().edges().size();
        counts.setText(plural(nodes, "node") + " · " + plural(edges, "edge"));
        provider.setText(project.provider().displayName());
    }

    /** The text naming where the project came from. */
    public String originText() {
        return origin.getText();
    }

    /** The problems text, like {@code 2 errors, 1 warning}. */
    public String problemsText() {
        return problems.getText();
    }

    /** The text counting nodes and edges, like {@code 7 nodes · 9 edges}. */
    public String countsText() {
        return counts.getText();
    }

    /** "● Modified" while there are unsaved changes, else empty. */
    public String dirtyText() {
        return dirty.getText();
    }

    /** The canvas's last message. */
    public String messageText() {
        return message.getText();
    }

    /** The zoom, like {@code 100%}. */
    public String zoomText() {
        return zoom.getText();
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("status-text");
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
