package dev.stratus.app.learn;

import dev.stratus.app.simulate.SimulationRunner;
import dev.stratus.learn.Experiment;
import dev.stratus.learn.ExperimentResult;
import dev.stratus.learn.ExperimentResult.Outcome;
import dev.stratus.learn.Experiments;
import dev.stratus.learn.Numbers;
import dev.stratus.learn.RunFigures;
import dev.stratus.learn.Words;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.sim.engine.Monitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The guided experiments: choose one, read its question, run it on the current design, and see its
 * variants side by side, a column each with its figures and a Watch button, and the sentence that
 * says what changed and why. A run goes off the FX thread, shows its progress and can be stopped;
 * running again, or stopping, drops the result of the run before.
 *
 * <p>Ids: {@code experiment-choice}, {@code experiment-question}, {@code experiment-run}, {@code
 * experiment-stop}, {@code experiment-progress}, {@code experiment-message}, {@code
 * experiment-column-<index>}, {@code experiment-watch-<index>} and {@code experiment-sentence}; in a
 * column, each figure is {@code experiment-<figure>-<index>} (requests, cold, p50, p95, p99,
 * throttles, peak, bill).
 */
public final class ExperimentsView extends VBox {

    /** The experiments' default simulated time, seconds: an hour, as the samples'. */
    public static final double DEFAULT_DURATION_SECONDS = 3600;

    private final Supplier<Project> project;
    private final Supplier<Path> folder;
    private final BiConsumer<String, Project> watch;
    private final Executor background;
    private final ComboBox<Experiment> choice = new ComboBox<>();
    private final Label question = new Label();
    private final Button run = new Button("Run");
    private final Button stop = new Button("Stop");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final HBox columns = new HBox(16);
    private final Label sentence = new Label();
    private final ReadOnlyObjectWrapper<ExperimentResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private double durationSeconds = DEFAULT_DURATION_SECONDS;
    private Task<ExperimentResult> current;

    /**
     * A view whose runs go to a background thread of their own.
     *
     * @param project the current design
     * @param folder the current project file's folder, where trace files are looked up; may give
     *     {@code null} for a design not saved yet
     * @param watch plays a variant back: called with the variant's label and its design
     */
    public ExperimentsView(Supplier<Project> project, Supplier<Path> folder, BiConsumer<String, Project> watch) {
        this(project, folder, watch, SimulationRunner.backgroundThread("stratus-experiment"));
    }

