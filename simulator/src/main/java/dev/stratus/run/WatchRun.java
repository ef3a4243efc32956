package dev.stratus.run;

import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ProviderPrices;
import dev.stratus.provider.RuntimeProfile;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.trace.FunctionRate;
import dev.stratus.sim.trace.Trace;
import dev.stratus.sim.trace.TraceRecorder;
import dev.stratus.sim.workload.TraceException;
import dev.stratus.validate.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A run made to be watched: the design simulated from 0 to the window's end with the seed and routing
 * of its settings, recording the lifecycle of the window {@code [from, to)} into a {@link Trace}.
 * Since the run starts at 0 with the same seed, the window shows exactly what a {@link DesignRun} of
 * that length computes; its result comes back beside the trace. Times are microseconds.
 */
public final class WatchRun {

    /** The window watched unless told otherwise: the first 10 simulated minutes, µs. */
    public static final long DEFAULT_WINDOW_MICROS = 600_000_000L;
    /** The most events a trace holds unless told otherwise. */
    public static final int DEFAULT_CAP = 1_000_000;

    private final Project project;
    private final Path projectFolder;
    private SimulationSettings settings;
    private PriceBook prices = PriceBook.standard();
    private long from;
    private long to = DEFAULT_WINDOW_MICROS;
    private int cap = DEFAULT_CAP;

    /**
     * A watched run and what it shows.
     *
     * @param trace the window's lifecycle
     * @param result the run from 0 to the window's end (partial when cancelled or stopped at the cap)
     * @param rates each function's list prices, in node order, to tick the money spent
     */
    public record Watched(Trace trace, SimulationResult result, List<FunctionRate> rates) {}

    /**
     * @param project the design, its workloads and its settings
     * @param projectFolder where its trace files are looked up: the project file's folder
     */
    public WatchRun(Project project, Path projectFolder) {
        this.project = Objects.requireNonNull(project, "project");
        this.projectFolder = projectFolder;
        this.settings = project.settings();
    }

    /** Runs with the seed and routing of {@code settings} instead of the project's; their duration is ignored. */
    public WatchRun withSettings(SimulationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Takes runtime figures and prices from {@code prices} (default: the standard price book). */
    public WatchRun withPrices(PriceBook prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        return this;
    }

    /**
     * Watches {@code [fromMicros, toMicros)}; the run lasts {@code toMicros}.
     *
     * @throws IllegalArgumentException when from is below 0, to is not after from, or to is before
     *     1 ms (the shortest run) or beyond the longest
     */
    public WatchRun window(long fromMicros, long toMicros) {
        if (fromMicros < 0) {
            throw new IllegalArgumentException("the window must not start before 0 s, not at " + seconds(fromMicros));
        }
        if (toMicros <= fromMicros) {
            throw new IllegalArgumentException(
                    "the window must end after it starts (" + seconds(fromMicros) + "), not at " + seconds(toMicros));
        }
        if (toMicros < 1_000) {
            throw new IllegalArgumentException("the window must end at 1 ms or later, not at " + seconds(toMicros));
        }
        if (toMicros / 1e6 > DesignSimulation.MAX_SECONDS) {
            throw new IllegalArgumentException(
                    "the window must end within 10^11 s (about 3,000 years), not at " + seconds(toMicros));
        }
        this.from = fromMicros;
        this.to = toMicros;
        return this;
    }

    /**
     * Keeps at most {@code maxEvents} events.
     *
     * @throws IllegalArgumentException when it is below 1
     */
    public WatchRun cap(int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("the cap on events must be at least 1, not " + maxEvents);
        }
        this.cap = maxEvents;
        return this;
    }

    /**
     * Runs and records. A monitor that cancels ends the run after the instant it has reached; the
     * trace is then truncated there.
     *
     * @throws InvalidDesignException when the design has errors on its provider
     * @throws dev.stratus.sim.graph.BacklogException when a queue's backlog outgrows the simulation
     * @throws TraceException when a trace workload's file cannot be replayed
     */
    public Watched run(Monitor monitor) throws TraceException {
        List<Problem> errors = DesignRun.errors(project);
        if (!errors.isEmpty()) {
            throw new InvalidDesignException(project.provider(), errors);
        }
        List<String> nodeIds =
                project.architecture().nodes().stream().map(Node::id).toList();
        TraceRecorder recorder = new TraceRecorder(nodeIds, from, to, cap);
        SimulationResult result = new DesignSimulation(
                        project, projectFolder, to / 1e6, settings.seed(), settings.routing())
                .withPrices(prices)
                .recording(recorder)
                .run(monitor);
        return new Watched(recorder.trace(), result, rates(project, prices));
    }

    /** Each function's list prices and limits on the project's provider, in node order. */
    static List<FunctionRate> rates(Project project, PriceBook prices) {
        ProviderPrices provider = prices.prices(project.provider());
        RuntimeProfile profile = RuntimeProfile.of(provider);
        List<FunctionRate> rates = new ArrayList<>();
        for (Node node : project.architecture().nodes()) {
            if (node instanceof FunctionNode f) {
                long keepAlive = profile.keepAliveMicros(f);
                rates.add(new FunctionRate(
                        f.id(),
                        CostModel.usdPerRequest(provider),
                        CostModel.usdPerBilledSecond(provider, f.architecture(), f.memoryMb()),
                        f.memoryMb(),
                        keepAlive == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : keepAlive / 1e6,
                        profile.instanceLimit(f),
                        f.instanceConcurrency(),
                        provisionedNote(provider, f)));
            }
        }
        return rates;
    }

    /** What provisioned concurrency costs beside the runs, which playback does not tick; "" for none. */
    private static String provisionedNote(ProviderPrices provider, FunctionNode f) {
        int instances = f.provisionedConcurrency();
        return provider.compute(f.architecture())
                .provisioned()
                .filter(p -> instances > 0)
                .map(p -> String.format(
                        Locale.ROOT,
                        "%d provisioned instance%s of %d MB, billed while enabled at %s %s, not in the running total",
                        instances,
                        instances == 1 ? "" : "s",
                        f.memoryMb(),
                        p.enabled().value(),
                        p.enabled().unit()))
                .orElse("");
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.6f", micros / 1e6).replaceAll("\\.?0+$", "") + " s";
    }
}
