package dev.stratus.cost;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.Distribution;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Routing;
import dev.stratus.model.Workload;
import dev.stratus.project.ProjectFiles;
import dev.stratus.provider.Bill;
import dev.stratus.provider.CostModel;
import dev.stratus.provider.FunctionUsage;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each node's share of the bill. */
class NodeCostTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final PriceBook BOOK = PriceBook.standard();

    private static SimulationResult simulate(Project project, double seconds) throws Exception {
        return new DesignSimulation(project, SAMPLES, seconds, 1, Routing.NEWEST).run(Monitor.NONE);
    }

    private static double sum(DesignCost cost) {
        return cost.byNode().stream().mapToDouble(NodeCost::monthly).sum();
    }

    @ParameterizedTest
    @CsvSource({
        "rest-api.stratus.json, aws, true",
        "rest-api.stratus.json, aws, false",
        "order-pipeline.stratus.json, aws, true",
        "order-pipeline.stratus.json, gcp, false",
        "image-thumbnailer.stratus.json, azure, true"
    })
    void theSharesAddUpToTheBill(String sample, String provider, boolean freeTier) throws Exception {
        Project project = ProjectFiles.load(SAMPLES.resolve(sample))
                .withProvider(Provider.fromId(provider).orElseThrow());
        DesignCost cost = DesignCost.of(project, simulate(project, 1_800), BOOK, freeTier);
        assertThat(cost.monthly().total()).isPositive();
        assertThat(sum(cost))
                .isCloseTo(cost.monthly().total(), within(cost.monthly().total() * 1e-9));
        assertThat(cost.byNode()).allSatisfy(n -> assertThat(n.monthly()).isNotNegative());
    }

    @Test
    void everyFunctionAndOnAwsEveryPricedGatewayAndServiceIsListedInDesignOrder() throws Exception {
        Project project = ProjectFiles.load(SAMPLES.resolve("rest-api.stratus.json"));
        List<String> functionsGatewaysAndServices = project.architecture().nodes().stream()
                .filter(n -> !n.kind().isTrigger())
                .map(n -> n.id())
                .toList();
        DesignCost aws = DesignCost.of(project, simulate(project, 600), BOOK, true);
        assertThat(aws.byNode()).extracting(NodeCost::id).containsExactlyElementsOf(functionsGatewaysAndServices);
        assertThat(aws.byNode()).extracting(NodeCost::kind).contains("function", "api-gateway", "database");

        Project gcp = project.withProvider(Provider.GCP);
        DesignCost onGcp = DesignCost.of(gcp, simulate(gcp, 600), BOOK, true);
        assertThat(onGcp.byNode()).extracting(NodeCost::kind).containsOnly("function");
    }

    /** Two functions of 1 GB behind their own triggers, 10 requests a second each. */
    private static Project twoFunctions(double aMs, double bMs) {
        return design().add(new HttpTrigger("wa", "wa"))
                .add(new HttpTrigger("wb", "wb"))
                .add(FunctionNode.of("a", "a").withMemoryMb(1024).withExecution(Distribution.constant(aMs)))
                .add(FunctionNode.of("b", "b").withMemoryMb(1024).withExecution(Distribution.constant(bMs)))
                .connect("wa", "a")
                .connect("wb", "b")
                .workload(new Workload.Constant("wa", 10))
                .workload(new Workload.Constant("wb", 10))
                .project();
    }

    @Test
    void eachFunctionsShareIsInProportionToWhatItWouldCostAlone() throws Exception {
        Project project = twoFunctions(100, 300);
        SimulationResult result = simulate(project, 3_600);
        // Without the free tier and below the first tier's end, the shares are the costs alone.
        DesignCost noFree = DesignCost.of(project, result, BOOK, false);
        double scale = CostModel.MONTH_SECONDS / result.simulatedSeconds();
        double[] alone = new double[2];
        for (int i = 0; i < 2; i++) {
            FunctionResult f = result.functions().get(i);
            FunctionNode node =
                    (FunctionNode) project.architecture().node(f.id()).orElseThrow();
            Bill own = new CostModel(BOOK, false)
                    .bill(List.of(new FunctionUsage(
                            f.name(),
                            Provider.AWS,
                            node.architecture(),
                            f.memoryMb(),
                            Math.round(f.invocations() * scale),
                            f.billedSeconds() * scale,
                            0,
                            0)));
            alone[i] = own.total();
            assertThat(noFree.byNode().get(i).monthly()).isCloseTo(alone[i], within(alone[i] * 1e-9));
        }
        // With the free tier the allowance is shared in the same proportion.
        DesignCost free = DesignCost.of(project, result, BOOK, true);
        assertThat(free.monthly().total()).isLessThan(noFree.monthly().total());
        assertThat(free.byNode().get(1).monthly() / free.byNode().get(0).monthly())
                .isCloseTo(alone[1] / alone[0], within(1e-9));
    }

    @Test
    void aPartNobodyWouldPayAloneIsSplitEvenly() {
        assertThat(NodeShares.split(3, new double[] {0, 0, 0})).containsExactly(1, 1, 1);
        assertThat(NodeShares.split(10, new double[] {1, 3})).containsExactly(2.5, 7.5);
        assertThat(NodeShares.split(0, new double[] {0, 0})).containsExactly(0, 0);
    }
}
