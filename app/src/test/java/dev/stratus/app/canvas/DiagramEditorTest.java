package dev.stratus.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

/** The canvas's editing commands on a project alone: no scene, no views. */
class DiagramEditorTest {

    /** web (HTTP) -> orders (function) -> table (database); web and orders placed, the table not. */
    private static Project design() {
        Architecture architecture = new Architecture(
                List.of(
                        NodeDefaults.of(NodeKind.HTTP_TRIGGER, "web", "web"),
                        NodeDefaults.of(NodeKind.FUNCTION, "orders", "orders"),
                        NodeDefaults.of(NodeKind.DATABASE, "table", "table")),
                List.of(Edge.of("e1", "web", "orders"), Edge.of("e2", "orders", "table")));
        Layout layout = Layout.EMPTY.with("web", new Position(40, 40)).with("orders", new Position(260, 40));
        return Project.empty("Shop").withArchitecture(architecture).withLayout(layout);
    }

    private final EditorModel model = new EditorModel(design());
    private final DiagramEditor editor = new DiagramEditor(model);

    private Architecture architecture() {
        return model.project().architecture();
    }

    private Position at(String id) {
        return model.project().layout().positionOf(id).orElseThrow();
    }

    @Test
    void addingANodePutsItThereSelectsItAloneAndIsOneUndoableStep() {
        model.selection().add("web");

        String id = editor.addNode(NodeKind.QUEUE, new Position(100, 300));

        assertThat(architecture().node(id)).map(Node::kind).contains(NodeKind.QUEUE);
        assertThat(at(id)).isEqualTo(new Position(100, 300));
        assertThat(model.selection()).containsExactly(id);
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Add " + NodeKind.QUEUE.lowerName());
        model.undo();
        assertThat(model.project()).isEqualTo(design());
    }

