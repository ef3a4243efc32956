package dev.stratus.app.watch;

import dev.stratus.app.simulate.Durations;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The timeline under the canvas while watching: play and pause, step to the next event, the speed
 * (0.1× to 1000× of simulated time), a scrubber over the window with marks for cold starts (amber),
 * throttles (red) and errors (dark red), the simulated clock, and the running counters; and which
 * window to record: from when, how long.
 */
public final class WatchBar extends VBox {

    /** Window lengths offered. */
    static final List<Double> LENGTHS = List.of(60.0, 600.0, 1800.0, 3600.0, 6 * 3600.0, 86_400.0);

    private final WatchController watch;
    private final ToggleButton play = new ToggleButton("Play", new FontIcon("mdi2p-play"));
    private final Button step = new Button("Step", new FontIcon("mdi2s-skip-next"));
    private final ComboBox<Double> speed = new ComboBox<>();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Canvas marks = new Canvas(10, 8);
    private final Label clock = new Label();
    private final Label counters = new Label();
    private final Label title = new Label();
    private final Label message = new Label();
    private final TextField from = new TextField("0 s");
    private final ComboBox<Double> length = new ComboBox<>();
    private final Button again = new Button("Record");
    private final ToggleButton windowToggle = new ToggleButton("Window\u2026");
    private final Button close = new Button("Stop watching");
    private boolean moving;
    private long[] markTimes = new long[0];
    private byte[] markLevels = new byte[0];

