package dev.stratus.validate;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private final Validator validator = new Validator();

    private List<Problem> problems(Project project) {
        return validator.validate(project);
    }

    private List<String> errors(Project project) {
        return problems(project).stream()
                .filter(Problem::isError)
                .map(Problem::message)
                .toList();
    }

    private List<String> warnings(Project project) {
        return problems(project).stream()
                .filter(p -> !p.isError())
                .map(Problem::message)
                .toList();
    }

    @Test
    void aSimpleConnectedDesignHasNoProblems() {
        Project project = design().http("web")
                .function("api")
                .database("table")
                .connect("web", "api")
                .connect("api", "table")
                .project();
        assertThat(problems(project)).isEmpty();
    }

    @Test
    void aTriggerConnectedToNothingIsAnError() {
        Project project = design().http("web").project();
        assertThat(problems(project))
                .contains(Problem.error(
                        "web",
                        "The HTTP trigger 'web' is connected to nothing; connect it to a function or an API gateway."));
    }

    @Test
    void aFunctionNothingTriggersIsAWarning() {
        Project project = design().function("lonely").project();
        assertThat(problems(project))
                .containsExactly(
                        Problem.warning(
                                "lonely",
                                "Nothing triggers the function 'lonely'; it will never run. Connect a trigger, a route or a caller to it."));
    }

    @Test
    void aCycleOfSynchronousCallsIsNamedInCallOrder() {
        Project project = design().http("web")
                .function("a")
                .function("b")
                .function("c")
                .connect("web", "a")
                .connect("a", "b")
                .connect("b", "c")
                .connect("c", "a")
                .project();
        assertThat(errors(project))
                .containsExactly("Synchronous call cycle: 'a' → 'b' → 'c' → 'a'. Each call waits for "
                        + "the next, so a request never finishes; make one of these calls asynchronous.");
    }

    @Test
    void aFunctionCallingItselfSynchronouslyIsACycle() {
        Project project = design().http("web")
                .function("a")
                .connect("web", "a")
                .connect("a", "a")
                .project();
        assertThat(errors(project)).singleElement().asString().startsWith("Synchronous call cycle: 'a' → 'a'.");
    }

    @Test
    void anAsynchronousCallBreaksTheCycle() {
        Project project = design().http("web")
                .function("a")
                .function("b")
                .connect("web", "a")
                .connect("a", "b")
                .connect(Edge.of("back", "b", "a").withInvocation(Edge.Invocation.ASYNC))
                .project();
        assertThat(errors(project)).isEmpty();
    }

    @Test
    void twoSeparateCyclesAreBothReported() {
        Project project = design().http("web")
                .function("a")
                .function("b")
                .function("c")
                .function("d")
                .connect("web", "a")
                .connect("a", "b")
                .connect("b", "a")
                .connect("a", "c")
                .connect("c", "d")
                .connect("d", "c")
                .project();
        assertThat(errors(project))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("'a' → 'b' → 'a'"))
                .anySatisfy(m -> assertThat(m).contains("'c' → 'd' → 'c'"));
    }

    @Test
    void memoryAboveTheProvidersLimitIsAnError() {
        Project aws = design().http("web")
                .add(FunctionNode.of("big", "big").withMemoryMb(12_000))
                .connect("web", "big")
                .project();
        assertThat(errors(aws)).containsExactly("Memory 12,000 MB is above AWS Lambda's maximum of 10,240 MB.");

        Project azure = design().on(Provider.AZURE)
                .http("web")
                .add(FunctionNode.of("big", "big").withMemoryMb(2048))
                .connect("web", "big")
                .project();
        assertThat(errors(azure))
                .containsExactly("Memory 2,048 MB is above Azure Functions (Consumption)'s maximum of 1,536 MB.");
    }

    @Test
    void memoryBelowTheMinimumIsAnError() {
        Project project = design().http("web")
                .add(FunctionNode.of("tiny", "tiny").withMemoryMb(64))
                .connect("web", "tiny")
                .project();
        assertThat(errors(project)).containsExactly("Memory 64 MB is below AWS Lambda's minimum of 128 MB.");
    }

    @Test
    void flexConsumptionOffersOnlyItsInstanceSizes() {
        Project project = design().on(Provider.AZURE_FLEX)
                .http("web")
                .add(FunctionNode.of("f", "f").withMemoryMb(1024))
                .connect("web", "f")
                .project();
        assertThat(errors(project))
                .containsExactly(
                        "Memory 1,024 MB is not a size Azure Functions (Flex Consumption) offers; choose one of 512 MB, 2,048 MB, 4,096 MB.");
    }

    @Test
    void timeoutAboveEachProvidersLimitIsAnError() {
        record Case(Provider provider, double timeout, String limit) {}
        for (Case c : List.of(
                new Case(Provider.AWS, 901, "900 s"),
                new Case(Provider.AZURE, 601, "600 s"),
                new Case(Provider.GCP, 541, "540 s"),
                new Case(Provider.IBM, 601, "600 s"))) {
            FunctionNode slow =
                    FunctionNode.of("slow", "slow").withMemoryMb(256).withTimeoutSeconds(c.timeout());
            Project project = design().on(c.provider())
                    .http("web")
                    .add(slow)
                    .connect("web", "slow")
                    .project();
            assertThat(errors(project))
                    .as("%s", c.provider())
                    .singleElement()
                    .asString()
                    .endsWith("'s maximum of " + c.limit() + ".");
        }
    }

    @Test
    void timeoutsAtTheLimitAreFine() {
        FunctionNode edge = FunctionNode.of("f", "f").withMemoryMb(10_240).withTimeoutSeconds(900);
        Project project = design().http("web").add(edge).connect("web", "f").project();
        assertThat(errors(project)).isEmpty();
    }

    @Test
    void duplicateNamesAreAnErrorWhateverTheirCase() {
        Project project = design().http("web")
                .add(FunctionNode.of("f1", "Orders"))
                .add(FunctionNode.of("f2", "orders"))
                .connect("web", "f1")
                .connect("web", "f2")
                .project();
        assertThat(errors(project))
                .singleElement()
                .asString()
                .startsWith("Two nodes are named 'orders' (the other is function 'f1')");
    }

    @Test
    void duplicateIdsAreAnError() {
        Project project = design().http("web")
                .function("f")
                .function("f")
                .connect("web", "f")
                .project();
        assertThat(errors(project)).contains("Two nodes have the id 'f'; ids must be unique.");
    }

    @Test
    void anEdgeToAMissingNodeIsAnError() {
        Project project = design().http("web")
                .function("f")
                .connect("web", "f")
                .connect("f", "ghost")
                .project();
        assertThat(errors(project)).containsExactly("The edge 'e2' goes to 'ghost', which is not in the design.");
    }

    @Test
    void aForbiddenConnectionInAFileIsAnErrorWithItsReason() {
        Project project = design().http("web")
                .function("f")
                .database("db")
                .connect("web", "f")
                .connect("f", "db")
                .connect("db", "web")
                .project();
        assertThat(errors(project))
                .containsExactly(
                        "'db' → 'web': Nothing can connect into an HTTP trigger: a trigger is where events enter the design.");
    }

    @Test
    void anInvalidScheduleIsAnErrorThatSaysWhy() {
        Project project = design().add(new ScheduleTrigger("nightly", "nightly", "cron(0 2 * * *)"))
                .function("f")
                .connect("nightly", "f")
                .project();
        assertThat(errors(project))
                .containsExactly("The schedule 'nightly' is invalid: cron(0 2 * * *) has 5 fields; "
                        + "AWS cron takes six: minutes hours day-of-month month day-of-week year");
    }

    @Test
    void aGatewayRouteNeedsAMethodAndAPathAndMustBeUnique() {
        ApiGateway gateway =
                new ApiGateway("gw", "gw", ApiGateway.Type.HTTP, 100, 50, null, null, Distribution.constant(5));
        Project project = design().http("web")
                .add(gateway)
                .function("a")
                .function("b")
                .function("c")
                .connect("web", "gw")
                .connect(Edge.of("r1", "gw", "a").withRoute("GET /items"))
                .connect(Edge.of("r2", "gw", "b").withRoute("GET /items"))
                .connect(Edge.of("r3", "gw", "c"))
                .project();
        assertThat(errors(project))
                .containsExactlyInAnyOrder(
                        "The API gateway 'gw' has the route 'GET /items' twice.",
                        "The route from 'gw' to 'c' has no method and path; give it one like GET /items.");

        Project badRoute = design().http("web")
                .add(gateway)
                .function("a")
                .connect("web", "gw")
                .connect(Edge.of("r1", "gw", "a").withRoute("FETCH items"))
                .project();
        assertThat(errors(badRoute))
                .containsExactly("The route 'FETCH items' to 'a' is not a method and a path like GET /items/{id}.");
    }

    @Test
    void routesClashOnTheirShapeNotTheirParameterNamesAndPathsAreCaseSensitive() {
        ApiGateway gateway =
                new ApiGateway("gw", "gw", ApiGateway.Type.HTTP, 100, 50, null, null, Distribution.constant(5));
        Project project = design().http("web")
                .add(gateway)
                .function("a")
                .function("b")
                .function("c")
                .connect("web", "gw")
                .connect(Edge.of("r1", "gw", "a").withRoute("GET /items/{id}"))
                .connect(Edge.of("r2", "gw", "b").withRoute("GET /items/{key}"))
                .connect(Edge.of("r3", "gw", "c").withRoute("GET /Items/{id}"))
                .project();
        assertThat(errors(project)).containsExactly("The API gateway 'gw' has the route 'GET /items/{key}' twice.");
    }

    @Test
    void anHttpApiHasNoCacheAndNoApiKeys() {
        ApiGateway gateway = new ApiGateway(
                "gw",
                "gw",
                ApiGateway.Type.HTTP,
                100,
                50,
                new ApiGateway.Cache(60, 0.5),
                ApiGateway.Auth.API_KEY,
                Distribution.constant(5));
        Project project = design().http("web")
                .add(gateway)
                .function("a")
                .connect("web", "gw")
                .connect(Edge.of("r1", "gw", "a").withRoute("GET /items"))
                .project();
        assertThat(warnings(project))
                .containsExactlyInAnyOrder(
                        "HTTP APIs have no response cache; make 'gw' a REST API or remove its cache.",
                        "HTTP APIs do not check API keys; make 'gw' a REST API or use JWT or IAM auth.");
    }

    @Test
    void aQueuesVisibilityTimeoutMustCoverItsConsumersTimeout() {
        Queue queue = new Queue("q", "q", Queue.Type.STANDARD, Distribution.constant(10), null, 30);
        Project project = design().http("web")
                .function("producer")
                .add(queue)
                .add(FunctionNode.of("worker", "worker").withTimeoutSeconds(60))
                .connect("web", "producer")
                .connect("producer", "q")
                .connect("q", "worker")
                .project();
        assertThat(errors(project))
                .containsExactly("The visibility timeout of 'q' (30 s) is shorter than the timeout "
                        + "of 'worker' (60 s): a message would be delivered again while it is still being worked on.");
    }

    @Test
    void largeQueueBatchesNeedABatchingWindow() {
        Queue queue = new Queue("q", "q", Queue.Type.STANDARD, Distribution.constant(10), null, 30);
        Project project = design().http("web")
                .function("producer")
                .add(queue)
                .function("worker")
                .connect("web", "producer")
                .connect("producer", "q")
                .connect(Edge.of("poll", "q", "worker").withBatching(new dev.stratus.model.Edge.Batching(100, 0)))
                .project();
        assertThat(errors(project))
                .containsExactly("A batch of more than 10 messages from 'q' needs a batching window of at least 1 s.");
    }

    @Test
    void provisionedMayNotExceedReservedConcurrency() {
        Project project = design().http("web")
                .add(FunctionNode.of("f", "f").withConcurrency(2, 5))
                .connect("web", "f")
                .project();
        assertThat(errors(project))
                .containsExactly("Provisioned concurrency 5 is more than the reserved concurrency 2; it cannot be.");
    }

    @Test
    void workloadsAttachToEntryTriggersOnly() {
        Project project = design().http("web")
                .function("f")
                .connect("web", "f")
                .workload(new Workload.Constant("f", 1))
                .workload(new Workload.Constant("nowhere", 1))
                .workload(new Workload.Poisson("web", 3))
                .project();
        assertThat(errors(project))
                .containsExactlyInAnyOrder(
                        "A workload is attached to the function 'f'; workloads attach to triggers.",
                        "A workload is attached to 'nowhere', which is not in the design.",
                        "The trigger 'web' has two workloads; keep one.");
    }

    @Test
    void anEntryTriggerWithoutAWorkloadIsAWarningButASchedulesIsNot() {
        Project project = design().add(new dev.stratus.model.TopicTrigger("events", "events"))
                .add(new ScheduleTrigger("tick", "tick", "rate(5 minutes)"))
                .function("f")
                .connect("events", "f")
                .connect("tick", "f")
                .project();
        assertThat(warnings(project))
                .containsExactly("The topic trigger 'events' has no workload, so a simulation sends it no traffic.");
    }

    @Test
    void errorsComeBeforeWarnings() {
        Project project = design().function("lonely").http("web").project();
        assertThat(problems(project))
                .extracting(Problem::severity)
                .containsExactly(Problem.Severity.ERROR, Problem.Severity.WARNING);
    }

    @Test
    void aProblemPrintsAsOneLineWithItsSubject() {
        assertThat(Problem.error("fn", "Bad.").toString()).isEqualTo("error [fn]: Bad.");
        assertThat(Problem.warning(null, "Hm.").toString()).isEqualTo("warning: Hm.");
    }
}
