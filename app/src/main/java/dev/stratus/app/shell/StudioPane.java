package dev.stratus.app.shell;

import dev.stratus.app.canvas.DiagramEditor;
import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.edit.Edits;
import dev.stratus.app.inspector.InspectorView;
import dev.stratus.app.learn.ExperimentsView;
import dev.stratus.app.learn.LearnPanel;
import dev.stratus.app.palette.PaletteView;
import dev.stratus.app.problems.ProblemsView;
import dev.stratus.app.results.ResultsDock;
import dev.stratus.app.results.ResultsOverlay;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.simulate.SimulateMenu;
import dev.stratus.app.simulate.SimulationBar;
import dev.stratus.app.simulate.SimulationRunner;
import dev.stratus.app.theme.Theme;
import dev.stratus.app.watch.WatchBar;
import dev.stratus.app.watch.WatchController;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The studio's frame around one {@link EditorModel}: menus and toolbar on top, the palette on the
 * left, the canvas in the middle, the inspector on the right, result tabs (Problems) below the
 * canvas and the status bar at the bottom. It owns no stage and opens no dialogs, so it can be drawn
 * headless; the window that holds it acts on its menus through {@link StudioActions}.
 */
public final class StudioPane extends BorderPane {

    private final EditorModel model;
    private final StringProperty origin = new SimpleStringProperty(this, "origin", "Not saved");
    private final EditActions editActions;
    private final MenuBar menuBar;
    private final ToolBar toolBar;
    private final DiagramView diagram = new DiagramView();
    private final StatusBar statusBar = new StatusBar();
    private final SplitPane columns = new SplitPane();
    private final Tab problemsTab = new Tab("Problems");
    private final TabPane resultTabs = new TabPane(problemsTab);
    private final PaletteView palette;
    private final InspectorView inspector;
    private final ProblemsView problems;
    private final SimulationRunner runner;
    private final BooleanProperty resultsOnCanvas = new SimpleBooleanProperty(this, "resultsOnCanvas", true);
    private final BooleanProperty resultsShown = new SimpleBooleanProperty(this, "resultsShown", true);
    private final SimulationBar simulationBar;
    private final ResultsDock results;
    private final ResultsOverlay overlay = new ResultsOverlay(resultsOnCanvas);
    private final SplitPane middle;
    /** Where the divider between the canvas and the results goes once there are results. */
    private static final double DOCK_DIVIDER_WITH_RESULTS = 0.45;

    private final VBox dock;
    private final WatchController watch;
    private final WatchBar watchBar;
    private final LearnPanel learn;
    private final ExperimentsView experiments;
    private final Tab learnTab = new Tab("Learn");
    private final Tab experimentsTab = new Tab("Experiments");

    public StudioPane(List<Sample> samples, ObservableList<Path> recent, EditorModel model, StudioActions actions) {
        this(samples, recent, model, actions, new SimulationRunner(model));
    }

