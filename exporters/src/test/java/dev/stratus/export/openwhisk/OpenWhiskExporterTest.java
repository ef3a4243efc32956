package dev.stratus.export.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.ExportTarget;
import dev.stratus.export.Names;
import dev.stratus.export.Schedules;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFiles;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenWhiskExporterTest {

    /** OpenWhisk's entity name rule, from the wskdeploy specification. */
    private static final Pattern ENTITY = Pattern.compile("\\A([\\w]|[\\w][\\w@ .-]{0,254}[\\w@.-])\\z");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the Event Streams feed inputs resolve to: wskdeploy and aio read them from the environment. */
    private static final Map<String, String> FEED_ENVIRONMENT = Map.of(
            "KAFKA_BROKERS_SASL", "broker-0.test:9093",
            "KAFKA_USER", "token",
            "KAFKA_PASSWORD", "secret",
            "KAFKA_ADMIN_URL", "https://admin.test",
            "COS_ENDPOINT", "s3.test.example");

    private final OpenWhiskExporter exporter = new OpenWhiskExporter();

    static Stream<Path> samples() {
        return ExportChecks.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleBuildsAndAioLibRuntimeReadsEveryActionTriggerRuleAndRoute(Path sample, @TempDir Path temp)
            throws Exception {
        Project project = ExportChecks.load(sample);
        ExportPlan plan = ExportPlan.of(project);
        Export export = exporter.export(project);
        assertThat(export.target()).isEqualTo(ExportTarget.OPENWHISK);
        Path folder = ExportChecks.write(export, temp, "export");
        ExportChecks.mavenPackage(folder);
        String pkg = Names.kebab(project.name(), "stratus-app", 256);
        String jar = "target/" + Names.kebab(project.name(), "stratus-app", 50) + "-openwhisk.jar";
        assertThat(folder.resolve(jar)).isRegularFile();
        try (JarFile built = new JarFile(folder.resolve(jar).toFile())) {
            String main = manifest(export)
                    .path("packages")
                    .path(pkg)
                    .path("actions")
                    .elements()
                    .next()
                    .path("main")
                    .asText();
            byte[] header = built.getInputStream(built.getEntry(main.replace('.', '/') + ".class"))
                    .readNBytes(8);
            assertThat(header[7])
                    .as("class file major version: Java 8, the OpenWhisk Java runtime")
                    .isEqualTo((byte) 52);
        }

        JsonNode entities = aioEntities(folder);
        JsonNode manifest = manifest(export).path("packages").path(pkg);
        Map<String, JsonNode> actions = byName(entities.path("actions"));
        Map<String, JsonNode> triggers = byName(entities.path("triggers"));
        assertThat(actions).hasSize(plan.functions().size());
        List<String> calls = new ArrayList<>();
        for (ExportPlan.Function function : plan.functions()) {
            String name = Names.kebab(function.name(), "function", 200);
            JsonNode action = actions.get(pkg + "/" + name);
            assertThat(action).as("action %s/%s in %s", pkg, name, entities).isNotNull();
            FunctionNode node = function.node();
            assertThat(action.path("exec").path("kind").asText()).isEqualTo("java");
            assertThat(action.path("exec").path("main").asText())
                    .isEqualTo(manifest.path("actions").path(name).path("main").asText())
                    .endsWith(Names.pascal(function.name(), "function") + "Action");
            assertThat(action.path("action").path("size").asInt())
                    .as("the jar was read")
                    .isPositive();
            assertThat(action.path("limits").path("memory").asInt())
                    .isEqualTo(Math.max(128, Math.min(2048, node.memoryMb())));
            assertThat(action.path("limits").path("timeout").asLong())
                    .isEqualTo(Math.round(node.timeoutSeconds() * 1000));
            for (ExportPlan.Variable variable : function.environment()) {
                assertThat(action.path("params").has(variable.name()))
                        .as("input %s of %s", variable.name(), name)
                        .isTrue();
                if (!variable.isReference()) {
                    assertThat(action.path("params").path(variable.name()).asText())
                            .isEqualTo(variable.literal());
                }
            }
            boolean web = function.events().stream().anyMatch(e -> e instanceof ExportPlan.Http);
            assertThat(action.path("annotations").path("web-export").asBoolean())
                    .isEqualTo(web);
            ObjectNode event = action.path("params").deepCopy();
            for (ExportPlan.Event e : function.events()) {
                assertEvent(e, pkg, name, entities, triggers);
                addEvent(event, e);
            }
            calls.add(action.path("exec").path("main").asText());
            calls.add(event.toString());
        }
        // Every action's main, as the Java runtime calls it, answers with the function it belongs to.
        List<JsonNode> results = runActions(folder.resolve(jar), calls);
        for (int i = 0; i < plan.functions().size(); i++) {
            ExportPlan.Function function = plan.functions().get(i);
            JsonNode result = results.get(i);
            boolean web = function.events().stream().anyMatch(e -> e instanceof ExportPlan.Http);
            JsonNode answer = web ? result.path("body") : result;
            if (web) {
                assertThat(result.path("statusCode").asInt()).isEqualTo(200);
                assertThat(result.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
            }
            assertThat(answer.path("function").asText()).isEqualTo(function.name());
            for (String parameter : ActionSources.pathParameters(function)) {
                assertThat(answer.path("pathParameters").path(parameter).asText())
                        .isEqualTo("7");
            }
            for (ExportPlan.Variable variable : function.environment()) {
                assertThat(answer.path("environment").path(variable.name()).asText())
                        .isEqualTo(actions.get(pkg + "/" + Names.kebab(function.name(), "function", 200))
                                .path("params")
                                .path(variable.name())
                                .asText());
            }
        }
    }

    private static void assertEvent(
            ExportPlan.Event event, String pkg, String action, JsonNode entities, Map<String, JsonNode> triggers)
            throws Exception {
        if (event instanceof ExportPlan.Http http) {
            if (http.gateway() == null || http.method().equals("ANY")) {
                return;
            }
            String base = "/" + Names.kebab(http.gateway().name(), "api", 100);
            assertThat(entities.path("apis")).anySatisfy(route -> {
                assertThat(route.path("basepath").asText()).isEqualTo(base);
                assertThat(route.path("relpath").asText()).isEqualTo(http.path());
                assertThat(route.path("operation").asText()).isEqualTo(http.method());
                assertThat(route.path("action").asText()).isEqualTo(pkg + "/" + action);
                assertThat(route.path("responsetype").asText()).isEqualTo("http");
            });
            return;
        }
        String triggerName;
        String feed;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (event instanceof ExportPlan.Schedule schedule) {
            triggerName = Names.kebab(schedule.trigger().name(), "trigger", 200);
            feed = "/whisk.system/alarms/alarm";
            parameters.put(
                    "cron", Schedules.unixCron(schedule.expression(), "s").expression());
        } else if (event instanceof ExportPlan.StorageEvent storage) {
            triggerName = Names.kebab(storage.bucket().name(), "trigger", 200);
            feed = "/whisk.system/cos/changes";
            parameters.put("bucket", Names.kebab(storage.bucket().name(), "bucket", 63));
            parameters.put("endpoint", "s3.test.example");
            if (!storage.suffix().isEmpty()) {
                parameters.put("suffix", storage.suffix());
            }
        } else {
            ExportPlan.Resource source = event instanceof ExportPlan.QueueMessages q
                    ? q.queue()
                    : event instanceof ExportPlan.StreamRecords s
                            ? s.stream()
                            : ((ExportPlan.TopicMessages) event).topic();
            triggerName = Names.kebab(source.name(), "trigger", 200);
            feed = "/whisk.system/messaging/messageHubFeed";
            parameters.put("topic", Names.kebab(source.name(), "topic", 63));
            parameters.put("user", "token");
            parameters.put("password", "secret");
        }
        JsonNode trigger = triggers.get(triggerName);
        assertThat(trigger).as("trigger %s in %s", triggerName, entities).isNotNull();
        assertThat(trigger.path("trigger").path("feed").asText()).isEqualTo(feed);
        Map<String, String> actual = new LinkedHashMap<>();
        trigger.path("trigger")
                .path("parameters")
                .forEach(p -> actual.put(p.path("key").asText(), p.path("value").asText()));
        assertThat(actual).containsAllEntriesOf(parameters);
        assertThat(entities.path("rules")).anySatisfy(rule -> {
            assertThat(rule.path("trigger").asText()).isEqualTo(triggerName);
            assertThat(rule.path("action").asText()).isEqualTo(pkg + "/" + action);
        });
    }

    /** Adds what the event's feed or the web request would pass to the action. */
    private static void addEvent(ObjectNode args, ExportPlan.Event event) {
        if (event instanceof ExportPlan.Http http) {
            args.put(
                    "__ow_method",
                    http.method().equals("ANY") ? "get" : http.method().toLowerCase(Locale.ROOT));
            args.put("__ow_path", http.path());
            args.putObject("__ow_headers").put("accept", "application/json");
            if (http.gateway() != null) {
                ActionSources.pathParameters(http.path()).forEach(p -> args.put(p, "7"));
            }
        } else if (event instanceof ExportPlan.StorageEvent) {
            args.put("bucket", "uploads").put("key", "cat.jpg");
        } else if (!(event instanceof ExportPlan.Schedule)) {
            ArrayNode messages = args.putArray("messages");
            messages.addObject()
                    .put("topic", "t")
                    .put("partition", 0)
                    .put("offset", 7)
                    .put("value", "{}");
        }
    }

    @Test
    void theNightlyReportRunsOnAnAlarmTriggerWithItsUnixCronAndARule() throws Exception {
        Export export = exporter.export(ExportChecks.sample("nightly-report.stratus.json"));
        JsonNode pkg = manifest(export).path("packages").path("nightly-report");
        JsonNode action = pkg.path("actions").path("build-report");
        assertThat(action.path("function").asText()).isEqualTo("target/nightly-report-openwhisk.jar");
        assertThat(action.path("runtime").asText()).isEqualTo("java");
        assertThat(action.path("main").asText()).isEqualTo("com.example.nightlyreport.BuildReportAction");
        assertThat(action.path("limits").path("memorySize").asInt()).isEqualTo(2048);
        assertThat(action.path("limits").path("timeout").asInt()).isEqualTo(300_000);
        assertThat(action.path("limits").has("concurrentActivations")).isFalse();
        assertThat(action.path("inputs").path("ORDERS_TABLE").asText()).isEqualTo("orders");
        assertThat(action.path("inputs").path("REPORT_SENDER").asText()).isEqualTo("reports@example.com");
        assertThat(action.path("inputs").path("REPORT_RECIPIENTS").asText()).isEqualTo("sales-team@example.com");
        assertThat(action.has("annotations")).as("not a web action").isFalse();
        JsonNode trigger = pkg.path("triggers").path("nightly-2am");
        assertThat(trigger.path("feed").asText()).isEqualTo("/whisk.system/alarms/alarm");
        assertThat(trigger.path("inputs").path("cron").asText()).isEqualTo("0 2 * * *");
        assertThat(pkg.path("rules")
                        .path("nightly-2am-build-report")
                        .path("trigger")
                        .asText())
                .isEqualTo("nightly-2am");
        assertThat(pkg.path("rules")
                        .path("nightly-2am-build-report")
                        .path("action")
                        .asText())
                .isEqualTo("build-report");
        assertThat(pkg.has("apis")).isFalse();
        assertThat(export.notes())
                .anySatisfy(n -> assertThat(n).contains("reserves 1 concurrent instances"))
                .anySatisfy(n -> assertThat(n).contains("no e-mail service"));
        String source = export.files().text("src/main/java/com/example/nightlyreport/BuildReportAction.java");
        assertThat(source)
                .contains("public static JsonObject main(JsonObject args)")
                .contains("the alarm fired with")
                .contains("{\"ORDERS_TABLE\", \"REPORT_RECIPIENTS\", \"REPORT_SENDER\"}");
    }

    @Test
    void theRestApiBecomesWebActionsWithOneApiRoutePerGatewayEdge() throws Exception {
        Export export = exporter.export(ExportChecks.sample("rest-api.stratus.json"));
        JsonNode pkg = manifest(export).path("packages").path("rest-api");
        for (String name : List.of("list-items", "get-item", "create-item", "delete-item")) {
            JsonNode action = pkg.path("actions").path(name);
            assertThat(action.path("annotations").path("web-export").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(action.path("annotations").path("final").asBoolean())
                    .as(name)
                    .isTrue();
            assertThat(action.path("limits").path("memorySize").asInt()).isEqualTo(512);
            assertThat(action.path("limits").path("timeout").asInt()).isEqualTo(10_000);
            assertThat(action.path("inputs").path("TABLE_NAME").asText()).isEqualTo("items-table");
        }
        JsonNode base = pkg.path("apis").path("items-api").path("items-api");
        assertThat(base.path("items").path("list-items").path("method").asText())
                .isEqualTo("GET");
        assertThat(base.path("items").path("create-item").path("method").asText())
                .isEqualTo("POST");
        assertThat(base.path("items/{id}").path("get-item").path("method").asText())
                .isEqualTo("GET");
        assertThat(base.path("items/{id}").path("delete-item").path("method").asText())
                .isEqualTo("DELETE");
        assertThat(base.path("items/{id}").path("delete-item").path("response").asText())
                .isEqualTo("http");
        assertThat(pkg.has("triggers")).isFalse();
        assertThat(export.files().text("src/main/java/com/example/restapi/GetItemAction.java"))
                .contains("ActionSupport.text(args, \"__ow_method\", \"get\")")
                .contains("ActionSupport.httpResponse(200, body)")
                .contains("body.add(\"pathParameters\", ActionSupport.strings(args, \"id\"));");
        assertThat(export.files().text("README.md"))
                .contains("| GET | `/items-api/items/{id}` | `get-item` |")
                .contains("wskdeploy -m manifest.yaml")
                .contains("ibmcloud fn deploy --manifest manifest.yaml")
                .contains("mvn package");
    }

    @Test
    void queuesAndTopicsBecomeEventStreamsTriggersWhoseCredentialsTheUserSupplies() throws Exception {
        Export export = exporter.export(ExportChecks.sample("order-pipeline.stratus.json"));
        JsonNode pkg = manifest(export).path("packages").path("order-pipeline");
        JsonNode queue = pkg.path("triggers").path("orders-queue");
        assertThat(queue.path("feed").asText()).isEqualTo("/whisk.system/messaging/messageHubFeed");
        assertThat(queue.path("inputs").path("topic").asText()).isEqualTo("orders-queue");
        assertThat(queue.path("inputs").path("isJSONData").asBoolean()).isTrue();
        assertThat(queue.path("inputs").path("password").asText()).isEqualTo("$KAFKA_PASSWORD");
        assertThat(pkg.path("triggers")
                        .path("order-events")
                        .path("inputs")
                        .path("topic")
                        .asText())
                .isEqualTo("order-events");
        assertThat(pkg.path("rules")
                        .path("orders-queue-process-order")
                        .path("action")
                        .asText())
                .isEqualTo("process-order");
        assertThat(pkg.path("rules")
                        .path("order-events-notify-customer")
                        .path("action")
                        .asText())
                .isEqualTo("notify-customer");
        // place-order reaches the queue and the payment API through its inputs.
        JsonNode place = pkg.path("actions").path("place-order");
        assertThat(place.path("inputs").path("ORDERS_QUEUE_NAME").asText()).isEqualTo("orders-queue");
        assertThat(place.path("inputs").path("PAYMENT_API_URL").asText())
                .isEqualTo("https://api.payments.example.com/v1");
        assertThat(pkg.path("apis")
                        .path("orders-api")
                        .path("orders-api")
                        .path("orders")
                        .path("place-order")
                        .path("method")
                        .asText())
                .isEqualTo("POST");
        assertThat(export.files().text("README.md"))
                .contains("export KAFKA_PASSWORD=")
                .contains("| `orders-queue` | queue | an Event Streams (Kafka) topic |");
        assertThat(export.notes()).anySatisfy(n -> assertThat(n).contains("batches of up to 10"));
    }

    @Test
    void theImageThumbnailerMatchesItsGoldenExport() throws Exception {
        ExportChecks.assertMatchesGolden(
                exporter.export(ExportChecks.sample("image-thumbnailer.stratus.json")), "openwhisk-image-thumbnailer");
    }

    @Test
    void limitsOutsideOpenWhiskRangesAreClampedWithANote() throws Exception {
        ObjectNode project = hostileProject();
        ObjectNode function =
                (ObjectNode) project.path("architecture").path("nodes").get(3);
        function.put("memoryMb", 4096).put("timeoutSeconds", 900).put("instanceConcurrency", 8);
        Export export = exporter.export(ProjectFiles.read(project.toString(), "test"));
        JsonNode action = manifest(export)
                .path("packages")
                .path("a-quoted-name-with-newline")
                .path("actions")
                .path("place-order");
        assertThat(action.path("limits").path("memorySize").asInt()).isEqualTo(2048);
        assertThat(action.path("limits").path("timeout").asInt()).isEqualTo(600_000);
        assertThat(action.path("limits").path("concurrentActivations").asInt()).isEqualTo(8);
        assertThat(export.notes())
                .anySatisfy(n -> assertThat(n).contains("asks for 4096 MB").contains("gets 2048 MB"))
                .anySatisfy(n -> assertThat(n).contains("gets 600000 ms"))
                .anySatisfy(n -> assertThat(n).contains("concurrentActivations 8"));
    }

    @Test
    void hostileNamesAndOwnCodeGiveAValidBuildableExport(@TempDir Path temp) throws Exception {
        Project project = ProjectFiles.read(hostileProject().toString(), "hostile");
        Export export = exporter.export(project);
        JsonNode manifest = manifest(export);
        assertThat(manifest.path("packages").size()).isEqualTo(1);
        String pkg = manifest.path("packages").fieldNames().next();
        assertThat(pkg).isEqualTo("a-quoted-name-with-newline").matches(ENTITY);
        JsonNode packageNode = manifest.path("packages").path(pkg);
        List<String> actions = names(packageNode.path("actions"));
        assertThat(actions).containsExactly("place-order", "place-order-2", "unicode-fn");
        assertThat(names(packageNode.path("triggers"))).containsExactly("every-5-min", "q-1");
        assertThat(names(packageNode.path("rules"))).containsExactly("every-5-min-place-order-2", "q-1-unicode-fn");
        for (String name : List.of("actions", "triggers", "rules")) {
            assertThat(names(packageNode.path(name)))
                    .allSatisfy(n -> assertThat(n).matches(ENTITY));
        }
        JsonNode first = packageNode.path("actions").path("place-order");
        assertThat(first.path("inputs").path("WEIRD").asText()).isEqualTo("line1\nline2 \"q\": {x}");
        assertThat(first.path("inputs").path("KIND").path("value").asText()).isEqualTo("string");
        assertThat(first.path("inputs").path("ITEMS_TABLE").asText()).isEqualTo("items-table");
        assertThat(packageNode
                        .path("apis")
                        .path("api-x")
                        .path("api-x")
                        .path("orders/{id}")
                        .path("place-order")
                        .path("method")
                        .asText())
                .isEqualTo("POST");
        assertThat(export.files().paths())
                .contains(
                        "src/main/java/com/example/aquotednamewithnewline/PlaceOrderAction.java",
                        "src/main/java/com/example/aquotednamewithnewline/PlaceOrderAction2.java",
                        "src/main/java/com/example/aquotednamewithnewline/UnicodeFnAction.java",
                        "src/main/java/com/example/aquotednamewithnewline/Echo.java");
        assertThat(export.files().text("src/main/java/com/example/aquotednamewithnewline/UnicodeFnAction.java"))
                .contains("new Echo().handle(args.toString())");
        assertThat(export.files().text("README.md")).doesNotContain("\nwith newline");

        Path folder = ExportChecks.write(export, temp, "export");
        ExportChecks.mavenPackage(folder);
        JsonNode entities = aioEntities(folder);
        Map<String, JsonNode> deployed = byName(entities.path("actions"));
        assertThat(deployed).containsOnlyKeys(pkg + "/place-order", pkg + "/place-order-2", pkg + "/unicode-fn");
        assertThat(deployed.get(pkg + "/place-order")
                        .path("params")
                        .path("WEIRD")
                        .asText())
                .isEqualTo("line1\nline2 \"q\": {x}");
        Path jar = folder.resolve("target/a-quoted-name-with-newline-openwhisk.jar");
        List<JsonNode> results = runActions(
                jar,
                List.of(
                        "com.example.aquotednamewithnewline.UnicodeFnAction",
                        "{\"messages\":[{\"value\":\"hi\"}]}",
                        "com.example.aquotednamewithnewline.PlaceOrderAction",
                        "{\"__ow_method\":\"post\",\"__ow_path\":\"/orders/7\",\"WEIRD\":\"w\"}"));
        assertThat(results.get(0)
                        .path("echo")
                        .path("messages")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("hi");
        assertThat(results.get(1).path("body").path("function").asText()).isEqualTo("Place Order!");
        assertThat(results.get(1).path("body").path("method").asText()).isEqualTo("POST");
        assertThat(results.get(1).path("body").path("environment").path("WEIRD").asText())
                .isEqualTo("w");
    }

    @Test
    void directHttpIsAWebActionAndRoutesOpenWhiskCannotNameStayOutOfTheApi(@TempDir Path temp) throws Exception {
        ObjectNode root = Documents.object();
        root.put("format", "stratus-project/1").put("name", "routes").put("provider", "aws");
        ObjectNode architecture = root.putObject("architecture");
        ArrayNode nodes = architecture.putArray("nodes");
        nodes.addObject().put("kind", "http-trigger").put("id", "direct").put("name", "direct");
        nodes.addObject().put("kind", "http-trigger").put("id", "web").put("name", "web");
        nodes.addObject()
                .put("kind", "api-gateway")
                .put("id", "gw")
                .put("name", "shop")
                .put("type", "rest")
                .put("auth", "api-key")
                .put("rateLimitPerSecond", 100.0)
                .put("burst", 10)
                .putObject("latency")
                .put("shape", "lognormal")
                .put("meanMs", 5.0)
                .put("cv", 0.3);
        function(nodes, "f1", "hook");
        function(nodes, "f2", "things");
        function(nodes, "f3", "anything");
        ArrayNode edges = architecture.putArray("edges");
        edges.addObject().put("id", "e1").put("from", "direct").put("to", "f1");
        edges.addObject().put("id", "e2").put("from", "web").put("to", "gw");
        edges.addObject().put("id", "e3").put("from", "gw").put("to", "f2").put("route", "GET /things");
        edges.addObject().put("id", "e4").put("from", "gw").put("to", "f2").put("route", "PUT /things");
        edges.addObject().put("id", "e5").put("from", "gw").put("to", "f3").put("route", "/any");
        Export export = exporter.export(ProjectFiles.read(root.toString(), "routes"));
        JsonNode pkg = manifest(export).path("packages").path("routes");
        assertThat(pkg.path("actions")
                        .path("hook")
                        .path("annotations")
                        .path("web-export")
                        .asBoolean())
                .isTrue();
        assertThat(pkg.path("actions")
                        .path("anything")
                        .path("annotations")
                        .path("web-export")
                        .asBoolean())
                .isTrue();
        // One action answers GET and PUT on the same path: the second route needs a second API entry.
        assertThat(pkg.path("apis")
                        .path("shop")
                        .path("shop")
                        .path("things")
                        .path("things")
                        .path("method")
                        .asText())
                .isEqualTo("GET");
        assertThat(pkg.path("apis")
                        .path("shop-2")
                        .path("shop")
                        .path("things")
                        .path("things")
                        .path("method")
                        .asText())
                .isEqualTo("PUT");
        assertThat(pkg.path("apis").toString()).doesNotContain("anything").doesNotContain("hook");
        assertThat(export.notes())
                .anySatisfy(n -> assertThat(n)
                        .contains("'hook' is called over HTTP directly")
                        .contains("routes/hook.http"))
                .anySatisfy(n -> assertThat(n).contains("ANY /any").contains("routes/anything.http"))
                .anySatisfy(n -> assertThat(n).contains("checks callers (api-key)"));
        assertThat(export.files().text("README.md")).contains("| PUT | `/shop/things` | `things` |");

        // aio-lib-runtime reads it too; an empty file stands in for the jar, which it only reads.
        Path folder = ExportChecks.write(export, temp, "export");
        Files.createDirectories(folder.resolve("target"));
        Files.writeString(folder.resolve("target/routes-openwhisk.jar"), "jar");
        JsonNode entities = aioEntities(folder);
        assertThat(entities.path("apis"))
                .extracting(r -> r.path("name").asText() + " "
                        + r.path("operation").asText() + " "
                        + r.path("basepath").asText() + r.path("relpath").asText() + " "
                        + r.path("action").asText())
                .containsExactlyInAnyOrder(
                        "shop GET /shop/things routes/things", "shop-2 PUT /shop/things routes/things");
    }

    /**
     * A design whose names break naive exporters: quotes, colons, line breaks, non-ASCII, two functions
     * whose names sanitise alike, and a function with its own code.
     */
    private static ObjectNode hostileProject() {
        ObjectNode root = Documents.object();
        root.put("format", "stratus-project/1");
        root.put("name", "a \"quoted\": name\nwith newline");
        root.put("provider", "aws");
        ObjectNode architecture = root.putObject("architecture");
        ArrayNode nodes = architecture.putArray("nodes");
        nodes.addObject().put("kind", "http-trigger").put("id", "h").put("name", "web: \"in\"");
        nodes.addObject()
                .put("kind", "api-gateway")
                .put("id", "gw")
                .put("name", "api: \"x\"\n")
                .put("type", "http")
                .put("rateLimitPerSecond", 100.0)
                .put("burst", 10)
                .putObject("latency")
                .put("shape", "lognormal")
                .put("meanMs", 5.0)
                .put("cv", 0.3);
        nodes.addObject()
                .put("kind", "schedule-trigger")
                .put("id", "s")
                .put("name", "every \"5\": min\n")
                .put("expression", "rate(5 minutes)");
        ObjectNode first = function(nodes, "f1", "Place Order!");
        first.putObject("environment").put("WEIRD", "line1\nline2 \"q\": {x}").put("KIND", "string");
        function(nodes, "f2", "place-order");
        ObjectNode third = function(nodes, "f3", "ünïcode «fn»");
        third.put(
                "code",
                "public class Echo {\n    public String handle(String event) {\n"
                        + "        return \"{\\\"echo\\\":\" + event + \"}\";\n    }\n}\n");
        nodes.addObject()
                .put("kind", "queue-trigger")
                .put("id", "q")
                .put("name", "q: 1")
                .put("visibilityTimeoutSeconds", 30);
        nodes.addObject()
                .put("kind", "database")
                .put("id", "db")
                .put("name", "items: \"table\"")
                .putObject("latency")
                .put("shape", "lognormal")
                .put("meanMs", 5.0)
                .put("cv", 0.3);
        ArrayNode edges = architecture.putArray("edges");
        edges.addObject().put("id", "e1").put("from", "h").put("to", "gw");
        edges.addObject().put("id", "e2").put("from", "gw").put("to", "f1").put("route", "POST /orders/{id}");
        edges.addObject().put("id", "e3").put("from", "gw").put("to", "f2").put("route", "GET /orders");
        edges.addObject().put("id", "e4").put("from", "s").put("to", "f2");
        edges.addObject().put("id", "e5").put("from", "q").put("to", "f3");
        edges.addObject().put("id", "e6").put("from", "f1").put("to", "db");
        return root;
    }

    private static ObjectNode function(ArrayNode nodes, String id, String name) {
        ObjectNode function = nodes.addObject()
                .put("kind", "function")
                .put("id", id)
                .put("name", name)
                .put("memoryMb", 256)
                .put("timeoutSeconds", 5.0);
        function.putObject("execution")
                .put("shape", "lognormal")
                .put("meanMs", 10.0)
                .put("cv", 0.5);
        return function;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode manifest(Export export) throws Exception {
        return Documents.yamlMapper().readTree(export.files().text("manifest.yaml"));
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        array.forEach(n -> byName.put(n.path("name").asText(), n));
        return byName;
    }

    /** The entities @adobe/aio-lib-runtime would deploy from the export's manifest.yaml. */
    private static JsonNode aioEntities(Path folder) throws Exception {
        Path modules = ExportChecks.nodeModules();
        Path script = modules.getParent().resolve("openwhisk-manifest.js");
        ExportChecks.Result result = ExportChecks.run(
                folder,
                Duration.ofMinutes(2),
                FEED_ENVIRONMENT,
                "node",
                script.toString(),
                modules.toString(),
                "manifest.yaml");
        assertThat(result.exitCode())
                .as("aio-lib-runtime on %s:%n%s", folder, result.output())
                .isZero();
        String line = result.output()
                .lines()
                .filter(l -> l.startsWith("ENTITIES "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entities in:\n" + result.output()));
        return JSON.readTree(line.substring("ENTITIES ".length()));
    }

    /** Calls actions' main methods from the built jar, as OpenWhisk's Java runtime does. */
    private static List<JsonNode> runActions(Path jar, List<String> classesAndArgs) throws Exception {
        Path runner = runnerSource();
        String classpath = jar.toAbsolutePath() + File.pathSeparator + gsonJar();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                runner.toString()));
        command.addAll(classesAndArgs);
        ExportChecks.Result result =
                ExportChecks.run(jar.getParent(), Duration.ofMinutes(2), Map.of(), command.toArray(String[]::new));
        assertThat(result.exitCode())
                .as("actions in %s:%n%s", jar, result.output())
                .isZero();
        List<JsonNode> results = new ArrayList<>();
        for (Iterator<String> lines = result.output().lines().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.startsWith("RESULT ")) {
                results.add(JSON.readTree(line.substring("RESULT ".length())));
            }
        }
        assertThat(results).as(result.output()).hasSize(classesAndArgs.size() / 2);
        return results;
    }

    private static Path runnerSource() throws URISyntaxException {
        return Path.of(OpenWhiskExporterTest.class
                .getResource("/openwhisk/ActionRunner.java")
                .toURI());
    }

    private static Path gsonJar() {
        String local = System.getProperty("maven.repo.local");
        Path repository =
                local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        Path gson = repository.resolve("com/google/code/gson/gson/" + OpenWhiskExporter.GSON_VERSION + "/gson-"
                + OpenWhiskExporter.GSON_VERSION + ".jar");
        assertThat(gson).as("Gson, downloaded by the exported build").isRegularFile();
        return gson;
    }
}
