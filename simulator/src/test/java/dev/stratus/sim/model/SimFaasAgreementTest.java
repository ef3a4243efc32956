package dev.stratus.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.Routing;
import dev.stratus.sim.model.ModelSettings.Arrival;
import dev.stratus.sim.model.ModelSettings.Service;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@code stratus model} against SimFaaS (Mahmoudi &amp; Khazaei, CLOSER 2021) and the AWS Lambda
 * measurements published with it.
 */
class SimFaasAgreementTest {

    private static ModelResult run(double rate, double warm, double cold, double duration, long seed) {
        return new ModelSimulation(new ModelSettings(
                        rate,
                        warm,
                        cold,
                        600,
                        1000,
                        duration,
                        seed,
                        Arrival.POISSON,
                        Service.EXPONENTIAL,
                        Routing.NEWEST))
                .run();
    }

    @Test
    void agreesWithSimFaasPublishedRunWithinTheSpreadOfSeeds() {
        // SimFaaS's README: λ = 0.9/s, warm 1.991 s, cold 2.244 s, keep-alive 600 s, 10^6 s simulated:
        // 1,213 cold starts of 898,469 requests, 7.66 instances on average, 1.79 of them busy.
        int seeds = 8;
        double[] cold = new double[seeds];
        double[] instances = new double[seeds];
        double[] busy = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            ModelResult result = run(0.9, 1.991, 2.244, 1_000_000, seed + 1);
            cold[seed] = result.coldStarts();
            instances[seed] = result.averageInstances();
            busy[seed] = result.averageBusyInstances();
        }
        assertWithinSpread("cold starts", cold, 1_213);
        assertWithinSpread("average instances", instances, 7.66);
        assertWithinSpread("average busy instances", busy, 1.79);
    }

    /** The published value lies within three standard deviations of our seeds' mean (or 1% of it). */
    private static void assertWithinSpread(String what, double[] values, double published) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean) / (values.length - 1);
        }
        double allowed = Math.max(3 * Math.sqrt(variance), 0.01 * mean);
        assertThat(Math.abs(mean - published))
                .as("%s: our mean %.3f, sd %.3f, SimFaaS %.3f", what, mean, Math.sqrt(variance), published)
                .isLessThanOrEqualTo(allowed);
    }

    record Experiment(String name, double rate, double instances, double coldProbability, double coldStandardError) {}

    static List<Experiment> experiments() throws IOException {
        List<Experiment> experiments = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SimFaasAgreementTest.class.getResourceAsStream(
                        "/reference/aws-lambda-measurements-simfaas.csv")),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                experiments.add(new Experiment(
                        f[0],
                        Double.parseDouble(f[1]),
                        Double.parseDouble(f[5]),
                        Double.parseDouble(f[7]),
                        Double.parseDouble(f[8])));
            }
        }
        return experiments;
    }

    @Test
    void landsOnTheAwsLambdaMeasurementsAboutAsOftenAsSimFaasDoes() throws IOException {
        // SimFaaS reports a 12% mean error on the cold-start probability and 3% on the instance count
        // against these experiments. With the warm and cold times it fitted (1.98134 s, 2.30374 s) and
        // seed 1, Stratus measured 12.5% and 3.6%, and 16 of the 20 cold-start probabilities within two
        // of the measurement's standard errors (9 within one). The bounds leave a little room for a
        // change of random streams, not for a change of model.
        List<Experiment> experiments = experiments();
        assertThat(experiments).hasSize(20);
        double coldError = 0;
        double instanceError = 0;
        int withinTwoErrors = 0;
        for (Experiment e : experiments) {
            // Long enough for about 300,000 requests, and at least the 10^6 s SimFaaS runs.
            ModelResult result = run(e.rate(), 1.98134, 2.30374, Math.max(1e6, 300_000 / e.rate()), 1);
            coldError += Math.abs(result.coldStartProbability() - e.coldProbability()) / e.coldProbability();
            instanceError += Math.abs(result.averageInstances() - e.instances()) / e.instances();
            if (Math.abs(result.coldStartProbability() - e.coldProbability()) <= 2 * e.coldStandardError()) {
                withinTwoErrors++;
            }
        }
        assertThat(coldError / experiments.size())
                .as("mean relative error of the cold-start probability")
                .isLessThan(0.15);
        assertThat(instanceError / experiments.size())
                .as("mean relative error of the instance count")
                .isLessThan(0.05);
        assertThat(withinTwoErrors).as("experiments within two standard errors").isGreaterThanOrEqualTo(14);
    }
}
