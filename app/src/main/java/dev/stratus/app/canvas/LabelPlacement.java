package dev.stratus.app.canvas;

import dev.stratus.app.canvas.EdgeGeometry.Box;
import dev.stratus.app.canvas.EdgeGeometry.Point;
import dev.stratus.app.canvas.EdgeGeometry.Segment;
import java.util.List;

/**
 * Where an edge's label goes: on or beside its own line, as near the middle as it can be while
 * hiding as little as possible. Columns of boxes are only a little wider apart than a route is
 * long, so the exact middle often sits across a box; a spot a little along or beside the line is
 * usually clearer. Pure geometry, canvas units.
 *
 * <p>The costs, most to least: covering the inside of a box (its icon and text) or the label's own
 * arrowhead; covering a label placed before; crossing another edge's line, which would make the
 * label seem to name that edge; covering the rim of a box; being far from the middle.
 */
final class LabelPlacement {

    /** Fractions of the line tried, nearest the middle first. */
    private static final double[] ALONG = {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82};

    /** Side of the square kept clear at each end of a line, canvas units. */
    private static final double END_SIZE = 10;

    /** The rim of a box that a label may cover at a small cost: padding, no text. */
    private static final double RIM = 8;

    private static final double INSIDE_COST = 1_000;
    private static final double ARROW_COST = 1_000;
    private static final double START_COST = 100;
    private static final double LABEL_COST = 500;
    private static final double CROSSING_COST = 60;
    private static final double RIM_COST = 10;
    private static final double BESIDE_COST = 6;

    private LabelPlacement() {}

    /**
     * The top-left corner for a {@code width} x {@code height} label of {@code own}.
     *
     * @param boxes the node boxes
     * @param lines the lines of the other edges
     * @param placed the labels placed before this one
     */
    static Point place(
            Segment own, double width, double height, List<Box> boxes, List<Segment> lines, List<Box> placed) {
        double dx = own.end().x() - own.start().x();
        double dy = own.end().y() - own.start().y();
        double length = Math.max(own.length(), 1e-9);
        // Unit normal, pointing up (or right, for an upright line) so that a label beside its line
        // goes above it when both sides are as good; sideways steps put it clear of the line's ends.
        double nx = -dy / length;
        double ny = dx / length;
        if (ny > 0 || (ny == 0 && nx < 0)) {
            nx = -nx;
            ny = -ny;
        }
        double reach = Math.abs(nx) * width / 2 + Math.abs(ny) * height / 2 + END_SIZE / 2;
        double[] sideways = {0, reach, -reach};
        Box start = around(own.start());
        Box arrow = around(own.end());
        Point middle = own.midpoint();

        Point best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double side : sideways) {
            for (double t : ALONG) {
                double cx = own.start().x() + dx * t + nx * side;
                double cy = own.start().y() + dy * t + ny * side;
                Box label = new Box(cx - width / 2, cy - height / 2, width, height);
                double cost = ARROW_COST * overlap(label, arrow) + START_COST * overlap(label, start);
                for (Box box : boxes) {
                    double all = overlap(label, box);
                    if (all == 0) {
                        continue;
                    }
                    double inside = overlap(label, inset(box, RIM));
                    cost += INSIDE_COST * inside + RIM_COST * (all - inside);
                }
                for (Box other : placed) {
                    cost += LABEL_COST * overlap(label, grow(other, 2));
                }
                for (Segment line : lines) {
                    if (mayCross(line, label)) {
                        cost += CROSSING_COST * lengthInside(line, label);
                    }
                }
                cost += Math.hypot(cx - middle.x(), cy - middle.y()) + (side == 0 ? 0 : BESIDE_COST);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new Point(label.x(), label.y());
                }
            }
        }
        return best;
    }

    /** Whether the bounding box of {@code line} meets {@code box}: a cheap test before clipping. */
    private static boolean mayCross(Segment line, Box box) {
        double x0 = line.start().x();
        double x1 = line.end().x();
        double y0 = line.start().y();
        double y1 = line.end().y();
        return Math.max(x0, x1) >= box.x()
                && Math.min(x0, x1) <= box.x() + box.width()
                && Math.max(y0, y1) >= box.y()
                && Math.min(y0, y1) <= box.y() + box.height();
    }

    /** The area two boxes share. */
    static double overlap(Box a, Box b) {
        double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** How much of {@code line} runs inside {@code box} (Liang–Barsky clipping). */
    static double lengthInside(Segment line, Box box) {
        double x0 = line.start().x();
        double y0 = line.start().y();
        double dx = line.end().x() - x0;
        double dy = line.end().y() - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - box.x(), box.x() + box.width() - x0, y0 - box.y(), box.y() + box.height() - y0};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return 0;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, r);
                } else {
                    leave = Math.min(leave, r);
                }
            }
        }
        return leave > enter ? (leave - enter) * line.length() : 0;
    }

    private static Box around(Point centre) {
        return new Box(centre.x() - END_SIZE / 2, centre.y() - END_SIZE / 2, END_SIZE, END_SIZE);
    }

    private static Box inset(Box box, double by) {
        return new Box(
                box.x() + by, box.y() + by, Math.max(0, box.width() - 2 * by), Math.max(0, box.height() - 2 * by));
    }

    private static Box grow(Box box, double by) {
        return new Box(box.x() - by, box.y() - by, box.width() + 2 * by, box.height() + 2 * by);
    }
}
