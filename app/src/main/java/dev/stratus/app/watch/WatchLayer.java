package dev.stratus.app.watch;

import dev.stratus.app.canvas.CanvasLayer;
import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.canvas.EdgeView;
import dev.stratus.app.canvas.NodeView;
import dev.stratus.app.results.Figures;
import dev.stratus.learn.Words;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.sim.trace.FunctionRate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The playback drawn on the canvas: beside each function its containers as chips (starting amber and
 * filling, busy blue, idle grey with a ring that drains over the keep-alive, expired fading;
 * provisioned ones outlined), its limit when it is at it; requests as dots along the edges (hollow
 * amber once the request has had a cold start); a red mark where a request was throttled; queue
 * depths; the gateway's throttled and cached requests. Pointing at a chip, a dot or a mark explains
 * it. {@link #draw} reads the {@link Playback} once a frame and moves shapes it keeps, so a frame
 * allocates little.
 */
public final class WatchLayer implements CanvasLayer {

    /** A chip's side, canvas units. */
    static final double CHIP = 13;

    static final double CHIP_GAP = 4;
    /** Chips in a row above a function's box; two rows at most, then "+n". */
    static final int CHIPS_PER_ROW = 9;

    static final int MAX_CHIPS = 2 * CHIPS_PER_ROW;
    /** Dots drawn at most, over all edges. */
    static final int MAX_DOTS = 800;

    private static final double DOT_RADIUS = 4.5;

    private final Group below = new Group();
    private final Group above = new Group();
    private final Group dotGroup = new Group();
    private final Group chipGroup = new Group();
    private final Group labelGroup = new Group();
    private final Map<String, NodeView> nodes = new HashMap<>();
    private final Map<Integer, EdgeView> edgesByIndex = new HashMap<>();
    private final Map<String, List<Chip>> chips = new LinkedHashMap<>();
    private final Map<String, Label> notes = new HashMap<>();
    private final List<Circle> dotPool = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Tooltip tip = new Tooltip();
    private Playback playback;
    private Words words = Words.of(dev.stratus.model.Provider.AWS);

    public WatchLayer() {
        below.getStyleClass().add("watch-layer");
        above.getStyleClass().add("watch-layer");
        above.getChildren().addAll(dotGroup, chipGroup, labelGroup);
        tip.setShowDelay(Duration.millis(150));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
    }

    @Override
    public javafx.scene.Node below() {
        return below;
    }

    @Override
    public javafx.scene.Node above() {
        return above;
    }

    @Override
    public boolean receivesMouse() {
        return true;
    }

    @Override
    public void viewsChanged(DiagramView view) {
        nodes.clear();
        edgesByIndex.clear();
        names.clear();
        Project project = view.getProject();
        if (project == null) {
            return;
        }
        words = Words.of(project.provider());
        for (NodeView node : view.nodeViews()) {
            nodes.put(node.nodeId(), node);
            names.put(node.nodeId(), NodeView.displayName(node.node()));
        }
        List<Edge> edges = project.architecture().edges();
        Map<String, EdgeView> edgeViews = new HashMap<>();
        for (EdgeView edge : view.edgeViews()) {
            edgeViews.put(edge.edge().id(), edge);
        }
        for (int i = 0; i < edges.size(); i++) {
            EdgeView edge = edgeViews.get(edges.get(i).id());
            if (edge != null) {
                edgesByIndex.put(i, edge);
            }
        }
        // Views made anew: place everything again.
        chipGroup.getChildren().clear();
        chips.clear();
        labelGroup.getChildren().clear();
        notes.clear();
        draw();
    }

    /** Plays {@code next} (or nothing, for {@code null}) from now on. */
    public void setPlayback(Playback next) {
        playback = next;
        chipGroup.getChildren().clear();
        chips.clear();
        labelGroup.getChildren().clear();
        notes.clear();
        draw();
    }

    /** The provider's words the explanations use. */
    public Words words() {
        return words;
    }

    /** Draws the playback at its clock. */
    public void draw() {
        if (playback == null) {
            dotGroup.getChildren().clear();
            return;
        }
        long clock = playback.clock();
        drawChips(clock);
        drawDots(clock);
        drawNotes(clock);
    }

    private void drawChips(long clock) {
        for (NodeView node : nodes.values()) {
            if (!(node.node() instanceof FunctionNode)) {
                continue;
            }
            String id = node.nodeId();
            List<Playback.Container> shown = new ArrayList<>(playback.containers(id));
            List<Chip> row = chips.computeIfAbsent(id, k -> new ArrayList<>());
            int count = Math.min(shown.size(), MAX_CHIPS);
            while (row.size() < count) {
                Chip chip = new Chip();
                row.add(chip);
                chipGroup.getChildren().add(chip.group);
            }
            while (row.size() > count) {
                chipGroup.getChildren().remove(row.remove(row.size() - 1).group);
            }
            // The newest containers are the ones that change: when there are too many, show the last.
            int skip = shown.size() - count;
            for (int i = 0; i < count; i++) {
                Playback.Container c = shown.get(skip + i);
                double x = node.getLayoutX() + (i % CHIPS_PER_ROW) * (CHIP + CHIP_GAP);
                double y = node.getLayoutY() - (CHIP + CHIP_GAP) * (1 + i / CHIPS_PER_ROW);
                row.get(i).show(c, clock, x, y, playback.rate(id));
            }
        }
    }

    private void drawDots(long clock) {
        int used = 0;
        for (int edgeIndex : playback.edgesWithDots()) {
            EdgeView edge = edgesByIndex.get(edgeIndex);
            if (edge == null || edge.line().isEmpty()) {
                continue;
            }
            EdgeView.Line line = edge.line().get();
            for (Playback.Dot dot : playback.dots(edgeIndex)) {
                if (used == MAX_DOTS) {
                    break;
                }
                if (dot.departs() > clock) {
                    continue;
                }
                Circle circle = dot(used++);
                Point2D at = line.at(dot.fraction(clock));
                circle.setCenterX(at.getX());
                circle.setCenterY(at.getY());
                boolean cold = playback.wasCold(dot.request());
                circle.getStyleClass().setAll("watch-dot", cold ? "cold" : "warm");
                circle.setRadius(dot.batch() > 1 ? DOT_RADIUS + 2 : DOT_RADIUS);
                circle.setUserData(dot);
            }
        }
        dotGroup.getChildren().remove(used, dotGroup.getChildren().size());
    }

    private Circle dot(int index) {
        while (dotPool.size() <= index) {
            Circle circle = new Circle(DOT_RADIUS);
            circle.setOnMouseEntered(e -> {
                if (circle.getUserData() instanceof Playback.Dot dot && playback != null) {
                    EdgeView edge = edgesByIndex.get(dot.edge());
                    String from = edge == null ? "?" : name(edge.edge().from());
                    String to = edge == null ? "?" : name(edge.edge().to());
                    tip.setText(Explanations.dot(dot, from, to, playback.wasCold(dot.request()), words));
                }
            });
            Tooltip.install(circle, tip);
            dotPool.add(circle);
        }
        Circle circle = dotPool.get(index);
        if (index >= dotGroup.getChildren().size()) {
            dotGroup.getChildren().add(circle);
        }
        return circle;
    }

    /** Limits, throttles, queue depths and the gateway's figures, in a note above each node's right corner. */
    private void drawNotes(long clock) {
        Map<String, Playback.Stop> lastStop = new HashMap<>();
        for (Playback.Stop stop : playback.stops()) {
            lastStop.put(stop.nodeId(), stop);
        }
        for (NodeView node : nodes.values()) {
            String id = node.nodeId();
            String text = note(node.node(), lastStop.get(id));
            Label label = notes.get(id);
            if (text.isEmpty()) {
                if (label != null) {
                    label.setVisible(false);
                }
                continue;
            }
            if (label == null) {
                label = new Label();
                // The results' badge look; red (:alert) where a request stopped.
                label.getStyleClass().add("result-badge");
                Label shown = label;
                label.setOnMouseEntered(e -> tip.setText(noteTip(node.node(), lastStopOf(id))));
                Tooltip.install(shown, tip);
                label.setMaxWidth(NodeView.WIDTH);
                notes.put(id, label);
                labelGroup.getChildren().add(label);
            }
            label.setVisible(true);
            label.setText(text);
            boolean alert = lastStop.containsKey(id);
            label.pseudoClassStateChanged(ALERT, alert);
            label.setLayoutX(node.getLayoutX() + NodeView.WIDTH + 6);
            label.setLayoutY(node.getLayoutY());
        }
    }

    private static final javafx.css.PseudoClass ALERT = javafx.css.PseudoClass.getPseudoClass("alert");

    private Playback.Stop lastStopOf(String nodeId) {
        Playback.Stop last = null;
        if (playback != null) {
            for (Playback.Stop stop : playback.stops()) {
                if (stop.nodeId().equals(nodeId)) {
                    last = stop;
                }
            }
        }
        return last;
    }

    private String note(Node node, Playback.Stop stop) {
        List<String> parts = new ArrayList<>();
        String id = node.id();
        if (node instanceof FunctionNode) {
            FunctionRate rate = playback.rate(id);
            int alive = playback.alive(id);
            if (rate != null && rate.instanceLimit() < Integer.MAX_VALUE / 2 && alive >= rate.instanceLimit()) {
                parts.add("at limit " + alive + "/" + rate.instanceLimit());
            }
            long throttled = playback.functionThrottles(id);
            if (throttled > 0) {
                parts.add("\u2715 " + Figures.count(throttled) + " throttled");
            }
        } else if (node.kind() == NodeKind.API_GATEWAY) {
            long throttled = playback.gatewayThrottles(id);
            long cached = playback.cacheHits(id);
            if (throttled > 0) {
                parts.add("\u2715 " + Figures.count(throttled) + " throttled");
            }
            if (cached > 0) {
                parts.add(Figures.count(cached) + " cached");
            }
        } else if (isQueue(node)) {
            long depth = playback.queueDepth(id);
            if (depth > 0) {
                parts.add(Figures.count(depth) + " waiting");
            }
        }
        if (stop != null && stop.why() == dev.stratus.sim.trace.TraceKind.SERVICE_FAILED) {
            parts.add("\u2715 over capacity");
        }
        return String.join("\n", parts);
    }

    private String noteTip(Node node, Playback.Stop stop) {
        if (stop != null) {
            return Explanations.stop(stop, playback, words, name(node.id()));
        }
        if (node.kind() == NodeKind.API_GATEWAY) {
            return "The API gateway answers a repeated request from its cache without calling the function,"
                    + " and turns requests away above its rate limit.";
        }
        if (isQueue(node)) {
            return "Messages wait here until a " + words.container() + " of the consumer is free; it takes them"
                    + " in batches.";
        }
        return "";
    }

    private static boolean isQueue(Node node) {
        return node.kind() == NodeKind.QUEUE
                || node.kind() == NodeKind.QUEUE_TRIGGER
                || node.kind() == NodeKind.STREAM_TRIGGER;
    }

    private String name(String nodeId) {
        return names.getOrDefault(nodeId, nodeId);
    }

    /** The chip text for tests: each container of the function as S, B, I, E (P after a provisioned one). */
    public String chipStates(String functionId) {
        StringBuilder out = new StringBuilder();
        List<Chip> row = chips.getOrDefault(functionId, List.of());
        for (Chip chip : row) {
            out.append(chip.state);
        }
        return out.toString();
    }

    /** How many dots are drawn now. */
    public int dotCount() {
        return dotGroup.getChildren().size();
    }

    /** How many container chips are drawn now. */
    public int chipCount() {
        return chipGroup.getChildren().size();
    }

    /** The dots drawn now, for tests. */
    public List<Circle> dots() {
        return dotGroup.getChildren().stream().map(n -> (Circle) n).toList();
    }

    /** The chips of a function drawn now, as their groups, for tests. */
    public List<Group> chipsOf(String functionId) {
        return chips.getOrDefault(functionId, List.of()).stream()
                .map(c -> c.group)
                .toList();
    }

    /** The explanation the pointer would show over a function's chip. */
    public String explainChip(String functionId, int index) {
        List<Chip> row = chips.getOrDefault(functionId, List.of());
        return index < row.size() ? row.get(index).explain() : "";
    }

    /** One container's chip: a square, a fill that rises during a cold start, a ring that drains while idle. */
    private final class Chip {
        final Group group = new Group();
        final Rectangle body = new Rectangle(CHIP, CHIP);
        final Rectangle fill = new Rectangle(CHIP, 0);
        final Arc ring = new Arc(CHIP / 2, CHIP / 2, CHIP / 2 + 3, CHIP / 2 + 3, 90, 360);
        Playback.Container container;
        String state = "";

        Chip() {
            body.setArcWidth(4);
            body.setArcHeight(4);
            fill.setMouseTransparent(true);
            ring.setType(ArcType.OPEN);
            ring.setMouseTransparent(true);
            ring.getStyleClass().add("watch-ring");
            fill.getStyleClass().add("watch-fill");
            group.getChildren().addAll(ring, body, fill);
            body.setOnMouseEntered(e -> tip.setText(explain()));
            Tooltip.install(body, tip);
        }

        String explain() {
            return container == null || playback == null
                    ? ""
                    : Explanations.container(
                            container, playback.clock(), playback, words, name(container.functionId()));
        }

        void show(Playback.Container c, long clock, double x, double y, FunctionRate rate) {
            container = c;
            group.setLayoutX(x);
            group.setLayoutY(y);
            Playback.Phase phase = c.phase(clock);
            String phaseClass = phase.name().toLowerCase(java.util.Locale.ROOT);
            if (!body.getStyleClass().contains(phaseClass)
                    || body.getStyleClass().contains("provisioned") != c.provisioned()) {
                body.getStyleClass().setAll("watch-chip", phaseClass);
                if (c.provisioned()) {
                    body.getStyleClass().add("provisioned");
                }
            }
            state = phase.name().substring(0, 1) + (c.provisioned() ? "P" : "");
            switch (phase) {
                case STARTING -> {
                    double span = Math.max(1, c.readyAt() - c.createdAt());
                    double done = Math.max(0, Math.min(1, (clock - c.createdAt()) / span));
                    fill.setVisible(true);
                    fill.setHeight(CHIP * done);
                    fill.setY(CHIP * (1 - done));
                    ring.setVisible(false);
                    group.setOpacity(1);
                }
                case IDLE -> {
                    fill.setVisible(false);
                    double keepAlive = rate == null ? Double.POSITIVE_INFINITY : rate.keepAliveSeconds() * 1e6;
                    boolean drains = !c.provisioned() && Double.isFinite(keepAlive) && keepAlive > 0;
                    ring.setVisible(drains);
                    if (drains) {
                        double left = Math.max(0, 1 - (clock - c.idleSince()) / keepAlive);
                        ring.setLength(360 * left);
                    }
                    group.setOpacity(1);
                }
                case EXPIRED -> {
                    fill.setVisible(false);
                    ring.setVisible(false);
                    double gone = playback.linger() == 0 ? 1 : (double) (clock - c.expiredAt()) / playback.linger();
                    group.setOpacity(0.6 * Math.max(0, 1 - gone));
                }
                default -> {
                    fill.setVisible(false);
                    ring.setVisible(false);
                    group.setOpacity(1);
                }
            }
        }
    }
}
