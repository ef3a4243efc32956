package dev.stratus.app.results;

import dev.stratus.app.canvas.CanvasLayer;
import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.canvas.EdgeView;
import dev.stratus.app.canvas.NodeView;
import dev.stratus.cost.NodeCost;
import dev.stratus.model.Architecture;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Project;
import dev.stratus.run.RunReport;
import dev.stratus.sim.result.EdgeResult;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.ServiceResult;
import dev.stratus.sim.result.SimulationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Line;

/**
 * The results of a run drawn on the canvas: under every edge a band as wide as its traffic, and
 * beside every node a badge with its figures (requests per second, cold starts, p99, its share of
 * the monthly bill). A node that throttles or fails is marked red, one whose queue backs up amber,
 * and its tooltip says why. The layer follows the design as it is edited and dragged, matching nodes
 * and edges by id; "On canvas" off hides it all.
 */
public final class ResultsOverlay implements CanvasLayer {

    /** Style class of a node marked red: it throttled, failed or timed out. */
    public static final String ALERT = "sim-alert";

    /** Style class of a node marked amber: its queue backed up. */
    public static final String WARNING = "sim-warning";

    /** Gap between a node's box and its badge, canvas units. */
    static final double BADGE_GAP = 3;

    private static final String BADGE_TIP = "stratus.results.tip";
    private static final javafx.css.PseudoClass ALERT_STATE = javafx.css.PseudoClass.getPseudoClass("alert");
    private static final javafx.css.PseudoClass WARNING_STATE = javafx.css.PseudoClass.getPseudoClass("warning");

    private final Group bands = new Group();
    private final Group badges = new Group();
    private final BooleanProperty shown;
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, Band> bandsById = new HashMap<>();
    private final Map<String, Badge> badgesById = new HashMap<>();
    private final Map<NodeView, String> marks = new HashMap<>();
    private DiagramView view;
    private RunReport report;

    /** @param shown whether the results show on the canvas */
    public ResultsOverlay(BooleanProperty shown) {
        this.shown = shown;
        bands.getStyleClass().add("results-bands");
        badges.getStyleClass().add("results-badges");
        bands.visibleProperty().bind(shown);
        badges.visibleProperty().bind(shown);
        shown.addListener((obs, was, on) -> redraw());
    }

    @Override
    public javafx.scene.Node below() {
        return bands;
    }

    @Override
    public javafx.scene.Node above() {
        return badges;
    }

    @Override
    public boolean receivesMouse() {
        return true;
    }

    @Override
    public void viewsChanged(DiagramView canvas) {
        view = canvas;
        redraw();
    }

    /** Draws {@code next} (or nothing, for {@code null}) over the canvas. */
    public void show(RunReport next) {
        report = next;
        redraw();
    }

    /** Dims the results while they are of a design that has changed since. */
    public void markStale(boolean stale) {
        for (Group group : List.of(bands, badges)) {
            group.getStyleClass().remove("stale");
            if (stale) {
                group.getStyleClass().add("stale");
            }
        }
    }

    /** The badge text shown for the node with this id, or empty: for tests. */
    public String badgeText(String nodeId) {
        return badges.getChildren().stream()
                .filter(n -> nodeId.equals(n.getUserData()))
                .map(n -> ((Label) n).getText())
                .findFirst()
                .orElse("");
    }

    /** Why the node with this id is marked, or empty when it is not. */
    public String reason(String nodeId) {
        return reasons.getOrDefault(nodeId, "");
    }

    /** The width of the traffic band under the edge with this id, or 0 when it has none. */
    public double bandWidth(String edgeId) {
        return bands.getChildren().stream()
                .filter(n -> edgeId.equals(n.getUserData()))
                .mapToDouble(n -> ((Line) n).getStrokeWidth())
                .findFirst()
                .orElse(0);
    }

