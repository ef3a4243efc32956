package dev.stratus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stratus.model.Routing;
import dev.stratus.sim.model.ModelResult;
import dev.stratus.sim.model.ModelSettings;
import dev.stratus.sim.model.ModelSimulation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratus model}: one function under a stationary load, the question SimFaaS answers. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate one function under a steady load, as SimFaaS does.",
            "Requests arrive at a rate, take an idle instance (warm) or start one (cold), and are",
            "rejected at the concurrency limit. Idle instances are reclaimed --keep-alive seconds",
            "after their last request ended."
        })
final class ModelCommand implements Callable<Integer> {

    @Option(names = "--arrival-rate", required = true, paramLabel = "R", description = "Requests per second.")
    double arrivalRate;

    @Option(
            names = "--warm",
            required = true,
            paramLabel = "S",
            description = "Mean response time of a warm request, s.")
    double warm;

    @Option(
            names = "--cold",
            required = true,
            paramLabel = "S",
            description = "Mean response time of a cold request, s (the whole of it, init included).")
    double cold;

    @Option(
            names = "--keep-alive",
            required = true,
            paramLabel = "S",
            description = "Seconds an idle instance stays warm (0: none; 'inf': never reclaimed).")
    String keepAlive;

    @Option(
            names = "--max-concurrency",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Most instances at once (default ${DEFAULT-VALUE}).")
    int maxConcurrency;

    @Option(
            names = "--duration",
            paramLabel = "S",
            defaultValue = "86400",
            converter = DurationConverter.class,
            description = "Simulated time: seconds or 90s, 15m, 1h, 1d (default one day).")
    double duration;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--arrival",
            paramLabel = "poisson|constant",
            defaultValue = "poisson",
            description = "Arrival process (default ${DEFAULT-VALUE}).")
    String arrival;

    @Option(
            names = "--service",
            paramLabel = "exponential|constant",
            defaultValue = "exponential",
            description = "Service-time distribution (default ${DEFAULT-VALUE}).")
    String service;

    @Option(
            names = "--routing",
            paramLabel = "newest|mru|lru|random",
            defaultValue = "newest",
            description = "Which idle instance takes a request (default ${DEFAULT-VALUE}, as SimFaaS).")
    String routing;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelSettings settings;
        try {
            settings = new ModelSettings(
                    arrivalRate,
                    warm,
                    cold,
                    parseKeepAlive(keepAlive),
                    maxConcurrency,
                    duration,
                    seed,
                    choose(ModelSettings.Arrival.class, arrival, "--arrival"),
                    choose(ModelSettings.Service.class, service, "--service"),
                    Routing.fromId(routing));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ModelResult result = new ModelSimulation(settings).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
        } else {
            print(out, result);
        }
        out.flush();
        return StratusCommand.OK;
    }

    private static double parseKeepAlive(String text) {
        if (text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--keep-alive must be a number of seconds or 'inf', not '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E choose(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " cannot be '" + value + "'");
        }
    }

    private static void print(PrintWriter out, ModelResult r) {
        out.printf(Locale.ROOT, "requests              %,d%n", r.requests());
        out.printf(Locale.ROOT, "cold starts           %,d (%.4f%%)%n", r.coldStarts(), 100 * r.coldStartProbability());
        out.printf(Locale.ROOT, "rejections            %,d (%.4f%%)%n", r.rejections(), 100 * r.rejectionProbability());
        out.printf(
                Locale.ROOT,
                "instances (average)   %.3f total, %.3f busy, %.3f idle%n",
                r.averageInstances(),
                r.averageBusyInstances(),
                r.averageIdleInstances());
        out.printf(Locale.ROOT, "utilization           %.2f%%%n", 100 * r.utilization());
        out.printf(Locale.ROOT, "mean response time    %.4f s%n", r.meanResponseTime());
        out.printf(
                Locale.ROOT,
                "simulated             %,.0f s in %.2f s (%,.0f requests per second)%n",
                r.simulatedSeconds(),
                r.wallSeconds(),
                r.requests() / Math.max(r.wallSeconds(), 1e-9));
    }
}
