package dev.stratus.cli;

import dev.stratus.app.render.PngRenderer;
import dev.stratus.app.results.ResultsDock;
import dev.stratus.model.Project;
import dev.stratus.run.DesignRun;
import dev.stratus.run.InvalidDesignException;
import dev.stratus.run.RunReport;
import dev.stratus.run.WatchRun;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.workload.TraceException;
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

    @Option(
            names = "--results",
            description = "With --studio: simulate the design first (its own settings) and show the results.")
    boolean results;

    @Option(
            names = "--tab",
            paramLabel = "NAME",
            description = "With --results: the results tab to show: triggers, functions, queues, over-time, latency,"
                    + " bill, providers, sweep or break-even (default triggers).")
    String tab;

    @Option(
            names = "--watch",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "With --studio: watch mode at TIME of the first 10 simulated minutes (like 95s or 2m):"
                    + " containers and requests on the canvas, the timeline below.")
    Double watchAt;

    @Option(names = "--dark", description = "With --studio: draw it in the dark theme.")
    boolean dark;

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
        if ((results || dark || watchAt != null) && !studio) {
            String option = results ? "--results" : dark ? "--dark" : "--watch";
            throw new UserError(option + " draws the studio: add --studio");
        }
        if (watchAt != null && watchAt * 1e6 > WatchRun.DEFAULT_WINDOW_MICROS) {
            throw new UserError("--watch: the picture shows the first 10 simulated minutes, so TIME must be at most"
                    + " 10m, not " + watchAt + " s");
        }
        if (tab != null && !results) {
            throw new UserError("--tab chooses a results tab: add --results");
        }
        ResultsDock.Page page = null;
        if (tab != null) {
            page = ResultsDock.Page.named(tab)
                    .orElseThrow(() -> new UserError("--tab: there is no results tab '" + tab
                            + "'; use triggers, functions, queues, over-time, latency, bill, providers, sweep or"
                            + " break-even"));
        }
        Project project = Inputs.project(file);
        Path projectFolder = file.toAbsolutePath().getParent();
        RunReport report =
                results ? simulated("simulated", () -> new DesignRun(project, projectFolder).run(Monitor.NONE)) : null;
        WatchRun.Watched watched = watchAt != null
                ? simulated("watched", () -> new WatchRun(project, projectFolder).run(Monitor.NONE))
                : null;
        try {
            PngRenderer.render(
                    project,
                    out,
                    width,
                    studio
                            ? new PngRenderer.StudioPicture(
                                    report, page, dark, watched, watchAt == null ? 0 : Math.round(watchAt * 1e6))
                            : null);
        } catch (IOException e) {
            throw new UserError(out + ": cannot write the picture: " + e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        spec.commandLine().getOut().println("wrote " + out);
        return StratusCommand.OK;
    }

    /** What a run of the design gives, or the user's error that says why it cannot be {@code done}. */
    private <T> T simulated(String done, Callable<T> run) {
        try {
            return run.call();
        } catch (InvalidDesignException e) {
            throw new UserError(file + ": the design has errors, so it cannot be " + done + " (stratus validate lists"
                    + " them): " + e.errors().get(0).message());
        } catch (TraceException | BacklogException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected: " + e, e);
        }
    }
}
