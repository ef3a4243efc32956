package dev.stratus.cost;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.SimulationSettings;
import dev.stratus.provider.Bill;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.CpuModel;
import dev.stratus.provider.FunctionUsage;
import dev.stratus.provider.Limits;
import dev.stratus.provider.PriceBook;
import dev.stratus.provider.ProviderPrices;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.engine.RunSequence;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.workload.TraceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Like AWS Lambda Power Tuning, but on the simulated workload: the design is simulated once per
 * memory size of one function, and the function's latency, cold starts and monthly cost compared.
 *
 * <p>A function's execution time is given at its configured memory. At another size, its CPU-bound
 * share ({@link FunctionNode#cpuBoundShare()}) scales with the single-thread CPU share the provider
 * gives that memory ({@link CpuModel#singleThreadShare}); the rest (waiting on I/O) does not. So on
 * AWS a CPU-bound function gets faster up to 1,769 MB (one whole vCPU) and no faster beyond.
 *
 * <p>Each size is simulated with the same settings (duration, seed, routing) and priced with their
 * free tier setting.
 */
public final class MemorySweep {

    private final Project project;
    private final Path folder;
    private final PriceBook book;
    private final SimulationSettings settings;

    /**
     * @param project the design
     * @param folder where its trace files are looked up
     * @param book the prices
     * @param settings how each size is simulated and priced
     */
    public MemorySweep(Project project, Path folder, PriceBook book, SimulationSettings settings) {
        this.project = project;
        this.folder = folder;
        this.book = book;
        this.settings = settings;
    }

    /** Sizes most worth trying where CPU follows memory: powers of two, and AWS's one whole vCPU. */
    private static final List<Integer> TYPICAL_SIZES =
            List.of(128, 256, 512, 1024, 2048, 3008, 4096, 6144, 8192, 10240);

    /**
     * The sizes a sweep tries when none are given: the provider's own list where it has one, else
     * the typical sizes within its range, with the size that gets one whole vCPU where CPU is in
     * proportion to memory (AWS: 1,769 MB).
     */
    public static List<Integer> defaultSizes(ProviderPrices prices) {
        Limits limits = Limits.of(prices.limits());
        if (!limits.memorySizesMb().isEmpty()) {
            return limits.memorySizesMb();
        }
        TreeSet<Integer> sizes = new TreeSet<>(TYPICAL_SIZES);
        if (prices.cpu() instanceof CpuModel.Proportional proportional) {
            sizes.add((int) Math.round(proportional.mbPerVcpu().value()));
        }
        return sizes.stream()
                .filter(size -> size >= limits.minMemoryMb() && size <= limits.maxMemoryMb())
                .toList();
    }

    /** The execution time of {@code function}, as measured, moved to {@code memoryMb}. */
    public static Distribution executionAt(FunctionNode function, int memoryMb, CpuModel cpu) {
        return cpu.scale(function.execution(), function.cpuBoundShare(), function.executionMeasuredAtMb(), memoryMb);
    }

    /**
     * Sweeps the function named {@code name} (or with that id) over {@code sizes}.
     *
     * @throws IllegalArgumentException naming the function or a size the provider does not allow
     */
    public List<SweepPoint> run(String name, List<Integer> sizes) throws TraceException {
        return run(name, sizes, Monitor.NONE);
    }

    /**
     * Sweeps as {@link #run(String, List)}, telling {@code monitor} the progress over all sizes. When
     * the monitor cancels, the sweep stops and returns the sizes fully simulated by then, marked
     * among themselves; the size whose run was stopped is left out, since a part of its run would
     * not compare fairly with the others.
     */
    public List<SweepPoint> run(String name, List<Integer> sizes, Monitor monitor) throws TraceException {
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
        List<SweepPoint> points = new ArrayList<>();
        RunSequence sequence = new RunSequence(monitor, Math.max(1, sizes.size()));
        for (int size : sizes) {
            // The same code at another size: the simulation gives it that size's CPU.
            FunctionNode resized = function.withMemoryMb(size);
            Project variant = project.withArchitecture(project.architecture().replacing(resized));
            SimulationResult result = new DesignSimulation(
                            variant, folder, settings.durationSeconds(), settings.seed(), settings.routing())
                    .withPrices(book)
                    .run(sequence);
            if (result.partial()) {
                break;
            }
            sequence.ended(result.events());
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
            Bill bill = new CostModel(book, settings.freeTierOn()).bill(List.of(usage));
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
