package dev.stratus.sim.graph;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Project;
import dev.stratus.model.Workload;
import dev.stratus.sim.result.EntryResult;
import dev.stratus.sim.result.LatencyHistogram;
import dev.stratus.sim.result.SimulationResult;
import org.junit.jupiter.api.Test;

/** Each trigger's latency histogram, and the design's latency over all triggers. */
class EntryLatencyTest {

    @Test
    void eachTriggersHistogramCoversWhatItsLatencyCovers() throws Exception {
        Project pipeline = Runs.sample("order-pipeline.stratus.json");
        SimulationResult r = Runs.run(pipeline, 1_800, 2);
        for (EntryResult e : r.entries()) {
            LatencyHistogram h = e.histogram();
            assertThat(h.total())
                    .as(e.id())
                    .isEqualTo(e.completed())
                    .isEqualTo(e.latency().count());
            for (int i = 1; i < h.upperMs().length; i++) {
                assertThat(h.upperMs()[i]).isGreaterThan(h.upperMs()[i - 1]);
            }
            if (h.total() > 0) {
                assertThat(h.counts()[0]).isPositive();
                assertThat(h.counts()[h.counts().length - 1]).isPositive();
                assertThat(h.upperMs()[h.upperMs().length - 1])
                        .isGreaterThanOrEqualTo(e.latency().maxMs());
            }
        }
    }

    @Test
    void aConstantLatencyFallsInOneBucket() throws Exception {
        // Warm from the start: provisioned, so there is no cold start to stand out.
        Project project = design().add(new HttpTrigger("web", "web"))
                .add(Runs.fn("api", 25).withConcurrency(null, 2))
                .connect("web", "api")
                .workload(new Workload.Constant("web", 5))
                .project();
        EntryResult web = Runs.run(project, 600, 1).entries().get(0);
        assertThat(web.histogram().counts()).containsExactly(web.completed());
        assertThat(web.histogram().upperMs()[0]).isBetween(25.0, 25 * Math.pow(10, 0.1));
    }

    @Test
    void theDesignsLatencyMergesEveryTriggerAndLeavesThemAsTheyWere() throws Exception {
        Project project = design().add(new HttpTrigger("fast", "fast"))
                .add(new HttpTrigger("slow", "slow"))
                .add(Runs.fn("quick", 10).withConcurrency(null, 2))
                .add(Runs.fn("long", 1_000).withConcurrency(null, 4))
                .connect("fast", "quick")
                .connect("slow", "long")
                .workload(new Workload.Constant("fast", 3))
                .workload(new Workload.Constant("slow", 1))
                .project();
        SimulationResult r = Runs.run(project, 600, 1);
        EntryResult fast = r.entries().get(0);
        EntryResult slow = r.entries().get(1);
        assertThat(r.totals().latency().count()).isEqualTo(fast.completed() + slow.completed());
        // Three in four requests take 10 ms: the median is theirs, the 90th percentile the slow one's.
        assertThat(r.totals().latency().p50Ms()).isCloseTo(10.0, within(0.1));
        assertThat(r.totals().latency().p90Ms()).isCloseTo(1_000.0, within(10.0));
        assertThat(r.totals().latency().maxMs()).isEqualTo(slow.latency().maxMs());
        assertThat(fast.latency().maxMs()).isCloseTo(10.0, within(0.1));
        assertThat(fast.latency().count()).isEqualTo(fast.completed());
    }
}
