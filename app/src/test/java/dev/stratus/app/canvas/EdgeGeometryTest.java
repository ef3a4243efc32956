package dev.stratus.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.app.canvas.EdgeGeometry.Box;
import dev.stratus.app.canvas.EdgeGeometry.Point;
import dev.stratus.app.canvas.EdgeGeometry.Segment;
import org.junit.jupiter.api.Test;

class EdgeGeometryTest {

    private static final Box LEFT = new Box(0, 0, 150, 64);
    private static final Box RIGHT = new Box(220, 0, 150, 64);

    @Test
    void aLineBetweenSideBySideBoxesRunsFromBorderToBorder() {
        Segment line = EdgeGeometry.between(LEFT, RIGHT, 0).orElseThrow();

        assertThat(line.start().x()).isCloseTo(150 + EdgeGeometry.GAP, within(1e-9));
        assertThat(line.end().x()).isCloseTo(220 - EdgeGeometry.GAP, within(1e-9));
        assertThat(line.start().y()).isCloseTo(32, within(1e-9));
        assertThat(line.end().y()).isCloseTo(32, within(1e-9));
    }

    @Test
    void aLineToABoxBelowEntersThroughItsTop() {
        Box below = new Box(0, 200, 150, 64);

        Segment line = EdgeGeometry.between(LEFT, below, 0).orElseThrow();

        assertThat(line.start().y()).isCloseTo(64 + EdgeGeometry.GAP, within(1e-9));
        assertThat(line.end().y()).isCloseTo(200 - EdgeGeometry.GAP, within(1e-9));
    }

    @Test
    void anOffsetMovesTheLineToTheLeftOfItsDirection() {
        Segment line = EdgeGeometry.between(LEFT, RIGHT, 10).orElseThrow();
        Segment back = EdgeGeometry.between(RIGHT, LEFT, 10).orElseThrow();

        // Travelling right on a y-down screen, left is up; travelling back, left is down.
        assertThat(line.start().y()).isCloseTo(22, within(1e-9));
        assertThat(back.start().y()).isCloseTo(42, within(1e-9));
    }

    @Test
    void overlappingBoxesGetNoLine() {
        Box onTop = new Box(20, 10, 150, 64);

        assertThat(EdgeGeometry.between(LEFT, onTop, 0)).isEmpty();
        assertThat(EdgeGeometry.between(LEFT, LEFT, 0)).isEmpty();
    }

    @Test
    void anArrowHeadPointsAtItsTip() {
        double[] head = EdgeGeometry.arrowHead(new Point(0, 0), new Point(100, 0), 10, 5);

        assertThat(head).containsExactly(new double[] {100, 0, 90, 5, 90, -5}, within(1e-9));
    }
}
