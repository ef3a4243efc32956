package dev.stratus.app.simulate;

import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.model.Project;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The row under the toolbar that runs the simulation: Run, Run again with another seed, Cancel; the
 * settings saved in the project (simulated duration, seed, the project's provider or all of them,
 * routing, free tier); Live and whether the results show on the canvas. The progress of a run is
 * in {@link #progressBox()}, for the status bar.
 * A change of a setting is an undoable edit of the project. Every control has an id ({@code sim-run},
 * {@code sim-duration}, ...) for tests.
 */
public final class SimulationBar extends ToolBar {

    /** The two answers to "which providers": the project's own, or every one side by side. */
    enum Providers {
        PROJECT,
        ALL
    }

    private final EditorModel editor;
    private final SimulationRunner runner;
    private final ComboBox<String> duration = new ComboBox<>();
    private final TextField seed = new TextField();
    private final ComboBox<Providers> providers = new ComboBox<>();
    private final ComboBox<Routing> routing = new ComboBox<>();
    private final CheckBox freeTier = new CheckBox("Free tier");
    private final CheckBox live = new CheckBox("Live");
    private final CheckBox onCanvas = new CheckBox("On canvas");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final HBox progressBox;
    private boolean showing;

    /**
     * @param showOnCanvas whether the results are drawn on the canvas, which the "On canvas" box sets
     */
    public SimulationBar(EditorModel editor, SimulationRunner runner, BooleanProperty showOnCanvas) {
        this.editor = editor;
        this.runner = runner;
        getStyleClass().add("simulation-bar");

        Button run = button("Run", "mdi2p-play", "sim-run", "Simulate the design (F5)", runner::run);
        run.getStyleClass().add("run-button");
        Button again = button(
                "New seed",
                "mdi2d-dice-multiple-outline",
                "sim-again",
                "Run again with another seed (Shift+F5): the next seed, saved with the settings",
                this::runAgain);
        Button cancel = button(
                "Cancel",
                "mdi2s-stop",
                "sim-cancel",
                "Stop the run, keeping what it simulated so far (Esc)",
                runner::cancel);
        cancel.disableProperty().bind(runner.runningProperty().not());

        duration.setId("sim-duration");
        duration.setEditable(true);
        duration.setPrefWidth(92);
        Durations.PRESETS.forEach(seconds -> duration.getItems().add(Durations.format(seconds)));
        duration.setTooltip(new Tooltip("Simulated time: pick one or type it, like 90 s, 15 min, 2 h, 30 d, 1 y"));
        duration.valueProperty().addListener((obs, old, text) -> commitDuration(text));
        duration.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitDuration(duration.getEditor().getText());
            }
        });

        seed.setId("sim-seed");
        seed.setPrefColumnCount(4);
        seed.setTooltip(new Tooltip("The random seed: the same seed gives the same results, bit for bit"));
        seed.setOnAction(e -> commitSeed());
        seed.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitSeed();
            }
        });

        providers.setId("sim-providers");
        providers.setPrefWidth(140);
        providers.getItems().setAll(Providers.values());
        providers.setCellFactory(list -> new ProvidersCell());
        providers.setButtonCell(new ProvidersCell());
        providers.setTooltip(new Tooltip());
        providers.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                change("Compare providers", s -> s.withCompareProviders(chosen == Providers.ALL));
            }
        });

        routing.setId("sim-routing");
        routing.setPrefWidth(165);
        routing.getItems().setAll(Routing.values());
        routing.setCellFactory(list -> new RoutingCell());
        routing.setButtonCell(new RoutingCell());
        routing.setTooltip(new Tooltip("Which idle instance takes a request when several are warm"));
        routing.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                change("Change routing", s -> s.withRouting(chosen));
            }
        });

        freeTier.setId("sim-free-tier");
        freeTier.setTooltip(new Tooltip("Take the providers' monthly free tier off the bill"));
        freeTier.selectedProperty()
                .addListener(
                        (obs, old, on) -> change("Turn the free tier " + (on ? "on" : "off"), s -> s.withFreeTier(on)));

        live.setId("sim-live");
        live.setTooltip(new Tooltip("Live what-if: simulate again after every edit that changes the results"));
        live.selectedProperty().bindBidirectional(runner.liveProperty());
        onCanvas.setId("sim-on-canvas");
        onCanvas.setTooltip(new Tooltip("Show the results on the canvas: traffic, cold starts, p99 and cost per node"));
        onCanvas.selectedProperty().bindBidirectional(showOnCanvas);

        progress.setId("sim-progress");
        progress.setPrefWidth(120);
        progress.setMinWidth(80);
        progress.progressProperty().bind(runner.progressProperty());
        progress.visibleProperty().bind(runner.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        status.setId("sim-status");
        status.setMinWidth(0);
        status.getStyleClass().add("sim-status");
        status.textProperty()
                .bind(Bindings.when(runner.runningProperty())
                        .then(runner.progressTextProperty())
                        .otherwise(runner.messageProperty()));
        runner.failedProperty().addListener((obs, was, isFailed) -> mark(status, "failed", isFailed));
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());
        progressBox = new HBox(6, progress, status);
        progressBox.setAlignment(Pos.CENTER_LEFT);
        progressBox.setMinWidth(0);
        progressBox.setId("sim-progress-box");

        getItems()
                .addAll(
                        run,
                        again,
                        cancel,
                        separator(),
                        caption("Duration", duration),
                        duration,
                        caption("Seed", seed),
                        seed,
                        providers,
                        routing,
                        freeTier,
                        separator(),
                        live,
                        onCanvas);
        editor.projectProperty().addListener((obs, old, project) -> show(project));
        show(editor.project());
    }

    /**
     * The progress of a run and what the last one came to (or why it could not run): shown in the
     * status bar, where there is room for it.
     */
    public HBox progressBox() {
        return progressBox;
    }

    /** Runs again with the next seed, which is saved with the settings so the run can be repeated. */
    public void runAgain() {
        long next = editor.project().settings().seed() + 1;
        change("Change the seed to " + next, s -> s.withSeed(next));
        runner.run();
    }

    /** The settings of {@code project}, shown in the controls without editing it again. */
    private void show(Project project) {
        showing = true;
        try {
            SimulationSettings settings = project.settings();
            String text = Durations.format(settings.durationSeconds());
            if (!text.equals(duration.getValue())) {
                duration.setValue(text);
            }
            duration.getEditor().setText(text);
            mark(duration, "invalid", false);
            seed.setText(Long.toString(settings.seed()));
            mark(seed, "invalid", false);
            providers.setValue(settings.compareProviders() ? Providers.ALL : Providers.PROJECT);
            providers
                    .getTooltip()
                    .setText("Simulate on the project's provider ("
                            + project.provider().displayName() + "), or on every provider side by side");
            routing.setValue(settings.routing());
            freeTier.setSelected(settings.freeTierOn());
        } finally {
            showing = false;
        }
    }

    private void commitDuration(String text) {
        if (showing || text == null) {
            return;
        }
        var seconds = Durations.parse(text);
        if (seconds.isEmpty() || seconds.get() > 1e11) {
            mark(duration, "invalid", true);
            duration.setTooltip(
                    new Tooltip(seconds.isEmpty() ? Durations.problem(text) : "At most 10^11 s (about 3,000 years)"));
            return;
        }
        mark(duration, "invalid", false);
        change(
                "Change the simulated duration to " + Durations.format(seconds.get()),
                s -> s.withDurationSeconds(seconds.get()));
    }

    private void commitSeed() {
        if (showing) {
            return;
        }
        try {
            long value = Long.parseLong(seed.getText().strip());
            mark(seed, "invalid", false);
            change("Change the seed to " + value, s -> s.withSeed(value));
        } catch (NumberFormatException e) {
            mark(seed, "invalid", true);
            seed.setTooltip(new Tooltip("\u201c" + seed.getText() + "\u201d is not a whole number"));
        }
    }

    private void change(String what, UnaryOperator<SimulationSettings> change) {
        if (showing) {
            return;
        }
        editor.apply(Edits.project(what, p -> p.withSettings(change.apply(p.settings()))));
    }

    private static void mark(javafx.scene.Node node, String styleClass, boolean on) {
        if (on && !node.getStyleClass().contains(styleClass)) {
            node.getStyleClass().add(styleClass);
        } else if (!on) {
            node.getStyleClass().remove(styleClass);
        }
    }

    private static Label caption(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Button button(String text, String icon, String id, String tip, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** The choice in words: "This provider" (named in the tooltip) or "All providers". */
    private final class ProvidersCell extends ListCell<Providers> {
        @Override
        protected void updateItem(Providers item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else if (item == Providers.ALL) {
                setText("All providers");
            } else {
                setText("This provider");
            }
        }
    }

    /** A routing policy in words. */
    private static final class RoutingCell extends ListCell<Routing> {
        @Override
        protected void updateItem(Routing item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : "Routing: " + name(item));
            if (!empty && item != null) {
                setTooltip(new Tooltip(
                        switch (item) {
                            case NEWEST -> "The newest idle instance takes a request (as SimFaaS)";
                            case MRU -> "The instance idle for the shortest time (as AWS Lambda is observed to)";
                            case LRU -> "The instance idle for the longest time";
                            case RANDOM -> "Any idle instance, at random";
                        }));
            }
        }
    }

    /** A routing policy's short name. */
    static String name(Routing routing) {
        return switch (routing) {
            case NEWEST -> "newest";
            case MRU -> "most recent";
            case LRU -> "least recent";
            case RANDOM -> "random";
        };
    }
}
