package dev.stratus.model;

/** Where a node's top-left corner sits on the canvas, in canvas units (pixels at 100% zoom). */
public record Position(double x, double y) {
    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a position needs finite coordinates, not (" + x + ", " + y + ")");
        }
    }
}
