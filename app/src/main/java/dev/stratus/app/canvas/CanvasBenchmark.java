package dev.stratus.app.canvas;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.theme.Theme;
import dev.stratus.layout.LayeredLayout;
import dev.stratus.model.Architecture;
import dev.stratus.model.ConnectionRules;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.NodeDefaults;
import dev.stratus.model.NodeKind;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * How fast the editing canvas is with a large design: builds a random, legal design of 500 nodes
 * and 800 edges (seeded, so every run draws the same one), and measures on the FX thread, headless
 * under Monocle with the software renderer:
 *
 * <ul>
 *   <li><b>open</b>: binding a canvas to the project and the first CSS pass and layout, and the
 *       first paint (a snapshot of the 1200 x 760 view, which fits the headless screen);
 *   <li><b>pan</b>, <b>zoom</b>, <b>drag</b>: N steps of panning, zooming about a point, and
 *       dragging 10 nodes as a mouse drag does, each in a shown stage and followed by the real pulse
 *       that restyles and lays out what changed (timed between the scene's pre- and post-layout
 *       pulse listeners);
 *   <li><b>edits</b>: one move of 10 nodes and one rename through the undo stack, and undoing both;
 *   <li><b>paint</b>: a snapshot of the whole view, which the software renderer used headless draws
 *       far more slowly than a graphics card does.
 * </ul>
 *
 * <p>Run: {@code java -cp app/target/stratus.jar dev.stratus.app.canvas.CanvasBenchmark [nodes edges
 * steps]}. Times are milliseconds of CPU time spent on the FX thread, which a busy machine does not
 * inflate; add {@code -Dbench.clock=wall} for wall-clock time. The first round warms the JIT and is
 * not reported.
 */
public final class CanvasBenchmark {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;

