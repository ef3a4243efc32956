package dev.stratus.sim.graph;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Designs;
import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Project;
import dev.stratus.model.Workload;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.QueueResult;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.result.WindowSeries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-window series against the run's totals and exact time averages. */
class WindowSeriesTest {

    private static Project busyPipeline() throws Exception {
        Project project = Runs.sample("order-pipeline.stratus.json");
        return project.withWorkloads(
                project.workloads().stream().map(w -> w.scaledBy(10)).toList());
    }

    /** Each window's length, s: the last may be cut short by the end of the run. */
    private static double[] lengths(SimulationResult r) {
        WindowSeries w = r.windows();
        double[] lengths = new double[w.count()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = Math.min(w.stepSeconds(), r.simulatedSeconds() - i * w.stepSeconds());
        }
        return lengths;
    }

    /** The average of {@code values} weighted by the windows' lengths. */
    private static double timeAverage(double[] values, double[] lengths) {
        double sum = 0;
        double time = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * lengths[i];
            time += lengths[i];
        }
        return sum / time;
    }

    private static long sum(long[] values) {
        return Arrays.stream(values).sum();
    }

    @Test
    void theWindowsAddUpToTheRunsTotals() throws Exception {
        // 1,000 s: windows of 1 s; 1,234.5 s: of 2 s, the last cut to half a second.
        for (double seconds : new double[] {1_000, 1_234.5}) {
            SimulationResult r = Runs.run(busyPipeline(), seconds, 3);
            WindowSeries w = r.windows();
            double[] lengths = lengths(r);
            assertThat(w.entries()).hasSameSizeAs(r.entries());
            for (int e = 0; e < w.entries().size(); e++) {
                WindowSeries.EntrySeries series = w.entries().get(e);
                EntryResult entry = r.entries().get(e);
                assertThat(series.id()).isEqualTo(entry.id());
                assertThat(sum(series.arrivals())).isEqualTo(entry.requests());
                assertThat(sum(series.completed())).isEqualTo(entry.completed());
                assertThat(sum(series.failed())).isEqualTo(entry.failed());
            }
            assertThat(w.functions()).hasSameSizeAs(r.functions());
            for (int f = 0; f < w.functions().size(); f++) {
                WindowSeries.FunctionSeries series = w.functions().get(f);
                FunctionResult fn = r.functions().get(f);
                assertThat(series.id()).isEqualTo(fn.id());
                assertThat(sum(series.invocations())).isEqualTo(fn.invocations());
                assertThat(sum(series.coldStarts())).isEqualTo(fn.coldStarts());
                assertThat(sum(series.throttles())).isEqualTo(fn.throttles());
                assertThat(sum(series.errors())).isEqualTo(fn.errors() + fn.timeouts());
                // Averages are rounded to six decimals per window.
                assertThat(timeAverage(series.busyInstances(), lengths))
                        .isCloseTo(fn.averageBusyInstances(), within(1e-5));
                assertThat(timeAverage(series.idleInstances(), lengths))
                        .isCloseTo(fn.averageIdleInstances(), within(1e-5));
            }
            assertThat(w.queues()).hasSameSizeAs(r.queues()).isNotEmpty();
            for (int q = 0; q < w.queues().size(); q++) {
                WindowSeries.QueueSeries series = w.queues().get(q);
                QueueResult queue = r.queues().get(q);
                assertThat(series.id()).isEqualTo(queue.id());
                assertThat(timeAverage(series.averageDepth(), lengths)).isCloseTo(queue.averageDepth(), within(1e-5));
                assertThat(Arrays.stream(series.maxDepth()).max().orElseThrow()).isEqualTo(queue.maxDepth());
            }
        }
    }

    @Test
    void aProvisionedFunctionWithNoTrafficHasExactlyItsProvisionedInstancesIdle() throws Exception {
        FunctionNode warm = Runs.fn("warm", 10).withConcurrency(null, 3);
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(warm)
                .connect("web", "warm")
                .project();
        WindowSeries.FunctionSeries series =
                Runs.run(project, 3_600, 1).windows().functions().get(0);
        assertThat(series.busyInstances()).hasSize(720).containsOnly(0.0);
        assertThat(series.idleInstances()).containsOnly(3.0);
    }

    @Test
    void busyInstancesInEachWindowFollowLittlesLaw() throws Exception {
        // 10 requests a second of 200 ms each, no cold start: λS = 2 instances busy at every moment.
        FunctionNode api = Runs.fn("api", Distribution.constant(200), Distribution.constant(0), KeepAlive.fixed(600));
        Project constant = design().add(new HttpTrigger("web", "web"))
                .add(api)
                .connect("web", "api")
                .workload(new Workload.Constant("web", 10))
                .project();
        double[] busy = Runs.run(constant, 600, 1).windows().functions().get(0).busyInstances();
        assertThat(busy).hasSize(600);
        // The first request arrives at 0.1 s, so the first window is short of work.
        for (int i = 1; i < busy.length; i++) {
            assertThat(busy[i]).as("window %d", i).isCloseTo(2.0, within(1e-6));
        }
        // Poisson arrivals: within 5% of λS in each 10 s window of a long run.
        Project poisson = constant.withWorkloads(java.util.List.of(new Workload.Poisson("web", 50)));
        SimulationResult r = Runs.run(poisson, 3_600, 4);
        assertThat(r.windows().stepSeconds()).isEqualTo(5.0);
        double[] windows = r.windows().functions().get(0).busyInstances();
        double mean = timeAverage(windows, lengths(r));
        assertThat(mean).isCloseTo(50 * 0.2, within(0.2));
        assertThat(Arrays.stream(windows).min().orElseThrow()).isGreaterThan(7.5);
        assertThat(Arrays.stream(windows).max().orElseThrow()).isLessThan(12.5);
    }

    @Test
    void aKeepAliveOfZeroLeavesNoInstanceIdle() throws Exception {
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(Runs.fn("api", 30, new KeepAlive(KeepAlive.Policy.NONE, null)))
                .connect("web", "api")
                .workload(new Workload.Poisson("web", 20))
                .project();
        SimulationResult r = Runs.run(project, 600, 1);
        WindowSeries.FunctionSeries series = r.windows().functions().get(0);
        assertThat(series.idleInstances()).containsOnly(0.0);
        assertThat(Arrays.stream(series.busyInstances()).max().orElseThrow()).isPositive();
        assertThat(sum(series.coldStarts())).isEqualTo(r.functions().get(0).invocations());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 1, 3_600, 30 * 86_400, 365 * 86_400, 1e11})
    void aRunOfAnyLengthHasAtMostTheMostWindowsEachOfARoundStep(double seconds) throws Exception {
        Project idle = design().add(new HttpTrigger("web", "web"))
                .add(Runs.fn("warm", 10).withConcurrency(null, 1))
                .connect("web", "warm")
                .project();
        WindowSeries w = Runs.run(idle, seconds, 1).windows();
        assertThat(w.count()).isBetween(1, WindowSeries.MAX_WINDOWS);
        assertThat(w.count()).isEqualTo((int) Math.ceil(seconds / w.stepSeconds() - 1e-9));
        double[] round = {
            0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
            21600, 43200, 86400, 172800, 432000, 864000, 2592000
        };
        boolean hundredsOfDays = w.stepSeconds() % (100 * 86_400.0) == 0;
        assertThat(Arrays.stream(round).anyMatch(s -> s == w.stepSeconds()) || hundredsOfDays)
                .as("%s s is a round step", w.stepSeconds())
                .isTrue();
        assertThat(w.functions().get(0).idleInstances()).containsOnly(1.0);
    }

    @Test
    void sixHundredFunctionsGetWiderWindowsSoTheSeriesStayWithinTheirCells() throws Exception {
        Designs many = design().add(new HttpTrigger("web", "web")).workload(new Workload.Poisson("web", 600));
        for (int i = 0; i < 600; i++) {
            many.add(Runs.fn("f" + i, 5)).connect("web", "f" + i);
        }
        SimulationResult r = Runs.run(many.project(), 3_600, 1);
        WindowSeries w = r.windows();
        long cells = (long) w.count()
                * (6L * w.entries().size()
                        + 6L * w.functions().size()
                        + 2L * w.queues().size());
        assertThat(w.functions()).hasSize(600);
        assertThat(cells).isLessThanOrEqualTo(WindowSeries.MAX_CELLS);
        assertThat(w.count()).isLessThan(WindowSeries.MAX_WINDOWS);
        long invocations =
                w.functions().stream().mapToLong(f -> sum(f.invocations())).sum();
        assertThat(invocations).isEqualTo(r.entries().get(0).requests());
    }

    @Test
    void theSameSeedGivesTheSameSeriesBitForBit() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String first = json.writeValueAsString(Runs.run(busyPipeline(), 900, 7).windows());
        String second = json.writeValueAsString(Runs.run(busyPipeline(), 900, 7).windows());
        String other = json.writeValueAsString(Runs.run(busyPipeline(), 900, 8).windows());
        assertThat(first).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void percentilesAreThoseOfTheRequestsCompletedInTheWindowAndZeroWhereThereWereNone() throws Exception {
        // One request every 2 s of a constant 10 ms; 1,000 s in windows of 1 s: one request or none.
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(Runs.fn("api", 10))
                .connect("web", "api")
                .workload(new Workload.Constant("web", 0.5))
                .project();
        WindowSeries windows = Runs.run(project, 1_000, 1).windows();
        assertThat(windows.stepSeconds()).isEqualTo(1.0);
        WindowSeries.EntrySeries series = windows.entries().get(0);
        for (int i = 3; i < series.arrivals().length; i++) {
            boolean one = i % 2 == 0;
            assertThat(series.completed()[i]).isEqualTo(one ? 1 : 0);
            assertThat(series.p50Ms()[i]).isCloseTo(one ? 10.0 : 0.0, within(0.1));
            assertThat(series.p99Ms()[i]).isCloseTo(one ? 10.0 : 0.0, within(0.1));
        }
    }
}
