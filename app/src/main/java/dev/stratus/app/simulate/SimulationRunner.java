package dev.stratus.app.simulate;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.model.Project;
import dev.stratus.run.DesignRun;
import dev.stratus.run.InvalidDesignException;
import dev.stratus.run.RunReport;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;

/**
 * The studio's simulation, as a view model: runs the open project under its simulation settings
 * off the FX thread, one run at a time, and publishes the outcome as immutable {@link RunReport}s.
 * The run is {@link DesignRun}, the code path of {@code stratus simulate}, so both give the same
 * figures for the same project.
 *
 * <p>While a run goes, {@link #progressProperty()} and {@link #progressTextProperty()} say how far it
 * is (simulated time done, events per second). {@link #cancel()} stops it within a moment; what was
 * simulated so far is kept and shown as partial. A newer run cancels an older one, and the answer of
 * a run that is no longer the newest is dropped, so the newest result wins.
 *
 * <p>With {@link #liveProperty() live} on, an edit that changes what is simulated (anything but the
 * layout, the name and the description) runs again after {@link #LIVE_DELAY}, cancelling a run that
 * is still going. Opening another project clears the results. Use on the FX thread only.
 */
public final class SimulationRunner {

    /** How long live mode waits after an edit before it runs, so a burst of edits runs once. */
    public static final Duration LIVE_DELAY = Duration.millis(20);

    /** How often progress reaches the FX thread at most, ms. */
    private static final long PROGRESS_EVERY_MS = 100;

    private static final Logger LOG = Logger.getLogger(SimulationRunner.class.getName());

    private final EditorModel editor;
    private final Executor background;
    private final ReadOnlyObjectWrapper<RunReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<RunReport> previous = new ReadOnlyObjectWrapper<>(this, "previous");
    private final ReadOnlyObjectWrapper<Project> reportProject = new ReadOnlyObjectWrapper<>(this, "reportProject");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live");
    private final PauseTransition liveDelay = new PauseTransition(LIVE_DELAY);
    private Consumer<java.util.List<Problem>> onErrors = problems -> {};
    private Job current;

    /** A runner on its own background thread. */
    public SimulationRunner(EditorModel editor) {
        this(editor, newThread());
    }

