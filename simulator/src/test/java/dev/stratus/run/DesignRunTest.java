package dev.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.cost.BreakEven;
import dev.stratus.cost.DesignCost;
import dev.stratus.cost.ProviderComparison;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;
import dev.stratus.project.ProjectFiles;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.SimulationResult;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run as the studio and the command line make it. */
class DesignRunTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final PriceBook BOOK = PriceBook.standard();

    private static Project restApi() throws Exception {
        return ProjectFiles.load(SAMPLES.resolve("rest-api.stratus.json"));
    }

    private static String json(SimulationResult result) throws Exception {
        return new ObjectMapper().writeValueAsString(result.withoutWallTime());
    }

    /** Records the progress and cancels once {@code stopAt} of the job is done. */
    private static final class Watcher implements Monitor {
        final List<Double> fractions = new ArrayList<>();
        final List<Long> events = new ArrayList<>();
        private final double stopAt;

        Watcher(double stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void progress(double fraction, long done) {
            fractions.add(fraction);
            events.add(done);
        }

        @Override
        public boolean cancelled() {
            return !fractions.isEmpty() && fractions.get(fractions.size() - 1) >= stopAt;
        }
    }

    @Test
    void aRunIsTheSimulationUnderTheSettingsItsBillAndTheServerComparison() throws Exception {
        Project project = restApi();
        SimulationSettings settings =
                new SimulationSettings(600, 9).withRouting(Routing.LRU).withFreeTier(false);
        RunReport report = new DesignRun(project, SAMPLES)
                .withSettings(settings)
                .withServerHourly(0.05)
                .run(Monitor.NONE);

        SimulationResult direct = new DesignSimulation(project, SAMPLES, 600, 9, Routing.LRU).run(Monitor.NONE);
        assertThat(json(report.simulation())).isEqualTo(json(direct));
        assertThat(report.settings()).isEqualTo(settings);
        assertThat(report.partial()).isFalse();
        DesignCost noFree = DesignCost.of(project, direct, BOOK, false);
        assertThat(report.cost()).isEqualTo(noFree);
        assertThat(report.breakEven())
                .isEqualTo(
                        BreakEven.of(direct, noFree, BOOK.server(), 0.05, DesignCost.cpuBoundShare(project, direct)));
        assertThat(report.comparison()).isEmpty();
    }

    @Test
    void theProjectsOwnSettingsApplyUnlessOthersAreGiven() throws Exception {
        Project project = restApi().withSettings(new SimulationSettings(300, 2).withFreeTier(false));
        RunReport report = new DesignRun(project, SAMPLES).run(Monitor.NONE);
        assertThat(report.simulation().simulatedSeconds()).isEqualTo(300);
        assertThat(report.simulation().seed()).isEqualTo(2);
        assertThat(report.cost()).isEqualTo(DesignCost.of(project, report.simulation(), BOOK, false));
    }

    @Test
    void aDesignWithErrorsOnItsProviderIsNotRun() {
        Project lonely = dev.stratus.model.Designs.design()
                .add(new HttpTrigger("web", "web"))
                .project();
        assertThatThrownBy(() -> new DesignRun(lonely, SAMPLES).run(Monitor.NONE))
                .isInstanceOfSatisfying(
                        InvalidDesignException.class,
                        e -> assertThat(e.errors())
                                .isNotEmpty()
                                .allSatisfy(p -> assertThat(p.isError()).isTrue())
                                .extracting(Problem::subject)
                                .contains("web"));
    }

    @Test
    void aComparisonHasEveryProviderInOrderSimulatingTheProjectsOwnOnlyOnce() throws Exception {
        // 10,240 MB: too much for some providers, which get their first error instead of figures.
        Project project = restApi();
        FunctionNode big =
                project.architecture().nodesOf(FunctionNode.class).findFirst().orElseThrow();
        project = project.withArchitecture(project.architecture().replacing(big.withMemoryMb(10_240)));
        SimulationSettings settings = new SimulationSettings(300, 1).withCompareProviders(true);
        Watcher watcher = new Watcher(2);
        RunReport report =
                new DesignRun(project, SAMPLES).withSettings(settings).run(watcher);

        assertThat(report.comparison())
                .extracting(ProviderComparison::provider)
                .containsExactlyElementsOf(
                        Arrays.stream(Provider.values()).map(Provider::id).toList());
        assertThat(report.comparison().get(0))
                .isEqualTo(ProviderComparison.of(Provider.AWS, report.simulation(), report.cost()));
        long events = report.simulation().events();
        for (Provider provider : Provider.values()) {
            Project there = project.withProvider(provider);
            ProviderComparison row = report.comparison().get(provider.ordinal());
            List<Problem> errors = new Validator()
                    .validate(there).stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                assertThat(row.error()).isEqualTo(errors.get(0).message());
                assertThat(row.monthlyCost()).isZero();
                continue;
            }
            assertThat(row.error()).isNull();
            assertThat(row.functionsCost() + row.gatewayCost() + row.servicesCost())
                    .isCloseTo(row.monthlyCost(), within(row.monthlyCost() * 1e-12));
            if (provider != Provider.AWS) {
                SimulationResult r = new DesignSimulation(there, SAMPLES, 300, 1, Routing.NEWEST).run(Monitor.NONE);
                events += r.events();
                assertThat(row).isEqualTo(ProviderComparison.of(provider, r, DesignCost.of(there, r, BOOK, true)));
            }
        }
        assertThat(report.comparison())
                .extracting(ProviderComparison::error)
                .filteredOn(java.util.Objects::nonNull)
                .hasSize(4);
        // The progress covers every simulation once: it ends at 1 with all their events.
        assertThat(watcher.fractions).isSorted().endsWith(1.0);
        assertThat(watcher.events).isSorted().endsWith(events);
    }

    @Test
    void cancelledDuringTheMainRunItKeepsWhatWasSimulatedPricedOverThatTime() throws Exception {
        SimulationSettings settings = new SimulationSettings(3_600, 1).withCompareProviders(true);
        RunReport report =
                new DesignRun(restApi(), SAMPLES).withSettings(settings).run(new Watcher(0));
        assertThat(report.partial()).isTrue();
        double seconds = report.simulation().simulatedSeconds();
        assertThat(seconds).isPositive().isLessThan(3_600);
        assertThat(report.cost()).isNotNull();
        assertThat(report.cost().period())
                .isCloseTo(report.cost().monthly().total() * seconds / (30 * 86_400), within(1e-9));
        assertThat(report.breakEven()).isNotNull();
        assertThat(report.comparison()).isEmpty();
    }

    @Test
    void cancelledBeforeItStartsItHasNoTimeAndNoBill() throws Exception {
        Monitor cancelled = new Monitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        RunReport report = new DesignRun(restApi(), SAMPLES).run(cancelled);
        assertThat(report.partial()).isTrue();
        assertThat(report.simulation().simulatedSeconds()).isZero();
        assertThat(report.cost()).isNull();
        assertThat(report.breakEven()).isNull();
    }

    @Test
    void cancelledDuringTheComparisonItKeepsTheWholeMainRunAndNoComparison() throws Exception {
        // Six runs: the first (the project's own) ends at 1/6 of the job.
        SimulationSettings settings = new SimulationSettings(300, 1).withCompareProviders(true);
        RunReport report =
                new DesignRun(restApi(), SAMPLES).withSettings(settings).run(new Watcher(1.0 / 6));
        assertThat(report.partial()).isFalse();
        assertThat(report.simulation().simulatedSeconds()).isEqualTo(300);
        assertThat(report.cost()).isNotNull();
        assertThat(report.comparison()).isEmpty();
    }

    @Test
    void aServerPriceMustBeAboveZero() throws Exception {
        assertThatThrownBy(() -> new DesignRun(restApi(), SAMPLES).withServerHourly(0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 0");
    }
}
