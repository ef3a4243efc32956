package dev.stratus.app.shell;

import dev.stratus.app.canvas.DiagramEditor;
import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.edit.EditorModel;
import dev.stratus.app.inspector.InspectorView;
import dev.stratus.app.palette.PaletteView;
import dev.stratus.app.problems.ProblemsView;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
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

    public StudioPane(List<Sample> samples, ObservableList<Path> recent, EditorModel model, StudioActions actions) {
        this.model = model;
        getStyleClass().add("studio-pane");
        getStylesheets().add(Theme.stylesheet());
        DiagramEditor editor = new DiagramEditor(model);
        editActions = new EditActions(editor, diagram, this);
        menuBar = StudioMenuBar.create(samples, recent, model, actions, editActions);
        toolBar = StudioToolBar.create(model, actions, editActions);
        setTop(new VBox(menuBar, toolBar));

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
        SplitPane middle = new SplitPane(diagram, resultTabs);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(resultTabs, false);
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
        setBottom(statusBar);
        diagram.bind(editor);
        model.projectProperty().addListener((obs, old, next) -> statusBar.show(next));
        statusBar.show(model.project());
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
