package dev.stratus.app.canvas;

import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.Collection;

/** Where a new node goes when the person does not say where: the first free grid cell. */
public final class Placement {

    /** Cells are this wide and high: a box plus room for an edge between, on the grid. */
    static final double CELL_WIDTH = 200;

    static final double CELL_HEIGHT = 100;

    private static final int COLUMNS = 6;

    private Placement() {}

    /**
     * The top-left corner of the first cell, row by row, six cells to a row, whose box would not
     * overlap any node drawn in {@code project} (nodes without a position are where the layered
     * layout would put them).
     */
    public static Position freeSpot(Project project) {
        Collection<Position> taken = LayeredLayout.complete(project.architecture(), project.layout())
                .positions()
                .values();
        for (int cell = 0; ; cell++) {
            double x = 40 + (cell % COLUMNS) * CELL_WIDTH;
            double y = 40 + Math.floorDiv(cell, COLUMNS) * CELL_HEIGHT;
            if (taken.stream().noneMatch(p -> overlaps(p, x, y))) {
                return new Position(x, y);
            }
        }
    }

    private static boolean overlaps(Position p, double x, double y) {
        return p.x() < x + NodeView.WIDTH + DiagramEditor.GRID
                && x < p.x() + NodeView.WIDTH + DiagramEditor.GRID
                && p.y() < y + NodeView.HEIGHT + DiagramEditor.GRID
                && y < p.y() + NodeView.HEIGHT + DiagramEditor.GRID;
    }

    /** The dragboard string a palette item carries for {@code kindId}: {@code stratus-node:function}. */
    public static String dragString(String kindId) {
        return CanvasGestures.DRAG_PREFIX + kindId;
    }
}
