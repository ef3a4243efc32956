package dev.stratus.export.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.export.ExportPlan;
import dev.stratus.model.Edge;
import dev.stratus.model.Email;
import dev.stratus.model.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsRulesTest {

    private static ExportPlan plan(int batch, double window, double timeout) throws Exception {
        return ExportPlan.of(AwsDesigns.project(
                "rules",
                "",
                List.of(
                        new Queue("q", "inbox", Queue.Type.STANDARD, AwsDesigns.LATENCY, null, 20),
                        AwsDesigns.function(
                                "f",
                                "reader",
                                "python3.12",
                                null,
                                64,
                                timeout,
                                null,
                                Map.of("MAIL_FROM", "me@example.org"),
                                null,
                                0),
                        new Email("m", "mailer", AwsDesigns.LATENCY, null)),
                List.of(
                        Edge.of("e1", "q", "f").withBatching(new Edge.Batching(batch, window)),
                        Edge.of("e2", "f", "m"))));
    }

    @Test
    void aStandardQueueBatchOverTenGetsTheOneSecondWindowLambdaRequires() throws Exception {
        ExportPlan plan = plan(100, 0, 30);
        List<String> notes = new ArrayList<>();
        AwsRules.Batch batch = AwsRules.sqsBatch(
                plan.functions().get(0),
                (ExportPlan.QueueMessages) plan.functions().get(0).events().get(0),
                notes);
        assertThat(batch).isEqualTo(new AwsRules.Batch(100, 1));
        assertThat(notes).singleElement().asString().contains("at least 1 s");
    }

    @Test
    void batchesAndWindowsOutsideAwsLimitsAreMovedInWithANote() throws Exception {
        ExportPlan plan = plan(20_000, 400.2, 30);
        List<String> notes = new ArrayList<>();
        AwsRules.Batch batch = AwsRules.sqsBatch(
                plan.functions().get(0),
                (ExportPlan.QueueMessages) plan.functions().get(0).events().get(0),
                notes);
        assertThat(batch).isEqualTo(new AwsRules.Batch(10_000, 300));
        assertThat(notes).hasSize(2);
    }

    @Test
    void theVisibilityTimeoutIsRaisedToSixTimesTheConsumersTimeoutWithinTwelveHours() throws Exception {
        List<String> notes = new ArrayList<>();
        ExportPlan plan = plan(10, 0, 12.5);
        assertThat(AwsRules.visibilityTimeout(plan, plan.resources().get(0), notes))
                .isEqualTo(78);
        ExportPlan slow = plan(10, 0, 900);
        assertThat(AwsRules.visibilityTimeout(slow, slow.resources().get(0), notes))
                .isEqualTo(5400);
        assertThat(notes).hasSize(2);
    }

    @Test
    void settingsLambdaCannotTakeAreMovedInWithANote() throws Exception {
        ExportPlan plan = plan(10, 0, 1200);
        ExportPlan.Function reader = plan.functions().get(0);
        List<String> notes = new ArrayList<>();
        assertThat(LambdaProject.runtime(reader, notes)).isEqualTo("java21");
        assertThat(LambdaProject.memory(reader, notes)).isEqualTo(128);
        assertThat(LambdaProject.timeout(reader, notes)).isEqualTo(900);
        assertThat(notes).hasSize(3);
        assertThat(AwsRules.senderAddress(plan, plan.resource("m").orElseThrow()))
                .isEqualTo("me@example.org");
    }

    @Test
    void functionsThatCallEachOtherInACircleAreFound() throws Exception {
        List<dev.stratus.model.Node> nodes = List.of(
                AwsDesigns.function("a", "alpha", "java21", null, 128, 3, null, Map.of(), null, 0),
                AwsDesigns.function("b", "beta", "java21", null, 128, 3, null, Map.of(), null, 0),
                AwsDesigns.function("c", "gamma", "java21", null, 128, 3, null, Map.of(), null, 0));
        ExportPlan chain = ExportPlan.of(
                AwsDesigns.project("chain", "", nodes, List.of(Edge.of("1", "a", "b"), Edge.of("2", "b", "c"))));
        assertThat(AwsRules.invocationCycle(chain)).isEmpty();
        ExportPlan circle = ExportPlan.of(AwsDesigns.project(
                "circle", "", nodes, List.of(Edge.of("1", "a", "b"), Edge.of("2", "b", "c"), Edge.of("3", "c", "a"))));
        assertThat(AwsRules.invocationCycle(circle)).containsExactly("alpha", "beta", "gamma");
    }
}
