package dev.stratus.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Routing;
import dev.stratus.sim.model.ModelSettings.Arrival;
import dev.stratus.sim.model.ModelSettings.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The model against results that are known exactly: queueing theory and hand arithmetic. */
class ModelSimulationTest {

    private static ModelResult run(
            double rate, double warm, double cold, double keepAlive, int max, double duration, long seed) {
        return new ModelSimulation(new ModelSettings(
                        rate,
                        warm,
                        cold,
                        keepAlive,
                        max,
                        duration,
                        seed,
                        Arrival.POISSON,
                        Service.EXPONENTIAL,
                        Routing.NEWEST))
                .run();
    }

    @Test
    void busyInstancesFollowLittlesLaw() {
        // L = λ W: with no rejections the mean number in service is the arrival rate times the mean
        // service time, mixing warm and cold requests by their share.
        ModelResult result = run(5, 0.4, 1.2, 60, 1000, 200_000, 7);
        double coldShare = result.coldStartProbability();
        double meanService = coldShare * 1.2 + (1 - coldShare) * 0.4;
        double arrivalRate = result.requests() / result.simulatedSeconds();
        assertThat(result.averageBusyInstances())
                .isCloseTo(arrivalRate * meanService, within(0.01 * arrivalRate * meanService));
        assertThat(result.meanResponseTime()).isCloseTo(meanService, within(0.01 * meanService));
    }

    @ParameterizedTest
    @EnumSource(Routing.class)
    void keepAliveZeroMakesEveryRequestCold(Routing routing) {
        ModelResult result = new ModelSimulation(new ModelSettings(
                        2, 0.1, 0.3, 0, 1000, 10_000, 3, Arrival.POISSON, Service.EXPONENTIAL, routing))
                .run();
        assertThat(result.requests()).isGreaterThan(19_000);
        assertThat(result.coldStarts()).isEqualTo(result.requests());
        assertThat(result.averageIdleInstances()).isZero();
        assertThat(result.utilization()).isEqualTo(1.0);
    }

    /** Erlang's loss formula B(c, a) for c servers and offered load a, by its stable recursion. */
    static double erlangB(int servers, double load) {
        double b = 1;
        for (int k = 1; k <= servers; k++) {
            b = load * b / (k + load * b);
        }
        return b;
    }

    @Test
    void withNoExpiryALimitedPoolLosesRequestsAsErlangBSays() {
        record Case(int servers, double rate, double service) {}
        for (Case c : new Case[] {new Case(5, 4, 1), new Case(10, 9, 1), new Case(20, 25, 0.8), new Case(50, 45, 1)}) {
            ModelResult result =
                    run(c.rate(), c.service(), c.service(), Double.POSITIVE_INFINITY, c.servers(), 400_000, 11);
            double expected = erlangB(c.servers(), c.rate() * c.service());
            assertThat(result.rejectionProbability())
                    .as("%s: Erlang B = %.5f", c, expected)
                    .isCloseTo(expected, within(0.02 * expected));
        }
    }

    @Test
    void erlangBHoldsForConstantServiceTimesToo() {
        // The loss formula depends on the mean service time alone.
        ModelResult result = new ModelSimulation(new ModelSettings(
                        9,
                        1,
                        1,
                        Double.POSITIVE_INFINITY,
                        10,
                        400_000,
                        5,
                        Arrival.POISSON,
                        Service.CONSTANT,
                        Routing.MRU))
                .run();
        double expected = erlangB(10, 9);
        assertThat(result.rejectionProbability()).isCloseTo(expected, within(0.02 * expected));
    }

    @Test
    void constantArrivalsAndServiceGiveExactInstanceCounts() {
        // One request a second, each taking 2.5 s: three instances, created at 1, 2 and 3 s, then
        // reused in turn; busy 2.5 of every second from the start of the third instance.
        ModelResult result = new ModelSimulation(new ModelSettings(
                        1, 2.5, 2.5, 3600, 1000, 1000, 1, Arrival.CONSTANT, Service.CONSTANT, Routing.NEWEST))
                .run();
        assertThat(result.requests()).isEqualTo(999);
        assertThat(result.coldStarts()).isEqualTo(3);
        assertThat(result.rejections()).isZero();
        // Instances: one from 1 s, two from 2 s, three from 3 s to the end (1000 s).
        double instanceSeconds = 999 + 998 + 997;
        assertThat(result.averageInstances()).isCloseTo(instanceSeconds / 1000, within(1e-9));
        // Busy: 999 requests of 2.5 s, but the ones from 998 s and 999 s are cut at 1000 s.
        double busySeconds = 997 * 2.5 + 2 + 1;
        assertThat(result.averageBusyInstances()).isCloseTo(busySeconds / 1000, within(1e-9));
    }

    @Test
    void constantArrivalsFasterThanTheLimitAreRejectedExactly() {
        // Ten requests a second of 1 s each against a limit of 5: five instances, each free again just
        // as the request one second after its last arrives (departures go first at a tie), so in every
        // second five requests are served and five rejected.
        ModelResult result = new ModelSimulation(
                        new ModelSettings(10, 1, 1, 600, 5, 100, 1, Arrival.CONSTANT, Service.CONSTANT, Routing.NEWEST))
                .run();
        assertThat(result.requests()).isEqualTo(999);
        assertThat(result.coldStarts()).isEqualTo(5);
        assertThat(result.rejectionProbability()).isCloseTo(0.5, within(0.01));
    }

    @Test
    void theSameSeedGivesByteIdenticalJsonButWallTime() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ModelResult first = run(0.9, 1.991, 2.244, 600, 1000, 100_000, 42);
        ModelResult second = run(0.9, 1.991, 2.244, 600, 1000, 100_000, 42);
        ModelResult other = run(0.9, 1.991, 2.244, 600, 1000, 100_000, 43);
        assertThat(json.writeValueAsString(withoutWall(first))).isEqualTo(json.writeValueAsString(withoutWall(second)));
        assertThat(json.writeValueAsString(withoutWall(first)))
                .isNotEqualTo(json.writeValueAsString(withoutWall(other)));
    }

    private static ModelResult withoutWall(ModelResult r) {
        return new ModelResult(
                r.requests(),
                r.coldStarts(),
                r.rejections(),
                r.coldStartProbability(),
                r.rejectionProbability(),
                r.averageInstances(),
                r.averageBusyInstances(),
                r.averageIdleInstances(),
                r.utilization(),
                r.meanResponseTime(),
                r.simulatedSeconds(),
                0);
    }
}
