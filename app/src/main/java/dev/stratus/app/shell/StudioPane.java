package dev.stratus.app.shell;

import dev.stratus.app.canvas.DiagramView;
import dev.stratus.app.samples.Sample;
import dev.stratus.app.theme.Theme;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;

/**
 * The studio's frame: the menu bar on top, the canvas in the centre and the status bar at the
 * bottom, showing one {@link Document}. It owns no stage and opens no dialogs, so it can be drawn
 * headless; the window that holds it acts on its menus through {@link StudioActions}. Later
 * features (palette, inspector, result tabs) take the left, right and lower regions.
 */
public final class StudioPane extends BorderPane {

    private final ReadOnlyObjectWrapper<Document> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final MenuBar menuBar;
    private final DiagramView diagram = new DiagramView();
    private final StatusBar statusBar = new StatusBar();

    public StudioPane(List<Sample> samples, StudioActions actions) {
        getStyleClass().add("studio-pane");
        getStylesheets().add(Theme.stylesheet());
        menuBar = StudioMenuBar.create(samples, actions);
        setTop(menuBar);
        setCenter(diagram);
        setBottom(statusBar);
    }

    /** Shows {@code next}: draws its project and updates the status bar. */
    public void show(Document next) {
        document.set(next);
        diagram.setProject(next.project());
        statusBar.show(next);
    }

    /** The document shown; {@code null} before the first {@link #show}. */
    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public Document getDocument() {
        return document.get();
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
}
