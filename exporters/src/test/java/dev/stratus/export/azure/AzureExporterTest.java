package dev.stratus.export.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.export.Export;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.ExportTarget;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Database;
import dev.stratus.model.Distribution;
import dev.stratus.model.Edge;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.StorageTrigger;
import dev.stratus.model.Topic;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class AzureExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Export export(Project project) throws Exception {
        return new AzureExporter().export(project);
    }

    private static Export sample(String name) throws Exception {
        return export(ExportChecks.sample(name + ".stratus.json"));
    }

    private static JsonNode json(Export export, String path) throws Exception {
        return JSON.readTree(export.files().text(path));
    }

    private static Document pom(Export export) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(export.files().text("pom.xml").getBytes(StandardCharsets.UTF_8)));
    }

    private static String xpath(Document pom, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, pom);
    }

    private static final String PLUGIN = "/project/build/plugins/plugin[artifactId='azure-functions-maven-plugin']";

    /** The plugin's appSettings as name to value. */
    private static Map<String, String> appSettings(Document pom) throws Exception {
        NodeList properties = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate(PLUGIN + "/configuration/appSettings/property", pom, XPathConstants.NODESET);
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < properties.getLength(); i++) {
            org.w3c.dom.Node property = properties.item(i);
            settings.put(
                    xpath(pom, "(" + PLUGIN + "/configuration/appSettings/property)[" + (i + 1) + "]/name"),
                    property.getLastChild() == null
                            ? ""
                            : xpath(pom, "(" + PLUGIN + "/configuration/appSettings/property)[" + (i + 1) + "]/value"));
        }
        return settings;
    }

    private static String source(Export export, String className) {
        return export.files().paths().stream()
                .filter(p -> p.endsWith("/functions/" + className + ".java"))
                .map(export.files()::text)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no class " + className + " in " + export.files().paths()));
    }

    @Test
    void theNightlyReportMatchesItsGoldenExport() throws Exception {
        ExportChecks.assertMatchesGolden(sample("nightly-report"), "azure-nightly-report");
    }

    @Test
    void theNightlyReportIsATimerFunctionWithItsSettingsTimeoutAndScaleLimit() throws Exception {
        Export export = sample("nightly-report");
        assertThat(export.target()).isEqualTo(ExportTarget.AZURE);
        Document pom = pom(export);
        assertThat(xpath(pom, "/project/dependencies/dependency[artifactId='azure-functions-java-library']/version"))
                .isEqualTo("3.2.3");
        assertThat(xpath(pom, PLUGIN + "/version")).isEqualTo("1.30.0");
        assertThat(xpath(pom, "/project/properties/functionAppName")).isEqualTo("nightly-report");
        assertThat(xpath(pom, PLUGIN + "/configuration/appName")).isEqualTo("${functionAppName}");
        assertThat(xpath(pom, PLUGIN + "/configuration/pricingTier")).isEqualTo("Consumption");
        assertThat(xpath(pom, PLUGIN + "/configuration/runtime/os")).isEqualTo("linux");
        assertThat(xpath(pom, PLUGIN + "/configuration/runtime/javaVersion")).isEqualTo("21");
        assertThat(xpath(pom, PLUGIN + "/configuration/allowTelemetry")).isEqualTo("false");
        assertThat(xpath(pom, PLUGIN + "/executions/execution/goals/goal")).isEqualTo("package");
        assertThat(appSettings(pom))
                .containsEntry("FUNCTIONS_EXTENSION_VERSION", "~4")
                .containsEntry("ORDERS_TABLE", "orders")
                .containsEntry("REPORT_RECIPIENTS", "sales-team@example.com")
                .containsEntry("REPORT_SENDER", "reports@example.com");

        JsonNode host = json(export, "host.json");
        assertThat(host.get("version").asText()).isEqualTo("2.0");
        assertThat(host.get("functionTimeout").asText()).isEqualTo("00:05:00");
        assertThat(host.at("/extensionBundle/version").asText()).isEqualTo("[4.*, 5.0.0)");

        JsonNode local = json(export, "local.settings.json");
        assertThat(local.get("IsEncrypted").asBoolean(true)).isFalse();
        assertThat(local.at("/Values/AzureWebJobsStorage").asText()).isEqualTo("UseDevelopmentStorage=true");
        assertThat(local.at("/Values/FUNCTIONS_WORKER_RUNTIME").asText()).isEqualTo("java");
        assertThat(local.at("/Values/ORDERS_TABLE").asText()).isEqualTo("orders");

        String code = source(export, "BuildReportFunction");
        assertThat(code)
                .contains("@FunctionName(\"build-report\")")
                .contains("@TimerTrigger(name = \"timerInfo\", schedule = \"0 0 2 * * *\") String timerInfo")
                .contains(
                        "@TableOutput(name = \"ordersTable\", tableName = \"orders\", connection = \"AzureWebJobsStorage\")")
                .contains("System.getenv(\"ORDERS_TABLE\")");
        assertThat(export.files().text("README.md"))
                .contains("mvn clean package")
                .contains("mvn azure-functions:run")
                .contains("mvn azure-functions:deploy")
                .contains("properties.functionAppScaleLimit=1")
                .contains("`build-report` | `BuildReportFunction` | timer, NCRONTAB 0 0 2 * * * (UTC)");
        assertThat(export.notes())
                .anyMatch(n -> n.contains("Azure Communication Services Email"))
                .anyMatch(n -> n.contains("Reserved concurrency 1") && n.contains("functionAppScaleLimit"))
                .anyMatch(n -> n.contains("2048 MB") && n.contains("1.5 GB"));
    }

    @Test
    void theRestApiGetsOneAnonymousHttpFunctionPerRouteWithAzureRoutesAndNoApiPrefix() throws Exception {
        Export export = sample("rest-api");
        String get = source(export, "GetItemFunction");
        assertThat(get)
                .contains("@HttpTrigger(name = \"request\", methods = {HttpMethod.GET}, route = \"items/{id}\","
                        + " authLevel = AuthorizationLevel.ANONYMOUS)")
                .contains("HttpRequestMessage<Optional<String>> request")
                .contains("@BindingName(\"id\") String id")
                .contains("public HttpResponseMessage http(");
        assertThat(source(export, "DeleteItemFunction"))
                .contains("methods = {HttpMethod.DELETE}, route = \"items/{id}\"");
        assertThat(source(export, "CreateItemFunction")).contains("methods = {HttpMethod.POST}, route = \"items\"");
        assertThat(json(export, "host.json").at("/extensions/http/routePrefix").asText("missing"))
                .isEmpty();
        assertThat(json(export, "local.settings.json").at("/Values/TABLE_NAME").asText())
                .isEqualTo("itemstable");
        assertThat(json(export, "host.json").get("functionTimeout").asText()).isEqualTo("00:00:10");
    }

    @Test
    void theOrderPipelineUsesAStorageQueueAServiceBusTopicAndOutputBindingsForItsConnections() throws Exception {
        Export export = sample("order-pipeline");
        assertThat(source(export, "PlaceOrderFunction"))
                .contains("@QueueOutput(name = \"ordersQueue\", queueName = \"orders-queue\", connection ="
                        + " \"AzureWebJobsStorage\")")
                .contains("OutputBinding<String> ordersQueue");
        assertThat(source(export, "ProcessOrderFunction"))
                .contains("@QueueTrigger(name = \"message\", queueName = \"orders-queue\", connection ="
                        + " \"AzureWebJobsStorage\") String message")
                .contains("@TableOutput(name = \"ordersTable\", tableName = \"orderstable\"")
                .contains("@ServiceBusTopicOutput(name = \"orderEventsTopic\", topicName = \"order-events\"");
        assertThat(source(export, "NotifyCustomerFunction"))
                .contains("topicName = \"order-events\"")
                .contains("subscriptionName = \"notify-customer\"")
                .contains("connection = \"ServiceBusConnection\"");
        JsonNode local = json(export, "local.settings.json");
        assertThat(local.at("/Values/ServiceBusConnection").asText()).contains("UseDevelopmentEmulator=true");
        assertThat(local.at("/Values/ORDERS_QUEUE_NAME").asText()).isEqualTo("orders-queue");
        assertThat(local.at("/Values/PAYMENT_API_URL").asText()).isEqualTo("https://api.payments.example.com/v1");
        assertThat(appSettings(pom(export)))
                .containsEntry(
                        "ServiceBusConnection__fullyQualifiedNamespace",
                        "${serviceBusNamespace}.servicebus.windows.net")
                .containsEntry("ORDER_EVENTS_TOPIC", "order-events");
        assertThat(xpath(pom(export), "/project/properties/serviceBusNamespace"))
                .isEqualTo("order-pipeline-bus");
        assertThat(json(export, "host.json").at("/extensions/queues/batchSize").asInt())
                .isEqualTo(10);
        assertThat(export.notes())
                .contains("'orders-table' is named 'orderstable' on Azure, which accepts only"
                        + " letters and digits in table names.");
        assertThat(export.files().text("README.md"))
                .contains("| `process-order` | `ProcessOrderFunction` | Storage queue orders-queue | table orderstable,"
                        + " Service Bus topic order-events |")
                .contains("A standard queue is an Azure Storage queue")
                .contains("A topic is a Service Bus topic")
                .contains("az storage queue create --name orders-queue")
                .contains("az servicebus topic subscription create -g order-pipeline-rg --namespace-name \"$BUS\""
                        + " --topic-name order-events --name notify-customer");
    }

    @Test
    void theTelemetryStreamIsAnEventHubTriggerTakingBatches() throws Exception {
        Export export = sample("iot-telemetry");
        assertThat(source(export, "IngestTelemetryFunction"))
                .contains("eventHubName = \"telemetry-stream\"")
                .contains("cardinality = Cardinality.MANY")
                .contains("List<String> records");
        assertThat(json(export, "host.json")
                        .at("/extensions/eventHubs/maxEventBatchSize")
                        .asInt())
                .isEqualTo(100);
        assertThat(export.files().text("README.md"))
                .contains("az eventhubs eventhub create -g iot-telemetry-rg --namespace-name \"$HUBS\" --name"
                        + " telemetry-stream --partition-count 4")
                .contains("A stream is an event hub");
        assertThat(appSettings(pom(export)))
                .containsEntry(
                        "EventHubConnection__fullyQualifiedNamespace", "${eventHubsNamespace}.servicebus.windows.net");
    }

    @Test
    void uploadsAreABlobTriggerWithTheSuffixInThePathAndOnFlexItsSourceIsEventGrid() throws Exception {
        Project project = ExportChecks.sample("image-thumbnailer.stratus.json");
        assertThat(source(export(project), "MakeThumbnailFunction"))
                .contains("path = \"uploads/{name}.jpg\"")
                .contains("dataType = \"binary\"")
                .doesNotContain("EventGrid");
        Export flex = export(project.withProvider(Provider.AZURE_FLEX));
        assertThat(source(flex, "MakeThumbnailFunction")).contains("source = \"EventGrid\"");
        assertThat(flex.files().text("README.md")).contains("--included-event-types Microsoft.Storage.BlobCreated");
        Document pom = pom(flex);
        assertThat(xpath(pom, PLUGIN + "/configuration/pricingTier")).isEqualTo("Flex Consumption");
        assertThat(xpath(pom, PLUGIN + "/configuration/instanceSize")).isEqualTo("2048");
    }

    @Test
    void onFlexTheScaleLimitIsMaximumInstancesProvisionedConcurrencyIsAlwaysReadyAndLongTimeoutsStay()
            throws Exception {
        Project nightly = ExportChecks.sample("nightly-report.stratus.json");
        FunctionNode report = (FunctionNode) nightly.architecture().nodes().stream()
                .filter(n -> n instanceof FunctionNode)
                .findFirst()
                .orElseThrow();
        FunctionNode changed = report.withConcurrency(3, 2).withTimeoutSeconds(1800);
        Project project = replace(nightly, report, changed);

        Export flex = export(project.withProvider(Provider.AZURE_FLEX));
        Document pom = pom(flex);
        assertThat(xpath(pom, PLUGIN + "/configuration/maximumInstances")).isEqualTo("3");
        assertThat(xpath(pom, PLUGIN + "/configuration/alwaysReadyInstances")).isEqualTo("2");
        assertThat(json(flex, "host.json").get("functionTimeout").asText()).isEqualTo("00:30:00");

        Export consumption = export(project);
        assertThat(json(consumption, "host.json").get("functionTimeout").asText())
                .isEqualTo("00:10:00");
        assertThat(xpath(pom(consumption), PLUGIN + "/configuration/maximumInstances"))
                .isEmpty();
        assertThat(consumption.notes())
                .anyMatch(n -> n.contains("capped at 10 minutes"))
                .anyMatch(n -> n.contains("Provisioned concurrency (2) has no Consumption-plan equivalent"));
    }

    @Test
    void aReservedConcurrencyOfZeroDisablesTheFunction() throws Exception {
        Project nightly = ExportChecks.sample("nightly-report.stratus.json");
        FunctionNode report = (FunctionNode) nightly.architecture().nodes().stream()
                .filter(n -> n instanceof FunctionNode)
                .findFirst()
                .orElseThrow();
        Export export = export(replace(nightly, report, report.withConcurrency(0, 0)));
        assertThat(json(export, "local.settings.json")
                        .at("/Values/AzureWebJobs.build-report.Disabled")
                        .asText())
                .isEqualTo("true");
        assertThat(appSettings(pom(export))).containsEntry("AzureWebJobs.build-report.Disabled", "true");
    }

    @Test
    void hostileNamesAreSanitisedIntoEveryFileAndCollisionsGetNumbers() throws Exception {
        Export export = export(hostileProject());
        JsonNode local = json(export, "local.settings.json");
        assertThat(local.at("/Values/WEIRD").asText()).isEqualTo("x\" \n ${user.home} </value>");
        assertThat(appSettings(pom(export))).containsEntry("WEIRD", "x\" \n ${user.home} </value>");
        assertThat(xpath(pom(export), "/project/properties/functionAppName")).isEqualTo("a-quoted-name-with-newline");
        assertThat(xpath(pom(export), "/project/name")).isEqualTo("a \"quoted\": name\nwith newline");
        assertThat(export.files().paths())
                .contains(
                        "src/main/java/com/example/aquotednamewithnewline/functions/AQuotedNameWithNewlineFunction.java",
                        "src/main/java/com/example/aquotednamewithnewline/functions/AQuotedNameWithNewlineFunction2.java",
                        "src/main/java/com/example/aquotednamewithnewline/Handler.java");
        assertThat(source(export, "AQuotedNameWithNewlineFunction"))
                .contains("@FunctionName(\"a-quoted-name-with-newline\")")
                .contains("return new com.example.aquotednamewithnewline.Handler().handle(event);")
                .contains("@ServiceBusQueueOutput(name = \"qUeue\", queueName = \"q-ueue\"");
        assertThat(source(export, "AQuotedNameWithNewlineFunction2"))
                .contains("@FunctionName(\"a-quoted-name-with-newline-2\")")
                .contains("@EventGridTrigger(name = \"event\") String eventGridEvent")
                .contains("@FunctionName(\"a-quoted-name-with-newline-2-queue\")")
                .contains("isSessionsEnabled = true");
        assertThat(source(export, "ClassFunction"))
                .contains("schedule = \"0 */7 * * * *\"")
                .contains("@TableOutput(name = \"itemsTable\", tableName = \"itemstable\"");
        assertThat(export.files().text("README.md"))
                .contains("--included-event-types Microsoft.Storage.BlobDeleted")
                .contains("--subject-begins-with '/blobServices/default/containers/in-box/blobs/in{x}/'")
                .contains("--subject-ends-with '.jpg'\\''\"'");
        assertThat(export.notes())
                .anyMatch(n -> n.contains("FIFO queue"))
                .anyMatch(n -> n.contains("blob is deleted"))
                .anyMatch(n -> n.contains("rate(7 minutes)"))
                .anyMatch(n -> n.contains("has 2 triggers"));
    }

    private static Project replace(Project project, Node old, Node replacement) {
        List<Node> nodes = new ArrayList<>(project.architecture().nodes());
        nodes.set(nodes.indexOf(old), replacement);
        return project.withArchitecture(
                new Architecture(nodes, project.architecture().edges()));
    }

    private static FunctionNode function(String id, String name, Map<String, String> environment, String code) {
        FunctionNode base = FunctionNode.of(id, name);
        return new FunctionNode(
                id,
                name,
                "java21",
                null,
                512,
                30,
                null,
                code,
                environment,
                null,
                0,
                null,
                null,
                base.execution(),
                null,
                null);
    }

    /**
     * Names with quotes, a colon and a line break; two functions whose names sanitise alike; a FIFO queue;
     * a deleted-blob trigger with braces and a quote in its filter; a function named after a Java keyword.
     */
    static Project hostileProject() {
        String hostile = "a \"quoted\": name\nwith newline";
        Distribution latency = Distribution.lognormal(10, 0.3);
        List<Node> nodes = List.of(
                new HttpTrigger("http", "web\"in"),
                new ApiGateway(
                        "gw", "gate: \"way\"", ApiGateway.Type.HTTP, 100, 10, null, ApiGateway.Auth.API_KEY, latency),
                function(
                        "fn1",
                        hostile,
                        Map.of(),
                        "import java.util.Locale;\n\npublic class Handler {\n"
                                + "    public String handle(String event) {\n"
                                + "        return \"{\\\"length\\\":\" + event.length() + \"}\";\n"
                                + "    }\n}\n"),
                new Queue("q", "q\"ueue", Queue.Type.FIFO, latency, null, 30),
                new StorageTrigger("st", "In box", StorageTrigger.Event.DELETED, "in{x}/", ".jpg'\""),
                function("fn2", "A Quoted Name With Newline", Map.of(), null),
                new ScheduleTrigger("timer", "tick\ntock", "rate(7 minutes)"),
                function("fn3", "class", Map.of("WEIRD", "x\" \n ${user.home} </value>"), null),
                new Database("db", "items table!", latency, null),
                new Topic("topic", "news: \"all\"", latency, null));
        List<Edge> edges = List.of(
                Edge.of("e1", "http", "gw"),
                Edge.of("e2", "gw", "fn1").withRoute("GET /items/{proxy+}"),
                Edge.of("e3", "fn1", "q"),
                Edge.of("e4", "st", "fn2"),
                Edge.of("e5", "q", "fn2"),
                Edge.of("e6", "timer", "fn3"),
                Edge.of("e7", "fn3", "db"),
                Edge.of("e8", "fn3", "topic"));
        return Project.empty(hostile).withProvider(Provider.AZURE).withArchitecture(new Architecture(nodes, edges));
    }
}
