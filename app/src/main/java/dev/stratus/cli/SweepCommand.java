package dev.stratus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stratus.cost.MemorySweep;
import dev.stratus.cost.SweepPoint;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.SimulationSettings;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus sweep}: one function's latency and cost across memory sizes, on the simulated workload. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Try one function at several memory sizes on the simulated workload, like Lambda Power Tuning.",
            "Its CPU-bound share (cpuBound) speeds up with the CPU the provider gives that memory.",
            "Marks the cheapest size, the fastest (lowest p95) and a balanced pick."
        })
final class SweepCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file.")
    Path file;

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The function to sweep.")
    String function;

    @Option(
            names = "--memory",
            split = ",",
            paramLabel = "MB,MB,...",
            description = "Memory sizes to try, e.g. 128,256,512,1024,1769,3008 (default: the provider's"
                    + " own sizes, or the usual ones in its range).")
    List<Integer> memory;

    @Option(
            names = "--provider",
            paramLabel = "P",
            description = "aws, gcp, gcp-gen2, azure, azure-flex or ibm (default: the project's).")
    String provider;

    @Mixin
    RunOptions timing;

    @Mixin
    PriceOptions prices;

    @Option(names = "--json", description = "Print the sweep as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = Inputs.project(file);
        if (provider != null) {
            Provider chosen = Inputs.provider(provider);
            project = project.withProvider(chosen);
        }
        List<Problem> errors = new Validator()
                .validate(project).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            errors.forEach(p -> err.println(file + ": " + p));
            err.println(file + ": fix these errors before sweeping (stratus validate lists them all)");
            err.flush();
            return StratusCommand.PROBLEMS;
        }
        SimulationSettings settings = timing.settings(project, prices);
        PriceBook book = prices.book();
        List<Integer> sizes = memory != null ? memory : MemorySweep.defaultSizes(book.prices(project.provider()));
        List<SweepPoint> points;
        try {
            points = new MemorySweep(project, file.toAbsolutePath().getParent(), book, settings).run(function, sizes);
        } catch (IllegalArgumentException | BacklogException e) {
            throw new UserError(e.getMessage());
        } catch (TraceException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(points));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: '%s' on %s, a 30-day month of the simulated traffic (free tier %s)%n%n",
                    project.name(),
                    function,
                    project.provider().displayName(),
                    settings.freeTierOn() ? "on" : "off");
            out.printf(
                    Locale.ROOT,
                    "  %8s %9s %9s %9s %8s %13s %12s  %s%n",
                    "MB",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "cold %",
                    "monthly USD",
                    "per million",
                    "");
            for (SweepPoint p : points) {
                out.printf(
                        Locale.ROOT,
                        "  %,8d %9.1f %9.1f %9.1f %8.3f %,13.2f %,12.2f  %s%n",
                        p.memoryMb(),
                        p.p50Ms(),
                        p.p95Ms(),
                        p.p99Ms(),
                        p.coldStartPercent(),
                        p.monthlyCost(),
                        p.costPerMillion(),
                        String.join(", ", p.marks()));
            }
        }
        out.flush();
        return StratusCommand.OK;
    }
}
