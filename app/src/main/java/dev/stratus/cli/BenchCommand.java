package dev.stratus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import dev.stratus.sim.bench.Bench;
import dev.stratus.sim.bench.BenchResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stratus bench}: how fast the simulator runs on this machine. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the simulator's speed and memory on standard scenarios.",
            "Prints simulated requests per wall-clock second and the peak heap of each run.",
            "Each scenario runs once to warm up, then once measured."
        })
final class BenchCommand implements Callable<Integer> {

    private static final String ORDER_PIPELINE = "/dev/stratus/samples/order-pipeline.stratus.json";

    @Option(
            names = "--scale",
            paramLabel = "X",
            defaultValue = "1",
            description =
                    "Make the measured runs X times longer (default ${DEFAULT-VALUE}: about half a minute in all).")
    double scale;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(scale > 0) || scale > 1_000) {
            throw new UserError("--scale must be a positive number up to 1000, not " + scale);
        }
        List<BenchResult> results = Bench.run(orderPipeline(), scale);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(results));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%-52s %15s %10s %16s %10s%n",
                    "scenario",
                    "requests",
                    "wall s",
                    "requests/s",
                    "heap MB");
            for (BenchResult r : results) {
                out.printf(
                        Locale.ROOT,
                        "%-52s %,15d %10.2f %,16.0f %10.1f%n",
                        r.scenario(),
                        r.simulatedRequests(),
                        r.wallSeconds(),
                        r.requestsPerSecond(),
                        r.peakHeapMb());
            }
            out.printf(
                    Locale.ROOT,
                    "Java %s, %d processors, max heap %,d MB%n",
                    System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        out.flush();
        return StratusCommand.OK;
    }

    private static Project orderPipeline() throws IOException, ProjectFileException {
        try (InputStream in = BenchCommand.class.getResourceAsStream(ORDER_PIPELINE)) {
            if (in == null) {
                throw new UserError("the order-pipeline sample is missing from this build");
            }
            return ProjectFiles.read(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), "order-pipeline.stratus.json");
        }
    }
}
