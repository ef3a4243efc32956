package dev.stratus.app.problems;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.validate.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The Validator's problems of the open project in a table (severity, element, message), errors
 * first, re-checked whenever the project changes. Double-clicking a row selects its node or edge and
 * asks the canvas to reveal it. Use on the FX thread only.
 */
public final class ProblemsView extends VBox {

    /**
     * One row: a problem and the name of the element it is about.
     *
     * @param problem the Validator's problem
     * @param element the node's name, the edge's ends, or "Project"
     */
    public record Row(Problem problem, String element) {}

    private final EditorModel model;
    private final Consumer<String> reveal;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>(rows);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errorCount");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warningCount");

    public ProblemsView(EditorModel model, Consumer<String> reveal) {
        this.model = Objects.requireNonNull(model, "model");
        this.reveal = Objects.requireNonNull(reveal, "reveal");
        getStyleClass().add("problems");
        table.setId("problems-table");
        Label empty = new Label("No problems");
        empty.setId("problems-empty");
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(severityColumn());
        table.getColumns().add(textColumn("Element", Row::element, 160));
        table.getColumns().add(textColumn("Message", r -> r.problem().message(), 600));
        table.setRowFactory(t -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    show(row.getItem());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
        model.projectProperty().addListener((o, old, now) -> refresh());
        refresh();
    }

    /** Errors in the open project. */
    public ReadOnlyIntegerProperty errorCountProperty() {
        return errors.getReadOnlyProperty();
    }

    /** Warnings in the open project. */
    public ReadOnlyIntegerProperty warningCountProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** The rows as shown, errors first. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** Selects the element of {@code row} (nothing, for a problem of the whole project) and reveals it. */
    public void show(Row row) {
        String subject = row.problem().subject();
        model.selection().clear();
        if (subject != null && exists(model.project().architecture(), subject)) {
            model.selection().add(subject);
            reveal.accept(subject);
        }
    }

    private void refresh() {
        Project project = model.project();
        Map<String, Node> nodes = project.architecture().nodesById();
        List<Row> fresh = model.problemsOf(project).stream()
                .sorted(Comparator.comparing(Problem::severity))
                .map(p -> new Row(p, element(project, nodes, p.subject())))
                .toList();
        rows.setAll(fresh);
        errors.set((int) fresh.stream().filter(r -> r.problem().isError()).count());
        warnings.set(fresh.size() - errors.get());
    }

    private static boolean exists(Architecture architecture, String id) {
        return architecture.node(id).isPresent()
                || architecture.edges().stream().anyMatch(e -> e.id().equals(id));
    }

    private static String element(Project project, Map<String, Node> nodes, String subject) {
        if (subject == null) {
            return "Project";
        }
        Node node = nodes.get(subject);
        if (node != null) {
            return name(node, subject);
        }
        Optional<Edge> edge = project.architecture().edges().stream()
                .filter(e -> e.id().equals(subject))
                .findFirst();
        return edge.map(e -> name(nodes.get(e.from()), e.from()) + " → " + name(nodes.get(e.to()), e.to()))
                .orElse(subject);
    }

    private static String name(Node node, String id) {
        return node == null || node.name().isBlank() ? id : node.name();
    }

    private static TableColumn<Row, Row> severityColumn() {
        TableColumn<Row, Row> column = new TableColumn<>("Severity");
        column.setPrefWidth(90);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                boolean error = row.problem().isError();
                FontIcon icon = new FontIcon(error ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignA.ALERT);
                icon.setIconColor(
                        error ? javafx.scene.paint.Color.web("#d32f2f") : javafx.scene.paint.Color.web("#e0a000"));
                setGraphic(icon);
                setText(error ? "Error" : "Warning");
                getStyleClass().add(error ? "problem-error" : "problem-warning");
            }
        });
        return column;
    }

    private static TableColumn<Row, String> textColumn(
            String title, java.util.function.Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }
}
