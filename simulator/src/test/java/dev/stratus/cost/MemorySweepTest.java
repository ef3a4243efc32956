package dev.stratus.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;
import dev.stratus.project.ProjectFiles;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.FunctionResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySweepTest {

    private static final Path THUMBNAILER = Path.of("..", "samples", "image-thumbnailer.stratus.json");

    private static FunctionNode cpuBound(double share, int memoryMb, double workMs) {
        return new FunctionNode(
                "f",
                "f",
                null,
                null,
                memoryMb,
                30,
                null,
                null,
                null,
                null,
                0,
                null,
                null,
                Distribution.lognormal(workMs, 0.3),
                null,
                share);
    }

    @Test
    void onAwsCpuWorkScalesWithMemoryUpToOneVcpu() {
        var cpu = PriceBook.standard().prices(Provider.AWS).cpu();
        // All CPU: 512 MB has 512/1769 of a vCPU; at 1,024 MB the work takes 512/1024 as long.
        FunctionNode all = cpuBound(1, 512, 800);
        assertThat(MemorySweep.executionAt(all, 1024, cpu).meanMs()).isCloseTo(400, within(1e-9));
        // Beyond 1,769 MB a single thread gets no faster.
        assertThat(MemorySweep.executionAt(all, 3008, cpu).meanMs())
                .isCloseTo(MemorySweep.executionAt(all, 1769, cpu).meanMs(), within(1e-9));
        // Half CPU: only half the time shrinks: 400 + 400 × 512/1024 = 600 ms.
        assertThat(MemorySweep.executionAt(cpuBound(0.5, 512, 800), 1024, cpu).meanMs())
                .isCloseTo(600, within(1e-9));
        // No CPU: I/O waits do not care about memory; the shape and cv stay.
        Distribution io = MemorySweep.executionAt(cpuBound(0, 512, 800), 128, cpu);
        assertThat(io).isEqualTo(Distribution.lognormal(800, 0.3));
    }

    @Test
    void aFunctionGivenMoreMemoryKeepsItsExecutionAsMeasuredAndRunsItFasterInTheSimulation() throws Exception {
        FunctionNode measured = cpuBound(1, 512, 800).withExecution(Distribution.constant(800));
        FunctionNode bigger = measured.withMemoryMb(1024);
        assertThat(bigger.execution()).isEqualTo(measured.execution());
        assertThat(bigger.executionMemoryMb()).isEqualTo(512);
        // Back at the size it was measured at, it is the function it was: nothing left to scale.
        assertThat(bigger.withMemoryMb(512)).isEqualTo(measured);
        // A new execution time is measured at the size the function has.
        assertThat(bigger.withExecution(Distribution.constant(300)).executionMeasuredAtMb())
                .isEqualTo(1024);

        // All CPU-bound on AWS: twice the memory, twice the CPU, half the time (800 ms → 400 ms).
        Project project = dev.stratus.model.Designs.design()
                .http("web")
                .add(bigger)
                .connect("web", bigger.id())
                .project();
        FunctionResult f = new DesignSimulation(project, Path.of("."), 600, 1, Routing.NEWEST)
                .run(Monitor.NONE)
                .functions()
                .get(0);
        assertThat(f.latency().p50Ms()).isCloseTo(400, within(4.0));
    }

    @Test
    void onAzureConsumptionMemoryDoesNotBuyCpu() {
        var cpu = PriceBook.standard().prices(Provider.AZURE).cpu();
        assertThat(MemorySweep.executionAt(cpuBound(1, 512, 800), 1024, cpu).meanMs())
                .isCloseTo(800, within(1e-9));
    }

    @Test
    void theThumbnailerGetsFasterUpTo1769MbAndNoFasterBeyondWithTheCostFollowing() throws Exception {
        Project project = ProjectFiles.load(THUMBNAILER);
        List<SweepPoint> points = new MemorySweep(
                        project, THUMBNAILER.getParent(), PriceBook.standard(), new SimulationSettings(1_800, 1))
                .run("make-thumbnail", List.of(128, 256, 512, 1024, 1769, 3008));
        assertThat(points).extracting(SweepPoint::memoryMb).containsExactly(128, 256, 512, 1024, 1769, 3008);
        for (int i = 1; i < 5; i++) {
            assertThat(points.get(i).p95Ms())
                    .as(
                            "%d MB is faster than %d MB",
                            points.get(i).memoryMb(), points.get(i - 1).memoryMb())
                    .isLessThan(points.get(i - 1).p95Ms() * 0.8);
        }
        assertThat(points.get(5).p50Ms()).isEqualTo(points.get(4).p50Ms());
        assertThat(points.get(5).p95Ms()).isEqualTo(points.get(4).p95Ms());
        // The same work at more memory: the bill rises once the speed-up stops paying for the memory.
        assertThat(points.get(5).monthlyCost()).isGreaterThan(points.get(4).monthlyCost() * 1.5);
        assertThat(points.get(4).marks()).contains("fastest");
        // At 128 MB the work takes longest but costs least: the free tier covers more of it.
        assertThat(points.get(0).marks()).contains("cheapest");
        assertThat(points.get(0).monthlyCost()).isLessThan(points.get(3).monthlyCost());
        // Balanced: neither the slowest size nor the dearest, but one of those in between.
        SweepPoint balanced = points.stream()
                .filter(p -> p.marks().contains("balanced"))
                .findFirst()
                .orElseThrow();
        assertThat(balanced.memoryMb()).isIn(256, 512, 1024, 1769);
    }

    @Test
    void anUnknownFunctionOrAnImpossibleSizeIsRefusedWithWhy() throws Exception {
        Project project = ProjectFiles.load(THUMBNAILER);
        MemorySweep sweep =
                new MemorySweep(project, THUMBNAILER.getParent(), PriceBook.standard(), new SimulationSettings(60, 1));
        assertThatThrownBy(() -> sweep.run("resize", List.of(512)))
                .hasMessage("there is no function named 'resize'; the design has make-thumbnail");
        assertThatThrownBy(() -> sweep.run("make-thumbnail", List.of(512, 20_000)))
                .hasMessage("20000 MB is not a memory size AWS Lambda offers (128 to 10240 MB)");
    }

    @Test
    void theDefaultSizesAreTheProvidersOwnOrTheTypicalOnesInItsRange() {
        PriceBook book = PriceBook.standard();
        assertThat(MemorySweep.defaultSizes(book.prices(Provider.AWS)))
                .containsExactly(128, 256, 512, 1024, 1769, 2048, 3008, 4096, 6144, 8192, 10240);
        for (Provider provider : Provider.values()) {
            var limits = dev.stratus.provider.Limits.of(book.prices(provider).limits());
            List<Integer> sizes = MemorySweep.defaultSizes(book.prices(provider));
            assertThat(sizes).as(provider.id()).isNotEmpty().isSorted().doesNotHaveDuplicates();
            if (limits.memorySizesMb().isEmpty()) {
                assertThat(sizes)
                        .allSatisfy(size -> assertThat(size).isBetween(limits.minMemoryMb(), limits.maxMemoryMb()));
            } else {
                assertThat(sizes).isEqualTo(limits.memorySizesMb());
            }
        }
    }

    @Test
    void aSweepSimulatesWithTheSettingsRoutingAndPricesWithTheirFreeTier() throws Exception {
        Project project = ProjectFiles.load(THUMBNAILER);
        SimulationSettings settings =
                new SimulationSettings(600, 4).withRouting(Routing.LRU).withFreeTier(false);
        SweepPoint point = new MemorySweep(project, THUMBNAILER.getParent(), PriceBook.standard(), settings)
                .run("make-thumbnail", List.of(1024))
                .get(0);
        FunctionResult direct = new DesignSimulation(
                        project.withArchitecture(project.architecture()
                                .replacing(((FunctionNode) project.architecture()
                                                .node("fn-make-thumbnail")
                                                .orElseThrow())
                                        .withMemoryMb(1024))),
                        THUMBNAILER.getParent(),
                        600,
                        4,
                        Routing.LRU)
                .run(Monitor.NONE)
                .functions()
                .get(0);
        assertThat(point.p95Ms()).isEqualTo(direct.latency().p95Ms());
        assertThat(point.monthlyCost()).isPositive();
    }

    @Test
    void aCancelledSweepReturnsTheSizesItFinished() throws Exception {
        Project project = ProjectFiles.load(THUMBNAILER);
        List<Double> fractions = new ArrayList<>();
        Monitor halfWay = new Monitor() {
            @Override
            public void progress(double fraction, long events) {
                fractions.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return !fractions.isEmpty() && fractions.get(fractions.size() - 1) >= 0.5;
            }
        };
        List<SweepPoint> points = new MemorySweep(
                        project, THUMBNAILER.getParent(), PriceBook.standard(), new SimulationSettings(600, 1))
                .run("make-thumbnail", List.of(512, 1024, 1769, 3008), halfWay);
        assertThat(points).extracting(SweepPoint::memoryMb).containsExactly(512, 1024);
        assertThat(points).flatExtracting(SweepPoint::marks).contains("cheapest", "fastest", "balanced");
        assertThat(fractions).isSorted().contains(0.25, 0.5);
    }

    @Test
    void aFreeSweepStillWeighsCostAndSpeed() {
        // Two sizes are free (the free tier covers them): cost still counts, relative to its range.
        List<SweepPoint> marked = MemorySweep.mark(List.of(
                new SweepPoint(128, 900, 1000, 1100, 1, 0, 0, List.of()),
                new SweepPoint(256, 500, 600, 700, 1, 0, 0, List.of()),
                new SweepPoint(512, 300, 350, 400, 1, 40, 1, List.of()),
                new SweepPoint(1024, 200, 300, 320, 1, 400, 1, List.of())));
        // Scaled: 128: 0 + 1; 256: 0 + 0.43; 512: 0.1 + 0.07; 1024: 1 + 0.
        assertThat(marked.get(2).marks()).containsExactly("balanced");
        assertThat(marked.get(0).marks()).containsExactly("cheapest");
    }

    @Test
    void picksAreMarkedOnThePointsThatEarnThem() {
        List<SweepPoint> marked = MemorySweep.mark(List.of(
                new SweepPoint(128, 900, 1000, 1100, 1, 10, 1, List.of()),
                new SweepPoint(512, 300, 350, 400, 1, 12, 1, List.of()),
                new SweepPoint(1024, 200, 300, 320, 1, 30, 1, List.of())));
        assertThat(marked.get(0).marks()).containsExactly("cheapest");
        // Balanced, cost and p95 scaled to their ranges: 128: 0 + 1; 512: 0.1 + 0.07; 1024: 1 + 0.
        assertThat(marked.get(1).marks()).containsExactly("balanced");
        assertThat(marked.get(2).marks()).containsExactly("fastest");
    }
}
