package dev.stratus.sim.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Project;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.sim.result.WindowSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cancelled run keeps what it simulated, and that is exactly a shorter run. */
class CancelledRunTest {

    /** The order-pipeline sample at ten times its traffic: triggers, a queue, a topic, six functions. */
    private static Project busyPipeline() throws Exception {
        Project project = Runs.sample("order-pipeline.stratus.json");
        return project.withWorkloads(
                project.workloads().stream().map(w -> w.scaledBy(10)).toList());
    }

    /** Cancels at the first check once half the simulated time is done; notes the events by then. */
    private static final class HalfWay implements Monitor {
        private boolean past;
        private long lastEvents;
        long eventsAtCancel = -1;

        @Override
        public void progress(double fraction, long events) {
            past |= fraction >= 0.5;
            lastEvents = events;
        }

        @Override
        public boolean cancelled() {
            if (past && eventsAtCancel < 0) {
                eventsAtCancel = lastEvents + Monitor.CHECK_EVERY;
            }
            return past;
        }
    }

    /** Everything but the wall time, the window series (whose width follows the duration) and the flag. */
    private static String comparable(SimulationResult r) throws Exception {
        SimulationResult without = new SimulationResult(
                r.project(),
                r.provider(),
                r.seed(),
                r.simulatedSeconds(),
                false,
                r.events(),
                r.totals(),
                r.entries(),
                r.functions(),
                r.queues(),
                r.services(),
                r.edges(),
                r.timeSeries(),
                null,
                0);
        return new ObjectMapper().writeValueAsString(without);
    }

    @Test
    void aCancelledRunKeepsWhatItSimulatedUpToTheInstantItReached() throws Exception {
        Project project = busyPipeline();
        SimulationResult full = Runs.run(project, 3_600, 5);
        HalfWay monitor = new HalfWay();
        SimulationResult partial = Runs.run(project, 3_600, 5, monitor);

        assertThat(full.partial()).isFalse();
        assertThat(partial.partial()).isTrue();
        assertThat(partial.simulatedSeconds()).isBetween(1_800.0, 3_599.0);
        assertThat(partial.totals().requests())
                .isPositive()
                .isLessThan(full.totals().requests());
        // It stops at the first check after the cancel, once the events of that instant are done.
        assertThat(partial.events() - monitor.eventsAtCancel).isBetween(0L, 100L);

        WindowSeries windows = partial.windows();
        int expected = (int) Math.ceil(partial.simulatedSeconds() / windows.stepSeconds());
        assertThat(windows.count()).isEqualTo(expected);
        List<Integer> lengths = new ArrayList<>();
        windows.entries()
                .forEach(e -> lengths.addAll(List.of(
                        e.arrivals().length,
                        e.completed().length,
                        e.failed().length,
                        e.p50Ms().length,
                        e.p95Ms().length,
                        e.p99Ms().length)));
        windows.functions()
                .forEach(f -> lengths.addAll(List.of(
                        f.invocations().length,
                        f.coldStarts().length,
                        f.throttles().length,
                        f.errors().length,
                        f.busyInstances().length,
                        f.idleInstances().length)));
        windows.queues().forEach(q -> lengths.addAll(List.of(q.averageDepth().length, q.maxDepth().length)));
        assertThat(lengths).isNotEmpty().containsOnly(expected);
        int buckets = (int)
                Math.ceil(partial.simulatedSeconds() / partial.timeSeries().stepSeconds());
        assertThat(partial.timeSeries().arrivals()).hasSize(buckets);
        assertThat(partial.timeSeries().busyInstances()).hasSize(buckets);
    }

    @Test
    void aCancelledRunIsExactlyAnUncancelledRunOfTheTimeItReached() throws Exception {
        Project project = busyPipeline();
        SimulationResult partial = Runs.run(project, 3_600, 5, new HalfWay());
        SimulationResult exact = Runs.run(project, partial.simulatedSeconds(), 5);

        assertThat(exact.partial()).isFalse();
        assertThat(exact.totals().requests()).isEqualTo(partial.totals().requests());
        // Counts, latencies, instance averages, queues, edges and the time series, to the last digit.
        assertThat(comparable(partial)).isEqualTo(comparable(exact));
        long windowArrivals = partial.windows().entries().stream()
                .flatMapToLong(e -> java.util.Arrays.stream(e.arrivals()))
                .sum();
        assertThat(windowArrivals).isEqualTo(exact.totals().requests());
    }

    @Test
    void aRunCancelledBeforeItStartsCoversNoTime() throws Exception {
        Monitor cancelled = new Monitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        SimulationResult r = Runs.run(busyPipeline(), 3_600, 5, cancelled);
        assertThat(r.partial()).isTrue();
        assertThat(r.simulatedSeconds()).isZero();
        assertThat(r.events()).isZero();
        assertThat(r.totals().requests()).isZero();
        assertThat(r.windows().count()).isZero();
        assertThat(r.timeSeries().arrivals()).isEmpty();
        assertThat(r.functions())
                .allSatisfy(f -> assertThat(f.averageInstances()).isZero());
        assertThat(r.queues()).allSatisfy(q -> assertThat(q.averageDepth()).isZero());
    }

    @Test
    void progressCountsTheEventsDoneAndEndsAtTheWholeRun() throws Exception {
        List<Long> events = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        Monitor recording = new Monitor() {
            @Override
            public void progress(double fraction, long done) {
                fractions.add(fraction);
                events.add(done);
            }
        };
        SimulationResult r = Runs.run(busyPipeline(), 600, 5, recording);
        assertThat(events).hasSizeGreaterThan(2).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(0)).isEqualTo(Monitor.CHECK_EVERY);
        assertThat(events.get(events.size() - 1)).isEqualTo(r.events());
        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }
}
