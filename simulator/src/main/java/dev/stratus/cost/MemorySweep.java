package dev.stratus.cost;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.Routing;
import dev.stratus.provider.Bill;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.CpuModel;
import dev.stratus.provider.FunctionUsage;
import dev.stratus.provider.Limits;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.workload.TraceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Like AWS Lambda Power Tuning, but on the simulated workload: the design is simulated once per
 * memory size of one function, and the function's latency, cold starts and monthly cost compared.
 *
 * <p>A function's execution time is given at its configured memory. At another size, its CPU-bound
 * share ({@link FunctionNode#cpuBoundShare()}) scales with the single-thread CPU share the provider
 * gives that memory ({@link CpuModel#singleThreadShare}); the rest (waiting on I/O) does not. So on
 * AWS a CPU-bound function gets faster up to 1,769 MB (one whole vCPU) and no faster beyond.
 */
public final class MemorySweep {

    private final Project project;
    private final Path folder;
    private final PriceBook book;
    private final boolean freeTier;
    private final double seconds;
    private final long seed;

    public MemorySweep(Project project, Path folder, PriceBook book, boolean freeTier, double seconds, long seed) {
        this.project = project;
        this.folder = folder;
        this.book = book;
        this.freeTier = freeTier;
        this.seconds = seconds;
        this.seed = seed;
    }

    /** PLACEHOLDER until the sim-results branch merges. */
    public MemorySweep(Project project, Path folder, PriceBook book, dev.stratus.model.SimulationSettings settings) {
        this(project, folder, book, settings.freeTierOn(), settings.durationSeconds(), settings.seed());
    }

    /** PLACEHOLDER until the sim-results branch merges. */
    public List<SweepPoint> run(String name, List<Integer> sizes, Monitor monitor) throws TraceException {
        return run(name, sizes);
    }

    /** PLACEHOLDER until the sim-results branch merges. */
    public static List<Integer> defaultSizes(Limits limits) {
        return limits.memorySizesMb().isEmpty() ? List.of(128, 256, 512, 1024, 1769, 3008) : limits.memorySizesMb();
    }

    /** The execution time of {@code function} moved to {@code memoryMb}. */
    public static Distribution executionAt(FunctionNode function, int memoryMb, CpuModel cpu) {
        double before = cpu.singleThreadShare(function.memoryMb());
        double after = cpu.singleThreadShare(memoryMb);
        double cpuBound = function.cpuBoundShare();
        double factor = cpuBound * before / after + (1 - cpuBound);
        Distribution d = function.execution();
        return new Distribution(d.shape(), d.meanMs() * factor, d.cv());
    }

    /**
     * Sweeps the function named {@code name} (or with that id) over {@code sizes}.
     *
     * @throws IllegalArgumentException naming the function or a size the provider does not allow
     */
    public List<SweepPoint> run(String name, List<Integer> sizes) throws TraceException {
        FunctionNode function = project.architecture()
                .nodesOf(FunctionNode.class)
                .filter(f -> f.name().equals(name) || f.id().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("there is no function named '" + name + "'; the design has "
                                + String.join(
                                        ", ",
                                        project.architecture()
                                                .nodesOf(FunctionNode.class)
                                                .map(FunctionNode::name)
                                                .toList())));
        Limits limits = Limits.of(book.prices(project.provider()).limits());
        for (int size : sizes) {
            boolean allowed = limits.memorySizesMb().isEmpty()
                    ? size >= limits.minMemoryMb() && size <= limits.maxMemoryMb()
                    : limits.memorySizesMb().contains(size);
            if (!allowed) {
                throw new IllegalArgumentException(
                        size + " MB is not a memory size " + project.provider().displayName()
                                + " offers ("
                                + (limits.memorySizesMb().isEmpty()
                                        ? limits.minMemoryMb() + " to " + limits.maxMemoryMb() + " MB"
                                        : limits.memorySizesMb() + " MB")
                                + ")");
            }
        }
        CpuModel cpu = book.prices(project.provider()).cpu();
        List<SweepPoint> points = new ArrayList<>();
        for (int size : sizes) {
            FunctionNode resized = function.withMemoryMb(size).withExecution(executionAt(function, size, cpu));
            Project variant = project.withArchitecture(project.architecture().replacing(resized));
            SimulationResult result = new DesignSimulation(variant, folder, seconds, seed, Routing.NEWEST)
                    .withPrices(book)
                    .run(Monitor.NONE);
            FunctionResult f = result.functions().stream()
                    .filter(r -> r.id().equals(function.id()))
                    .findFirst()
                    .orElseThrow();
            double scale = CostModel.MONTH_SECONDS / result.simulatedSeconds();
            long invocations = Math.round((f.invocations() - f.throttles()) * scale);
            FunctionUsage usage = new FunctionUsage(
                    f.name(),
                    project.provider(),
                    resized.architecture(),
                    size,
                    invocations,
                    (f.billedSeconds() + f.provisionedBilledSeconds()) * scale,
                    f.provisionedInstances(),
                    f.provisionedInstances() > 0 ? f.provisionedBilledSeconds() * scale : 0);
            Bill bill = new CostModel(book, freeTier).bill(List.of(usage));
            points.add(new SweepPoint(
                    size,
                    f.latency().p50Ms(),
                    f.latency().p95Ms(),
                    f.latency().p99Ms(),
                    100 * f.coldStartProbability(),
                    bill.total(),
                    invocations == 0 ? 0 : bill.total() / (invocations / 1e6),
                    List.of()));
        }
        return mark(points);
    }

    /**
     * Marks the cheapest (lowest monthly cost), the fastest (lowest p95) and a balanced pick: the
     * lowest sum of cost and p95, each scaled to 0 at its best and 1 at its worst over the sweep.
     */
    static List<SweepPoint> mark(List<SweepPoint> points) {
        if (points.isEmpty()) {
            return points;
        }
        List<SweepPoint> marked = new ArrayList<>(points);
        Range cost =
                Range.of(points.stream().mapToDouble(SweepPoint::monthlyCost).toArray());
        Range p95 = Range.of(points.stream().mapToDouble(SweepPoint::p95Ms).toArray());
        int cheap = indexOfMin(points, Comparator.comparingDouble(SweepPoint::monthlyCost));
        int fast = indexOfMin(points, Comparator.comparingDouble(SweepPoint::p95Ms));
        int balanced = indexOfMin(
                points, Comparator.comparingDouble(p -> cost.scaled(p.monthlyCost()) + p95.scaled(p.p95Ms())));
        marked.set(cheap, marked.get(cheap).marked("cheapest"));
        marked.set(fast, marked.get(fast).marked("fastest"));
        marked.set(balanced, marked.get(balanced).marked("balanced"));
        return marked;
    }

    private record Range(double min, double max) {
        static Range of(double[] values) {
            return new Range(
                    java.util.Arrays.stream(values).min().orElse(0),
                    java.util.Arrays.stream(values).max().orElse(0));
        }

        double scaled(double value) {
            return max == min ? 0 : (value - min) / (max - min);
        }
    }

    private static int indexOfMin(List<SweepPoint> points, Comparator<SweepPoint> order) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            // Ties go to the smaller memory size, listed first.
            if (order.compare(points.get(i), points.get(best)) < 0) {
                best = i;
            }
        }
        return best;
    }
}
