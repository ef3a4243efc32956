package dev.stratus.app.simulate;

import static dev.stratus.app.shell.StudioMenuBar.item;

import dev.stratus.app.results.ResultFiles;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The Simulate menu: Run (F5), Run Again with Another Seed (Shift+F5), Cancel (Esc, only while a
 * run goes, so Escape still clears the selection otherwise), Live, Show Results on Canvas, and saving
 * the results as JSON or CSV. Every item has an id ({@code menu-run}, ...) for tests.
 */
public final class SimulateMenu {

    private SimulateMenu() {}

    /**
     * @param runAgain runs with the next seed
     * @param showOnCanvas whether the results are drawn on the canvas
     * @param save asks for a file and saves the latest results in the format given
     */
    public static Menu create(
            SimulationRunner runner,
            Runnable runAgain,
            BooleanProperty showOnCanvas,
            Consumer<ResultFiles.Format> save) {
        MenuItem run = item("Run", "menu-run", "F5", runner::run);
        MenuItem again = item("Run Again with Another Seed", "menu-run-again", "Shift+F5", runAgain);
        MenuItem cancel = item("Cancel", "menu-cancel-run", "Esc", runner::cancel);
        cancel.disableProperty().bind(runner.runningProperty().not());
        CheckMenuItem live = new CheckMenuItem("Live What-If");
        live.setId("menu-live");
        live.selectedProperty().bindBidirectional(runner.liveProperty());
        CheckMenuItem onCanvas = new CheckMenuItem("Show Results on Canvas");
        onCanvas.setId("menu-results-on-canvas");
        onCanvas.selectedProperty().bindBidirectional(showOnCanvas);
        Menu menu = new Menu("Simulate");
        menu.setId("menu-simulate");
        menu.getItems().addAll(run, again, cancel, new SeparatorMenuItem(), live, onCanvas, new SeparatorMenuItem());
        for (ResultFiles.Format format : ResultFiles.Format.values()) {
            MenuItem saveAs = item(
                    "Save Results as " + format.title() + "\u2026",
                    "menu-save-results-" + format.extension(),
                    null,
                    () -> save.accept(format));
            saveAs.disableProperty().bind(runner.reportProperty().isNull());
            menu.getItems().add(saveAs);
        }
        return menu;
    }
}