    private void redraw() {
        Project project = view == null ? null : view.getProject();
        if (report == null || !shown.get() || project == null) {
            clear();
            return;
        }
        RunFigures figures = new RunFigures(report, project.architecture());
        // Shapes are kept from run to run and only their text and width change, so a live edit
        // restyles nothing that did not change.
        Map<String, Band> nextBands = new HashMap<>();
        for (EdgeView edge : view.edgeViews()) {
            long count = figures.edgeCount(edge.edge().id());
            if (count <= 0) {
                continue;
            }
            Band band = bandsById.get(edge.edge().id());
            if (band == null || band.edge() != edge) {
                band = new Band(edge, new Line());
                band.follow();
            }
            band.line().setStrokeWidth(width(figures.rate(count)));
            nextBands.put(edge.edge().id(), band);
        }
        replace(bands, bandsById, nextBands, Band::line);

        Map<String, Badge> nextBadges = new HashMap<>();
        Map<NodeView, String> nextMarks = new HashMap<>();
        reasons.clear();
        for (NodeView node : view.nodeViews()) {
            String text = figures.badge(node.node());
            if (text.isEmpty()) {
                continue;
            }
            Badge badge = badgesById.get(node.nodeId());
            if (badge == null || badge.node() != node) {
                badge = new Badge(node, new Label(), new Tooltip());
                badge.place();
            }
            String alert = figures.alert(node.node());
            String reason = alert.isEmpty() ? figures.warning(node.node()) : alert;
            String mark = reason.isEmpty() ? null : alert.isEmpty() ? WARNING : ALERT;
            badge.label().setText(mark == null ? text : "\u26a0 " + text);
            badge.tip().setText(reason.isEmpty() ? text.replace(" \u00b7 ", "\n") : reason);
            badge.label().pseudoClassStateChanged(ALERT_STATE, ALERT.equals(mark));
            badge.label().pseudoClassStateChanged(WARNING_STATE, WARNING.equals(mark));
            if (mark != null) {
                reasons.put(node.nodeId(), reason);
                nextMarks.put(node, mark);
            }
            nextBadges.put(node.nodeId(), badge);
        }
        replace(badges, badgesById, nextBadges, Badge::label);
        mark(nextMarks);
    }

    /** Removes every shape and mark: nothing to show. */
    private void clear() {
        reasons.clear();
        mark(Map.of());
        bandsById.clear();
        badgesById.clear();
        bands.getChildren().clear();
        badges.getChildren().clear();
    }

    /** Puts {@code next}'s shapes in {@code group} in place of {@code current}'s, touching only what changed. */
    private static <T> void replace(
            Group group,
            Map<String, T> current,
            Map<String, T> next,
            java.util.function.Function<T, javafx.scene.Node> shape) {
        for (Map.Entry<String, T> old : current.entrySet()) {
            if (next.get(old.getKey()) != old.getValue()) {
                group.getChildren().remove(shape.apply(old.getValue()));
            }
        }
        for (Map.Entry<String, T> added : next.entrySet()) {
            if (current.get(added.getKey()) != added.getValue()) {
                group.getChildren().add(shape.apply(added.getValue()));
            }
        }
        current.clear();
        current.putAll(next);
    }

    /** Marks each node view with its class, changing only the views whose mark changed. */
    private void mark(Map<NodeView, String> next) {
        for (Map.Entry<NodeView, String> old : marks.entrySet()) {
            if (!old.getValue().equals(next.get(old.getKey()))) {
                old.getKey().getStyleClass().remove(old.getValue());
                restoreTooltip(old.getKey());
            }
        }
        for (Map.Entry<NodeView, String> mark : next.entrySet()) {
            NodeView node = mark.getKey();
            if (!mark.getValue().equals(marks.get(node))) {
                node.getStyleClass().add(mark.getValue());
            }
            explain(node, reasons.get(node.nodeId()));
        }
        marks.clear();
        marks.putAll(next);
    }

    /** The band under one edge's view, following its line. */
    private record Band(EdgeView edge, Line line) {
        void follow() {
            line.setUserData(edge.edge().id());
            line.getStyleClass().add("traffic-band");
            line.setMouseTransparent(true);
            Runnable move = () -> edge.line()
                    .ifPresentOrElse(
                            drawn -> {
                                line.setVisible(true);
                                line.setStartX(drawn.start().getX());
                                line.setStartY(drawn.start().getY());
                                line.setEndX(drawn.end().getX());
                                line.setEndY(drawn.end().getY());
                            },
                            () -> line.setVisible(false));
            move.run();
            // Weak, and held by the line: a band dropped with its edge's view leaves nothing behind.
            javafx.beans.value.ChangeListener<EdgeView.Line> listener = (obs, old, now) -> move.run();
            line.getProperties().put(Band.class, listener);
            edge.lineProperty().addListener(new javafx.beans.value.WeakChangeListener<>(listener));
        }
    }

