package dev.stratus.export.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.ExportPlan;
import dev.stratus.export.Names;
import dev.stratus.export.Schedules;
import dev.stratus.export.Xml;
import dev.stratus.model.Architecture;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Provider;
import dev.stratus.model.Queue;
import dev.stratus.model.StorageTrigger;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds exported projects with {@code mvn -q package} and reads the function.json files that the
 * azure-functions-maven-plugin writes: one per function, with the triggers the design asks for.
 */
class AzureExportBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** All exports, built together: one Maven reactor whose modules are the exported projects. */
    @TempDir
    static Path builds;

    private static ExportChecks.Result build;

    static Stream<Path> samples() {
        return ExportChecks.samples().stream();
    }

    private static String module(Path sample) {
        return sample.getFileName().toString().replace(".stratus.json", "");
    }

    /**
     * Writes every sample's export and the hostile project's into one folder with an aggregator POM and
     * runs {@code mvn -B -q package} once: each exported pom.xml is built as it is, as a module, and the
     * reactor saves a Maven start per project. {@code --fail-at-end} builds the others when one fails.
     */
    @BeforeAll
    static void buildEveryExport() throws Exception {
        Xml aggregator = Xml.element("project")
                .attribute("xmlns", "http://maven.apache.org/POM/4.0.0")
                .leaf("modelVersion", "4.0.0")
                .leaf("groupId", "com.example.checks")
                .leaf("artifactId", "azure-exports")
                .leaf("version", "1.0.0")
                .leaf("packaging", "pom");
        Xml modules = aggregator.child("modules");
        for (Path sample : ExportChecks.samples()) {
            ExportChecks.write(new AzureExporter().export(ExportChecks.load(sample)), builds, module(sample));
            modules.leaf("module", module(sample));
        }
        ExportChecks.write(new AzureExporter().export(AzureExporterTest.hostileProject()), builds, "hostile");
        modules.leaf("module", "hostile");
        ExportChecks.write(new AzureExporter().export(flexProject()), builds, "flex");
        modules.leaf("module", "flex");
        Files.writeString(builds.resolve("pom.xml"), aggregator.document());
        build = ExportChecks.run(
                builds, Duration.ofMinutes(15), Map.of(), "mvn", "-B", "-q", "--fail-at-end", "package");
    }

    private static void assertBuilt() {
        assertThat(build.exitCode())
                .as("mvn -q package of the exports:%n%s", build.output())
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleBuildsAndThePluginWritesAFunctionJsonWithTheDesignedTriggerForEachFunction(Path sample)
            throws Exception {
        assertBuilt();
        Project project = ExportChecks.load(sample);
        Path folder = builds.resolve(module(sample));
        ExportPlan plan = ExportPlan.of(project);
        Path staging = folder.resolve("target/azure-functions").resolve(AzureApps.appName(project.name()));
        List<String> expectedNames = new ArrayList<>();
        for (ExportPlan.Function function : plan.functions()) {
            String name = Names.kebab(function.name(), "function", 120);
            expectedNames.add(name);
            assertThat(function.events())
                    .as("the samples start each function one way")
                    .hasSize(1);
            JsonNode json = readFunctionJson(staging, name);
            assertTriggerMatches(json.get("bindings").get(0), function.events().get(0));
            assertThat(json.get("scriptFile").asText()).endsWith(".jar");
            List<String> outputs = new ArrayList<>();
            json.get("bindings").forEach(b -> {
                if (b.get("direction").asText().equals("out")
                        && !b.get("type").asText().equals("http")) {
                    outputs.add(b.get("type").asText());
                }
            });
            List<String> expectedOutputs = function.connections().stream()
                    .filter(c -> c.resource() != null)
                    .map(c -> switch (c.resource().kind()) {
                        case TABLE -> "table";
                        case QUEUE -> "queue";
                        case TOPIC -> "serviceBus";
                        default -> "";
                    })
                    .filter(t -> !t.isEmpty())
                    .toList();
            assertThat(outputs).as("output bindings of %s", name).containsExactlyInAnyOrderElementsOf(expectedOutputs);
        }
        try (Stream<Path> entries = Files.list(staging)) {
            assertThat(entries.filter(p -> Files.exists(p.resolve("function.json")))
                            .map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(expectedNames);
        }
        assertThat(staging.resolve("host.json")).exists();
        assertThat(staging.resolve("local.settings.json")).exists();
        assertThat(staging.resolve("lib/azure-functions-java-library-3.2.3.jar"))
                .exists();
    }

    /** The binding the design implies, checked against what the plugin wrote, not what the exporter meant. */
    private static void assertTriggerMatches(JsonNode binding, ExportPlan.Event event) throws Exception {
        assertThat(binding.get("direction").asText()).isEqualTo("in");
        if (event instanceof ExportPlan.Http http) {
            assertThat(binding.get("type").asText()).isEqualTo("httpTrigger");
            assertThat(binding.get("route").asText()).isEqualTo(http.path().substring(1));
            assertThat(binding.get("methods")).extracting(JsonNode::asText).containsExactly(http.method());
            assertThat(binding.get("authLevel").asText()).isEqualTo("ANONYMOUS");
        } else if (event instanceof ExportPlan.Schedule schedule) {
            assertThat(binding.get("type").asText()).isEqualTo("timerTrigger");
            assertThat(binding.get("schedule").asText())
                    .isEqualTo(Schedules.ncrontab(schedule.expression(), "s").expression())
                    .matches("\\S+( \\S+){5}");
        } else if (event instanceof ExportPlan.QueueMessages queue) {
            boolean fifo = queue.queue().node() instanceof Queue q && q.type() == Queue.Type.FIFO;
            assertThat(binding.get("type").asText()).isEqualTo(fifo ? "serviceBusTrigger" : "queueTrigger");
            assertThat(binding.get("queueName").asText())
                    .isEqualTo(AzureApps.storageName(queue.queue().name(), "queue"));
            assertThat(binding.get("connection").asText()).isEqualTo("AzureWebJobsStorage");
        } else if (event instanceof ExportPlan.StorageEvent storage) {
            assertThat(storage.event()).isEqualTo(StorageTrigger.Event.CREATED);
            assertThat(binding.get("type").asText()).isEqualTo("blobTrigger");
            assertThat(binding.get("path").asText())
                    .isEqualTo(AzureApps.storageName(storage.bucket().name(), "container") + "/" + storage.prefix()
                            + "{name}" + storage.suffix());
        } else if (event instanceof ExportPlan.StreamRecords stream) {
            assertThat(binding.get("type").asText()).isEqualTo("eventHubTrigger");
            assertThat(binding.get("eventHubName").asText())
                    .isEqualTo(AzureApps.storageName(stream.stream().name(), "events"));
            assertThat(binding.get("cardinality").asText()).isEqualToIgnoringCase("MANY");
        } else if (event instanceof ExportPlan.TopicMessages topic) {
            assertThat(binding.get("type").asText()).isEqualTo("serviceBusTrigger");
            assertThat(binding.get("topicName").asText())
                    .isEqualTo(AzureApps.storageName(topic.topic().name(), "topic"));
            assertThat(binding.get("subscriptionName").asText()).isNotBlank();
        }
    }

    static JsonNode readFunctionJson(Path staging, String functionName) throws IOException {
        Path file = staging.resolve(functionName).resolve("function.json");
        assertThat(file).as("function.json of %s", functionName).exists();
        return JSON.readTree(file.toFile());
    }

    @Test
    void hostileNamesAndUserCodeStillGiveABuildableAppWithValidUniqueFunctionNames() throws Exception {
        assertBuilt();
        Project project = AzureExporterTest.hostileProject();
        Path folder = builds.resolve("hostile");
        Path staging = folder.resolve("target/azure-functions").resolve(AzureApps.appName(project.name()));
        List<String> names;
        try (Stream<Path> entries = Files.list(staging)) {
            names = entries.filter(p -> Files.exists(p.resolve("function.json")))
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
        assertThat(folder.resolve("target/classes/com/example/aquotednamewithnewline/Handler.class"))
                .as("the function's own code is compiled into the app")
                .exists();
        assertThat(names)
                .hasSize(4)
                .allMatch(n -> n.matches("[A-Za-z][A-Za-z0-9_-]{0,127}"))
                .doesNotHaveDuplicates();
        JsonNode fifo = readFunctionJson(staging, "a-quoted-name-with-newline");
        assertThat(fifo.get("bindings").get(0).get("type").asText()).isEqualTo("httpTrigger");
        assertThat(fifo.get("bindings").get(0).get("route").asText()).isEqualTo("items/{proxy}");
        assertThat(fifo.get("bindings").get(0).get("authLevel").asText()).isEqualTo("FUNCTION");
        assertThat(fifo.get("bindings"))
                .anySatisfy(b -> assertThat(b.get("type").asText()).isEqualTo("serviceBus"));
        JsonNode deleted = readFunctionJson(staging, "a-quoted-name-with-newline-2");
        assertThat(deleted.get("bindings").get(0).get("type").asText()).isEqualTo("eventGridTrigger");
        JsonNode queue = readFunctionJson(staging, "a-quoted-name-with-newline-2-queue");
        assertThat(queue.get("bindings").get(0).get("type").asText()).isEqualTo("serviceBusTrigger");
        assertThat(queue.get("bindings").get(0).get("isSessionsEnabled").asBoolean())
                .isTrue();
        assertThat(queue.get("entryPoint").asText()).endsWith(".queue");
    }

    /** The image thumbnailer on Flex Consumption, with reserved and provisioned concurrency. */
    private static Project flexProject() {
        Project project = ExportChecks.sample("image-thumbnailer.stratus.json").withProvider(Provider.AZURE_FLEX);
        List<Node> nodes = new ArrayList<>();
        for (Node node : project.architecture().nodes()) {
            nodes.add(node instanceof FunctionNode f ? f.withConcurrency(5, 2) : node);
        }
        return project.withName("Thumbnails on Flex")
                .withArchitecture(new Architecture(nodes, project.architecture().edges()));
    }

    @Test
    void aFlexConsumptionAppWithScaleSettingsBuildsAndItsBlobTriggerUsesEventGrid() throws Exception {
        assertBuilt();
        Path staging = builds.resolve("flex/target/azure-functions/thumbnails-on-flex");
        JsonNode binding =
                readFunctionJson(staging, "make-thumbnail").get("bindings").get(0);
        assertThat(binding.get("type").asText()).isEqualTo("blobTrigger");
        assertThat(binding.get("source").asText()).isEqualTo("EventGrid");
        assertThat(binding.get("path").asText()).isEqualTo("uploads/{name}.jpg");
        String pom = Files.readString(builds.resolve("flex/pom.xml"));
        assertThat(pom)
                .contains("<pricingTier>Flex Consumption</pricingTier>")
                .contains("<instanceSize>2048</instanceSize>")
                .contains("<maximumInstances>5</maximumInstances>")
                .contains("<alwaysReadyInstances>2</alwaysReadyInstances>");
    }

    /** The Maven local repository, where the build put the Functions core library that the worker provides. */
    private static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    @Test
    void theBuiltFunctionsRunPassingTheirEventAsJsonToTheCodeAndAnswering() throws Exception {
        assertBuilt();
        Path classes = builds.resolve("hostile/target/classes");
        Path core = localRepository()
                .resolve("com/microsoft/azure/functions/azure-functions-java-core-library/1.3.0"
                        + "/azure-functions-java-core-library-1.3.0.jar");
        assertThat(core)
                .as("the Functions core library, which the build resolved")
                .exists();
        String pkg = "com.example.aquotednamewithnewline.functions.";
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord entry) {
                logged.add(entry.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL(), core.toUri().toURL()},
                getClass().getClassLoader())) {
            Method object = loader.loadClass(pkg + "Json").getDeclaredMethod("object", Object[].class);
            object.setAccessible(true);
            String text = (String) object.invoke(
                    null, (Object) new Object[] {"text", "a\"b\\c\nd\u0001", "list", Arrays.asList(1, true, null)});
            JsonNode parsed = JSON.readTree(text);
            assertThat(parsed.get("text").asText()).isEqualTo("a\"b\\c\nd\u0001");
            assertThat(parsed.get("list").toString()).isEqualTo("[1,true,null]");

            Class<?> contextType = loader.loadClass("com.microsoft.azure.functions.ExecutionContext");
            Class<?> bindingType = loader.loadClass("com.microsoft.azure.functions.OutputBinding");
            Object context = Proxy.newProxyInstance(
                    loader,
                    new Class<?>[] {contextType},
                    (proxy, method, args) -> method.getName().equals("getLogger") ? logger : null);
            Object binding =
                    Proxy.newProxyInstance(loader, new Class<?>[] {bindingType}, (proxy, method, args) -> null);

            // The timer function without code of its own logs an answer naming it and its settings.
            Class<?> timerClass = loader.loadClass(pkg + "ClassFunction");
            timerClass
                    .getMethod("timer", String.class, bindingType, bindingType, contextType)
                    .invoke(
                            timerClass.getConstructor().newInstance(),
                            "{\"isPastDue\":false}",
                            binding,
                            binding,
                            context);
            JsonNode answer = JSON.readTree(logged.get(logged.size() - 1));
            assertThat(answer.get("function").asText()).isEqualTo("class");
            assertThat(answer.get("settings").fieldNames())
                    .toIterable()
                    .containsExactly("ITEMS_TABLE", "NEWS_ALL_TOPIC", "WEIRD");

            // The HTTP function with code of its own passes the request, as JSON, to it and answers 200.
            Class<?> requestType = loader.loadClass("com.microsoft.azure.functions.HttpRequestMessage");
            Class<?> builderType = loader.loadClass("com.microsoft.azure.functions.HttpResponseMessage$Builder");
            Class<?> responseType = loader.loadClass("com.microsoft.azure.functions.HttpResponseMessage");
            Class<?> methodType = loader.loadClass("com.microsoft.azure.functions.HttpMethod");
            Map<String, Object> response = new java.util.HashMap<>();
            Object built = Proxy.newProxyInstance(
                    loader,
                    new Class<?>[] {responseType},
                    (proxy, method, args) -> method.getName().equals("getBody") ? response.get("body") : null);
            Object builder = Proxy.newProxyInstance(loader, new Class<?>[] {builderType}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "status", "header" -> response.put(method.getName() + response.size(), args[0]);
                    case "body" -> response.put("body", args[0]);
                    case "build" -> {
                        return built;
                    }
                    default -> {}
                }
                return proxy;
            });
            Object request = Proxy.newProxyInstance(
                    loader, new Class<?>[] {requestType}, (proxy, method, args) -> switch (method.getName()) {
                        case "getUri" -> URI.create("http://localhost:7071/items/a%20b");
                        case "getHttpMethod" -> methodType.getField("GET").get(null);
                        case "getHeaders" -> Map.of("accept", "application/json");
                        case "getQueryParameters" -> Map.of("q", "1");
                        case "getBody" -> Optional.of("{\"x\":1}");
                        case "createResponseBuilder" -> {
                            response.put("status", args[0]);
                            yield builder;
                        }
                        default -> null;
                    });
            Class<?> httpClass = loader.loadClass(pkg + "AQuotedNameWithNewlineFunction");
            Object result = httpClass
                    .getMethod("http", requestType, String.class, bindingType, contextType)
                    .invoke(httpClass.getConstructor().newInstance(), request, "a b", binding, context);
            assertThat(result).isSameAs(built);
            assertThat(response.get("status").toString()).isEqualTo("OK");
            String event = logged.get(logged.size() - 1).substring("event: ".length());
            JsonNode request1 = JSON.readTree(event);
            assertThat(request1.get("method").asText()).isEqualTo("GET");
            assertThat(request1.get("path").asText()).isEqualTo("/items/a b");
            assertThat(request1.at("/pathParameters/proxy").asText()).isEqualTo("a b");
            assertThat(request1.get("body").asText()).isEqualTo("{\"x\":1}");
            // The user's Handler answers with the length of the event it was given.
            assertThat(JSON.readTree((String) response.get("body"))
                            .get("length")
                            .asInt())
                    .isEqualTo(event.length());
        }
    }
}
