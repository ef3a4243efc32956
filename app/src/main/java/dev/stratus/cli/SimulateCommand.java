package dev.stratus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.pool.Routing;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus simulate FILE}: the design under its workloads, with cold starts and latencies. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate a design under its workloads.",
            "Prints requests, cold starts, throttles, latency percentiles and instances, per trigger",
            "and per function; --json adds a time series."
        })
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file.")
    Path file;

    @Option(
            names = "--duration",
            paramLabel = "TIME",
            converter = DurationConverter.class,
            description = "Simulated time: 90s, 15m, 1h, 1d (default: the project's setting).")
    Double duration;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the project's setting).")
    Long seed;

    @Option(
            names = "--routing",
            paramLabel = "newest|mru|lru|random",
            defaultValue = "newest",
            description = "Which idle instance takes a request (default ${DEFAULT-VALUE}).")
    String routing;

    @Option(names = "--json", description = "Print the whole result as JSON, time series included.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project;
        try {
            project = ProjectFiles.load(file);
        } catch (ProjectFileException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        List<Problem> errors = new Validator()
                .validate(project).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            errors.forEach(p -> err.println(file + ": " + p));
            err.println(file + ": fix these errors before simulating (stratus validate lists them all)");
            err.flush();
            return StratusCommand.PROBLEMS;
        }
        Routing policy;
        try {
            policy = Routing.fromId(routing);
        } catch (IllegalArgumentException e) {
            throw new UserError("--routing: " + e.getMessage());
        }
        double seconds = duration != null ? duration : project.settings().durationSeconds();
        long masterSeed = seed != null ? seed : project.settings().seed();
        Path folder = file.toAbsolutePath().getParent();
        SimulationResult result;
        try {
            result = new DesignSimulation(project, folder, seconds, masterSeed, policy)
                    .run(dev.stratus.sim.engine.Monitor.NONE);
        } catch (TraceException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
        } else {
            new SimulationReport(result).print(out);
        }
        out.flush();
        return StratusCommand.OK;
    }
}
