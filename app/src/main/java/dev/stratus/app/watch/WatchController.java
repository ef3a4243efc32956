package dev.stratus.app.watch;

import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.results.Figures;
import dev.stratus.learn.Concept;
import dev.stratus.learn.Words;
import dev.stratus.model.Project;
import dev.stratus.run.InvalidDesignException;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Watch mode, as a view model: records a window of the simulation off the FX thread ({@link
 * WatchRun}, the same run as the results' for the same seed), then plays it on the canvas with
 * JavaFX's animation timer at a chosen speed of simulated time. Play, pause, step to the next event,
 * seek; Show me jumps to the next moment a concept happens. Use on the FX thread only.
 */
public final class WatchController {

    /** The speeds offered, × simulated time. */
    public static final List<Double> SPEEDS = List.of(0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 300.0, 1000.0);

    /** How long a dot takes along an edge at least, and how long marks linger, in wall seconds. */
    static final double DOT_WALL_SECONDS = 0.45;

    static final double LINGER_WALL_SECONDS = 1.5;

    private static final Logger LOG = Logger.getLogger(WatchController.class.getName());

    private final EditorModel model;
    private final DiagramView diagram;
    private final Supplier<Path> folder;
    private final Executor background;
    private final WatchLayer layer = new WatchLayer();
    private final ReadOnlyBooleanWrapper watching = new ReadOnlyBooleanWrapper(this, "watching");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 10);
    private final LongProperty clock = new SimpleLongProperty(this, "clock");
    private final LongProperty fromMicros = new SimpleLongProperty(this, "from", 0);
    private final LongProperty lengthMicros = new SimpleLongProperty(this, "length", WatchRun.DEFAULT_WINDOW_MICROS);
    private final ReadOnlyObjectWrapper<Playback> playback = new ReadOnlyObjectWrapper<>(this, "playback");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper(this, "counters", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ObjectProperty<Runnable> onStarted = new SimpleObjectProperty<>(this, "onStarted", () -> {});
    private final AnimationTimer timer;
    private Consumer<List<Problem>> onErrors = problems -> {};
    private Project watched;
    private AtomicBoolean cancel = new AtomicBoolean();
    private long lastFrame = -1;
    private double carry;
    private Concept pendingJump;
    private long frames;

    public WatchController(EditorModel model, DiagramView diagram, Supplier<Path> folder, Executor background) {
        this.model = Objects.requireNonNull(model, "model");
        this.diagram = Objects.requireNonNull(diagram, "diagram");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.background = Objects.requireNonNull(background, "background");
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        playing.addListener((obs, was, on) -> {
            lastFrame = -1;
            if (on && playback.get() != null && playback.get().atEnd()) {
                seek(playback.get().from());
            }
        });
        speed.addListener((obs, was, now) -> visibility());
        model.projectProperty().addListener((obs, before, after) -> {
            if (watched != null && after != null && !sameDesign(watched, after)) {
                stale.set(true);
            }
        });
        model.openedProperty().addListener((obs, before, after) -> stop());
    }

    /** Watches the project's design over the window set by {@link #fromProperty} and {@link #lengthProperty}. */
    public void watch() {
        watch(model.project(), "");
    }

    /**
     * Watches {@code project} (the open design, or a variant of it from an experiment, named by
     * {@code label}) over the window.
     */
    public void watch(Project project, String label) {
        cancel.set(true);
        AtomicBoolean stopped = new AtomicBoolean();
        cancel = stopped;
        long from = fromMicros.get();
        long to = from + lengthMicros.get();
        recording.set(true);
        playing.set(false);
        message.set("Recording " + Explanations.span(to - from) + " from " + Explanations.clock(from) + "\u2026");
        Path where = folder.get();
        background.execute(() -> {
            try {
                WatchRun.Watched result = new WatchRun(project, where)
                        .window(from, to)
                        .run(new Monitor() {
                            @Override
                            public boolean cancelled() {
                                return stopped.get();
                            }
                        });
                Platform.runLater(() -> {
                    if (!stopped.get()) {
                        show(project, label, result);
                    }
                });
            } catch (InvalidDesignException e) {
                Platform.runLater(() -> fail(stopped, "The design has errors; see Problems.", e.errors()));
            } catch (TraceException | BacklogException | IllegalArgumentException e) {
                Platform.runLater(() -> fail(stopped, e.getMessage(), List.of()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "watch failed", e);
                Platform.runLater(() -> fail(stopped, "Could not record the window: " + e, List.of()));
            }
        });
    }

    private void fail(AtomicBoolean stopped, String text, List<Problem> errors) {
        if (stopped.get()) {
            return;
        }
        recording.set(false);
        message.set(text);
        if (!errors.isEmpty()) {
            onErrors.accept(errors);
        }
    }

    /**
     * Plays {@code result}, a window of {@code project} recorded already (for a picture or a test),
     * as if {@link #watch(Project, String)} had just recorded it.
     */
    public void showRecorded(Project project, String label, WatchRun.Watched result) {
        cancel.set(true);
        show(project, label, result);
    }

    private void show(Project project, String label, WatchRun.Watched result) {
        recording.set(false);
        watched = project;
        stale.set(false);
        Trace trace = result.trace();
        Playback next = new Playback(trace, result.rates());
        playback.set(next);
        visibility();
        next.seek(trace.from());
        if (!diagram.layers().contains(layer)) {
            diagram.addLayer(layer);
        }
        layer.setPlayback(next);
        watching.set(true);
        String what = label.isEmpty() ? project.name() : label;
        title.set(what + " on " + project.provider().displayName() + ":");
        if (trace.truncated()) {
            message.set("The window had more than " + Figures.count(trace.cap()) + " events: playback ends at "
                    + Explanations.clock(trace.to()) + " instead of " + Explanations.clock(trace.requestedTo()) + ".");
        } else if (trace.next(dev.stratus.sim.trace.TraceKind.REQUEST_ARRIVED, trace.from(), 0) < 0) {
            message.set("Nothing arrives between " + Explanations.clock(trace.from()) + " and "
                    + Explanations.clock(trace.to())
                    + ": the traffic starts later (a schedule, a spike). Choose a later"
                    + " window with \"Window…\", or double-click a busy moment on the Over time charts.");
        } else {
            message.set("");
        }
        timer.start();
        update();
        onStarted.get().run();
        if (pendingJump != null) {
            Concept concept = pendingJump;
            pendingJump = null;
            showMe(concept);
        } else {
            playing.set(true);
        }
    }

    /** Leaves watch mode: the canvas shows the design (and the results) again. */
    public void stop() {
        cancel.set(true);
        recording.set(false);
        playing.set(false);
        timer.stop();
        diagram.removeLayer(layer);
        layer.setPlayback(null);
        playback.set(null);
        watched = null;
        watching.set(false);
        message.set("");
        title.set("");
    }

    /** Plays or pauses. */
    public void toggle() {
        if (playback.get() != null) {
            playing.set(!playing.get());
        }
    }

    /** Pauses and moves the clock to the next event. */
    public void step() {
        Playback p = playback.get();
        if (p != null) {
            playing.set(false);
            seek(p.nextEventTime());
        }
    }

    /** Moves the clock to {@code micros} (clamped to the window). */
    public void seek(long micros) {
        Playback p = playback.get();
        if (p == null) {
            return;
        }
        p.seek(micros);
        carry = 0;
        update();
    }

    /**
     * Jumps to the next moment {@code concept} happens in the window, from the clock (or from the
     * window's start when it does not happen after the clock), and pauses there. Returns an empty
     * string when it jumped, else a sentence saying it does not happen here and what would make it
     * happen. Starts watching first when nothing is watched.
     */
    public String showMe(Concept concept) {
        Playback p = playback.get();
        Words words = Words.of(model.project().provider());
        if (p == null) {
            pendingJump = concept;
            if (!recording.get()) {
                watch();
            }
            return "";
        }
        if (concept == Concept.PROVIDERS) {
            return "This is not a moment of one run: run the experiment \"AWS vs Azure vs Google\" to compare them.";
        }
        Project project = watched == null ? model.project() : watched;
        int at = Moments.next(p.trace(), concept, p.clock() + 1, project);
        if (at < 0) {
            at = Moments.next(p.trace(), concept, p.from(), project);
        }
        if (at < 0) {
            return "It does not happen in the watched window (" + Explanations.clock(p.from()) + " to "
                    + Explanations.clock(p.to()) + "). " + concept.howToSee(words);
        }
        playing.set(false);
        // Land just after the event, so what it started shows.
        seek(p.trace().time(at) + 1);
        return "";
    }

    private void frame(long now) {
        frames++;
        Playback p = playback.get();
        if (p == null) {
            return;
        }
        if (playing.get()) {
            if (lastFrame >= 0) {
                double wall = Math.min(0.25, (now - lastFrame) / 1e9);
                carry += wall * speed.get() * 1e6;
                long advance = (long) carry;
                carry -= advance;
                p.seek(p.clock() + advance);
                if (p.atEnd()) {
                    playing.set(false);
                }
            }
            lastFrame = now;
        }
        update();
    }

    private void update() {
        Playback p = playback.get();
        if (p == null) {
            return;
        }
        clock.set(p.clock());
        layer.draw();
        StringBuilder text = new StringBuilder()
                .append(Figures.count(p.requests()))
                .append(" requests \u00b7 ")
                .append(Figures.count(p.coldStarts()))
                .append(" cold starts \u00b7 ")
                .append(p.alive())
                .append(" alive");
        if (p.throttles() > 0) {
            text.append(" \u00b7 ").append(Figures.count(p.throttles())).append(" throttled");
        }
        if (p.errors() > 0) {
            text.append(" \u00b7 ").append(Figures.count(p.errors())).append(" errors");
        }
        counters.set(
                text.append(" \u00b7 ").append(money(p.usd())).append(" spent").toString());
    }

    private static String money(double usd) {
        if (usd == 0) {
            return "$0";
        }
        return usd < 0.01 ? String.format(Locale.ROOT, "$%.6f", usd) : Figures.usd(usd);
    }

    private void visibility() {
        Playback p = playback.get();
        if (p != null) {
            p.setVisibleFor(
                    Math.round(DOT_WALL_SECONDS * speed.get() * 1e6),
                    Math.round(LINGER_WALL_SECONDS * speed.get() * 1e6));
        }
    }

    private static boolean sameDesign(Project a, Project b) {
        return a.architecture().equals(b.architecture())
                && a.workloads().equals(b.workloads())
                && a.provider() == b.provider()
                && a.settings().equals(b.settings());
    }

    /** Called with the design's errors when it cannot be watched. */
    public void setOnErrors(Consumer<List<Problem>> handler) {
        this.onErrors = Objects.requireNonNull(handler, "handler");
    }

    /** Called when a playback starts (to make room for the timeline, hide the results overlay, ...). */
    public ObjectProperty<Runnable> onStartedProperty() {
        return onStarted;
    }

    public ReadOnlyBooleanProperty watchingProperty() {
        return watching.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Whether the design changed since the window was recorded. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** × simulated time: 1 plays a simulated second in a second. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The simulated clock, µs. */
    public LongProperty clockProperty() {
        return clock;
    }

    /** Where the next window starts, µs of simulated time. */
    public LongProperty fromProperty() {
        return fromMicros;
    }

    /** How long the next window is, µs. */
    public LongProperty lengthProperty() {
        return lengthMicros;
    }

    public ReadOnlyObjectProperty<Playback> playbackProperty() {
        return playback.getReadOnlyProperty();
    }

    /** What the watch has to say: recording, a truncated window, an error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The running counters at the clock. */
    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /** What is watched: "Watching REST API on AWS Lambda". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public WatchLayer layer() {
        return layer;
    }

    /** Animation frames handled since the controller was made: for the frame-rate benchmark. */
    public long frames() {
        return frames;
    }
}
