package dev.stratus.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.app.canvas.DiagramEditor;
import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.canvas.EdgeView;
import dev.stratus.app.canvas.NodeView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.palette.PaletteView;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editing canvas and the palette in a small window of their own, driven as a person would under
 * headless Monocle: place, connect, select, move, rename, delete, copy and paste, undo and redo.
 */
@ExtendWith(ApplicationExtension.class)
class EditingTest {

    private EditorModel model;
    private DiagramEditor editor;
    private DiagramView canvas;
    private PaletteView palette;

    @Start
    void start(Stage stage) {
        Theme.applyUserAgentStylesheet();
        model = new EditorModel(Project.empty("Editing"));
        editor = new DiagramEditor(model);
        canvas = new DiagramView();
        canvas.bind(editor);
        palette = new PaletteView(model);
        BorderPane root = new BorderPane(canvas, null, null, null, palette);
        stage.setScene(new Scene(root, 1000, 700));
        stage.show();
    }

    @Test
    void draggingAFunctionFromThePaletteOntoTheCanvasPlacesItWhereItIsDropped(FxRobot robot) throws Exception {
        Point2D target = onFx(() -> canvas.localToScreen(400, 300));

        robot.drag("#palette-function", MouseButton.PRIMARY).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();

        List<Node> nodes = model.project().architecture().nodes();
        assertThat(nodes).hasSize(1);
        assertThat(nodes.get(0).kind()).isEqualTo(NodeKind.FUNCTION);
        Position at = model.project().layout().positionOf(nodes.get(0).id()).orElseThrow();
        assertThat(at.x() % DiagramEditor.GRID).isZero();
        assertThat(at.y() % DiagramEditor.GRID).isZero();
        Point2D centre = onFx(() -> canvas.toCanvas(400, 300));
        assertThat(at.x() + NodeView.WIDTH / 2).isCloseTo(centre.getX(), org.assertj.core.data.Offset.offset(11.0));
        assertThat(onFx(() -> canvas.nodeView(nodes.get(0).id()).isPresent())).isTrue();
    }

    @Test
    void doubleClickingAPaletteItemAddsTheNodeAndSelectsIt(FxRobot robot) {
        robot.doubleClickOn("#palette-database");
        WaitForAsyncUtils.waitForFxEvents();

        List<Node> nodes = model.project().architecture().nodes();
        assertThat(nodes).extracting(Node::kind).containsExactly(NodeKind.DATABASE);
        assertThat(model.selection()).containsExactly(nodes.get(0).id());
    }

    @Test
    void draggingFromAnHttpTriggersPortToAFunctionConnectsThem(FxRobot robot) throws Exception {
        String http = place(NodeKind.HTTP_TRIGGER, 60, 100);
        String function = place(NodeKind.FUNCTION, 360, 100);

        dragPortTo(robot, http, function);

        List<Edge> edges = model.project().architecture().edges();
        assertThat(edges).hasSize(1);
        assertThat(edges.get(0).from()).isEqualTo(http);
        assertThat(edges.get(0).to()).isEqualTo(function);
        assertThat(onFx(() -> canvas.edgeViews().size())).isEqualTo(1);
        assertThat(onFx(() -> canvas.edgeViews().get(0).isSynchronous())).isTrue();
    }

    @Test
    void aRefusedConnectionSaysWhyAndAddsNoEdge(FxRobot robot) throws Exception {
        String http = place(NodeKind.HTTP_TRIGGER, 60, 100);
        String function = place(NodeKind.FUNCTION, 360, 100);

        dragPortTo(robot, function, http);

        String reason = ConnectionRules.refusal(NodeKind.FUNCTION, NodeKind.HTTP_TRIGGER)
                .orElseThrow();
        assertThat(model.project().architecture().edges()).isEmpty();
        assertThat(onFx(() -> editor.messageProperty().get())).isEqualTo(reason);
        Label shown = robot.lookup(".refusal").queryAs(Label.class);
        assertThat(onFx(() -> shown.isVisible() ? shown.getText() : "")).isEqualTo(reason);
        assertThat(model.canUndoProperty().get()).isTrue();
        onFx(() -> {
            model.undo();
            return null;
        });
        assertThat(model.project().architecture().nodes()).hasSize(1);
    }