    /** A runner whose runs go to {@code background} (one at a time is expected). */
    public SimulationRunner(EditorModel editor, Executor background) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.background = Objects.requireNonNull(background, "background");
        liveDelay.setOnFinished(e -> run());
        editor.projectProperty().addListener((obs, before, after) -> {
            stale.set(reportProject.get() != null && !sameSimulation(reportProject.get(), after));
            if (live.get() && before != null && !sameSimulation(before, after)) {
                runSoon();
            }
        });
        editor.openedProperty().addListener((obs, before, after) -> clear());
        live.addListener((obs, was, on) -> {
            if (on && (report.get() == null || stale.get())) {
                runSoon();
            }
        });
    }

    private static Executor newThread() {
        return backgroundThread("stratus-simulation");
    }

    /**
     * One daemon thread that runs work in turn, below the FX thread's priority: where the studio's
     * long work (a simulation, a sweep) goes, one job at a time.
     */
    public static Executor backgroundThread(String name) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            // The FX thread comes first: typing must stay quick while a long run goes.
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
        return executor;
    }

    /**
     * Whether two projects simulate alike: they differ at most in their layout, name or description.
     * A rename of a node does change the result (it carries names), so it counts.
     */
    static boolean sameSimulation(Project a, Project b) {
        return a.provider() == b.provider()
                && a.settings().equals(b.settings())
                && a.architecture().equals(b.architecture())
                && a.workloads().equals(b.workloads());
    }

    /** The latest outcome shown, or {@code null} before the first run (or after opening another project). */
    public ReadOnlyObjectProperty<RunReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public RunReport report() {
        return report.get();
    }

    /** The outcome shown before the latest one, for the changes between them; {@code null} if none. */
    public ReadOnlyObjectProperty<RunReport> previousProperty() {
        return previous.getReadOnlyProperty();
    }

    /** The project {@link #reportProperty()} simulated. */
    public ReadOnlyObjectProperty<Project> reportProjectProperty() {
        return reportProject.getReadOnlyProperty();
    }

    /** Whether a run is going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Whether the design has changed, in a way the simulation sees, since the results shown. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** How far the running run is, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How far, in words: {@code 12 min of 1 h · 3.1 M events/s}; empty when nothing runs. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the last run came to, or why it could not run; empty at first. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} tells of a run that could not be made. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Live what-if: re-run after every edit that changes the simulation. */
    public BooleanProperty liveProperty() {
        return live;
    }

    /** Called with the design's errors when a run is refused because of them. */
    public void setOnErrors(Consumer<java.util.List<Problem>> handler) {
        onErrors = Objects.requireNonNull(handler, "handler");
    }

    /** Runs the open project now, cancelling a run that is going. */
    public void run() {
        liveDelay.stop();
        Project project = editor.project();
        Path file = editor.fileProperty().get();
        Path folder = file == null
                ? Path.of("").toAbsolutePath()
                : file.toAbsolutePath().getParent();
        if (current != null) {
            current.cancelled = true;
        }
        Job job = new Job(project, folder);
        current = job;
        running.set(true);
        failed.set(false);
        progress.set(0);
        progressText.set("Starting\u2026");
        background.execute(job);
    }

    /** Runs after {@link #LIVE_DELAY}, dropping a run that is going: it is already stale. */
    private void runSoon() {
        if (current != null) {
            current.cancelled = true;
        }
        liveDelay.playFromStart();
    }

    /** Stops the run that is going, keeping what it simulated so far. */
    public void cancel() {
        liveDelay.stop();
        if (current != null) {
            current.cancelled = true;
            progressText.set("Stopping\u2026");
        }
    }

    /** Forgets the results and stops any run: another project is shown. */
    public void clear() {
        liveDelay.stop();
        if (current != null) {
            current.cancelled = true;
            current = null;
        }
        running.set(false);
        report.set(null);
        previous.set(null);
        reportProject.set(null);
        stale.set(false);
        failed.set(false);
        progress.set(0);
        progressText.set("");
        message.set("");
        if (live.get()) {
            runSoon();
        }
    }

    /**
     * Shows {@code outcome}, a run of {@code project} made elsewhere (a picture, a test), as if this
     * runner had made it.
     */
    public void show(RunReport outcome, Project project) {
        Job job = new Job(project, null);
        if (this.current != null) {
            this.current.cancelled = true;
        }
        current = job;
        finished(job, outcome);
    }

    private void finished(Job job, RunReport outcome) {
        if (job != current) {
            return; // a newer run has started: this answer is stale
        }
        current = null;
        running.set(false);
        progressText.set("");
        progress.set(outcome.partial() ? progress.get() : 1);
        if (report.get() != null) {
            previous.set(report.get());
        }
        reportProject.set(job.project);
        report.set(outcome);
        stale.set(!sameSimulation(job.project, editor.project()));
        double asked = outcome.settings().durationSeconds();
        double done = outcome.simulation().simulatedSeconds();
        if (outcome.partial()) {
            message.set(String.format(
                    Locale.ROOT,
                    "Stopped after %s of %s: the results cover that time",
                    Durations.approximate(done),
                    Durations.format(asked)));
        } else {
            message.set(String.format(
                    Locale.ROOT,
                    "Simulated %s in %.2f s",
                    Durations.format(done),
                    outcome.simulation().wallSeconds()));
        }
    }

    private void refused(Job job, String why, java.util.List<Problem> errors) {
        if (job != current) {
            return;
        }
        current = null;
        running.set(false);
        failed.set(true);
        progressText.set("");
        progress.set(0);
        message.set(why);
        if (!errors.isEmpty()) {
            onErrors.accept(errors);
        }
    }

    private void progressed(Job job, double fraction, String text) {
        if (job == current && !job.cancelled) {
            progress.set(fraction);
            progressText.set(text);
        }
    }

    /** One run: its project, its cancel flag and its progress. */
    private final class Job implements Runnable, Monitor {
        final Project project;
        final Path folder;
        volatile boolean cancelled;
        private final long started = System.nanoTime();
        private long lastPost;

        Job(Project project, Path folder) {
            this.project = project;
            this.folder = folder;
        }

        @Override
        public void run() {
            if (cancelled) {
                return; // dropped before it began: a newer run replaced it
            }
            try {
                RunReport outcome = new DesignRun(project, folder).run(this);
                Platform.runLater(() -> finished(this, outcome));
            } catch (InvalidDesignException e) {
                long count = e.errors().size();
                String first =
                        e.errors().isEmpty() ? "" : ": " + e.errors().get(0).message();
                String why = "Fix " + count + (count == 1 ? " error" : " errors") + " before simulating" + first;
                Platform.runLater(() -> refused(this, why, e.errors()));
            } catch (TraceException | BacklogException | IllegalArgumentException e) {
                String why = "Cannot simulate: " + e.getMessage();
                Platform.runLater(() -> refused(this, why, java.util.List.of()));
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.WARNING, "the simulation failed", e);
                String why = "The simulation failed ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "); the design is unchanged";
                Platform.runLater(() -> refused(this, why, java.util.List.of()));
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void progress(double fraction, long events) {
            long now = System.nanoTime();
            if ((now - lastPost) / 1_000_000 < PROGRESS_EVERY_MS) {
                return;
            }
            lastPost = now;
            double seconds = (now - started) / 1e9;
            double total = project.settings().durationSeconds();
            String speed = dev.stratus.app.results.Figures.compact(events / Math.max(seconds, 1e-3)) + " events/s";
            // Comparing providers runs the design once per provider it is valid on; the fraction
            // covers them all.
            String text = project.settings().compareProviders()
                    ? String.format(Locale.ROOT, "Every provider: %.0f %% \u00b7 %s", 100 * fraction, speed)
                    : String.format(
                            Locale.ROOT,
                            "%s of %s \u00b7 %s",
                            Durations.approximate(fraction * total),
                            Durations.format(total),
                            speed);
            Platform.runLater(() -> progressed(this, fraction, text));
        }
    }
}
