package dev.stratus.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.learn.ExperimentResult.Outcome;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.SimulationSettings;
import dev.stratus.project.ProjectFiles;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Experiments run on the samples: two runs (three providers) and a sentence with their numbers. */
class ExperimentsTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    /** Half an hour: long enough for the spike (from 60 s) and a 10-minute keep-alive, and quick. */
    private static final SimulationSettings SETTINGS = new SimulationSettings(1800, 7);

    private static Project sample(String name) throws Exception {
        return ProjectFiles.load(SAMPLES.resolve(name + ".stratus.json"));
    }

    private static ExperimentResult run(Experiment experiment, Project project) throws Exception {
        return Experiments.run(experiment, project, SAMPLES, SETTINGS, Monitor.NONE);
    }

    static Stream<Arguments> experimentsOnSamples() {
        List<Arguments> cases = new ArrayList<>();
        for (String sample : List.of("rest-api", "order-pipeline")) {
            for (Experiment experiment : Experiment.values()) {
                cases.add(Arguments.of(experiment, sample));
            }
        }
        return cases.stream();
    }

    /** The figures each experiment's sentence must quote, formatted from the runs' reports. */
    private static List<String> quoted(Experiment experiment, List<RunFigures> f) {
        RunFigures a = f.get(0);
        RunFigures b = f.get(1);
        return switch (experiment) {
            case KEEP_ALIVE ->
                List.of(Numbers.count(a.coldStarts()), Numbers.count(b.coldStarts()), Numbers.ms(a.p95Ms()));
            case TRAFFIC ->
                List.of(
                        Numbers.count(a.requests()),
                        Numbers.count(b.requests()),
                        Numbers.percent(a.coldStartShare()),
                        Numbers.percent(b.coldStartShare()),
                        Numbers.usd(a.monthlyUsd()),
                        Numbers.usd(b.monthlyUsd()));
            case MEMORY ->
                List.of(
                        Numbers.ms(a.meanRunMs()),
                        Numbers.ms(b.meanRunMs()),
                        Numbers.ms(b.p95Ms()),
                        Numbers.usd(a.monthlyUsd()),
                        Numbers.usd(b.monthlyUsd()));
            case PROVISIONED ->
                List.of(Numbers.count(a.coldStarts()), Numbers.usd(b.monthlyUsd()), Numbers.usd(b.provisionedUsd()));
            case SPIKE_VS_LIMIT -> List.of(Numbers.count(a.throttles()), Numbers.count(b.throttles()));
            case PROVIDERS -> f.stream().map(r -> Numbers.usd(r.monthlyUsd())).toList();
        };
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("experimentsOnSamples")
    void everyExperimentRunsItsVariantsAndSaysWhatChangedInTheirNumbers(Experiment experiment, String name)
            throws Exception {
        Project project = sample(name);
        ExperimentResult result = run(experiment, project);

        assertThat(result.outcomes()).hasSize(experiment == Experiment.PROVIDERS ? 3 : 2);
        assertThat(result.outcomes()).allMatch(Outcome::ran);
        assertThat(result.outcomes())
                .allSatisfy(
                        o -> assertThat(o.report().settings().durationSeconds()).isEqualTo(1800));
        List<RunFigures> figures =
                result.outcomes().stream().map(Outcome::figures).toList();
        assertThat(figures).allSatisfy(f -> assertThat(f.requests()).isPositive());
        assertThat(result.sentence()).contains(quoted(experiment, figures));
    }

    @Test
    void keepAliveZeroStartsEveryInvocationColdAndTenMinutesKeepsMostWarm() throws Exception {
        ExperimentResult result = run(Experiment.KEEP_ALIVE, sample("rest-api"));
        RunFigures none = result.outcomes().get(0).figures();
        RunFigures tenMinutes = result.outcomes().get(1).figures();

        assertThat(none.coldStarts()).isEqualTo(none.invocations());
        assertThat(tenMinutes.coldStarts()).isLessThan(none.invocations() / 100);
        assertThat(none.p95Ms()).isGreaterThan(tenMinutes.p95Ms());
        assertThat(result.sentence())
                .startsWith("With a keep-alive of 0, " + Numbers.count(none.coldStarts()) + " of "
                        + Numbers.count(none.invocations()) + " invocations started cold (100 %)")
                .contains("an idle execution environment is reclaimed");
    }

    @Test
    void aSpikeAgainstAConcurrencyLimitIsThrottledOnlyWhereTheLimitIs() throws Exception {
        ExperimentResult result = run(Experiment.SPIKE_VS_LIMIT, sample("rest-api"));
        RunFigures limited = result.outcomes().get(0).figures();
        RunFigures free = result.outcomes().get(1).figures();

        assertThat(result.outcomes().get(0).variant().label()).isEqualTo("reserved concurrency 5");
        assertThat(limited.throttles()).isPositive();
        assertThat(free.throttles()).isZero();
        assertThat(result.outcomes().get(0).report().simulation().functions())
                .allSatisfy(f -> assertThat(f.peakInstances()).isLessThanOrEqualTo(Experiment.SPIKE_LIMIT));
        // 50/s at the HTTP trigger, ten times that in the spike.
        assertThat(result.sentence()).contains("In the spike to 500/s, " + Numbers.count(limited.throttles()));
    }

    @Test
    void provisionedForThePeakOfTheFirstRunRemovesColdStartsAndBillsTheWarmInstances() throws Exception {
        ExperimentResult result = run(Experiment.PROVISIONED, sample("rest-api"));
        Outcome without = result.outcomes().get(0);
        Outcome with = result.outcomes().get(1);

        for (FunctionNode f : with.variant()
                .project()
                .architecture()
                .nodesOf(FunctionNode.class)
                .toList()) {
            int peak = without.report().simulation().functions().stream()
                    .filter(r -> r.id().equals(f.id()))
                    .findFirst()
                    .orElseThrow()
                    .peakInstances();
            assertThat(f.provisionedConcurrency()).isEqualTo(peak);
        }
        assertThat(with.figures().coldStarts()).isLessThan(without.figures().coldStarts());
        assertThat(with.figures().provisionedUsd()).isPositive();
        assertThat(without.figures().provisionedUsd()).isZero();
        assertThat(result.variants())
                .extracting(Variant::label)
                .containsExactly("no provisioned concurrency", "provisioned concurrency for the peak");
    }

    @Test
    void aVariantTheProviderRejectsIsReportedWithTheValidatorsReason() throws Exception {
        Project onAzure = sample("rest-api").withProvider(Provider.AZURE);
        ExperimentResult result = run(Experiment.MEMORY, onAzure);

        Outcome big = result.outcomes().get(1);
        String reason = new Validator()
                .validate(big.variant().project()).stream()
                        .filter(Problem::isError)
                        .findFirst()
                        .orElseThrow()
                        .message();
        assertThat(result.outcomes().get(0).ran()).isTrue();
        assertThat(big.ran()).isFalse();
        assertThat(big.problem()).isEqualTo(reason).contains("1,536 MB");
        assertThat(result.sentence()).contains("1,769 MB could not run: " + reason);
    }

    @Test
    void trafficCannotRunOnADesignWithoutAWorkloadAndSaysWhatToAdd() throws Exception {
        Project nightly = sample("nightly-report");
        assertThat(Experiment.TRAFFIC.whyNot(nightly))
                .hasValueSatisfying(r -> assertThat(r).contains("add traffic"));
        assertThatThrownBy(() -> run(Experiment.TRAFFIC, nightly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no workload");
        assertThat(Experiment.KEEP_ALIVE.whyNot(nightly)).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameSentence() throws Exception {
        Project project = sample("order-pipeline");
        assertThat(run(Experiment.TRAFFIC, project).sentence())
                .isEqualTo(run(Experiment.TRAFFIC, project).sentence());
    }

    @Test
    void stoppingAnExperimentCancelsIt() throws Exception {
        Monitor stop = new Monitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> Experiments.run(Experiment.KEEP_ALIVE, sample("rest-api"), SAMPLES, SETTINGS, stop))
                .isInstanceOf(CancellationException.class);
    }
}
