package dev.stratus.sim.bench;

import dev.stratus.model.Project;
import dev.stratus.model.Routing;
import dev.stratus.model.Workload;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.model.ModelResult;
import dev.stratus.sim.model.ModelSettings;
import dev.stratus.sim.model.ModelSimulation;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.workload.TraceException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's standard benchmark: simulated requests per wall-clock second on this machine, and
 * the heap the run needed. Each scenario runs once to warm the JIT, then once measured.
 */
public final class Bench {

    private Bench() {}

    /**
     * Runs the scenarios.
     *
     * @param orderPipeline the order-pipeline sample, whose workloads are scaled up
     * @param scale how much longer the measured runs are than the defaults (1 = about 20 s in all)
     */
    public static List<BenchResult> run(Project orderPipeline, double scale) throws TraceException {
        List<BenchResult> results = new ArrayList<>();
        // SimFaaS's example: one function at 0.9 req/s with a 10-minute keep-alive.
        results.add(model("one function at 0.9 req/s (SimFaaS example)", 0.9, 1.991, 2.244, 2.5e7 * scale));
        // 1,000 req/s of 1 s requests against 1,000 instances: about 1,000 busy at all times.
        results.add(model("one function at 1,000 req/s, 1,000 instances busy", 1_000, 1, 1, 5_000 * scale));
        Project scaled = scaleWorkloads(orderPipeline, 100);
        results.add(design("order-pipeline sample at 100x its traffic, 1 h", scaled, 3_600 * scale));
        return results;
    }

    private static BenchResult model(String scenario, double rate, double warm, double cold, double seconds) {
        ModelSettings warmUp = settings(rate, warm, cold, seconds / 10);
        new ModelSimulation(warmUp).run();
        resetPeaks();
        ModelResult r = new ModelSimulation(settings(rate, warm, cold, seconds)).run();
        return new BenchResult(
                scenario,
                r.requests(),
                r.simulatedSeconds(),
                r.wallSeconds(),
                r.requests() / r.wallSeconds(),
                peakHeapMb());
    }

    private static ModelSettings settings(double rate, double warm, double cold, double seconds) {
        return new ModelSettings(
                rate,
                warm,
                cold,
                600,
                1_000,
                seconds,
                1,
                ModelSettings.Arrival.POISSON,
                ModelSettings.Service.EXPONENTIAL,
                Routing.NEWEST);
    }

    private static BenchResult design(String scenario, Project project, double seconds) throws TraceException {
        new DesignSimulation(project, Path.of("."), seconds / 10, 1, Routing.NEWEST).run(Monitor.NONE);
        resetPeaks();
        SimulationResult r = new DesignSimulation(project, Path.of("."), seconds, 1, Routing.NEWEST).run(Monitor.NONE);
        long requests = r.totals().invocations();
        return new BenchResult(
                scenario, requests, r.simulatedSeconds(), r.wallSeconds(), requests / r.wallSeconds(), peakHeapMb());
    }

    /** The project with every workload's rate multiplied by {@code factor}. */
    static Project scaleWorkloads(Project project, double factor) {
        List<Workload> scaled =
                project.workloads().stream().map(w -> w.scaledBy(factor)).toList();
        return project.withWorkloads(scaled);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return Math.round(peak / 1e5) / 10.0;
    }
}
