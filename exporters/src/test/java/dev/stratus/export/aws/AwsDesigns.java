package dev.stratus.export.aws;

import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Bucket;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Layout;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.SimulationSettings;
import dev.stratus.model.TopicTrigger;
import java.util.List;
import java.util.Map;

/** Designs that the samples do not cover, for the SAM and Serverless Framework export tests. */
public final class AwsDesigns {

    private AwsDesigns() {}

    static final Distribution LATENCY = Distribution.lognormal(5, 0.3);

    public static FunctionNode function(
            String id,
            String name,
            String runtime,
            FunctionNode.Architecture architecture,
            int memory,
            double timeout,
            String code,
            Map<String, String> environment,
            Integer reserved,
            int provisioned) {
        return new FunctionNode(
                id,
                name,
                runtime,
                architecture,
                memory,
                timeout,
                null,
                code,
                environment,
                reserved,
                provisioned,
                null,
                null,
                Distribution.lognormal(20, 0.5),
                null,
                null);
    }

    public static Project project(String name, String description, List<Node> nodes, List<Edge> edges) {
        return new Project(
                name,
                description,
                Provider.AWS,
                SimulationSettings.DEFAULT,
                new Architecture(nodes, edges),
                List.of(),
                Layout.EMPTY);
    }

    /**
     * Every kind of handler and setting the samples leave out: a REST API with API keys and a cache,
     * an HTTP API with JWT auth, a function URL, provisioned and reserved concurrency on arm64 and
     * java17, a FIFO queue whose visibility timeout is too short, a function started by two kinds of
     * event, one started by nothing but another function, and code of the functions' own (one in a
     * package, one without).
     */
    public static Project kitchenSink() {
        String lookup = "package shop.code;\n\n"
                + "/** Looks an order up. */\n"
                + "public class OrderLookup {\n"
                + "    public String handle(String event) throws Exception {\n"
                + "        return \"{\\\"lookedUp\\\":\" + !event.isEmpty() + \"}\";\n"
                + "    }\n"
                + "}\n";
        String worker = "public class Worker {\n"
                + "    public String handle(String event) {\n"
                + "        if (event.contains(\"fail\")) {\n"
                + "            throw new IllegalStateException(\"asked to fail\");\n"
                + "        }\n"
                + "        return \"done\";\n"
                + "    }\n"
                + "}\n";
        List<Node> nodes = List.of(
                new HttpTrigger("t-web", "web"),
                new ApiGateway(
                        "gw-shop",
                        "shop api",
                        ApiGateway.Type.REST,
                        50,
                        20,
                        new ApiGateway.Cache(60, 0.5),
                        ApiGateway.Auth.API_KEY,
                        LATENCY),
                function("fn-get-order", "get order", "java21", null, 512, 10, lookup, Map.of(), null, 0),
                new HttpTrigger("t-hook", "hook"),
                function(
                        "fn-webhook",
                        "webhook",
                        "java17",
                        FunctionNode.Architecture.ARM64,
                        256,
                        10.5,
                        null,
                        Map.of("MODE", "strict"),
                        5,
                        2),
                new Queue("q-jobs", "jobs", Queue.Type.FIFO, LATENCY, null, 30),
                function("fn-worker", "worker", "java21", null, 1024, 60, worker, Map.of(), null, 0),
                new ScheduleTrigger("t-hourly", "hourly", "rate(1 hour)"),
                new TopicTrigger("t-alerts", "alerts"),
                function("fn-audit", "audit", "java25", null, 512, 30, null, Map.of(), null, 0),
                new Bucket("b-archive", "archive", LATENCY, null),
                function("fn-lonely", "lonely", "java21", null, 128, 3, null, Map.of(), null, 0),
                new HttpTrigger("t-app", "app"),
                new ApiGateway("gw-jwt", "jwt api", ApiGateway.Type.HTTP, 100, 50, null, ApiGateway.Auth.JWT, LATENCY),
                function("fn-things", "things", "java21", null, 512, 10, null, Map.of(), null, 0),
                new Database("db-things", "things", LATENCY, null));
        List<Edge> edges = List.of(
                Edge.of("e1", "t-web", "gw-shop"),
                Edge.of("e2", "gw-shop", "fn-get-order").withRoute("GET /orders/{id}"),
                Edge.of("e3", "t-hook", "fn-webhook"),
                Edge.of("e4", "fn-webhook", "q-jobs"),
                Edge.of("e5", "q-jobs", "fn-worker").withBatching(new Edge.Batching(5, 2.5)),
                Edge.of("e6", "t-hourly", "fn-audit"),
                Edge.of("e7", "t-alerts", "fn-audit"),
                Edge.of("e8", "fn-audit", "b-archive"),
                Edge.of("e9", "fn-webhook", "fn-lonely").withInvocation(Edge.Invocation.SYNC),
                Edge.of("e10", "t-app", "gw-jwt"),
                Edge.of("e11", "gw-jwt", "fn-things").withRoute("ANY /things"),
                Edge.of("e12", "fn-things", "db-things"));
        return project("Kitchen sink", "Every handler kind.", nodes, edges);
    }

    /** The name of the quoted, newline-holding function in {@link #hostile()}. */
    public static final String HOSTILE = "a \"quoted\": name\nwith newline";

    /**
     * Names that could break YAML, Java, Markdown or the framework's variables, and two functions and
     * two tables whose names sanitise to the same thing.
     */
    public static Project hostile() {
        List<Node> nodes = List.of(
                new HttpTrigger("t-http", "http \"trigger\""),
                new ApiGateway(
                        "gw", "g\"w: ${self:x}", ApiGateway.Type.HTTP, 10, 5, null, ApiGateway.Auth.NONE, LATENCY),
                function(
                        "fn-quoted",
                        HOSTILE,
                        "java21",
                        null,
                        512,
                        10,
                        null,
                        Map.of("GREETING", "say \"hi\": ${env:HOME} */ \\u0041 \n next"),
                        null,
                        0),
                function("fn-list-1", "list items", "java21", null, 512, 10, null, Map.of(), null, 0),
                function("fn-list-2", "List-Items", "java21", null, 512, 10, null, Map.of(), null, 0),
                new Database("db-1", "tab\"le: x\n", LATENCY, null),
                new Database("db-2", "tab le x", LATENCY, null),
                new Queue("q", "q ${self:service} #1", Queue.Type.STANDARD, LATENCY, null, 30));
        List<Edge> edges = List.of(
                Edge.of("e1", "t-http", "gw"),
                Edge.of("e2", "gw", "fn-quoted").withRoute("POST /say hi!/{id}"),
                Edge.of("e3", "gw", "fn-list-1").withRoute("GET /items"),
                Edge.of("e4", "gw", "fn-list-2").withRoute("GET /items/{id}"),
                Edge.of("e5", "fn-quoted", "db-1"),
                Edge.of("e6", "fn-list-1", "db-2"),
                Edge.of("e7", "fn-list-2", "q"));
        return project("Evil \"project\": ${x}\n<b>*/", "Desc with */ and \\u0041 and\nnewline", nodes, edges);
    }
}
