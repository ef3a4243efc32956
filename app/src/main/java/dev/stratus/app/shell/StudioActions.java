package dev.stratus.app.shell;

import dev.stratus.app.samples.Sample;

/**
 * What the studio's menus ask of whoever owns the window. The shell only builds the menus; the
 * owner decides how to choose files and report errors.
 */
public interface StudioActions {

    /** Does nothing: for a shell drawn into a picture, where no one clicks. */
    StudioActions NONE = new StudioActions() {
        @Override
        public void chooseAndOpen() {}

        @Override
        public void openSample(Sample sample) {}

        @Override
        public void chooseAndSaveAs() {}

        @Override
        public void quit() {}
    };

    /** File → Open…: ask for a project file and open it. */
    void chooseAndOpen();

    /** File → Open Sample ▸ {@code sample}. */
    void openSample(Sample sample);

    /** File → Save As…: ask for a file and save the project there. */
    void chooseAndSaveAs();

    /** File → Quit. */
    void quit();
}
