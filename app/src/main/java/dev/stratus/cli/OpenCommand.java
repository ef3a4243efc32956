package dev.stratus.cli;

import dev.stratus.app.StudioApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stratus open FILE}: the studio with a project. */
@Command(name = "open", mixinStandardHelpOptions = true, description = "Open the studio with a project file.")
final class OpenCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file to open.")
    Path file;

    @Override
    public Integer call() {
        // Refuse a file the studio could not open before a window appears, with the usual one line.
        Inputs.project(file);
        return openStudio(file);
    }

    /** Opens the studio and waits until its window is closed. */
    static int openStudio(Path fileOrNull) {
        boolean linux = System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux");
        boolean headless = "Monocle".equals(System.getProperty("glass.platform"));
        if (linux && !headless && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new UserError(
                    "there is no display to open the studio on (DISPLAY is not set); the command line works "
                            + "without one: see stratus --help");
        }
        StudioApp.launchStudio(fileOrNull);
        return StratusCommand.OK;
    }
}
