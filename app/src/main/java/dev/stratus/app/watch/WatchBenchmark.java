package dev.stratus.app.watch;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.render.FxRuntime;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.samples.SampleCatalog;
import dev.stratus.app.shell.StudioPane;
import dev.stratus.app.theme.Theme;
import dev.stratus.model.Project;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How smoothly Watch plays: for every sample, the whole studio (1280 x 800) watching its first 10
 * simulated minutes at a speed (default 1000×, the fastest offered) for some wall seconds, timing the
 * interval between animation pulses. JavaFX pulses at most 60 times a second, so 60 frames per
 * second and intervals near 16.7 ms are as smooth as it gets.
 *
 * <p>Run under a display (Xvfb and a window manager, as a user's desktop): {@code DISPLAY=:99 java -cp
 * app/target/stratus.jar dev.stratus.app.watch.WatchBenchmark [speed] [seconds]}; without {@code
 * DISPLAY} it runs on headless Monocle with software rendering. Prints frames per second, the p50,
 * p95 and largest pulse interval in ms, and the most dots and chips drawn in one frame.
 */
public final class WatchBenchmark {

    private WatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        double speed = args.length > 0 ? Double.parseDouble(args[0]) : 1000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
        } else {
            FxRuntime.ensureRunning();
        }
        FxRuntime.call(
                () -> {
                    Platform.setImplicitExit(false);
                    Theme.applyUserAgentStylesheet();
                    return null;
                },
                java.time.Duration.ofSeconds(30));
        System.out.printf(
                Locale.ROOT,
                "Stratus watch benchmark: %s, %.0f\u00d7 for %.0f s per sample, Java %s, %d cores%n",
                display == null || display.isBlank() ? "headless Monocle" : "display " + display,
                speed,
                seconds,
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "%-22s %9s %8s %8s %8s %9s %7s %7s%n",
                "sample",
                "events",
                "fps",
                "p50 ms",
                "p95 ms",
                "max ms",
                "dots",
                "chips");
        SampleCatalog catalog = SampleCatalog.packaged();
        for (Sample sample : catalog.samples()) {
            measure(sample.title(), catalog.load(sample), speed, seconds);
        }
        Platform.exit();
        System.exit(0);
    }

    private static void measure(String title, Project project, double speed, double seconds) throws Exception {
        long[] intervals = new long[100_000];
        int[] count = new int[1];
        long[] last = {-1};
        int[] most = new int[2];
        StudioPane pane = FxRuntime.call(
                () -> {
                    StudioPane studio = StudioPane.forPicture(new EditorModel(project));
                    Stage stage = new Stage();
                    stage.setScene(new Scene(studio, 1280, 800));
                    stage.show();
                    studio.diagram().fitToWindow();
                    studio.watch().speedProperty().set(speed);
                    studio.watch().watch();
                    return studio;
                },
                java.time.Duration.ofSeconds(30));
        WatchController watch = pane.watch();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (FxRuntime.call(() -> watch.playbackProperty().get() == null, java.time.Duration.ofSeconds(30))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(title + ": the window was not recorded in 2 minutes");
            }
            Thread.sleep(20);
        }
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] >= 0 && count[0] < intervals.length) {
                    intervals[count[0]++] = now - last[0];
                }
                last[0] = now;
                most[0] = Math.max(most[0], watch.layer().dotCount());
                most[1] = Math.max(most[1], watch.layer().chipCount());
                if (watch.playbackProperty().get() != null
                        && watch.playbackProperty().get().atEnd()) {
                    // Loop: a benchmark of playing, not of standing still at the end.
                    watch.seek(watch.playbackProperty().get().from());
                    watch.playingProperty().set(true);
                }
            }
        };
        int events = FxRuntime.call(
                () -> {
                    watch.playingProperty().set(true);
                    timer.start();
                    return watch.playbackProperty().get().trace().size();
                },
                java.time.Duration.ofSeconds(30));
        Thread.sleep(Math.round(seconds * 1000));
        FxRuntime.call(
                () -> {
                    timer.stop();
                    watch.stop();
                    pane.getScene().getWindow().hide();
                    return null;
                },
                java.time.Duration.ofSeconds(30));
        long[] sorted = Arrays.copyOf(intervals, count[0]);
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum() / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-22s %,9d %8.1f %8.1f %8.1f %9.1f %7d %7d%n",
                title,
                events,
                sorted.length / Math.max(total, 1e-9),
                percentile(sorted, 50) / 1e6,
                percentile(sorted, 95) / 1e6,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                most[0],
                most[1]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