    /** A studio frame whose simulations go through {@code runner}. */
    public StudioPane(
            List<Sample> samples,
            ObservableList<Path> recent,
            EditorModel model,
            StudioActions actions,
            SimulationRunner runner) {
        this.model = model;
        this.runner = runner;
        getStyleClass().add("studio-pane");
        getStylesheets().add(Theme.stylesheet());
        DiagramEditor editor = new DiagramEditor(model);
        editActions = new EditActions(editor, diagram, this);
        simulationBar = new SimulationBar(model, runner, resultsOnCanvas);
        Menu simulate = SimulateMenu.create(runner, simulationBar::runAgain, resultsOnCanvas, actions::saveResults);
        watch = new WatchController(
                model, diagram, this::projectFolder, SimulationRunner.backgroundThread("stratus-watch"));
        watchBar = new WatchBar(watch);
        menuBar = StudioMenuBar.create(samples, recent, model, actions, editActions, simulate, resultsShown);
        toolBar = StudioToolBar.create(model, actions, editActions);
        addWatchCommands(simulate);
        setTop(new VBox(menuBar, toolBar, simulationBar));

        problemsTab.setClosable(false);
        problemsTab.setId("tab-problems");
        problems = new ProblemsView(model, diagram::reveal);
        problemsTab.setContent(problems);
        problemsTab
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> problemsTitle(
                                problems.errorCountProperty().get(),
                                problems.warningCountProperty().get()),
                        problems.errorCountProperty(),
                        problems.warningCountProperty()));
        resultTabs.getStyleClass().add("result-tabs");
        results = new ResultsDock(
                diagram::reveal,
                actions::saveChart,
                this::compareProviders,
                this::projectFolder,
                SweepExecutor.INSTANCE);
        resultTabs.getTabs().addAll(results.tabs());
        learn = new LearnPanel(watch::showMe);
        learn.setProvider(model.project().provider());
        model.projectProperty().addListener((obs, old, next) -> learn.setProvider(next.provider()));
        experiments = new ExperimentsView(
                model::project, this::projectFolder, (label, variant) -> watch.watch(variant, label));
        learnTab.setContent(scrollingTab(learn));
        learnTab.setId("tab-learn");
        learnTab.setClosable(false);
        experimentsTab.setContent(scrollingTab(experiments));
        experimentsTab.setId("tab-experiments");
        experimentsTab.setClosable(false);
        resultTabs.getTabs().addAll(learnTab, experimentsTab);
        results.timeCharts().setOnWatchFrom(seconds -> {
            watchBar.setFrom(seconds);
            watch.watch();
        });
        dock = new VBox(results.strip(), resultTabs);
        VBox.setVgrow(resultTabs, Priority.ALWAYS);
        dock.getStyleClass().add("results-dock");
        VBox canvasColumn = new VBox(diagram, watchBar);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        watchBar.managedProperty().bind(watch.watchingProperty().or(watch.recordingProperty()));
        watchBar.visibleProperty().bind(watchBar.managedProperty());
        middle = new SplitPane(canvasColumn, dock);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(dock, false);
        // Concepts and experiments are read, not glanced at: they get half the column.
        resultTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if ((tab == learnTab || tab == experimentsTab)
                    && middle.getItems().contains(dock)
                    && middle.getDividerPositions()[0] > 0.5) {
                middle.setDividerPositions(0.5);
            }
        });
        resultsShown.addListener((obs, was, shown) -> showDock(shown));
        runner.reportProperty().addListener((obs, old, report) -> {
            results.show(
                    report,
                    runner.previousProperty().get(),
                    runner.reportProjectProperty().get(),
                    runner.staleProperty().get());
            if (old == null && report != null) {
                makeRoomForResults();
            }
        });
        runner.staleProperty().addListener((obs, was, stale) -> {
            results.markStale(stale, runner.previousProperty().get());
            overlay.markStale(stale);
        });
        diagram.addLayer(overlay);
        runner.reportProperty().addListener((obs, old, report) -> overlay.show(report));
        runner.setOnErrors(errors -> resultTabs.getSelectionModel().select(problemsTab));
        watch.setOnErrors(errors -> resultTabs.getSelectionModel().select(problemsTab));
        // While watching, the playback has the canvas: the results' badges would hide the containers.
        watch.watchingProperty().addListener((obs, was, on) -> {
            if (on) {
                diagram.removeLayer(overlay);
            } else if (!diagram.layers().contains(overlay)) {
                diagram.addLayer(overlay);
            }
        });
        palette = new PaletteView(model);
        palette.setOnAdded(diagram::reveal);
        inspector = new InspectorView(model);
        columns.getItems()
                .setAll(scrolling(palette, "palette-scroll"), middle, scrolling(inspector, "inspector-scroll"));
        columns.setDividerPositions(0.14, 0.78);
        SplitPane.setResizableWithParent(columns.getItems().get(0), false);
        SplitPane.setResizableWithParent(columns.getItems().get(2), false);
        columns.getStyleClass().add("studio-columns");
        setCenter(columns);

        statusBar.bindOrigin(origin);
        statusBar.bindDirty(model.dirtyProperty());
        statusBar.bindZoom(diagram.zoomProperty());
        statusBar.bindMessage(editor.messageProperty());
        statusBar.bindProblems(problems.errorCountProperty(), problems.warningCountProperty());
        statusBar.showSimulation(simulationBar.progressBox());
        setBottom(statusBar);
        diagram.bind(editor);
        model.projectProperty().addListener((obs, old, next) -> statusBar.show(next));
        statusBar.show(model.project());
    }

    /** Watch (Shortcut+W) and Stop Watching in the Simulate menu, and a Watch button in the toolbar. */
    private void addWatchCommands(Menu simulate) {
        javafx.scene.control.MenuItem start = StudioMenuBar.item("Watch", "menu-watch", "Shortcut+W", watch::watch);
        javafx.scene.control.MenuItem stop =
                StudioMenuBar.item("Stop Watching", "menu-stop-watching", null, watch::stop);
        stop.disableProperty().bind(watch.watchingProperty().not());
        simulate.getItems().addAll(3, List.of(new javafx.scene.control.SeparatorMenuItem(), start, stop));
        javafx.scene.control.Button button =
                new javafx.scene.control.Button("Watch", new org.kordamp.ikonli.javafx.FontIcon("mdi2e-eye-outline"));
        button.setId("sim-watch");
        button.setFocusTraversable(false);
        button.setTooltip(new javafx.scene.control.Tooltip(
                "Watch containers start cold, serve, idle and expire on the canvas (Ctrl+W)"));
        button.setOnAction(e -> watch.watch());
        // In the main toolbar, which has room: the simulation row is full at 1280 px.
        toolBar.getItems().addAll(new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), button);
    }

    /** The Learn tab's concepts, each with Show me. */
    public LearnPanel learn() {
        return learn;
    }

    /** The Experiments tab. */
    public ExperimentsView experiments() {
        return experiments;
    }

    /** The tab of the Learn panel. */
    public Tab learnTab() {
        return learnTab;
    }

    private static ScrollPane scrollingTab(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** Watch mode: the playback of a window of the simulation on the canvas. */
    public WatchController watch() {
        return watch;
    }

    /** The timeline under the canvas while watching. */
    public WatchBar watchBar() {
        return watchBar;
    }

    /** Turns on "All providers" in the simulation settings and runs. */
    private void compareProviders() {
        model.apply(Edits.project(
                "Compare all providers", p -> p.withSettings(p.settings().withCompareProviders(true))));
        runner.run();
    }

    /** Where the project's trace files are: its file's folder, or the working folder when unsaved. */
    private Path projectFolder() {
        Path file = model.fileProperty().get();
        return file == null
                ? Path.of("").toAbsolutePath()
                : file.toAbsolutePath().getParent();
    }

    /**
     * The first results of a project need room: the panel takes more than half the column, and shows
     * the functions' figures unless a results tab is already chosen.
     */
    private void makeRoomForResults() {
        if (middle.getItems().contains(dock) && middle.getDividerPositions()[0] > DOCK_DIVIDER_WITH_RESULTS) {
            middle.setDividerPositions(DOCK_DIVIDER_WITH_RESULTS);
        }
        if (problemsTab.isSelected() && problems.errorCountProperty().get() == 0) {
            resultTabs.getSelectionModel().select(results.tab(ResultsDock.Page.FUNCTIONS));
        }
    }

    private void showDock(boolean shown) {
        if (shown && !middle.getItems().contains(dock)) {
            middle.getItems().add(dock);
            middle.setDividerPositions(0.62);
        } else if (!shown) {
            middle.getItems().remove(dock);
        }
    }

    /** The simulation: run, cancel, live, and the latest results. */
    public SimulationRunner runner() {
        return runner;
    }

    /** The row that runs the simulation and holds its settings. */
    public SimulationBar simulationBar() {
        return simulationBar;
    }

    /** The results below the canvas: the summary strip and the results tabs. */
    public ResultsDock results() {
        return results;
    }

    /** The tab pane below the canvas: Problems and the results' tabs. */
    public TabPane resultTabs() {
        return resultTabs;
    }

    /** The results drawn on the canvas. */
    public ResultsOverlay overlay() {
        return overlay;
    }

    /** Whether the results are drawn on the canvas. */
    public BooleanProperty resultsOnCanvasProperty() {
        return resultsOnCanvas;
    }

    /** Whether the results panel below the canvas is shown. */
    public BooleanProperty resultsShownProperty() {
        return resultsShown;
    }

    /** A pane for a picture: no recent files, no actions. */
    public static StudioPane forPicture(EditorModel model) {
        return new StudioPane(List.of(), FXCollections.observableArrayList(), model, StudioActions.NONE);
    }

    /** "Problems", with the counts when there are any: "Problems (2 errors, 1 warning)". */
    static String problemsTitle(int errors, int warnings) {
        return errors == 0 && warnings == 0 ? "Problems" : "Problems (" + StatusBar.problemText(errors, warnings) + ")";
    }

    /** What the Edit and View menus do. */
    public EditActions editActions() {
        return editActions;
    }

    public PaletteView palette() {
        return palette;
    }

    public InspectorView inspector() {
        return inspector;
    }

    public ProblemsView problems() {
        return problems;
    }

    /** The Problems tab, titled with the counts. */
    public Tab problemsTab() {
        return problemsTab;
    }

    /** Where the project came from, as the status bar shows it. */
    public StringProperty originProperty() {
        return origin;
    }

    public ReadOnlyStringProperty originText() {
        return origin;
    }

    public EditorModel model() {
        return model;
    }

    public DiagramView diagram() {
        return diagram;
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    public ToolBar toolBar() {
        return toolBar;
    }

    private static ScrollPane scrolling(Node content, String id) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(0);
        scroll.getStyleClass().add("side-panel");
        return scroll;
    }
}