    /** The badge beside one node's view, following it as it moves. */
    private record Badge(NodeView node, Label label, Tooltip tip) {
        void place() {
            label.setUserData(node.nodeId());
            label.getStyleClass().add("result-badge");
            label.setTooltip(tip);
            label.setMaxWidth(NodeView.WIDTH + 40);
            label.layoutXProperty().bind(node.layoutXProperty());
            label.layoutYProperty().bind(node.layoutYProperty().add(NodeView.HEIGHT + BADGE_GAP));
        }
    }

    /** 2 px for a trickle, about 3 px more per tenfold traffic, at most 16 px. */
    static double width(double perSecond) {
        return Math.min(16, 2 + 3 * Math.log10(1 + 10 * perSecond));
    }

    /** Puts the reason in the node's own tooltip, under what it says of the node. */
    private static void explain(NodeView node, String reason) {
        Tooltip tip = new Tooltip(NodeView.displayName(node.node()) + "\n"
                + node.node().kind().displayName() + " \u00b7 " + node.nodeId() + "\n\n" + reason);
        Object own = node.getProperties().get(Tooltip.class);
        if (own instanceof Tooltip ownTip) {
            Tooltip.uninstall(node, ownTip);
        }
        Tooltip.install(node, tip);
        node.getProperties().put(Tooltip.class, tip);
        node.getProperties().put(BADGE_TIP, tip);
    }

    private static void restoreTooltip(NodeView node) {
        Object ours = node.getProperties().remove(BADGE_TIP);
        if (ours instanceof Tooltip tip) {
            Tooltip.uninstall(node, tip);
            // The view installs its own tooltip again the next time it is pointed at.
            node.getProperties().remove(Tooltip.class);
        }
    }

    /** The figures of one run, looked up by node and edge id. */
    private static final class RunFigures {
        private final SimulationResult r;
        private final Architecture architecture;
        private final double seconds;
        private final Map<String, FunctionResult> functions = new HashMap<>();
        private final Map<String, EntryResult> entries = new HashMap<>();
        private final Map<String, QueueResult> queues = new HashMap<>();
        private final Map<String, ServiceResult> services = new HashMap<>();
        private final Map<String, Long> edges = new HashMap<>();
        private final Map<String, Double> costs = new HashMap<>();

        RunFigures(RunReport report, Architecture architecture) {
            this.r = report.simulation();
            this.architecture = architecture;
            this.seconds = Math.max(r.simulatedSeconds(), 1e-9);
            r.functions().forEach(f -> functions.put(f.id(), f));
            r.entries().forEach(e -> entries.put(e.id(), e));
            r.queues().forEach(q -> queues.put(q.id(), q));
            r.services().forEach(s -> services.put(s.id(), s));
            for (EdgeResult e : r.edges()) {
                edges.put(e.id(), e.count());
            }
            if (report.cost() != null) {
                for (NodeCost c : report.cost().byNode()) {
                    costs.put(c.id(), c.monthly());
                }
            }
        }

        long edgeCount(String id) {
            return edges.getOrDefault(id, 0L);
        }

        double rate(long count) {
            return count / seconds;
        }

        String badge(Node node) {
            List<String> parts = new ArrayList<>();
            FunctionResult f = functions.get(node.id());
            EntryResult e = entries.get(node.id());
            QueueResult q = queues.get(node.id());
            ServiceResult s = services.get(node.id());
            if (f != null) {
                parts.add(Figures.perSecond(f.invocations() / seconds));
                parts.add(String.format(Locale.ROOT, "%.2f%% cold", 100 * f.coldStartProbability()));
                parts.add("p99 " + Figures.ms(f.latency().p99Ms()));
            } else if (e != null) {
                parts.add(Figures.perSecond(e.requests() / seconds));
                if (e.completed() > 0) {
                    parts.add("p99 " + Figures.ms(e.latency().p99Ms()));
                }
            } else if (node.kind() == NodeKind.API_GATEWAY) {
                long in = inbound(node.id());
                if (in == 0) {
                    return "";
                }
                parts.add(Figures.perSecond(in / seconds));
            } else if (s != null) {
                if (s.calls() == 0 && q == null) {
                    return "";
                }
                parts.add(Figures.perSecond(s.calls() / seconds));
            }
            if (q != null) {
                parts.add(String.format(Locale.ROOT, "depth %.1f avg", q.averageDepth()));
            }
            Double cost = costs.get(node.id());
            if (cost != null && cost > 0) {
                parts.add(Figures.usd(cost) + "/mo");
            }
            if (parts.isEmpty()) {
                return "";
            }
            // Two lines, so the badge stays about as wide as its box.
            int half = (parts.size() + 1) / 2;
            return String.join(" \u00b7 ", parts.subList(0, half))
                    + (parts.size() > half ? "\n" + String.join(" \u00b7 ", parts.subList(half, parts.size())) : "");
        }