    @Test
    void connectReturnsTheRefusalAndGatewayEdgesGetARoute() throws Exception {
        String gateway = place(NodeKind.API_GATEWAY, 60, 100);
        String function = place(NodeKind.FUNCTION, 360, 100);
        String queue = place(NodeKind.QUEUE_TRIGGER, 60, 300);

        assertThat(onFx(() -> editor.connect(gateway, function))).isEmpty();
        assertThat(onFx(() -> editor.connect(queue, function))).isEmpty();
        Optional<String> refused = onFx(() -> editor.connect(function, gateway));

        assertThat(refused).isPresent();
        Map<String, Edge> byFrom =
                model.project().architecture().edges().stream().collect(Collectors.toMap(Edge::from, e -> e));
        String functionName =
                model.project().architecture().node(function).orElseThrow().name();
        assertThat(byFrom.get(gateway).route()).isEqualTo("GET /" + functionName);
        assertThat(byFrom.get(queue).batching()).isEqualTo(new Edge.Batching(10, 0));
        assertThat(onFx(() -> canvas.edgeViews().stream()
                        .map(EdgeView::routeLabel)
                        .flatMap(Optional::stream)
                        .map(Label::getText)
                        .toList()))
                .containsExactly("GET /" + functionName);
    }

    @Test
    void undoAndRedoRestoreAndReapplyEveryEdit(FxRobot robot) throws Exception {
        Project empty = model.project();
        String http = place(NodeKind.HTTP_TRIGGER, 60, 100);
        String function = place(NodeKind.FUNCTION, 360, 100);
        onFx(() -> editor.connect(http, function));
        Project connected = model.project();

        onFx(() -> {
            model.undo();
            model.undo();
            model.undo();
            return null;
        });
        assertThat(model.project()).isEqualTo(empty);
        assertThat(onFx(() -> canvas.nodeViews().size())).isZero();

        onFx(() -> {
            model.redo();
            model.redo();
            model.redo();
            return null;
        });
        assertThat(model.project()).isEqualTo(connected);
        assertThat(onFx(() -> canvas.nodeViews().size())).isEqualTo(2);
        assertThat(onFx(() -> canvas.edgeViews().size())).isEqualTo(1);
    }

