package dev.stratus.app.simulate;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.render.FxRuntime;
import dev.stratus.app.results.ResultsDock;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How quickly live what-if answers an edit: for every sample at 1 simulated hour, the whole studio
 * (1280 x 800, headless under Monocle) with Live on, and a function's memory changed back and forth.
 * Each edit is timed from the edit on the FX thread to the end of the first pulse (CSS and layout)
 * after its new results reached the studio: the debounce, the simulation and pricing in the
 * background, and drawing the summary, the tables, the canvas and the visible results tab. Measured
 * twice per sample: with the Triggers table shown, and with the Over time charts shown.
 *
 * <p>It also starts a simulated year of the default sample ten times, cancels each after a second,
 * and times the cancel until the partial results are in the studio.
 *
 * <p>Run: {@code java -cp app/target/stratus.jar dev.stratus.app.simulate.LiveBenchmark [edits]}
 * (default 40 edits per sample and tab, after 10 to warm up). Prints p50, p95 and the largest time,
 * wall clock, in ms, and the median time of the simulation alone (its own wall time).
 */
public final class LiveBenchmark {

    private static final double HOUR = 3_600;

    private LiveBenchmark() {}

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        startHeadless();
        System.out.printf(
                Locale.ROOT,
                "Stratus live what-if benchmark: %d edits per sample and tab, 1 simulated hour, Java %s, %d cores%n",
                edits,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "%-22s %-12s %8s %8s %8s %17s%n",
                "sample",
                "tab shown",
                "p50 ms",
                "p95 ms",
                "max ms",
                "simulation p50 ms");
        SampleCatalog catalog = SampleCatalog.packaged();
        for (Sample sample : catalog.samples()) {
            Project project = catalog.load(sample);
            project = project.withSettings(project.settings().withDurationSeconds(HOUR));
            for (ResultsDock.Page page : List.of(ResultsDock.Page.TRIGGERS, ResultsDock.Page.OVER_TIME)) {
                double[] simulated = new double[edits];
                double[] times = measure(project, page, 10, edits, simulated);
                Arrays.sort(times);
                Arrays.sort(simulated);
                System.out.printf(
                        Locale.ROOT,
                        "%-22s %-12s %8.0f %8.0f %8.0f %17.0f%n",
                        sample.title(),
                        page.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        percentile(times, 50),
                        percentile(times, 95),
                        times[times.length - 1],
                        percentile(simulated, 50));
            }
        }
        double[] cancels = cancels(catalog.load(catalog.defaultSample().orElseThrow()), 10);
        Arrays.sort(cancels);
        System.out.printf(
                Locale.ROOT,
                "cancel of a 1-year run of the default sample, to its partial results shown: p50 %.0f ms, p95 %.0f ms,"
                        + " max %.0f ms%n",
                percentile(cancels, 50),
                percentile(cancels, 95),
                cancels[cancels.length - 1]);
        Platform.exit();
        // The toolkit was told not to exit with its last window; nothing else is left to do.
        System.exit(0);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The studio on {@code project}, Live on, {@code page} shown; times {@code edits} memory edits. */
    private static double[] measure(Project project, ResultsDock.Page page, int warmUp, int edits, double[] simulated)
            throws Exception {
        Semaphore shown = new Semaphore(0);
        long[] started = new long[1];
        double[] times = new double[edits];
        boolean[] waiting = new boolean[1];
        boolean[] arrived = new boolean[1];
        int[] done = new int[1];
        StudioPane pane = onFx(() -> {
            Theme.applyUserAgentStylesheet();
            EditorModel model = new EditorModel(project);
            StudioPane studio = StudioPane.forPicture(model);
            Scene scene = new Scene(studio, 1280, 800);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            studio.resultTabs().getSelectionModel().select(studio.results().tab(page));
            studio.runner().reportProperty().addListener((obs, old, report) -> {
                if (waiting[0] && report != null) {
                    arrived[0] = true;
                    Platform.requestNextPulse();
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                if (waiting[0] && arrived[0]) {
                    waiting[0] = false;
                    arrived[0] = false;
                    if (done[0] >= 0) {
                        int at = Math.min(done[0], edits - 1);
                        times[at] = (System.nanoTime() - started[0]) / 1e6;
                        simulated[at] = studio.runner().report().simulation().wallSeconds() * 1e3;
                    }
                    shown.release();
                }
            });
            studio.runner().liveProperty().set(true);
            return studio;
        });
        // The first run, started by turning Live on.
        onFx(() -> {
            waiting[0] = true;
            started[0] = System.nanoTime();
            done[0] = -1;
            return null;
        });
        await(shown);
        FunctionNode function = firstFunction(project);
        for (int i = 0; i < warmUp + edits; i++) {
            int n = i;
            int memory = n % 2 == 0 ? function.memoryMb() * 2 : function.memoryMb();
            onFx(() -> {
                done[0] = n - warmUp;
                waiting[0] = true;
                arrived[0] = false;
                started[0] = System.nanoTime();
                EditorModel model = pane.model();
                FunctionNode now = (FunctionNode)
                        model.project().architecture().node(function.id()).orElseThrow();
                model.apply(Edits.change(now.withMemoryMb(memory), "Change memory"));
                return null;
            });
            await(shown);
        }
        onFx(() -> {
            pane.runner().liveProperty().set(false);
            ((Stage) pane.getScene().getWindow()).close();
            return null;
        });
        return times;
    }

    /**
     * Starts {@code times} runs of a simulated year, cancels each after a second, and times each
     * from the cancel to the partial results reaching the studio, ms.
     */
    private static double[] cancels(Project sample, int times) throws Exception {
        Project project = sample.withSettings(sample.settings().withDurationSeconds(365 * 86_400.0));
        StudioPane pane = onFx(() -> {
            StudioPane studio = StudioPane.forPicture(new EditorModel(project));
            Stage stage = new Stage();
            stage.setScene(new Scene(studio, 1280, 800));
            stage.show();
            return studio;
        });
        double[] result = new double[times];
        for (int i = 0; i < times; i++) {
            onFx(() -> {
                pane.runner().run();
                return null;
            });
            Thread.sleep(1_000);
            long start = onFx(() -> {
                pane.runner().cancel();
                return System.nanoTime();
            });
            while (onFx(() -> pane.runner().isRunning())) {
                Thread.sleep(2);
            }
            result[i] = (System.nanoTime() - start) / 1e6;
            if (!onFx(() -> pane.runner().report().partial())) {
                throw new IllegalStateException("a cancelled year of traffic came back whole");
            }
        }
        onFx(() -> {
            ((Stage) pane.getScene().getWindow()).close();
            return null;
        });
        return result;
    }

    private static FunctionNode firstFunction(Project project) {
        return project.architecture().nodesOf(FunctionNode.class).findFirst().orElseThrow();
    }

    private static void await(Semaphore semaphore) throws InterruptedException {
        if (!semaphore.tryAcquire(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no results within 120 s");
        }
    }

    private static void startHeadless() throws java.io.IOException {
        FxRuntime.ensureRunning();
        // Each sample's window closes before the next opens: the toolkit must outlive them.
        onFx(() -> {
            Platform.setImplicitExit(false);
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws java.io.IOException {
        return FxRuntime.call(work, java.time.Duration.ofMinutes(10));
    }
}