        /** Why the node is marked red, or empty: it throttled, failed or timed out. */
        String alert(Node node) {
            List<String> why = new ArrayList<>();
            FunctionResult f = functions.get(node.id());
            if (f != null) {
                if (f.throttles() > 0) {
                    why.add(String.format(
                            Locale.ROOT,
                            "%,d of %,d invocations throttled: it reached its concurrency limit%s.",
                            f.throttles(),
                            f.invocations(),
                            limit(node)));
                }
                if (f.errors() > 0) {
                    why.add(String.format(
                            Locale.ROOT,
                            "%,d invocations failed: a service it calls was over its capacity, or a call failed.",
                            f.errors()));
                }
                if (f.timeouts() > 0) {
                    why.add(String.format(
                            Locale.ROOT,
                            "%,d invocations ran past the timeout of %s s.",
                            f.timeouts(),
                            node instanceof FunctionNode fn ? trim(fn.timeoutSeconds()) : "?"));
                }
                if (f.dropped() > 0) {
                    why.add(String.format(
                            Locale.ROOT, "%,d asynchronous invocations dropped after their retries.", f.dropped()));
                }
            }
            EntryResult e = entries.get(node.id());
            if (e != null && e.failed() > 0) {
                why.add(String.format(
                        Locale.ROOT,
                        "%,d of %,d requests failed end to end%s.",
                        e.failed(),
                        e.requests(),
                        e.throttled() > 0
                                ? String.format(Locale.ROOT, " (%,d of them throttled)", e.throttled())
                                : ""));
            }
            ServiceResult s = services.get(node.id());
            if (s != null && s.throttles() > 0) {
                why.add(String.format(
                        Locale.ROOT, "%,d of %,d calls were over its capacity and failed.", s.throttles(), s.calls()));
            }
            if (node.kind() == NodeKind.API_GATEWAY) {
                long refused = inbound(node.id()) - outbound(node.id()) - cacheHits(node.id());
                if (refused > 0) {
                    why.add(String.format(Locale.ROOT, "%,d requests throttled by its rate limit.", refused));
                }
            }
            return String.join("\n", why);
        }

        /** Why the node is marked amber, or empty: messages were still waiting at the end. */
        String warning(Node node) {
            QueueResult q = queues.get(node.id());
            if (q == null || q.remaining() == 0) {
                return "";
            }
            return String.format(
                    Locale.ROOT,
                    "It backs up: %,d messages still waiting at the end (at most %,d at once); messages waited"
                            + " %s at the 99th percentile.",
                    q.remaining(),
                    q.maxDepth(),
                    Figures.ms(q.messageAge().p99Ms()));
        }

        private String limit(Node node) {
            if (node instanceof FunctionNode fn && fn.reservedConcurrency() != null) {
                return " of " + fn.reservedConcurrency() + " (reserved concurrency)";
            }
            return " (the account's)";
        }

        private long inbound(String nodeId) {
            long sum = 0;
            for (Edge edge : architecture.edges()) {
                if (edge.to().equals(nodeId)) {
                    sum += edgeCount(edge.id());
                }
            }
            return sum;
        }

        private long outbound(String nodeId) {
            long sum = 0;
            for (Edge edge : architecture.edges()) {
                if (edge.from().equals(nodeId)) {
                    sum += edgeCount(edge.id());
                }
            }
            return sum;
        }

        private long cacheHits(String gatewayId) {
            long sum = 0;
            for (Edge edge : architecture.edges()) {
                EntryResult e = entries.get(edge.from());
                if (edge.to().equals(gatewayId) && e != null) {
                    sum += e.cacheHits();
                }
            }
            return sum;
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
