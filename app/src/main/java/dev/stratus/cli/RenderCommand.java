package dev.stratus.cli;

import dev.stratus.app.render.PngRenderer;
import dev.stratus.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus render FILE --out FILE.png}: a picture of a design, made headless. */
@Command(
        name = "render",
        mixinStandardHelpOptions = true,
        description = "Draw a design to a PNG file without opening a window.")
final class RenderCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file to draw.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "The picture to write.")
    Path out;

    @Option(
            names = "--width",
            paramLabel = "PIXELS",
            defaultValue = "1200",
            description = "Width of the picture in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--studio", description = "Draw the whole studio window showing the design, not just the diagram.")
    boolean studio;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (width < 100 || width > 8000) {
            throw new UserError("--width must be between 100 and 8000 pixels, not " + width);
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UserError(out + ": the folder " + folder + " does not exist");
        }
        Project project = Inputs.project(file);
        try {
            PngRenderer.render(project, out, width, studio);
        } catch (IOException e) {
            throw new UserError(out + ": cannot write the picture: " + e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        spec.commandLine().getOut().println("wrote " + out);
        return StratusCommand.OK;
    }
}