    @Test
    void placingANodeCentresItsBoxOnThePointSnappedToTheGrid() {
        String id = editor.placeNode(NodeKind.FUNCTION, new Point2D(407, 233));

        Position corner = at(id);
        assertThat(corner.x() % DiagramEditor.GRID).isZero();
        assertThat(corner.y() % DiagramEditor.GRID).isZero();
        assertThat(corner.x() + NodeView.WIDTH / 2).isCloseTo(407, org.assertj.core.data.Offset.offset(10.0));
        assertThat(corner.y() + NodeView.HEIGHT / 2).isCloseTo(233, org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void aConnectionFromAGatewayGetsARouteAndTheMessageSaysItWasMade() {
        String gateway = editor.addNode(NodeKind.API_GATEWAY, new Position(0, 200));

        assertThat(editor.connect(gateway, "orders")).isEmpty();

        Edge made = architecture().edgesFrom(gateway).get(0);
        assertThat(made.to()).isEqualTo("orders");
        assertThat(made.route()).isEqualTo("GET /orders");
        String name = architecture().node(gateway).orElseThrow().name();
        assertThat(editor.messageProperty().get()).isEqualTo("Connected " + name + " to orders.");
    }

    @Test
    void aRefusedConnectionSaysWhyAndChangesNothing() {
        Project before = model.project();
        String reason = ConnectionRules.refusal(NodeKind.FUNCTION, NodeKind.HTTP_TRIGGER)
                .orElseThrow();

        assertThat(editor.connect("orders", "web")).contains(reason);
        assertThat(editor.messageProperty().get()).isEqualTo(reason);
        assertThat(editor.connect("web", "orders")).contains("web is already connected to orders.");
        assertThat(editor.connect("web", "nowhere")).contains("There is no node nowhere to connect.");
        assertThat(model.project()).isSameAs(before);
        assertThat(model.canUndoProperty().get()).isFalse();
    }

    @Test
    void deletingTheSelectionTakesTheEdgesOfItsNodesAlongInOneStep() {
        model.selection().add("orders");

        editor.deleteSelection();

        assertThat(architecture().nodes()).extracting(Node::id).containsExactly("web", "table");
        assertThat(architecture().edges()).isEmpty();
        assertThat(model.selection()).isEmpty();
        model.undo();
        assertThat(model.project()).isEqualTo(design());
    }

    @Test
    void eachPasteLandsOneOffsetFurtherWithFreshIdsNamesAndTheEdgesBetweenTheCopies() {
        model.selection().addAll(List.of("web", "orders"));
        editor.copySelection();
        assertThat(editor.canPaste()).isTrue();

        editor.paste();
        List<String> first = List.copyOf(model.selection());
        editor.paste();
        List<String> second = List.copyOf(model.selection());

        assertThat(architecture().nodes()).hasSize(7);
        assertThat(first).hasSize(2).doesNotContain("web", "orders", "table");
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        Node firstOrders = copyOf("orders", first);
        assertThat(firstOrders.name()).isEqualTo("orders-copy");
        assertThat(copyOf("orders", second).name()).isEqualTo("orders-copy-2");
        assertThat(at(firstOrders.id()))
                .isEqualTo(new Position(260 + DiagramEditor.PASTE_OFFSET, 40 + DiagramEditor.PASTE_OFFSET));
        assertThat(at(copyOf("orders", second).id()))
                .isEqualTo(new Position(260 + 2 * DiagramEditor.PASTE_OFFSET, 40 + 2 * DiagramEditor.PASTE_OFFSET));
        assertThat(architecture().edgesFrom(copyOf("web", first).id()))
                .extracting(Edge::to)
                .containsExactly(firstOrders.id());
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Paste 2 nodes");
    }

    @Test
    void aCopyOfAnUnplacedNodeIsPastedBesideWhereTheCanvasDrawsIt() {
        Position drawn = LayeredLayout.complete(design().architecture(), design().layout())
                .positionOf("table")
                .orElseThrow();
        model.selection().add("table");

        editor.copySelection();
        editor.paste();

        String copy = model.selection().iterator().next();
        assertThat(at(copy))
                .isEqualTo(
                        new Position(drawn.x() + DiagramEditor.PASTE_OFFSET, drawn.y() + DiagramEditor.PASTE_OFFSET));
    }

    @Test
    void duplicatingCopiesTheSelectionBesideItselfAndLeavesTheClipboardAlone() {
        assertThat(editor.canPaste()).isFalse();
        model.selection().add("orders");

        editor.duplicateSelection();

        assertThat(editor.canPaste()).isFalse();
        String copy = model.selection().iterator().next();
        assertThat(architecture().node(copy)).map(Node::name).contains("orders-copy");
        assertThat(at(copy)).isEqualTo(new Position(260 + DiagramEditor.PASTE_OFFSET, 40 + DiagramEditor.PASTE_OFFSET));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Duplicate");
    }

    @Test
    void selectAllSelectsEveryNodeAndEdgeOfTheDesign() {
        editor.selectAll();

        assertThat(model.selection()).containsExactlyInAnyOrder("web", "orders", "table", "e1", "e2");
    }

    @Test
    void aClickSelectsAloneUnlessAlreadySelectedAndAToggleAddsOrRemoves() {
        editor.select("web", false);
        editor.select("orders", true);
        assertThat(model.selection()).containsExactlyInAnyOrder("web", "orders");

        editor.select("orders", false);
        assertThat(model.selection()).containsExactlyInAnyOrder("web", "orders");

        editor.select("web", true);
        assertThat(model.selection()).containsExactly("orders");
        editor.select("e1", false);
        assertThat(model.selection()).containsExactly("e1");
    }

    @Test
    void nudgingMovesTheSelectedNodesFromWhereTheyAreDrawnInOneStep() {
        Position table = LayeredLayout.complete(design().architecture(), design().layout())
                .positionOf("table")
                .orElseThrow();
        model.selection().addAll(List.of("orders", "table", "e1"));

        editor.nudge(20, -40);

        assertThat(at("orders")).isEqualTo(new Position(280, 0));
        assertThat(at("table")).isEqualTo(new Position(table.x() + 20, table.y() - 40));
        assertThat(at("web")).isEqualTo(new Position(40, 40));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Move 2 nodes");
    }

    @Test
    void arrangingLaysTheDesignOutLeftToRightInOneStep() {
        model.apply(Edits.move(Map.of("web", new Position(900, 900))));

        editor.arrange();

        assertThat(model.project().layout()).isEqualTo(LayeredLayout.of(design().architecture()));
        assertThat(at("web").x()).isLessThan(at("orders").x());
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Arrange");
    }

    @Test
    void renamingKeepsTheNameWithoutSurroundingSpaceAndIgnoresABlankOne() {
        editor.rename("orders", "  list-orders ");
        editor.rename("web", "   ");

        assertThat(architecture().node("orders")).map(Node::name).contains("list-orders");
        assertThat(architecture().node("web")).map(Node::name).contains("web");
    }

    @Test
    void theProjectListenersHearThatAChangeIsTheEditorsOwnOnlyWhileItMakesIt() {
        List<Boolean> heard = new ArrayList<>();
        model.projectProperty().addListener((o, before, after) -> heard.add(editor.isApplying()));

        editor.addNode(NodeKind.FUNCTION, new Position(0, 400));
        model.undo();
        model.apply(Edits.rename("web", "site"));

        assertThat(heard).containsExactly(true, false, false);
        assertThat(editor.isApplying()).isFalse();
    }

    @Test
    void theMovesOfADragAreOneStepAndAnEmptyMoveIsNone() {
        editor.move(Map.of());
        assertThat(model.canUndoProperty().get()).isFalse();

        editor.move(Map.of("web", new Position(60, 60), "orders", new Position(300, 60)));

        assertThat(at("web")).isEqualTo(new Position(60, 60));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Move 2 nodes");
    }

    private Node copyOf(String originalId, List<String> among) {
        String name = architecture().node(originalId).orElseThrow().name();
        return architecture().nodes().stream()
                .filter(n -> among.contains(n.id()) && n.name().startsWith(name + "-copy"))
                .findFirst()
                .orElseThrow();
    }
}