    public WatchBar(WatchController watch) {
        this.watch = watch;
        getStyleClass().add("watch-bar");
        setId("watch-bar");
        setSpacing(4);
        setPadding(new Insets(6, 10, 6, 10));

        play.setId("watch-play");
        play.selectedProperty().bindBidirectional(watch.playingProperty());
        play.textProperty()
                .bind(javafx.beans.binding.Bindings.when(play.selectedProperty())
                        .then("Pause")
                        .otherwise("Play"));
        play.setTooltip(new Tooltip("Play or pause (Space while the timeline has the focus)"));
        play.selectedProperty()
                .addListener((obs, was, on) -> play.setGraphic(new FontIcon(on ? "mdi2p-pause" : "mdi2p-play")));
        step.setId("watch-step");
        step.setOnAction(e -> watch.step());
        step.setTooltip(new Tooltip("Pause and move to the next event"));

        speed.setId("watch-speed");
        speed.getItems().setAll(WatchController.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : speedText(value);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("\u00d7", "").strip());
            }
        });
        speed.setValue(watch.speedProperty().get());
        speed.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                watch.speedProperty().set(now);
            }
        });
        speed.setTooltip(new Tooltip("Speed of simulated time: 1\u00d7 plays a simulated second in a second"));

        scrubber.setId("watch-scrubber");
        scrubber.setMaxWidth(Double.MAX_VALUE);
        scrubber.valueProperty().addListener((obs, was, now) -> {
            if (!moving) {
                watch.seek(Math.round(now.doubleValue() * 1e6));
            }
        });
        marks.setMouseTransparent(true);
        marks.widthProperty().bind(scrubber.widthProperty());
        marks.widthProperty().addListener((obs, was, now) -> drawMarks());
        VBox track = new VBox(1, marks, scrubber);
        HBox.setHgrow(track, Priority.ALWAYS);

        clock.setId("watch-clock");
        clock.getStyleClass().add("watch-clock");
        clock.setMinWidth(Region.USE_PREF_SIZE);
        counters.setId("watch-counters");
        counters.getStyleClass().add("watch-counters");
        counters.textProperty().bind(watch.countersProperty());
        title.setId("watch-title");
        title.getStyleClass().add("watch-title");
        title.textProperty().bind(watch.titleProperty());
        message.setId("watch-message");
        message.getStyleClass().add("watch-message");
        message.textProperty().bind(watch.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        from.setId("watch-from");
        from.setPrefColumnCount(6);
        from.setTooltip(new Tooltip("Where the window starts in simulated time: 0 s, 90 s, 15m, 2h"));
        from.setOnAction(e -> applyFrom());
        from.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                applyFrom();
            }
        });
        length.setId("watch-length");
        length.getItems().setAll(LENGTHS);
        length.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double seconds) {
                return seconds == null ? "" : Durations.format(seconds);
            }

            @Override
            public Double fromString(String text) {
                return Durations.parse(text).orElse(600.0);
            }
        });
        length.setValue(watch.lengthProperty().get() / 1e6);
        length.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                watch.lengthProperty().set(Math.round(now * 1e6));
            }
        });
        again.setId("watch-again");
        again.setOnAction(e -> {
            applyFrom();
            watch.watch();
        });
        again.disableProperty().bind(watch.recordingProperty());
        watch.staleProperty().addListener((obs, was, stale) -> {
            again.setText(stale ? "Record the changed design" : "Record");
            if (stale) {
                windowToggle.setSelected(true);
            }
        });
        close.setId("watch-close");
        close.setTooltip(new Tooltip("Leave watch mode: the canvas shows the design and the results again"));
        close.setOnAction(e -> watch.stop());

        close.setGraphic(new FontIcon("mdi2c-close"));
        windowToggle.setId("watch-window");
        windowToggle.setTooltip(new Tooltip("Choose another window of simulated time to record and watch"));
        for (Region fixed : List.of(title, play, step, speed, close, clock, windowToggle)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        speed.setPrefWidth(90);
        track.setMinWidth(120);
        HBox controls = new HBox(6, play, step, speed, track, clock, close);
        controls.setAlignment(Pos.CENTER_LEFT);
        counters.setMinWidth(0);
        counters.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(counters, Priority.ALWAYS);
        HBox info = new HBox(8, title, counters, windowToggle);
        info.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("or double-click a moment on the Over time charts");
        hint.getStyleClass().add("text-muted");
        hint.setMinWidth(0);
        HBox window = new HBox(8, new Label("Watch from"), from, new Label("for"), length, again, hint);
        window.setId("watch-window-row");
        window.setAlignment(Pos.CENTER_LEFT);
        window.managedProperty().bind(windowToggle.selectedProperty());
        window.visibleProperty().bind(window.managedProperty());
        getChildren().addAll(controls, info, window, message);

        watch.clockProperty().addListener((obs, was, now) -> showClock());
        watch.playbackProperty().addListener((obs, was, now) -> {
            moving = true;
            if (now != null) {
                scrubber.setMin(now.from() / 1e6);
                scrubber.setMax(Math.max(now.to(), now.from() + 1) / 1e6);
            }
            moving = false;
            findMarks(now);
            drawMarks();
            showClock();
        });
    }

    private void applyFrom() {
        Optional<Double> seconds = Durations.parse(from.getText());
        if (from.getText().strip().matches("0+(\\.0*)?\\s*s?")) {
            seconds = Optional.of(0.0);
        }
        if (seconds.isPresent()) {
            watch.fromProperty().set(Math.round(seconds.get() * 1e6));
            from.getStyleClass().remove("invalid");
            from.setTooltip(new Tooltip("Where the window starts in simulated time: 0 s, 90 s, 15m, 2h"));
        } else if (!from.getStyleClass().contains("invalid")) {
            from.getStyleClass().add("invalid");
            from.setTooltip(new Tooltip(Durations.problem(from.getText())));
        }
    }

    /** Puts the window's start in the From field: the results' charts call it with a chosen time. */
    public void setFrom(double seconds) {
        from.setText(Durations.format(seconds));
        watch.fromProperty().set(Math.round(seconds * 1e6));
    }

    private void showClock() {
        Playback p = watch.playbackProperty().get();
        if (p == null) {
            clock.setText("");
            return;
        }
        moving = true;
        scrubber.setValue(p.clock() / 1e6);
        moving = false;
        clock.setText(Explanations.clock(p.clock()) + " / " + Explanations.clock(p.to()));
    }

    /**
     * The marks over the scrubber: one column per pixel, coloured by the worst that happened there.
     * The marked events are found once per playback ({@link #findMarks}); a resize only redraws.
     */
    private void drawMarks() {
        GraphicsContext g = marks.getGraphicsContext2D();
        double width = marks.getWidth();
        g.clearRect(0, 0, width, marks.getHeight());
        Playback p = watch.playbackProperty().get();
        if (p == null || width < 2) {
            return;
        }
        int columns = (int) width;
        byte[] worst = new byte[columns];
        double span = Math.max(1, p.to() - p.from());
        for (int m = 0; m < markTimes.length; m++) {
            int column = (int) Math.min(columns - 1, (markTimes[m] - p.from()) / span * columns);
            if (column >= 0 && markLevels[m] > worst[column]) {
                worst[column] = markLevels[m];
            }
        }
        // Inset like the slider's track, roughly: its thumb's half width at each end.
        double inset = 7;
        double scale = (width - 2 * inset) / width;
        for (int x = 0; x < columns; x++) {
            if (worst[x] > 0) {
                g.setFill(
                        switch (worst[x]) {
                            case 1 -> Color.web("#d4a72c");
                            case 2 -> Color.web("#e5534b");
                            default -> Color.web("#8e1519");
                        });
                g.fillRect(inset + x * scale, 0, Math.max(1, scale), marks.getHeight());
            }
        }
    }

    /** The times and levels of the trace's cold starts, throttles and errors. */
    private void findMarks(Playback p) {
        if (p == null) {
            markTimes = new long[0];
            markLevels = new byte[0];
            return;
        }
        Trace trace = p.trace();
        int count = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (level(trace, i) > 0) {
                count++;
            }
        }
        markTimes = new long[count];
        markLevels = new byte[count];
        for (int i = 0, m = 0; i < trace.size(); i++) {
            byte level = level(trace, i);
            if (level > 0) {
                markTimes[m] = trace.time(i);
                markLevels[m++] = level;
            }
        }
    }

    /** 1 for a cold start, 2 for a throttle, 3 for an error; 0 for the rest. */
    private static byte level(Trace trace, int i) {
        TraceKind kind = trace.kind(i);
        if (kind == TraceKind.INVOCATION_STARTED && (trace.flags(i) & Trace.COLD) != 0) {
            return 1;
        }
        if (kind == TraceKind.THROTTLED || kind == TraceKind.GATEWAY_THROTTLED) {
            return 2;
        }
        if ((kind == TraceKind.INVOCATION_ENDED && (trace.flags(i) & (Trace.FAILED | Trace.TIMED_OUT)) != 0)
                || kind == TraceKind.SERVICE_FAILED) {
            return 3;
        }
        return 0;
    }

    static String speedText(double value) {
        return (value < 1 ? String.format(Locale.ROOT, "%.2g", value) : String.format(Locale.ROOT, "%,.0f", value))
                + "\u00d7";
    }

    public ToggleButton playButton() {
        return play;
    }

    public Slider scrubber() {
        return scrubber;
    }

    public Label clockLabel() {
        return clock;
    }
}