    @Test
    void deletingANodeWithTheKeyRemovesItAndItsEdges(FxRobot robot) throws Exception {
        String http = place(NodeKind.HTTP_TRIGGER, 60, 100);
        String function = place(NodeKind.FUNCTION, 360, 100);
        String database = place(NodeKind.DATABASE, 660, 100);
        onFx(() -> editor.connect(http, function));
        onFx(() -> editor.connect(function, database));

        robot.clickOn(centreOf(function));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.project().architecture().nodes()).extracting(Node::id).containsExactly(http, database);
        assertThat(model.project().architecture().edges()).isEmpty();
        assertThat(onFx(() -> canvas.edgeViews().size())).isZero();
        onFx(() -> {
            model.undo();
            return null;
        });
        assertThat(model.project().architecture().edges()).hasSize(2);
    }

    @Test
    void clickSelectsOneAndShiftClickAddsAnother(FxRobot robot) throws Exception {
        String a = place(NodeKind.FUNCTION, 60, 100);
        String b = place(NodeKind.FUNCTION, 360, 100);

        robot.clickOn(centreOf(a));
        assertThat(model.selection()).containsExactly(a);
        assertThat(onFx(() -> nodeView(a).getStyleClass().contains("selected"))).isTrue();

        robot.press(KeyCode.SHIFT).clickOn(centreOf(b)).release(KeyCode.SHIFT);
        assertThat(model.selection()).containsExactlyInAnyOrder(a, b);

        Point2D empty = onFx(() -> canvas.localToScreen(canvas.toView(300, 500)));
        robot.clickOn(empty);
        assertThat(model.selection()).isEmpty();
        assertThat(onFx(() -> nodeView(a).getStyleClass().contains("selected"))).isFalse();
    }

    @Test
    void aRubberBandSelectsTheNodesInsideIt(FxRobot robot) throws Exception {
        String a = place(NodeKind.FUNCTION, 60, 100);
        String b = place(NodeKind.FUNCTION, 260, 100);
        place(NodeKind.FUNCTION, 560, 100);

        Point2D from = onFx(() -> canvas.localToScreen(canvas.toView(20, 40)));
        Point2D to = onFx(() -> canvas.localToScreen(canvas.toView(460, 240)));
        robot.drag(from, MouseButton.PRIMARY).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.selection()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void draggingANodeMovesItOnTheGridInOneUndoableStep(FxRobot robot) throws Exception {
        String a = place(NodeKind.FUNCTION, 60, 100);
        onFx(() -> {
            canvas.resetZoom();
            return null;
        });
        Point2D grab = onFx(() -> nodeView(a).localToScreen(40, 32));

        robot.drag(grab, MouseButton.PRIMARY).dropTo(grab.add(93, 47));
        WaitForAsyncUtils.waitForFxEvents();

        Position at = model.project().layout().positionOf(a).orElseThrow();
        double zoom = onFx(() -> canvas.zoomProperty().get());
        assertThat(at.x() % DiagramEditor.GRID).isZero();
        assertThat(at.y() % DiagramEditor.GRID).isZero();
        assertThat(at.x()).isCloseTo(60 + 93 / zoom, org.assertj.core.data.Offset.offset(10.0));
        assertThat(at.y()).isCloseTo(100 + 47 / zoom, org.assertj.core.data.Offset.offset(10.0));
        assertThat(model.undoTextProperty().get()).isEqualTo("Undo Move");
        onFx(() -> {
            model.undo();
            return null;
        });
        assertThat(model.project().layout().positionOf(a)).contains(new Position(60, 100));
    }

    @Test
    void copyAndPasteMakeRenamedCopiesWithTheEdgesBetweenThem(FxRobot robot) throws Exception {
        String http = place(NodeKind.HTTP_TRIGGER, 60, 100);
        String function = place(NodeKind.FUNCTION, 360, 100);
        onFx(() -> editor.connect(http, function));
        onFx(() -> {
            model.selection().addAll(List.of(http, function));
            editor.copySelection();
            editor.paste();
            return null;
        });

        List<Node> nodes = model.project().architecture().nodes();
        assertThat(nodes).hasSize(4);
        Node copy = nodes.get(3);
        String originalName = nodes.get(1).name();
        assertThat(copy.name()).isEqualTo(originalName + "-copy");
        assertThat(copy.id()).isNotIn(http, function);
        assertThat(model.selection()).containsExactlyInAnyOrder(nodes.get(2).id(), copy.id());
        assertThat(model.project().architecture().edges()).hasSize(2);
        Edge copied = model.project().architecture().edges().get(1);
        assertThat(copied.from()).isEqualTo(nodes.get(2).id());
        assertThat(copied.to()).isEqualTo(copy.id());
        assertThat(model.project().layout().positionOf(copy.id()))
                .contains(new Position(360 + DiagramEditor.PASTE_OFFSET, 100 + DiagramEditor.PASTE_OFFSET));

        onFx(() -> {
            editor.duplicateSelection();
            return null;
        });
        assertThat(model.project().architecture().nodes()).hasSize(6);
        assertThat(model.project().architecture().nodes().get(5).name()).isEqualTo(originalName + "-copy-copy");
    }

    @Test
    void renamingInPlaceCommitsWithEnterAndCancelsWithEscape(FxRobot robot) throws Exception {
        String function = place(NodeKind.FUNCTION, 60, 100);
        robot.clickOn(centreOf(function));

        robot.type(KeyCode.F2);
        robot.eraseText(20).write("list-items").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.project().architecture().node(function).orElseThrow().name())
                .isEqualTo("list-items");
        assertThat(onFx(() -> nodeView(function).nameLabel().getText())).isEqualTo("list-items");

        onFx(() -> {
            canvas.renameSelected();
            return null;
        });
        robot.write("zzz").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.project().architecture().node(function).orElseThrow().name())
                .isEqualTo("list-items");
        assertThat(robot.lookup("#rename-field").tryQuery()).isEmpty();
    }

    @Test
    void arrowKeysNudgeBySomeGridSteps(FxRobot robot) throws Exception {
        String function = place(NodeKind.FUNCTION, 60, 100);
        robot.clickOn(centreOf(function));

        robot.type(KeyCode.RIGHT);
        assertThat(model.project().layout().positionOf(function)).contains(new Position(80, 100));
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(model.project().layout().positionOf(function)).contains(new Position(80, 300));
        robot.type(KeyCode.ESCAPE);
        assertThat(model.selection()).isEmpty();
    }

    @Test
    void zoomButtonsZoomAndResetReturnsToOneHundredPercent() throws Exception {
        place(NodeKind.FUNCTION, 60, 100);
        double zoomedIn = onFx(() -> {
            canvas.resetZoom();
            canvas.zoomIn();
            return canvas.zoomProperty().get();
        });
        assertThat(zoomedIn).isEqualTo(DiagramView.ZOOM_STEP);
        assertThat(onFx(() -> {
                    canvas.zoomOut();
                    canvas.zoomOut();
                    canvas.resetZoom();
                    return canvas.zoomProperty().get();
                }))
                .isEqualTo(1.0);
    }

    @Test
    void anEditKeepsTheViewWhereItIsButAnotherProjectIsFittedIntoIt() throws Exception {
        Point2D origin = onFx(() -> canvas.toView(0, 0));

        place(NodeKind.FUNCTION, 1400, 900); // into the empty design, out of sight: still an edit
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> canvas.toView(0, 0))).isEqualTo(origin);

        Project far = Project.empty("Far")
                .withArchitecture(new dev.stratus.model.Architecture(
                        List.of(dev.stratus.model.NodeDefaults.of(NodeKind.DATABASE, "far", "far")), List.of()))
                .withLayout(dev.stratus.model.Layout.EMPTY.with("far", new Position(3000, 2000)));
        onFx(() -> {
            model.open(far, null);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Point2D shown = onFx(() -> canvas.toView(3000 + NodeView.WIDTH / 2, 2000 + NodeView.HEIGHT / 2));
        assertThat(shown.getX()).isBetween(0.0, onFx(canvas::getWidth));
        assertThat(shown.getY()).isBetween(0.0, onFx(canvas::getHeight));
    }

    @Test
    void theRestApiSampleCanBeBuiltFromAnEmptyCanvas(FxRobot robot) throws Exception {
        robot.doubleClickOn("#palette-http-trigger");
        robot.doubleClickOn("#palette-api-gateway");
        for (int i = 0; i < 4; i++) {
            robot.doubleClickOn("#palette-function");
        }
        robot.doubleClickOn("#palette-database");
        onFx(() -> {
            editor.arrange();
            canvas.fitToWindow();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> ids =
                model.project().architecture().nodes().stream().map(Node::id).toList();
        String http = ids.get(0);
        String gateway = ids.get(1);
        String database = ids.get(6);

        dragPortTo(robot, http, gateway);
        for (String function : ids.subList(2, 6)) {
            dragPortTo(robot, gateway, function);
            dragPortTo(robot, function, database);
        }
        onFx(() -> {
            editor.arrange();
            canvas.fitToWindow();
            return null;
        });

        Project built = model.project();
        assertThat(built.architecture().nodes())
                .extracting(Node::kind)
                .containsExactly(
                        NodeKind.HTTP_TRIGGER,
                        NodeKind.API_GATEWAY,
                        NodeKind.FUNCTION,
                        NodeKind.FUNCTION,
                        NodeKind.FUNCTION,
                        NodeKind.FUNCTION,
                        NodeKind.DATABASE);
        assertThat(built.architecture().edges()).hasSize(9);
        assertThat(built.architecture().edgesFrom(http)).extracting(Edge::to).containsExactly(gateway);
        assertThat(built.architecture().edgesFrom(gateway))
                .extracting(Edge::to)
                .containsExactlyElementsOf(ids.subList(2, 6));
        assertThat(built.architecture().edgesFrom(gateway))
                .allSatisfy(e -> assertThat(e.route()).startsWith("GET /"));
        assertThat(built.architecture().edgesTo(database))
                .extracting(Edge::from)
                .containsExactlyElementsOf(ids.subList(2, 6));
        // Arranged left to right: trigger, gateway, functions, database.
        assertThat(built.layout().positionOf(http).orElseThrow().x())
                .isLessThan(built.layout().positionOf(gateway).orElseThrow().x());
        assertThat(built.layout().positionOf(ids.get(2)).orElseThrow().x())
                .isLessThan(built.layout().positionOf(database).orElseThrow().x());
        assertThat(onFx(() -> canvas.edgeViews().size())).isEqualTo(9);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String place(NodeKind kind, double x, double y) throws Exception {
        return onFx(() -> editor.addNode(kind, new Position(x, y)));
    }

    private NodeView nodeView(String id) {
        return canvas.nodeView(id).orElseThrow();
    }

    /**
     * The middle of node {@code id}'s box on the screen, worked out on the FX thread: a robot that
     * measures a node itself does so on the test thread, which can corrupt JavaFX's cached bounds.
     */
    private Point2D centreOf(String id) throws Exception {
        return onFx(() -> nodeView(id).localToScreen(NodeView.WIDTH / 2, NodeView.HEIGHT / 2));
    }

    private void dragPortTo(FxRobot robot, String fromId, String toId) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D port = onFx(() -> {
            var circle = nodeView(fromId).port();
            return circle.localToScreen(circle.getCenterX(), circle.getCenterY());
        });
        Point2D target = onFx(() -> {
            NodeView view = nodeView(toId);
            return view.localToScreen(NodeView.WIDTH / 2, NodeView.HEIGHT / 2);
        });
        robot.drag(port, MouseButton.PRIMARY).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