    /** A view whose runs go to {@code background}. */
    public ExperimentsView(
            Supplier<Project> project, Supplier<Path> folder, BiConsumer<String, Project> watch, Executor background) {
        this.project = Objects.requireNonNull(project, "project");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.background = Objects.requireNonNull(background, "background");
        getStyleClass().addAll("side-panel", "experiments-view");
        setSpacing(10);
        setPadding(new Insets(8));

        choice.setId("experiment-choice");
        choice.getItems().setAll(Experiment.values());
        choice.setCellFactory(list -> new TitleCell());
        choice.setButtonCell(new TitleCell());
        choice.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            question.setText(now == null ? "" : now.question());
            run.setDisable(now == null);
        });
        question.setId("experiment-question");
        question.setWrapText(true);
        question.getStyleClass().add("text-muted");
        run.setId("experiment-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> run());
        stop.setId("experiment-stop");
        stop.setDisable(true);
        stop.setOnAction(e -> stop());
        progress.setId("experiment-progress");
        progress.setVisible(false);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        message.setId("experiment-message");
        message.setWrapText(true);
        columns.setId("experiment-columns");
        sentence.setId("experiment-sentence");
        sentence.setWrapText(true);
        sentence.setMinHeight(USE_PREF_SIZE);
        sentence.getStyleClass().add("results-subtitle");

        HBox controls = new HBox(8, choice, run, stop, progress);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(controls, question, message, columns, sentence);
        choice.getSelectionModel().selectFirst();
    }

    /** Simulated time of each run, seconds (default an hour). */
    public void setDurationSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("an experiment's duration must be above 0 s, not " + seconds);
        }
        this.durationSeconds = seconds;
    }

    public double durationSeconds() {
        return durationSeconds;
    }

    /** Chooses {@code experiment}, as the chooser would. */
    public void select(Experiment experiment) {
        choice.getSelectionModel().select(experiment);
    }

    /** The last experiment's result, or {@code null} before one finished (or while the next runs). */
    public ReadOnlyObjectProperty<ExperimentResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Runs the chosen experiment on the current design, dropping any run still going. */
    public void run() {
        Experiment experiment = choice.getValue();
        if (experiment == null) {
            return;
        }
        stop();
        Project design = project.get();
        Path where = folder.get();
        SimulationSettings settings = design.settings().withDurationSeconds(durationSeconds);
        result.set(null);
        columns.getChildren().clear();
        sentence.setText("");
        Task<ExperimentResult> task = new Task<>() {
            @Override
            protected ExperimentResult call() throws Exception {
                Task<ExperimentResult> self = this;
                return Experiments.run(experiment, design, where, settings, new Monitor() {
                    @Override
                    public void progress(double fraction) {
                        updateProgress(fraction, 1);
                    }

                    @Override
                    public boolean cancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        current = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        stop.setDisable(false);
        message.setText("Running " + experiment.title().toLowerCase(java.util.Locale.ROOT) + "…");
        task.setOnSucceeded(e -> finished(task, () -> show(task.getValue())));
        task.setOnFailed(e -> finished(task, () -> message.setText(problem(task.getException()))));
        task.setOnCancelled(e -> finished(task, () -> message.setText("Stopped.")));
        background.execute(task);
    }

    /** Stops the run going, if any. */
    public void stop() {
        if (current != null) {
            current.cancel();
        }
    }

    private void finished(Task<ExperimentResult> task, Runnable then) {
        if (task != current) {
            return; // a run the learner has since replaced or stopped
        }
        current = null;
        progress.progressProperty().unbind();
        progress.setVisible(false);
        stop.setDisable(true);
        message.setText("");
        then.run();
    }

    /** What went wrong, for a learner: the simulator's own message, never a stack trace. */
    private static String problem(Throwable error) {
        String text = error.getMessage();
        return text == null || text.isBlank() ? "The experiment could not run." : text;
    }

    private void show(ExperimentResult found) {
        List<Outcome> outcomes = found.outcomes();
        for (int i = 0; i < outcomes.size(); i++) {
            columns.getChildren().add(column(outcomes.get(i), i));
        }
        sentence.setText(found.sentence());
        result.set(found);
    }

    private VBox column(Outcome outcome, int index) {
        Label label = new Label(outcome.variant().label());
        label.getStyleClass().add("results-subtitle");
        Button watchIt = new Button("Watch");
        watchIt.setId("experiment-watch-" + index);
        watchIt.setOnAction(
                e -> watch.accept(outcome.variant().label(), outcome.variant().project()));
        VBox column = new VBox(6, label);
        column.setId("experiment-column-" + index);
        column.getStyleClass().add("experiment-column");
        if (outcome.ran()) {
            column.getChildren()
                    .add(figures(
                            outcome.figures(),
                            Words.of(outcome.variant().project().provider()),
                            index));
        } else {
            Label why = new Label("Could not run: " + outcome.problem());
            why.setWrapText(true);
            why.setMaxWidth(260);
            column.getChildren().add(why);
            watchIt.setDisable(true);
        }
        column.getChildren().add(watchIt);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private static GridPane figures(RunFigures f, Words words, int index) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        String[][] rows = {
            {"requests", "Requests", Numbers.count(f.requests())},
            {"cold", "Cold starts", Numbers.count(f.coldStarts()) + " (" + Numbers.percent(f.coldStartShare()) + ")"},
            {"p50", "p50", Numbers.ms(f.p50Ms())},
            {"p95", "p95", Numbers.ms(f.p95Ms())},
            {"p99", "p99", Numbers.ms(f.p99Ms())},
            {"throttles", "Throttles", Numbers.count(f.throttles())},
            {"peak", "Peak " + words.containers(), Numbers.count(f.peakInstances())},
            {"bill", "Monthly bill", Numbers.usd(f.monthlyUsd())}
        };
        for (int r = 0; r < rows.length; r++) {
            Label name = new Label(rows[r][1]);
            name.getStyleClass().add("text-muted");
            Label value = new Label(rows[r][2]);
            value.setId("experiment-" + rows[r][0] + "-" + index);
            grid.addRow(r, name, value);
        }
        return grid;
    }

    /** An experiment shown by its title. */
    private static final class TitleCell extends ListCell<Experiment> {
        @Override
        protected void updateItem(Experiment item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
