package dev.stratus.cli;

import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.run.DesignRun;
import dev.stratus.run.InvalidDesignException;
import dev.stratus.run.ReportJson;
import dev.stratus.run.ResultsCsv;
import dev.stratus.run.RunReport;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.BacklogException;
import dev.stratus.sim.workload.TraceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratus simulate FILE}: the design under its workloads, with cold starts, latencies and the
 * bill. The run itself is {@link DesignRun}, as in the studio; this command only turns the options
 * into settings and prints the report.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate a design under its workloads, and price it.",
            "Prints requests, cold starts, throttles, latency percentiles and instances, per trigger",
            "and per function; the bill for the simulated period and for a 30-day month, by line item;",
            "and the cost of always-on servers for the same peak. The project's settings apply",
            "(duration, seed, routing, free tier, comparison) unless an option says otherwise.",
            "--provider all compares every provider side by side. --json prints the whole report",
            "(time series, windows, edge traffic, each node's cost); --csv the same as one CSV table."
        })
final class SimulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The project file.")
    Path file;

    @Mixin
    RunOptions timing;

    @Option(
            names = "--provider",
            paramLabel = "P",
            description = "aws, gcp, gcp-gen2, azure, azure-flex, ibm, or all to compare them"
                    + " (default: the project's provider, compared with the others if its settings say so).")
    String provider;

    @Option(
            names = "--server-hourly",
            paramLabel = "USD",
            description = "Hourly price of the always-on server to compare with (default: the price book's).")
    Double serverHourly;

    @Mixin
    PriceOptions prices;

    @Option(names = "--json", description = "Print the whole run report as JSON.")
    boolean json;

    @Option(
            names = "--csv",
            description = "Print the whole run report as one CSV table (section,id,name,figure,value,unit).")
    boolean csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (json && csv) {
            throw new ParameterException(spec.commandLine(), "--json and --csv cannot be used together; choose one");
        }
        if (serverHourly != null && !(serverHourly > 0)) {
            throw new UserError("--server-hourly must be a positive price in USD, not " + serverHourly);
        }
        Project project = Inputs.project(file);
        SimulationSettings settings = timing.settings(project, prices);
        if ("all".equals(provider)) {
            settings = settings.withCompareProviders(true);
        } else if (provider != null) {
            project = project.withProvider(Inputs.provider(provider));
            settings = settings.withCompareProviders(false);
        }
        RunReport report;
        try {
            report = new DesignRun(project, file.toAbsolutePath().getParent())
                    .withSettings(settings)
                    .withPrices(prices.book())
                    .withServerHourly(serverHourly)
                    .run(Monitor.NONE);
        } catch (InvalidDesignException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.errors().forEach(p -> err.println(file + ": " + p));
            err.println(file + ": fix these errors before simulating (stratus validate lists them all)");
            err.flush();
            return StratusCommand.PROBLEMS;
        } catch (IllegalArgumentException | BacklogException | TraceException e) {
            throw new UserError(e.getMessage(), StratusCommand.UNUSABLE, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ReportJson.of(report));
        } else if (csv) {
            ResultsCsv.write(report, out);
        } else if (settings.compareProviders()) {
            CostReport.printComparison(out, project, report.comparison(), settings.freeTierOn());
        } else {
            new SimulationReport(report.simulation()).print(out);
            CostReport.print(
                    out, project, report.simulation(), report.cost(), settings.freeTierOn(), report.breakEven());
        }
        out.flush();
        return StratusCommand.OK;
    }
}
