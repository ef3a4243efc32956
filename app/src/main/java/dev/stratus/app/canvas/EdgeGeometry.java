package dev.stratus.app.canvas;

import java.util.Optional;

/**
 * The plane geometry of edges, in canvas units, kept apart from the views so it can be tested
 * without JavaFX: where a line between two boxes leaves and enters their borders, and the corners
 * of an arrowhead.
 */
final class EdgeGeometry {

    /** Space left between a box's border and the end of a line, so arrowheads do not touch it. */
    static final double GAP = 3;

    private EdgeGeometry() {}

    /** A point on the canvas. */
    record Point(double x, double y) {
        double distanceTo(Point other) {
            return Math.hypot(other.x - x, other.y - y);
        }

        Point midpointTo(Point other) {
            return new Point((x + other.x) / 2, (y + other.y) / 2);
        }
    }

    /** An axis-aligned box: top-left corner and size. */
    record Box(double x, double y, double width, double height) {
        Point centre() {
            return new Point(x + width / 2, y + height / 2);
        }

        boolean contains(Point p) {
            return p.x() >= x && p.x() <= x + width && p.y() >= y && p.y() <= y + height;
        }

        /** The smallest box that holds this one and {@code other}. */
        Box union(Box other) {
            double left = Math.min(x, other.x);
            double top = Math.min(y, other.y);
            return new Box(
                    left,
                    top,
                    Math.max(x + width, other.x + other.width) - left,
                    Math.max(y + height, other.y + other.height) - top);
        }
    }

    /** A straight piece of line from {@code start} to {@code end}. */
    record Segment(Point start, Point end) {
        double length() {
            return start.distanceTo(end);
        }

        Point midpoint() {
            return start.midpointTo(end);
        }
    }

    /**
     * The line from {@code from} to {@code to}, each end {@link #GAP} outside the border of its box.
     * The line runs between the centres, moved sideways by {@code offset} (to the left of the
     * direction of travel, in screen coordinates where y grows downwards) so that parallel edges
     * stay apart. Empty when the boxes overlap so much that no line shows between them.
     */
    static Optional<Segment> between(Box from, Box to, double offset) {
        Point a = from.centre();
        Point b = to.centre();
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double length = Math.hypot(dx, dy);
        if (length < 1e-9) {
            return Optional.empty();
        }
        // The left normal of (dx, dy) on a y-down screen is (dy, -dx).
        double nx = dy / length * offset;
        double ny = -dx / length * offset;
        Point shiftedA = new Point(a.x() + nx, a.y() + ny);
        Point shiftedB = new Point(b.x() + nx, b.y() + ny);
        Point start = exit(from, shiftedA, dx, dy, GAP);
        Point end = exit(to, shiftedB, -dx, -dy, GAP);
        if (to.contains(start) || from.contains(end)) {
            return Optional.empty();
        }
        double forward = (end.x() - start.x()) * dx + (end.y() - start.y()) * dy;
        if (forward <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Segment(start, end));
    }

    /**
     * Where a ray from {@code inside} in direction ({@code dx}, {@code dy}) leaves {@code box}, moved
     * a further {@code gap} along the ray.
     */
    static Point exit(Box box, Point inside, double dx, double dy, double gap) {
        double t = Double.POSITIVE_INFINITY;
        if (dx > 0) {
            t = Math.min(t, (box.x() + box.width() - inside.x()) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (box.x() - inside.x()) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (box.y() + box.height() - inside.y()) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (box.y() - inside.y()) / dy);
        }
        double length = Math.hypot(dx, dy);
        double along = Math.max(t, 0) + gap / length;
        return new Point(inside.x() + dx * along, inside.y() + dy * along);
    }

    /**
     * The three corners of an arrowhead whose tip is at {@code tip}, pointing away from {@code
     * from}: x0, y0, x1, y1, x2, y2, tip first.
     */
    static double[] arrowHead(Point from, Point tip, double length, double halfWidth) {
        double dx = tip.x() - from.x();
        double dy = tip.y() - from.y();
        double norm = Math.hypot(dx, dy);
        if (norm < 1e-9) {
            return new double[] {tip.x(), tip.y(), tip.x(), tip.y(), tip.x(), tip.y()};
        }
        double ux = dx / norm;
        double uy = dy / norm;
        double baseX = tip.x() - ux * length;
        double baseY = tip.y() - uy * length;
        return new double[] {
            tip.x(),
            tip.y(),
            baseX - uy * halfWidth,
            baseY + ux * halfWidth,
            baseX + uy * halfWidth,
            baseY - ux * halfWidth
        };
    }
}
