package dev.stratus.app.palette;

import dev.stratus.app.canvas.KindStyle;
import dev.stratus.app.canvas.Placement;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.edit.Ids;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.Node;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The palette: every kind of node, grouped as Triggers, Gateway, Function and Services, each with
 * its icon and name. Drag an item onto the canvas to place a node where it is dropped (the
 * dragboard carries {@code stratus-node:<kind id>}), or double-click it to add one at the first
 * free spot. An item's JavaFX id is {@code palette-<kind id>}, for example {@code palette-function}.
 */
public final class PaletteView extends VBox {

    private final EditorModel model;
    private Consumer<String> onAdded = id -> {};

    public PaletteView(EditorModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("palette-view");
        getStylesheets().add(Theme.stylesheet());
        setSpacing(2);
        setPadding(new Insets(8));
        setPrefWidth(180);
        for (NodeKind.Category category : NodeKind.Category.values()) {
            Label heading = new Label(heading(category));
            heading.getStyleClass().add("palette-heading");
            heading.setPadding(new Insets(8, 0, 2, 0));
            getChildren().add(heading);
            for (NodeKind kind : NodeKind.values()) {
                if (kind.category() == category) {
                    getChildren().add(item(kind));
                }
            }
        }
    }

    /** The heading of a group of kinds. */
    static String heading(NodeKind.Category category) {
        return switch (category) {
            case TRIGGER -> "Triggers";
            case GATEWAY -> "Gateway";
            case FUNCTION -> "Function";
            case SERVICE -> "Services";
        };
    }

    /** Called with the id of each node added by a double-click, so the window can show it. */
    public void setOnAdded(Consumer<String> handler) {
        onAdded = handler == null ? id -> {} : handler;
    }

    /** Adds a node of {@code kind} at the first free spot, selects it, and returns its id. */
    public String add(NodeKind kind) {
        Project project = model.project();
        String id = Ids.newId(project, kind.id().replace("-trigger", ""));
        Node node = NodeDefaults.of(kind, id, Ids.newName(project, kind));
        model.apply(Edits.addNode(node, Placement.freeSpot(project)));
        model.selection().clear();
        model.selection().add(id);
        onAdded.accept(id);
        return id;
    }

    private Label item(NodeKind kind) {
        FontIcon icon = new FontIcon(KindStyle.icon(kind));
        icon.getStyleClass().add("palette-icon");
        Label item = new Label(kind.displayName(), icon);
        item.setId("palette-" + kind.id());
        item.getStyleClass().addAll("palette-item", KindStyle.styleClass(kind.category()));
        item.setGraphicTextGap(8);
        item.setMaxWidth(Double.MAX_VALUE);
        item.setPadding(new Insets(4, 6, 4, 6));
        item.setTooltip(new Tooltip("Drag onto the canvas, or double-click to add " + kind.withArticle()));
        item.setOnDragDetected(e -> {
            Dragboard board = item.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.putString(Placement.dragString(kind.id()));
            board.setContent(content);
            e.consume();
        });
        item.setOnMouseClicked(e -> {
            // Two double-clicks in quick succession count as clicks 3 and 4: each pair adds one.
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() % 2 == 0) {
                add(kind);
                e.consume();
            }
        });
        return item;
    }
}
