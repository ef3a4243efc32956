package dev.stratus.sim.workload;

import static dev.stratus.sim.workload.Arrivals.SECOND;
import static dev.stratus.sim.workload.Arrivals.count;
import static dev.stratus.sim.workload.Arrivals.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.Workload;
import dev.stratus.sim.random.RandomStreams;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Counts of a Poisson process in a window are Poisson with mean ∫λ over the window, so each window's
 * count must be within five standard deviations (√mean) of that integral.
 */
class ArrivalProcessesTest {

    private static final double Z = 5;
    private static final Path NO_FOLDER = Path.of(".");

    private static UniformRandomProvider rng(String id) {
        return new RandomStreams(2026).stream(id, "arrivals");
    }

    private static ArrivalProcess process(Workload workload) {
        return uncheckedOf(workload, rng(workload.trigger()));
    }

    private static ArrivalProcess uncheckedOf(Workload workload, UniformRandomProvider rng) {
        try {
            return ArrivalProcesses.of(workload, rng, NO_FOLDER);
        } catch (TraceException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertPoissonCount(long observed, double expected, String window) {
        assertThat((double) observed)
                .as("arrivals in %s", window)
                .isCloseTo(expected, within(Z * Math.sqrt(expected) + 1));
    }

    /** ∫ rate(t) dt over [from, to) seconds, by the midpoint rule on 1 ms steps. */
    private static double integral(DoubleUnaryOperator rate, double from, double to) {
        int steps = (int) Math.round((to - from) * 1000);
        double h = (to - from) / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += rate.applyAsDouble(from + (i + 0.5) * h);
        }
        return sum * h;
    }

    @Test
    void aConstantWorkloadGivesExactlyRateTimesDurationEvenlySpaced() {
        long[] times = until(process(new Workload.Constant("web", 100)), 60 * SECOND);
        assertThat(times).hasSize(6000);
        for (int i = 0; i < times.length; i++) {
            assertThat(times[i]).isEqualTo((i + 1) * 10_000L);
        }
    }

    @Test
    void aConstantRateThatDoesNotDivideASecondStillGivesRateTimesDuration() {
        long[] times = until(process(new Workload.Constant("web", 3)), 10 * SECOND);
        assertThat(times).hasSize(30);
        assertThat(times[0]).isEqualTo(333_333L);
        assertThat(times[29]).isEqualTo(10 * SECOND);
        for (int i = 1; i < times.length; i++) {
            assertThat(times[i] - times[i - 1]).isBetween(333_333L, 333_334L);
        }
    }

    @Test
    void aRateOfZeroGivesNoArrivals() {
        for (Workload workload : List.of(
                new Workload.Constant("a", 0),
                new Workload.Poisson("b", 0),
                new Workload.Ramp("c", 0, 0, 10),
                new Workload.Spike("d", 0, 0, 1, 1, 0),
                new Workload.Diurnal("e", 0, 0.5, 12))) {
            assertThat(process(workload).next()).as("%s", workload).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Test
    void poissonCountsAndGapsMatchTheRate() {
        double rate = 1000;
        double seconds = 1000;
        long[] times = until(process(new Workload.Poisson("web", rate)), (long) (seconds * SECOND));
        assertPoissonCount(times.length, rate * seconds, "1000 s");

        // The mean gap, from first principles: the sum of gaps over their number.
        double meanGap = (double) times[times.length - 1] / times.length;
        double expectedGap = SECOND / rate;
        assertThat(meanGap).isCloseTo(expectedGap, within(Z * expectedGap / Math.sqrt(times.length)));

        double sumSquares = 0;
        long previous = 0;
        for (long t : times) {
            double gap = t - previous - meanGap;
            sumSquares += gap * gap;
            previous = t;
        }
        double cv = Math.sqrt(sumSquares / (times.length - 1)) / meanGap;
        assertThat(cv).as("cv of the gaps").isCloseTo(1, within(Z / Math.sqrt(times.length)));
    }

    @Test
    void aRisingRampFollowsTheIntegralOfItsRateThenStaysAtTheTop() {
        double from = 50;
        double to = 2000;
        double over = 100;
        DoubleUnaryOperator rate = t -> t < over ? from + (to - from) * t / over : to;
        long[] times = until(process(new Workload.Ramp("web", from, to, over)), 200 * SECOND);
        for (int start = 0; start < 200; start += 10) {
            assertPoissonCount(count(times, start, start + 10), integral(rate, start, start + 10), start + " s");
        }
    }

    @Test
    void aRampDownToZeroEndsWithTheRamp() {
        ArrivalProcess process = process(new Workload.Ramp("web", 1000, 0, 50));
        long[] times = until(process, 100 * SECOND);
        assertPoissonCount(times.length, 1000 * 50 / 2.0, "the ramp");
        assertPoissonCount(count(times, 0, 25), integral(t -> 1000 - 20 * t, 0, 25), "the first half");
        assertThat(times[times.length - 1]).isLessThanOrEqualTo(50 * SECOND);
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSpikeRepeatsAtThePeakRate() {
        long[] times = until(process(new Workload.Spike("web", 10, 1000, 30, 5, 60)), 200 * SECOND);
        double[][] windows = {
            {0, 30, 10}, {30, 35, 1000}, {35, 90, 10}, {90, 95, 1000}, {95, 150, 10}, {150, 155, 1000}, {155, 200, 10}
        };
        for (double[] w : windows) {
            assertPoissonCount(count(times, w[0], w[1]), (w[1] - w[0]) * w[2], w[0] + "–" + w[1] + " s");
        }
    }

    @Test
    void aSpikeWithoutARepeatHappensOnce() {
        long[] times = until(process(new Workload.Spike("web", 10, 1000, 30, 5, 0)), 200 * SECOND);
        assertPoissonCount(count(times, 30, 35), 5000, "the spike");
        assertPoissonCount(count(times, 35, 200), 165 * 10, "after the spike");
    }

    @Test
    void aSingleSpikeOverNoBaseEndsAfterIt() {
        ArrivalProcess process = process(new Workload.Spike("web", 0, 200, 10, 5, 0));
        long[] times = until(process, 100 * SECOND);
        assertPoissonCount(times.length, 1000, "the spike");
        assertThat(times[0]).isGreaterThanOrEqualTo(10 * SECOND);
        assertThat(times[times.length - 1]).isLessThan(15 * SECOND);
        assertThat(process.next()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rapidlyRepeatingSpikesAverageOutWithoutStalling() {
        // {base, peak, duration, every}: over 100 s the count is Poisson with the time-averaged rate.
        // Whole cycles are skipped in bulk, so even a 2 µs cycle costs little per arrival.
        double[][] spikes = {{0, 1000, 0.000_001, 0.000_002}, {0, 1000, 0.001, 0.002}, {50, 1000, 0.001, 0.010}};
        for (double[] spike : spikes) {
            double average = spike[0] + (spike[1] - spike[0]) * spike[2] / spike[3];
            long[] times =
                    until(process(new Workload.Spike("web", spike[0], spike[1], 0, spike[2], spike[3])), 100 * SECOND);
            assertPoissonCount(times.length, 100 * average, "100 s of " + Arrays.toString(spike));
        }
    }

    @Test
    void overlappingSpikesStayAtThePeak() {
        long[] times = until(process(new Workload.Spike("web", 10, 500, 20, 30, 25)), 120 * SECOND);
        assertPoissonCount(count(times, 0, 20), 200, "before");
        assertPoissonCount(count(times, 20, 120), 100 * 500, "after the first spike starts");
    }

    @Test
    void aDiurnalWorkloadFollowsItsDailyCurveHourByHour() {
        double mean = 20;
        double amplitude = 0.8;
        double peakHour = 14;
        DoubleUnaryOperator rate = t -> mean * (1 + amplitude * Math.cos(2 * Math.PI * (t / 3600 - peakHour) / 24));
        long[] times = until(process(new Workload.Diurnal("web", mean, amplitude, peakHour)), 86_400 * SECOND);
        long busiest = 0;
        int busiestHour = -1;
        for (int hour = 0; hour < 24; hour++) {
            long observed = count(times, hour * 3600.0, (hour + 1) * 3600.0);
            assertPoissonCount(observed, integral(rate, hour * 3600.0, (hour + 1) * 3600.0), "hour " + hour);
            if (observed > busiest) {
                busiest = observed;
                busiestHour = hour;
            }
        }
        // The hour with the peak in its middle is 13:30–14:30; of whole hours 13 and 14 tie.
        assertThat(busiestHour).isIn(13, 14);
    }

    @Test
    void theSameSeedGivesTheSameArrivalsForEveryKindOfWorkload() {
        for (Workload workload : List.of(
                new Workload.Poisson("p", 500),
                new Workload.Ramp("r", 10, 900, 30),
                new Workload.Spike("s", 5, 700, 2, 3, 10),
                new Workload.Diurnal("d", 300, 0.6, 3))) {
            long[] first = Arrivals.first(process(workload), 10_000);
            long[] again = Arrivals.first(process(workload), 10_000);
            assertThat(again).as("%s", workload).containsExactly(first);
            long[] otherSeed = Arrivals.first(
                    uncheckedOf(workload, new RandomStreams(2027).stream(workload.trigger(), "arrivals")), 10_000);
            assertThat(otherSeed).as("%s with another seed", workload).isNotEqualTo(first);
        }
    }

    @Property(tries = 100)
    void rampArrivalsNeverGoBack(
            @ForAll @DoubleRange(min = 0, max = 5000) double from,
            @ForAll @DoubleRange(min = 0, max = 5000) double to,
            @ForAll @DoubleRange(min = 0.001, max = 100) @Scale(3) double over) {
        // first(...) checks the order.
        Arrivals.first(uncheckedOf(new Workload.Ramp("r", from, to, over), rng("r")), 2000);
    }

    @Property(tries = 100)
    void spikeArrivalsNeverGoBack(
            @ForAll @DoubleRange(min = 0, max = 1000) double base,
            @ForAll @DoubleRange(min = 0, max = 5000) double peak,
            @ForAll @DoubleRange(min = 0, max = 10) double start,
            @ForAll @DoubleRange(min = 0.001, max = 5) @Scale(3) double duration,
            @ForAll @DoubleRange(min = 0, max = 10) double every) {
        Arrivals.first(uncheckedOf(new Workload.Spike("s", base, peak, start, duration, every), rng("s")), 2000);
    }
}
