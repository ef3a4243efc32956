package dev.stratus.app.shell;

import dev.stratus.app.samples.Sample;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The studio's menu bar. File: Open… (Shortcut+O), Open Sample ▸ one item per sample by title,
 * Save As… (Shortcut+Shift+S), Quit (Shortcut+Q). Shortcut is Ctrl, or Cmd on macOS. Every item has
 * an id ({@code menu-open}, {@code sample-<file>}, ...) for tests.
 */
public final class StudioMenuBar {

    private StudioMenuBar() {}

    /** A menu bar whose items call {@code actions}. */
    public static MenuBar create(List<Sample> samples, StudioActions actions) {
        MenuItem open = item("Open\u2026", "menu-open", "Shortcut+O");
        open.setOnAction(e -> actions.chooseAndOpen());

        Menu openSample = new Menu("Open Sample");
        openSample.setId("menu-open-sample");
        for (Sample sample : samples) {
            MenuItem entry = new MenuItem(sample.title());
            entry.setId("sample-" + sample.file());
            entry.setOnAction(e -> actions.openSample(sample));
            openSample.getItems().add(entry);
        }
        openSample.setDisable(samples.isEmpty());

        MenuItem saveAs = item("Save As\u2026", "menu-save-as", "Shortcut+Shift+S");
        saveAs.setOnAction(e -> actions.chooseAndSaveAs());

        MenuItem quit = item("Quit", "menu-quit", "Shortcut+Q");
        quit.setOnAction(e -> actions.quit());

        Menu file = new Menu("File");
        file.setId("menu-file");
        file.getItems().addAll(open, openSample, new SeparatorMenuItem(), saveAs, new SeparatorMenuItem(), quit);

        MenuBar bar = new MenuBar(file);
        bar.getStyleClass().add("studio-menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String id, String accelerator) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        return item;
    }
}
