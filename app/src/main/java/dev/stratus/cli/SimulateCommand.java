package dev.stratus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stratus.cost.BreakEven;
import dev.stratus.cost.DesignCost;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Routing;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stratus simulate FILE}: the design under its workloads, with cold starts, latencies and the bill. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate a design under its workloads, and price it.",
            "Prints requests, cold starts, throttles, latency percentiles and instances, per trigger",
            "and per function; the bill for the simulated period and for a 30-day month, by line item;",
            "and the cost of always-on servers for the same peak. --json adds a time series.",
            "--provider all compares every provider side by side."
        })
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file.")
    Path file;

    @Mixin
    RunOptions timing;

    @Option(
            names = "--provider",
            paramLabel = "P",
            description = "aws, gcp, gcp-gen2, azure, azure-flex, ibm, or all (default: the project's).")
    String provider;

    @Option(
            names = "--routing",
            paramLabel = "newest|mru|lru|random",
            defaultValue = "newest",
            description = "Which idle instance takes a request (default ${DEFAULT-VALUE}).")
    String routing;

    @Option(
            names = "--server-hourly",
            paramLabel = "USD",
            description = "Hourly price of the always-on server to compare with (default: the price book's).")
    Double serverHourly;

    @Mixin
    PriceOptions prices;

    @Option(names = "--json", description = "Print the whole result as JSON, time series included.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = Inputs.project(file);
        Routing policy;
        try {
            policy = Routing.fromId(routing);
        } catch (IllegalArgumentException e) {
            throw new UserError("--routing: " + e.getMessage());
        }
        if (serverHourly != null && !(serverHourly > 0)) {
            throw new UserError("--server-hourly must be a positive price in USD, not " + serverHourly);
        }
        PriceBook book = prices.book();
        Run run = new Run(book, policy);
        if ("all".equals(provider)) {
            return run.compare(project);
        }
        if (provider != null) {
            Provider chosen = Inputs.provider(provider);
            project = project.withProvider(chosen);
        }
        List<Problem> errors = errors(project);
        if (!errors.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            errors.forEach(p -> err.println(file + ": " + p));
            err.println(file + ": fix these errors before simulating (stratus validate lists them all)");
            err.flush();
            return StratusCommand.PROBLEMS;
        }
        return run.one(project);
    }

    private static List<Problem> errors(Project project) {
        return new Validator()
                .validate(project).stream().filter(Problem::isError).toList();
    }

    /** One invocation of the command: its settings and output. */
    private final class Run {
        private final PriceBook book;
        private final Routing routing;
        private final PrintWriter out;
        private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        Run(PriceBook book, Routing routing) {
            this.book = book;
            this.routing = routing;
            this.out = spec.commandLine().getOut();
        }

        SimulationResult simulate(Project project) {
            double seconds = timing.seconds(project);
            long masterSeed = timing.seed(project);
            try {
                return new DesignSimulation(project, file.toAbsolutePath().getParent(), seconds, masterSeed, routing)
                        .withPrices(book)
                        .run(Monitor.NONE);
            } catch (IllegalArgumentException | BacklogException e) {
                throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
            } catch (TraceException e) {
                throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
            }
        }

        int one(Project project) throws Exception {
            SimulationResult result = simulate(project);
            DesignCost cost = DesignCost.of(project, result, book, prices.freeTier);
            DesignCost withoutFreeTier = DesignCost.of(project, result, book, false);
            double hourly =
                    serverHourly != null ? serverHourly : book.server().hourly().value();
            BreakEven breakEven = BreakEven.of(
                    result, withoutFreeTier, book.server(), hourly, DesignCost.cpuBoundShare(project, result));
            if (json) {
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("simulation", result);
                all.put("cost", cost);
                all.put("breakEven", breakEven);
                out.println(mapper.writeValueAsString(all));
            } else {
                new SimulationReport(result).print(out);
                CostReport.print(out, project, result, cost, prices.freeTier, breakEven);
            }
            out.flush();
            return StratusCommand.OK;
        }

        int compare(Project original) throws Exception {
            List<CostReport.Row> rows = new ArrayList<>();
            for (Provider p : Provider.values()) {
                Project project = original.withProvider(p);
                List<Problem> errors = errors(project);
                if (!errors.isEmpty()) {
                    rows.add(CostReport.Row.invalid(p, errors.get(0).message()));
                    continue;
                }
                SimulationResult result = simulate(project);
                rows.add(CostReport.Row.of(p, result, DesignCost.of(project, result, book, prices.freeTier)));
            }
            if (json) {
                out.println(mapper.writeValueAsString(rows));
            } else {
                CostReport.printComparison(out, original, rows, prices.freeTier);
            }
            out.flush();
            return StratusCommand.OK;
        }
    }
}
