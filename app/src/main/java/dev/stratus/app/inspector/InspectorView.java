package dev.stratus.app.inspector;

import dev.stratus.app.edit.Edit;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.model.Trigger;
import dev.stratus.validate.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The properties of the selected node or edge, or of the project when nothing is selected, as
 * ControlsFX property sheets grouped by topic. Every committed value becomes one undoable edit on
 * the {@link EditorModel}; a value the model refuses is not applied and its reason is shown. The
 * Validator's problems of the inspected element are listed under the sheets, live, and the field
 * each is about is flagged with the style class {@code invalid}. Use on the FX thread only.
 */
public final class InspectorView extends VBox {

    /** The style class of an editor whose value has a problem. */
    public static final String INVALID = "invalid";

    private static final String CSS = ".invalid { -fx-border-color: #d32f2f; -fx-border-width: 1.5;"
            + " -fx-border-radius: 3; }\n"
            + ".inspector-problem.error { -fx-text-fill: #d32f2f; }\n"
            + ".inspector-problem.warning { -fx-text-fill: #b26a00; }\n"
            + ".inspector-refusal { -fx-text-fill: #d32f2f; }\n"
            + ".inspector-title { -fx-font-weight: bold; -fx-padding: 6 8 6 8; }\n";

    private final EditorModel model;
    private final Label title = new Label();
    private final VBox groups = new VBox();
    private final Label refusal = new Label();
    private final VBox problems = new VBox(4);
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final Map<String, String> refused = new HashMap<>();
    private List<Field> fields = List.of();
    private String inspected = "";
    private boolean refreshing;

    public InspectorView(EditorModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("inspector");
        getStylesheets()
                .add("data:text/css;base64,"
                        + Base64.getEncoder().encodeToString(CSS.getBytes(StandardCharsets.UTF_8)));
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        ScrollPane scroller = new ScrollPane(groups);
        scroller.setFitToWidth(true);
        VBox.setVgrow(scroller, Priority.ALWAYS);
        refusal.setId("inspector-refusal");
        refusal.getStyleClass().add("inspector-refusal");
        refusal.setWrapText(true);
        refusal.managedProperty().bind(refusal.visibleProperty());
        refusal.setVisible(false);
        problems.setId("inspector-problems");
        problems.setStyle("-fx-padding: 4 8 8 8;");
        getChildren().addAll(title, scroller, refusal, problems);
        model.projectProperty().addListener((o, old, now) -> refresh());
        model.selection().addListener((SetChangeListener<String>) change -> refresh());
        refresh();
    }

    /** What the inspector shows now: "Project", the element's kind and name, or "3 elements selected". */
    public String titleText() {
        return title.getText();
    }