    private CanvasBenchmark() {}

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int edges = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        startHeadless();
        Project project = randomDesign(nodes, edges, 42);
        System.out.printf(
                Locale.ROOT,
                "Stratus canvas benchmark: %d nodes, %d edges, %d steps, %s, Java %s, %s time of the FX thread%n",
                project.architecture().nodes().size(),
                project.architecture().edges().size(),
                steps,
                System.getProperty("glass.platform", "default"),
                System.getProperty("java.version"),
                CPU ? "CPU" : "wall-clock");
        round(project, steps, false);
        round(project, steps, true);
        Platform.exit();
    }

    /** Builds a design of {@code nodeCount} nodes and about {@code edgeCount} legal edges, laid out. */
    static Project randomDesign(int nodeCount, int edgeCount, long seed) {
        Random random = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        NodeKind[] services = {NodeKind.DATABASE, NodeKind.QUEUE, NodeKind.TOPIC, NodeKind.BUCKET, NodeKind.EMAIL};
        NodeKind[] triggers = {NodeKind.HTTP_TRIGGER, NodeKind.QUEUE_TRIGGER, NodeKind.SCHEDULE_TRIGGER};
        for (int i = 0; i < nodeCount; i++) {
            double r = random.nextDouble();
            NodeKind kind = r < 0.1
                    ? triggers[random.nextInt(triggers.length)]
                    : r < 0.13 ? NodeKind.API_GATEWAY : r < 0.8 ? NodeKind.FUNCTION : services[random.nextInt(5)];
            nodes.add(NodeDefaults.of(kind, "n" + i, kind.id() + "-" + i));
        }
        List<Edge> edges = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (int tries = 0; edges.size() < edgeCount && tries < edgeCount * 200; tries++) {
            Node from = nodes.get(random.nextInt(nodeCount));
            Node to = nodes.get(random.nextInt(nodeCount));
            if (from == to
                    || !ConnectionRules.allows(from.kind(), to.kind())
                    || !pairs.add(from.id() + ">" + to.id())) {
                continue;
            }
            Edge edge = Edge.of("e" + edges.size(), from.id(), to.id());
            if (from.kind() == NodeKind.API_GATEWAY) {
                edge = edge.withRoute("GET /" + to.name());
            }
            edges.add(edge);
        }
        Architecture architecture = new Architecture(nodes, edges);
        return Project.empty("Benchmark").withArchitecture(architecture).withLayout(LayeredLayout.of(architecture));
    }

    /** The canvas under test, shown in a stage so that real pulses lay it out. */
    private static final class Bench {
        final EditorModel model;
        final DiagramView view;
        final Scene scene;
        final java.util.concurrent.Semaphore pulsed = new java.util.concurrent.Semaphore(0);
        volatile boolean waiting;
        long pulseStart;
        long pulseTotal;
        long changeTotal;

        Bench(EditorModel model, DiagramView view, Scene scene) {
            this.model = model;
            this.view = view;
            this.scene = scene;
            scene.addPreLayoutPulseListener(() -> pulseStart = now());
            scene.addPostLayoutPulseListener(() -> {
                if (waiting) {
                    waiting = false;
                    pulseTotal += now() - pulseStart;
                    pulsed.release();
                }
            });
        }

        /** Makes {@code change} on the FX thread and waits for the pulse that lays it out. */
        void step(Runnable change) throws Exception {
            onFx(() -> {
                long t = now();
                change.run();
                changeTotal += now() - t;
                waiting = true;
                Platform.requestNextPulse();
                return null;
            });
            if (!pulsed.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no pulse within 60 s");
            }
        }

        /** Milliseconds per step of the change and of the pulse's CSS and layout since the last call. */
        double[] take(int steps) {
            double[] result = {ms(changeTotal) / steps, ms(pulseTotal) / steps};
            changeTotal = 0;
            pulseTotal = 0;
            return result;
        }
    }

    private static void round(Project project, int steps, boolean report) throws Exception {
        long[] open = new long[3];
        Bench bench = onFx(() -> {
            Theme.applyUserAgentStylesheet();
            long start = now();
            EditorModel model = new EditorModel(project);
            DiagramView view = new DiagramView();
            view.bind(new DiagramEditor(model));
            Scene scene = new Scene(view, WIDTH, HEIGHT);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(scene);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            open[0] = now() - start;
            long paint = System.nanoTime();
            scene.snapshot(null);
            open[1] = System.nanoTime() - paint;
            stage.show();
            return new Bench(model, view, scene);
        });
        DiagramView view = bench.view;
        for (int i = 0; i < steps; i++) {
            int n = i;
            bench.step(() -> view.panBy(n % 2 == 0 ? 7 : -5, 3));
        }
        double[] pan = bench.take(steps);
        for (int i = 0; i < steps; i++) {
            int n = i;
            bench.step(() -> view.zoomAbout(view.zoomProperty().get() * (n % 2 == 0 ? 1.1 : 1 / 1.08), 500, 400));
        }
        double[] zoom = bench.take(steps);
        List<NodeView> dragged = onFx(() -> view.nodeViews().subList(0, 10));
        Map<String, Position> starts = new HashMap<>();
        dragged.forEach(v -> starts.put(v.nodeId(), new Position(v.getLayoutX(), v.getLayoutY())));
        for (int i = 0; i < steps; i++) {
            // What a drag does per mouse event: the boxes follow the pointer on the grid.
            double d = DiagramEditor.snap(i * 7);
            bench.step(() -> dragged.forEach(v -> {
                Position p = starts.get(v.nodeId());
                v.relocate(p.x() + d, p.y() + d / 2);
            }));
        }
        double[] drag = bench.take(steps);
        Map<String, Position> moves = new HashMap<>();
        starts.forEach((id, p) -> moves.put(id, new Position(p.x() + 40, p.y())));
        bench.step(() -> bench.model.apply(Edits.move(moves)));
        double[] move = bench.take(1);
        bench.step(() -> bench.model.apply(
                Edits.rename(project.architecture().nodes().get(0).id(), "renamed")));
        double[] rename = bench.take(1);
        bench.step(() -> {
            bench.model.undo();
            bench.model.undo();
        });
        double[] undo = bench.take(1);
        double paint = onFx(() -> {
            long t = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                bench.scene.snapshot(null);
            }
            return ms(System.nanoTime() - t) / 5;
        });
        if (report) {
            System.out.printf(
                    Locale.ROOT,
                    "open: build + CSS + layout %.0f ms; first paint %.0f ms (wall)%n",
                    ms(open[0]),
                    ms(open[1]));
            System.out.printf(
                    Locale.ROOT,
                    "per step (change + pulse CSS and layout): pan %.2f + %.2f ms, zoom %.2f + %.2f ms, drag 10 nodes %.2f + %.2f ms%n",
                    pan[0],
                    pan[1],
                    zoom[0],
                    zoom[1],
                    drag[0],
                    drag[1]);
            System.out.printf(
                    Locale.ROOT,
                    "edits (apply + pulse): move 10 nodes %.1f + %.1f ms, rename 1 node %.1f + %.1f ms, undo both %.1f + %.1f ms%n",
                    move[0],
                    move[1],
                    rename[0],
                    rename[1],
                    undo[0],
                    undo[1]);
            System.out.printf(
                    Locale.ROOT,
                    "paint of the whole %d x %d view by the software renderer: %.0f ms (wall)%n",
                    WIDTH,
                    HEIGHT,
                    paint);
        }
        onFx(() -> {
            ((javafx.stage.Stage) bench.scene.getWindow()).close();
            return null;
        });
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Measure CPU time of the FX thread (-Dbench.clock=cpu, the default) or wall-clock time (wall). */
    private static final boolean CPU =
            !"wall".equals(System.getProperty("bench.clock")) && THREADS.isCurrentThreadCpuTimeSupported();

    private static long now() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void startHeadless() throws InterruptedException {
        for (String[] p : Arrays.asList(
                new String[] {"glass.platform", "Monocle"},
                new String[] {"monocle.platform", "Headless"},
                new String[] {"prism.order", "sw"},
                new String[] {"prism.text", "t2k"},
                new String[] {"java.awt.headless", "true"})) {
            if (System.getProperty(p[0]) == null) {
                System.setProperty(p[0], p[1]);
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start within 30 s");
        }
        // Each round closes its stage; without this, closing the last one may end the FX thread
        // before the next round's stage is made, and the benchmark waits for it forever.
        Platform.setImplicitExit(false);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }
}
