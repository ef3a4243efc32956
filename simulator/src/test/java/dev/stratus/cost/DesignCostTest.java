package dev.stratus.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.Architecture;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.KeepAlive;
import dev.stratus.model.Layout;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Routing;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.Workload;
import dev.stratus.provider.PriceBook;
import dev.stratus.sim.engine.Monitor;
import dev.stratus.sim.graph.DesignSimulation;
import dev.stratus.sim.result.FunctionResult;
import dev.stratus.sim.result.SimulationResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignCostTest {

    /** One function of constant work behind an HTTP trigger at a constant 10 requests a second. */
    private static Project design(Provider provider, double workMs, int memoryMb) {
        FunctionNode fn = new FunctionNode(
                "fn",
                "fn",
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
                KeepAlive.fixed(3600),
                Distribution.constant(workMs),
                Distribution.constant(0),
                null);
        return new Project(
                "cost",
                "",
                provider,
                SimulationSettings.DEFAULT,
                new Architecture(List.of(new HttpTrigger("web", "web"), fn), List.of(Edge.of("e", "web", "fn"))),
                List.of(new Workload.Constant("web", 10)),
                Layout.EMPTY);
    }

    private static SimulationResult simulate(Project project, double seconds) throws Exception {
        return new DesignSimulation(project, Path.of("."), seconds, 1, Routing.NEWEST).run(Monitor.NONE);
    }

    @Test
    void theSimulationRoundsEachRunAsItsProviderBills() throws Exception {
        // Runs are billed when they end; latency().count() is the runs that ended.
        // Google 1st gen rounds up to 100 ms: 260 ms runs bill as 300 ms each.
        FunctionResult gcp =
                simulate(design(Provider.GCP, 260, 256), 600).functions().get(0);
        assertThat(gcp.latency().count()).isGreaterThan(5_990);
        assertThat(gcp.billedSeconds()).isCloseTo(gcp.latency().count() * 0.3, within(1e-6));
        // Azure Consumption bills at least 100 ms: 20 ms runs bill 100 ms each.
        FunctionResult azure =
                simulate(design(Provider.AZURE, 20, 256), 600).functions().get(0);
        assertThat(azure.billedSeconds()).isCloseTo(azure.latency().count() * 0.1, within(1e-6));
        // AWS rounds to 1 ms.
        FunctionResult aws =
                simulate(design(Provider.AWS, 20.4, 256), 600).functions().get(0);
        assertThat(aws.billedSeconds()).isCloseTo(aws.latency().count() * 0.021, within(1e-6));
    }

    @Test
    void aSimulatedHourIsScaledToA30DayMonthBeforeTheFreeTier() throws Exception {
        Project project = design(Provider.AWS, 100, 1024);
        SimulationResult result = simulate(project, 3_600);
        DesignCost cost = DesignCost.of(project, result, PriceBook.standard(), true);
        // 35,999 requests an hour (the first at 0.1 s), 720 hours in 30 days.
        assertThat(result.entries().get(0).requests()).isEqualTo(35_999);
        assertThat(cost.monthlyRequests()).isCloseTo(35_999 * 720.0, within(1e-3));
        // Compute: the runs that ended (35,998: the last is cut off by the end) × 0.1 s × 1 GB × 720
        // = 2,591,856 GB-s; 400,000 free; the rest at $0.0000166667.
        FunctionResult f = result.functions().get(0);
        assertThat(f.latency().count()).isEqualTo(35_998);
        assertThat(f.billedSeconds()).isCloseTo(35_998 * 0.1, within(1e-6));
        double gbSeconds = 35_998 * 0.1 * 720;
        assertThat(cost.monthly().compute()).isCloseTo((gbSeconds - 400_000) * 0.0000166667, within(1e-6));
        // Requests: 25,919,280 − 1,000,000 free, at $0.20 per million.
        assertThat(cost.monthly().requests()).isCloseTo((35_999 * 720 - 1_000_000) * 0.20 / 1e6, within(1e-6));
        // The simulated hour is the month pro rata.
        assertThat(cost.perMillionRequests()).isCloseTo(cost.monthly().total() / (35_999 * 720 / 1e6), within(1e-9));
    }

    @Test
    void theMonthIsTheSameWhateverLengthOfSteadyTrafficIsSimulated() throws Exception {
        // Steady traffic: two simulated hours make the same month as one, and twice the period's bill.
        Project project = design(Provider.AWS, 100, 1024);
        DesignCost hour = DesignCost.of(project, simulate(project, 3_600), PriceBook.standard(), false);
        DesignCost twoHours = DesignCost.of(project, simulate(project, 7_200), PriceBook.standard(), false);
        assertThat(twoHours.monthly().total())
                .isCloseTo(hour.monthly().total(), within(hour.monthly().total() * 1e-3));
        assertThat(twoHours.period()).isCloseTo(2 * hour.period(), within(hour.period() * 2e-3));
    }

    @Test
    void atTheBreakEvenRateServerlessCostsWhatOneServerDoes() throws Exception {
        Project project = design(Provider.AWS, 100, 1024);
        SimulationResult result = simulate(project, 3_600);
        DesignCost noFree = DesignCost.of(project, result, PriceBook.standard(), false);
        var server = PriceBook.standard().server();
        BreakEven cheap = BreakEven.of(result, noFree, server, 0.01, 1.0);
        assertThat(cheap.breakEvenRequestsPerSecond()).isNotNull().isLessThan(10.0);
        // Simulate the design again at the break-even rate and price it: it costs one server's month.
        double rate = cheap.breakEvenRequestsPerSecond();
        Project slower = project.withWorkloads(List.of(new Workload.Constant("web", rate)));
        DesignCost atBreakEven = DesignCost.of(slower, simulate(slower, 3_600), PriceBook.standard(), false);
        assertThat(atBreakEven.monthly().total()).isCloseTo(0.01 * 720, within(0.01 * 720 * 0.01));
        // A server so dear that a whole server's worth of traffic costs less on serverless: no break-even.
        assertThat(BreakEven.of(result, noFree, server, 1_000, 1.0).breakEvenRequestsPerSecond())
                .isNull();
        // The servers needed for the peak: about 1 request at a time here, on 2 vCPUs: one server.
        assertThat(cheap.servers()).isEqualTo(1);
    }
}
