package dev.stratus.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.app.canvas.EdgeGeometry.Box;
import dev.stratus.app.canvas.EdgeGeometry.Point;
import dev.stratus.app.canvas.EdgeGeometry.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelPlacementTest {

    @Test
    void aLabelSitsAtTheMiddleOfALongClearLine() {
        Segment line = new Segment(new Point(0, 0), new Point(400, 0));

        Point corner = LabelPlacement.place(line, 80, 16, List.of(), List.of(), List.of());

        assertThat(corner.x()).isCloseTo(160, within(1e-9));
        assertThat(corner.y()).isCloseTo(-8, within(1e-9));
    }

    @Test
    void aLabelTooLongForItsGapMovesBesideTheLineRatherThanOverTheArrowhead() {
        Box from = new Box(0, 0, 150, 64);
        Box to = new Box(220, 0, 150, 64);
        Segment line = EdgeGeometry.between(from, to, 0).orElseThrow();

        Point corner = LabelPlacement.place(line, 80, 16, List.of(from, to), List.of(), List.of());
        Box label = new Box(corner.x(), corner.y(), 80, 16);

        assertThat(label.contains(line.end())).isFalse();
        assertThat(corner.y() + 16).isLessThanOrEqualTo(32);
    }

    @Test
    void aLabelAvoidsALabelPlacedBefore() {
        Segment line = new Segment(new Point(0, 0), new Point(400, 0));
        Box taken = new Box(150, -10, 100, 20);

        Point corner = LabelPlacement.place(line, 80, 16, List.of(), List.of(), List.of(taken));

        assertThat(LabelPlacement.overlap(new Box(corner.x(), corner.y(), 80, 16), taken))
                .isZero();
    }

    @Test
    void theLengthOfALineInsideABoxIsClipped() {
        Segment line = new Segment(new Point(-50, 10), new Point(150, 10));

        assertThat(LabelPlacement.lengthInside(line, new Box(0, 0, 100, 20))).isCloseTo(100, within(1e-9));
        assertThat(LabelPlacement.lengthInside(line, new Box(0, 30, 100, 20))).isZero();
    }
}
