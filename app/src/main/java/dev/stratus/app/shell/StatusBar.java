package dev.stratus.app.shell;

import dev.stratus.model.Project;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line under the canvas: where the project came from, how many nodes and edges it has, what
 * the validator thinks of it, and the provider it targets.
 */
public final class StatusBar extends HBox {

    private final Label origin = label("status-origin");
    private final Label counts = label("status-counts");
    private final Label problems = label("status-problems");
    private final Label provider = label("status-provider");

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        origin.setMinWidth(0);
        HBox.setHgrow(origin, Priority.ALWAYS);
        origin.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(origin, counts, separator(), problems, separator(), provider);
    }

    /** Shows the facts of {@code document}. */
    public void show(Document document) {
        Project project = document.project();
        origin.setText(document.origin());
        int nodes = project.architecture().nodes().size();
        int edges = project.architecture().edges().size();
        counts.setText(plural(nodes, "node") + " · " + plural(edges, "edge"));
        List<Problem> found = new Validator().validate(project);
        long errors = found.stream().filter(Problem::isError).count();
        long warnings = found.size() - errors;
        problems.setText(
                found.isEmpty()
                        ? "No problems"
                        : errors > 0 && warnings > 0
                                ? plural(errors, "error") + ", " + plural(warnings, "warning")
                                : errors > 0 ? plural(errors, "error") : plural(warnings, "warning"));
        problems.getStyleClass().removeAll("has-errors", "has-warnings");
        if (errors > 0) {
            problems.getStyleClass().add("has-errors");
        } else if (warnings > 0) {
            problems.getStyleClass().add("has-warnings");
        }
        provider.setText(project.provider().displayName());
    }

    /** The text naming where the project came from. */
    public String originText() {
        return origin.getText();
    }

    /** The text counting nodes and edges, like {@code 7 nodes · 9 edges}. */
    public String countsText() {
        return counts.getText();
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

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