    /** The messages of the problems listed under the sheet, in order. */
    public List<String> problemTexts() {
        return problems.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The reason the last value entered was refused, or empty. */
    public String refusalText() {
        return refusal.isVisible() ? refusal.getText() : "";
    }

    private void refresh() {
        refreshing = true;
        try {
            show(model.project());
        } finally {
            refreshing = false;
        }
    }

    private void show(Project project) {
        refused.clear();
        if (model.selection().size() > 1) {
            inspected = "many";
            title.setText(model.selection().size() + " elements selected");
            rebuild(List.of());
            showProblems(project, null, false);
            return;
        }
        String id = model.selection().isEmpty()
                ? null
                : model.selection().iterator().next();
        Optional<Node> node =
                id == null ? Optional.empty() : project.architecture().node(id);
        Optional<Edge> edge = id == null
                ? Optional.empty()
                : project.architecture().edges().stream()
                        .filter(e -> e.id().equals(id))
                        .findFirst();
        List<Field> fresh = new ArrayList<>();
        String target;
        if (node.isPresent()) {
            Node n = node.get();
            target = "node:" + n.id();
            title.setText(ProviderWords.of(project.provider(), n.kind()) + " · "
                    + (n.name().isBlank() ? n.id() : n.name()));
            fresh.addAll(NodeFields.of(project, n));
            if (n instanceof Trigger && n.kind() != NodeKind.SCHEDULE_TRIGGER) {
                fresh.addAll(ProjectFields.workload(project, n.id()));
            }
        } else if (edge.isPresent()) {
            target = "edge:" + edge.get().id();
            title.setText("Connection · " + EdgeFields.ends(project, edge.get()));
            fresh.addAll(EdgeFields.of(project, edge.get()));
        } else {
            target = "project";
            title.setText("Project");
            fresh.addAll(ProjectFields.of(project));
        }
        if (target.equals(inspected) && sameKeys(fields, fresh)) {
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).refreshFrom(fresh.get(i));
                FieldEditor editor = editors.get(fields.get(i).key());
                editor.setValue(fields.get(i).getValue());
            }
        } else {
            inspected = target;
            rebuild(fresh);
        }
        showProblems(project, target.equals("project") ? null : id, true);
    }

    private static boolean sameKeys(List<Field> a, List<Field> b) {
        return a.stream()
                .map(Field::key)
                .toList()
                .equals(b.stream().map(Field::key).toList());
    }

    private void rebuild(List<Field> fresh) {
        fields = fresh;
        editors.clear();
        groups.getChildren().clear();
        Map<String, List<PropertySheet.Item>> byCategory = new LinkedHashMap<>();
        FieldEditor.Commit commit = new FieldEditor.Commit() {
            @Override
            public void commit(Field field, Object value) {
                apply(field, value);
            }

            @Override
            public void refuse(Field field, String message) {
                showRefusal(field, message);
            }
        };
        for (Field field : fresh) {
            editors.put(field.key(), new FieldEditor(field, commit));
            byCategory
                    .computeIfAbsent(field.getCategory(), c -> new ArrayList<>())
                    .add(field);
        }
        byCategory.forEach((category, items) -> {
            PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(items));
            sheet.setMode(PropertySheet.Mode.NAME);
            sheet.setModeSwitcherVisible(false);
            sheet.setSearchBoxVisible(false);
            sheet.setPropertyEditorFactory(item -> editors.get(((Field) item).key()));
            TitledPane pane = new TitledPane(category, sheet);
            pane.setId("inspector-group-"
                    + category.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            pane.setAnimated(false);
            groups.getChildren().add(pane);
        });
    }

    private void apply(Field field, Object value) {
        if (refreshing) {
            // A text field loses focus as the sheet is rebuilt for another selection: commit its entry after.
            Platform.runLater(() -> apply(field, value));
            return;
        }
        Edit edit;
        try {
            edit = field.editFor(value);
        } catch (IllegalArgumentException e) {
            showRefusal(field, e.getMessage());
            return;
        }
        refused.remove(field.key());
        refusal.setVisible(false);
        model.apply(edit);
        // A change the model keeps as it was (same value) fires no refresh: show the field as it is.
        FieldEditor editor = editors.get(field.key());
        if (editor != null && editor.field() == field) {
            editor.setValue(field.getValue());
        }
        flag();
    }

    private void showRefusal(Field field, String message) {
        refused.put(field.key(), message);
        refusal.setText(message);
        refusal.setVisible(true);
        flag();
    }

    private void showProblems(Project project, String subject, boolean forElement) {
        problems.getChildren().clear();
        refusal.setVisible(!refused.isEmpty());
        if (forElement) {
            for (Problem problem : model.problemsOf(project)) {
                if (Objects.equals(problem.subject(), subject)) {
                    Label line = new Label(problem.message());
                    line.setWrapText(true);
                    line.getStyleClass().addAll("inspector-problem", problem.isError() ? "error" : "warning");
                    problems.getChildren().add(line);
                }
            }
        }
        flag();
    }

    /** Marks the editors whose values have a problem or were refused. */
    private void flag() {
        Map<String, String> messages = new HashMap<>();
        for (javafx.scene.Node line : problems.getChildren()) {
            String text = ((Label) line).getText();
            ProblemFields.keyOf(new Problem(Problem.Severity.ERROR, null, text))
                    .ifPresent(key -> messages.merge(key, text, (a, b) -> a + "\n" + b));
        }
        messages.putAll(refused);
        editors.forEach((key, editor) -> {
            Control control = editor.control();
            String message = messages.get(key);
            control.getStyleClass().remove(INVALID);
            if (message != null) {
                control.getStyleClass().add(INVALID);
                control.setTooltip(new Tooltip(message));
            } else {
                control.setTooltip(null);
            }
        });
    }
}
