package dev.stratus.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.Layout;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Layers on the editing canvas, under headless Monocle: where they are drawn, when they hear of the
 * views, how they follow a node and an edge, and that they do not take the mouse from the design.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasLayerTest {

    private EditorModel model;
    private DiagramEditor editor;
    private DiagramView canvas;

    /** api (gateway) -GET /orders-> orders (function) -> table (database), in a row. */
    private static Project design() {
        Architecture architecture = new Architecture(
                List.of(
                        NodeDefaults.of(NodeKind.API_GATEWAY, "api", "api"),
                        NodeDefaults.of(NodeKind.FUNCTION, "orders", "orders"),
                        NodeDefaults.of(NodeKind.DATABASE, "table", "table")),
                List.of(Edge.of("e1", "api", "orders").withRoute("GET /orders"), Edge.of("e2", "orders", "table")));
        Layout layout = Layout.EMPTY
                .with("api", new Position(40, 100))
                .with("orders", new Position(300, 100))
                .with("table", new Position(560, 100));
        return Project.empty("Layers").withArchitecture(architecture).withLayout(layout);
    }

    /**
     * A dot on the top-right corner of every box, bound to its view so it follows a drag, and a
     * count of the calls it had.
     */
    private static final class Dots implements CanvasLayer {
        final Group below = new Group();
        final Group above = new Group();
        final Map<String, Circle> dots = new HashMap<>();
        int calls;

        @Override
        public Node below() {
            return below;
        }

        @Override
        public Node above() {
            return above;
        }

        @Override
        public void viewsChanged(DiagramView view) {
            calls++;
            dots.clear();
            above.getChildren().clear();
            for (NodeView node : view.nodeViews()) {
                Circle dot = new Circle(5);
                dot.centerXProperty().bind(node.layoutXProperty().add(NodeView.WIDTH));
                dot.centerYProperty().bind(node.layoutYProperty());
                dots.put(node.nodeId(), dot);
                above.getChildren().add(dot);
            }
        }
    }

    /** A layer with fixed shapes above the design, taking the mouse or not. */
    private record Shapes(Group below, Group above, boolean receivesMouse) implements CanvasLayer {
        Shapes(Group above, boolean receivesMouse) {
            this(new Group(), above, receivesMouse);
        }

        @Override
        public void viewsChanged(DiagramView view) {}
    }

    @Start
    void start(Stage stage) {
        Theme.applyUserAgentStylesheet();
        model = new EditorModel(design());
        editor = new DiagramEditor(model);
        canvas = new DiagramView();
        canvas.bind(editor);
        stage.setScene(new Scene(canvas, 900, 500));
        stage.show();
    }

    @Test
    void aLayerIsDrawnUnderTheEdgesAndOverTheRouteLabelsAndBelowWhatTheEditorShows() throws Exception {
        Dots layer = new Dots();
        onFx(() -> {
            canvas.addLayer(layer);
            canvas.zoomIn();
            return null;
        });

        List<Integer> indices = onFx(() -> {
            Parent content = layer.below().getParent().getParent();
            List<Node> order = content.getChildrenUnmodifiable();
            EdgeView routed = canvas.edgeView("e1").orElseThrow();
            return List.of(
                    order.indexOf(layer.below().getParent()),
                    order.indexOf(routed.getParent()),
                    order.indexOf(canvas.nodeView("orders").orElseThrow().getParent()),
                    order.indexOf(routed.routeLabel().orElseThrow().getParent()),
                    order.indexOf(layer.above().getParent()),
                    order.indexOf(canvas.lookup(".connector").getParent()));
        });
        assertThat(indices).doesNotContain(-1).isSorted().doesNotHaveDuplicates();
        assertThat(layer.above().isMouseTransparent()).isTrue();
        assertThat(layer.below().isMouseTransparent()).isTrue();
        // In canvas units: a dot sits on the corner of its box at any zoom.
        Point2D corner = onFx(() -> canvas.nodeView("orders").orElseThrow().localToScreen(NodeView.WIDTH, 0));
        Point2D dot = onFx(() -> {
            Circle c = layer.dots.get("orders");
            return c.localToScreen(c.getCenterX(), c.getCenterY());
        });
        assertThat(dot.distance(corner)).isLessThan(0.5);
    }

    @Test
    void aLayerHearsOfTheViewsWhenAddedAndAfterEveryProjectTheCanvasDrawsUntilRemoved() throws Exception {
        Dots layer = new Dots();

        onFx(() -> {
            canvas.addLayer(layer);
            canvas.addLayer(layer);
            return null;
        });
        assertThat(layer.calls).isEqualTo(1);
        assertThat(layer.dots).containsOnlyKeys("api", "orders", "table");

        onFx(() -> editor.addNode(NodeKind.QUEUE, new Position(40, 300)));
        assertThat(layer.calls).isEqualTo(2);
        assertThat(layer.dots).hasSize(4);

        onFx(() -> {
            model.open(Project.empty("Other"), null);
            return null;
        });
        assertThat(layer.calls).isEqualTo(3);
        assertThat(layer.dots).isEmpty();

        onFx(() -> {
            canvas.removeLayer(layer);
            model.undo();
            model.open(design(), null);
            return null;
        });
        assertThat(layer.calls).isEqualTo(3);
        assertThat(layer.above().getParent()).isNull();
        assertThat(canvas.layers()).isEmpty();
    }

    @Test
    void aLayerFollowsANodeMovedByAnEditAndByADragBeforeItsDrop(FxRobot robot) throws Exception {
        Dots layer = new Dots();
        onFx(() -> {
            canvas.addLayer(layer);
            canvas.resetZoom();
            model.selection().add("orders");
            editor.nudge(40, 0);
            return null;
        });
        assertThat(layer.dots.get("orders").getCenterX()).isEqualTo(340 + NodeView.WIDTH);

        onFx(() -> {
            editor.rename("orders", "list-orders"); // a new view for the node
            editor.nudge(0, 20);
            return null;
        });
        assertThat(layer.dots.get("orders").getCenterY()).isEqualTo(120);

        EdgeView.Line before = canvas.edgeView("e2").orElseThrow().line().orElseThrow();
        Point2D grab = onFx(() -> canvas.nodeView("orders").orElseThrow().localToScreen(40, 32));
        robot.drag(grab, MouseButton.PRIMARY).moveTo(grab.add(0, 120));
        WaitForAsyncUtils.waitForFxEvents();

        double zoom = onFx(() -> canvas.zoomProperty().get());
        assertThat(layer.dots.get("orders").getCenterY()).isCloseTo(120 + 120 / zoom, offset(DiagramEditor.GRID));
        assertThat(model.project().layout().positionOf("orders")).contains(new Position(340, 120));
        EdgeView.Line during = canvas.edgeView("e2").orElseThrow().line().orElseThrow();
        assertThat(during.start().getY()).isGreaterThan(before.start().getY());
        Bounds box = onFx(() -> canvas.nodeView("orders").orElseThrow().bounds());
        assertThat(during.start().getX()).isBetween(box.getMinX(), box.getMaxX() + 10);

        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.project().layout().positionOf("orders").orElseThrow().y())
                .isEqualTo(layer.dots.get("orders").getCenterY());
    }

    @Test
    void aClickOnANodeUnderALayerStillSelectsTheNode(FxRobot robot) throws Exception {
        Group cover = new Group(new Rectangle(-1000, -1000, 4000, 4000));
        onFx(() -> {
            canvas.addLayer(new Shapes(cover, false));
            return null;
        });

        robot.clickOn(centreOf(canvas.nodeView("orders").orElseThrow()));

        assertThat(model.selection()).containsExactly("orders");
    }

    @Test
    void aLayerThatTakesTheMouseIsHoveredBesideABoxAndAPressOverABoxStillSelectsIt(FxRobot robot) throws Exception {
        Rectangle badge = new Rectangle(300 + NodeView.WIDTH + 12, 100, 16, 16);
        Rectangle over = new Rectangle(580, 110, 40, 40);
        onFx(() -> {
            Tooltip.install(badge, new Tooltip("12 cold starts"));
            canvas.addLayer(new Shapes(new Group(badge, over), true));
            return null;
        });

        robot.moveTo(centreOf(badge));
        assertThat(onFx(badge::isHover)).isTrue();

        robot.clickOn(centreOf(over));
        assertThat(model.selection()).containsExactly("table");
        robot.drag(centreOf(over), MouseButton.PRIMARY).dropBy(0, 100);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.project().layout().positionOf("table").orElseThrow().y())
                .isGreaterThan(100);

        robot.clickOn(centreOf(badge));
        assertThat(model.selection()).isEmpty();
    }

    /**
     * The middle of {@code node} on the screen, worked out on the FX thread: a robot that measures a
     * node itself does so on the test thread, which can corrupt JavaFX's cached bounds.
     */
    private static Point2D centreOf(Node node) throws Exception {
        return onFx(() -> {
            Bounds screen = node.localToScreen(node.getBoundsInLocal());
            return new Point2D(screen.getCenterX(), screen.getCenterY());
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
