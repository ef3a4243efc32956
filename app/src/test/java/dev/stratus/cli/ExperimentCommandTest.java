package dev.stratus.cli;

import static dev.stratus.cli.CliRun.stratus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.learn.Experiment;
import dev.stratus.learn.Numbers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExperimentCommandTest {

    private static final String REST_API =
            Path.of("..", "samples", "rest-api.stratus.json").toString();

    @Test
    void listNamesEveryExperimentWithItsQuestion() {
        CliRun run = stratus("experiment", "--list");
        assertThat(run.status()).isZero();
        for (Experiment experiment : Experiment.values()) {
            assertThat(run.out()).contains(experiment.id(), experiment.question());
        }
    }

    @Test
    void keepAlivePrintsARowPerVariantAndTheSentenceWithTheirFigures() throws Exception {
        CliRun run = stratus("experiment", "keep-alive", REST_API, "--duration", "20m", "--seed", "3");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();

        JsonNode json = new ObjectMapper()
                .readTree(stratus("experiment", "keep-alive", REST_API, "--duration", "20m", "--seed", "3", "--json")
                        .out());
        assertThat(json.get("durationSeconds").asDouble()).isEqualTo(1200);
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        JsonNode variants = json.get("variants");
        assertThat(variants).hasSize(2);
        assertThat(variants.get(0)
                        .get("functions")
                        .get(0)
                        .get("keepAlive")
                        .get("seconds")
                        .asDouble())
                .isZero();
        assertThat(variants.get(1)
                        .get("functions")
                        .get(0)
                        .get("keepAlive")
                        .get("seconds")
                        .asDouble())
                .isEqualTo(600);
        for (JsonNode variant : variants) {
            JsonNode figures = variant.get("figures");
            String row = run.out()
                    .lines()
                    .filter(line -> line.startsWith("  " + variant.get("label").asText() + " "))
                    .findFirst()
                    .orElseThrow();
            assertThat(row)
                    .contains(
                            Numbers.count(figures.get("requests").asLong()),
                            Numbers.percent(figures.get("coldStartShare").asDouble()),
                            Numbers.ms(figures.get("p95Ms").asDouble()),
                            Numbers.usd(figures.get("monthlyUsd").asDouble()));
        }
        String sentence = json.get("sentence").asText();
        assertThat(run.out()).endsWith(sentence + System.lineSeparator());
        assertThat(sentence)
                .contains(Numbers.count(
                        variants.get(0).get("figures").get("coldStarts").asLong()))
                .contains(Numbers.count(
                        variants.get(1).get("figures").get("coldStarts").asLong()));
    }

    @Test
    void anInvalidVariantIsShownWithItsReasonAndTheRestStillRuns() {
        CliRun run = stratus("experiment", "providers", REST_API, "--duration", "5m");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("AWS Lambda", "Azure Functions (Consumption)", "Google Cloud Functions (1st gen)");
    }

    @Test
    void anUnknownExperimentOrADesignItCannotRunOnIsOneLine() {
        CliRun unknown = stratus("experiment", "colour", REST_API);
        assertThat(unknown.status()).isEqualTo(StratusCommand.UNUSABLE);
        assertThat(unknown.err().strip())
                .isEqualTo("stratus: the experiment must be one of keep-alive, traffic, memory, provisioned,"
                        + " spike, providers, not 'colour'");

        String nightly = Path.of("..", "samples", "nightly-report.stratus.json").toString();
        CliRun noTraffic = stratus("experiment", "traffic", nightly);
        assertThat(noTraffic.status()).isEqualTo(StratusCommand.PROBLEMS);
        assertThat(noTraffic.err().lines()).hasSize(1);
        assertThat(noTraffic.err()).startsWith("stratus: " + nightly + ": The design has no workload");

        CliRun missing = stratus("experiment", "memory");
        assertThat(missing.status()).isEqualTo(StratusCommand.UNUSABLE);
        assertThat(missing.err()).contains("--list");
    }
}
