package dev.stratus.export.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratus.export.Documents;
import dev.stratus.export.Export;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.ExportException;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.Architecture;
import dev.stratus.model.Bucket;
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
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpExporterTest {

    private static final GcpExporter EXPORTER = new GcpExporter();

    /** Built sample exports, shared by the tests that need one (a Maven build takes a while). */
    private static final Map<String, Path> BUILT = new HashMap<>();

    private static final Path EXPORTS = Path.of("target/gcp-exports");

    private static Export export(String sample) throws ExportException {
        return EXPORTER.export(ExportChecks.sample(sample));
    }

    /** The sample exported into target/gcp-exports and built with mvn -q package. */
    private static synchronized Path built(String sample) throws Exception {
        Path folder = BUILT.get(sample);
        if (folder == null) {
            folder = EXPORTS.resolve(sample.replace(".stratus.json", "")).toAbsolutePath();
            deleteTree(folder);
            export(sample).writeTo(folder, false);
            ExportChecks.mavenPackage(folder);
            BUILT.put(sample, folder);
        }
        return folder;
    }

    @Test
    void everySampleExportsToAProjectThatBuildsAndADeployScriptBashAccepts() throws Exception {
        assertThat(ExportChecks.samples()).hasSizeGreaterThanOrEqualTo(5);
        for (Path sample : ExportChecks.samples()) {
            Path folder = built(sample.getFileName().toString());
            Export export = export(sample.getFileName().toString());
            assertThat(export.files().isExecutable("deploy.sh")).isTrue();
            assertThat(Files.getPosixFilePermissions(folder.resolve("deploy.sh")))
                    .contains(PosixFilePermission.OWNER_EXECUTE);
            assertThat(export.files().text("deploy.sh"))
                    .startsWith("#!/usr/bin/env bash\n")
                    .contains("set -euo pipefail\n");
            assertThat(export.files().paths()).contains("pom.xml", "README.md", ".gcloudignore");
            assertBashAccepts(folder.resolve("deploy.sh"));
            assertThat(Files.list(folder.resolve("target"))
                            .map(p -> p.getFileName().toString()))
                    .as("the jar of %s", sample)
                    .anyMatch(n -> n.endsWith("-gcp-1.0.0.jar"));
            for (String path : export.files().paths()) {
                if (path.endsWith(".yaml")) {
                    assertThat(Documents.yamlMapper().readTree(export.files().text(path)))
                            .as(path)
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void theRestApiExportAnswersHttpUnderTheJavaFunctionInvoker() throws Exception {
        Path folder = built("rest-api.stratus.json");
        try (Invoked invoked =
                Invoked.start(folder.resolve("target/rest-api-gcp-1.0.0.jar"), "com.example.restapi.ListItems")) {
            HttpResponse<String> answer =
                    invoked.send(HttpRequest.newBuilder(invoked.uri("/items")).GET());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode body = Documents.yamlMapper().readTree(answer.body());
            assertThat(body.get("function").asText()).isEqualTo("list-items");
            assertThat(body.get("method").asText()).isEqualTo("GET");
            assertThat(body.get("path").asText()).isEqualTo("/items");
            assertThat(body.get("connections").has("TABLE_NAME")).isTrue();

            HttpResponse<String> delete =
                    invoked.send(HttpRequest.newBuilder(invoked.uri("/items")).DELETE());
            assertThat(delete.statusCode()).as(delete.body()).isEqualTo(405);
            assertThat(delete.headers().firstValue("Allow")).hasValue("GET");

            HttpResponse<String> elsewhere =
                    invoked.send(HttpRequest.newBuilder(invoked.uri("/orders")).GET());
            assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(404);
        }
    }

    @Test
    void theThumbnailerTakesAJpgUploadEventUnderTheInvokerAndSkipsOtherNames() throws Exception {
        Path folder = built("image-thumbnailer.stratus.json");
        try (Invoked invoked = Invoked.start(
                folder.resolve("target/image-thumbnailer-gcp-1.0.0.jar"),
                "com.example.imagethumbnailer.MakeThumbnail")) {
            for (String object : List.of("cat.jpg", "cat.png")) {
                HttpResponse<String> answer = invoked.send(HttpRequest.newBuilder(invoked.uri("/"))
                        .header("ce-id", "event-" + object)
                        .header("ce-specversion", "1.0")
                        .header("ce-type", "google.cloud.storage.object.v1.finalized")
                        .header("ce-source", "//storage.googleapis.com/projects/_/buckets/uploads")
                        .header("ce-subject", "objects/" + object)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"bucket\":\"uploads\",\"name\":\"" + object + "\"}")));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            assertThat(invoked.waitForLog("skipping google.cloud.storage.object.v1.finalized objects/cat.png"))
                    .contains("make-thumbnail: google.cloud.storage.object.v1.finalized event-cat.jpg")
                    .contains("make-thumbnail can reach {\"THUMBNAIL_BUCKET\":null}")
                    .doesNotContain("skipping google.cloud.storage.object.v1.finalized objects/cat.jpg");
        }
    }

    @Test
    void theRestApiExportMatchesItsGoldenCopy() throws Exception {
        ExportChecks.assertMatchesGolden(export("rest-api.stratus.json"), "gcp-rest-api");
    }

    @Test
    void theRestApiDeploysEachRouteAsAPublicFirstGenHttpFunctionBehindAnApiGateway(@TempDir Path dir) throws Exception {
        Export export = export("rest-api.stratus.json");
        Gcloud gcloud = runDeployScript(export, dir);
        List<String> listItems = gcloud.deploy("list-items");
        assertThat(listItems)
                .containsExactly(
                        "functions",
                        "deploy",
                        "list-items",
                        "--project=demo-project",
                        "--region=europe-west1",
                        "--no-gen2",
                        "--runtime=java21",
                        "--entry-point=com.example.restapi.ListItems",
                        "--source=.",
                        "--memory=512MB",
                        "--timeout=10s",
                        "--env-vars-file=" + gcloud.renamed("env-list-items.yaml"),
                        "--trigger-http",
                        "--allow-unauthenticated");
        assertThat(gcloud.file("env-list-items.yaml")).isEqualTo("TABLE_NAME: items-table\n");
        assertThat(gcloud.deployed()).containsExactly("list-items", "get-item", "create-item", "delete-item");
        assertThat(gcloud.calls())
                .anySatisfy(call -> assertThat(call)
                        .startsWith("firestore", "databases", "create")
                        .contains("--location=nam5"));

        JsonNode spec = Documents.yamlMapper().readTree(gcloud.file("openapi.yaml"));
        assertThat(spec.get("swagger").isTextual())
                .as("swagger is the string 2.0")
                .isTrue();
        assertThat(spec.get("swagger").asText()).isEqualTo("2.0");
        JsonNode get = spec.at("/paths/~1items~1{id}/get");
        assertThat(get.at("/x-google-backend/address").asText())
                .isEqualTo("https://europe-west1-demo-project.cloudfunctions.net/get-item");
        assertThat(get.at("/x-google-backend/path_translation").asText()).isEqualTo("APPEND_PATH_TO_ADDRESS");
        assertThat(get.at("/x-google-backend/deadline").asDouble()).isEqualTo(10.0);
        assertThat(get.at("/parameters/0/name").asText()).isEqualTo("id");
        assertThat(get.at("/parameters/0/in").asText()).isEqualTo("path");
        assertThat(spec.at("/paths/~1items").fieldNames()).toIterable().containsExactly("get", "post");
        assertThat(spec.has("securityDefinitions")).isFalse();
        assertThat(gcloud.calls())
                .anySatisfy(call -> assertThat(call)
                        .startsWith("api-gateway", "gateways", "create", "items-api-gateway")
                        .contains("--api=items-api", "--location=europe-west1"));

        String handler = export.files().text("src/main/java/com/example/restapi/GetItem.java");
        assertThat(handler)
                .contains("public class GetItem implements HttpFunction")
                .contains(".add(\"GET\", \"/items/{id}\")")
                .contains("System.getenv(\"TABLE_NAME\")");
    }

    @Test
    void aSecondGenerationProjectDeploysEveryFunctionWithGen2ConcurrencyAndMebibytes(@TempDir Path dir)
            throws Exception {
        Project project = ExportChecks.sample("rest-api.stratus.json").withProvider(Provider.GCP_GEN2);
        Project concurrent = project.withArchitecture(new Architecture(
                project.architecture().nodes().stream()
                        .map(n -> n.id().equals("fn-list-items") ? concurrency((FunctionNode) n, 80, 3, 2) : n)
                        .toList(),
                project.architecture().edges()));
        Gcloud gcloud = runDeployScript(EXPORTER.export(concurrent), dir);
        assertThat(gcloud.deploy("list-items"))
                .contains(
                        "--gen2",
                        "--memory=512Mi",
                        "--concurrency=80",
                        "--cpu=1",
                        "--max-instances=3",
                        "--min-instances=2")
                .doesNotContain("--no-gen2");
        assertThat(gcloud.deploy("get-item"))
                .contains("--gen2", "--concurrency=1")
                .doesNotContain("--cpu=1");
    }

    @Test
    void theNightlyReportRunsFromACloudSchedulerJobInUtcThroughAPubSubTopic(@TempDir Path dir) throws Exception {
        Export export = export("nightly-report.stratus.json");
        Gcloud gcloud = runDeployScript(export, dir);
        assertThat(gcloud.calls())
                .anySatisfy(call -> assertThat(call)
                        .containsExactly(
                                "scheduler",
                                "jobs",
                                "create",
                                "pubsub",
                                "nightly-2am",
                                "--project=demo-project",
                                "--location=europe-west1",
                                "--schedule=0 2 * * *",
                                "--time-zone=UTC",
                                "--topic=nightly-2am-ticks",
                                "--message-body=nightly-2am"));
        assertThat(gcloud.calls())
                .anySatisfy(call -> assertThat(call)
                        .containsExactly("pubsub", "topics", "create", "nightly-2am-ticks", "--project=demo-project"));
        assertThat(gcloud.deploy("build-report"))
                .contains(
                        "--gen2",
                        "--runtime=java21",
                        "--memory=2048Mi",
                        "--timeout=300s",
                        "--max-instances=1",
                        "--trigger-topic=nightly-2am-ticks")
                .doesNotContain("--trigger-http", "--min-instances=0");
        Map<String, String> environment = yamlMap(gcloud.file("env-build-report.yaml"));
        assertThat(environment)
                .containsEntry("ORDERS_TABLE", "orders")
                .containsEntry("REPORT_SENDER", "reports@example.com")
                .containsEntry("REPORT_RECIPIENTS", "sales-team@example.com");
        assertThat(export.notes()).anyMatch(n -> n.contains("report-mailer") && n.contains("SendGrid"));
        assertThat(export.notes()).anyMatch(n -> n.contains("1st gen runs Java event functions only as background"));
        assertThat(export.files().text("src/main/java/com/example/nightlyreport/BuildReport.java"))
                .contains("implements CloudEventsFunction", ".pubSub()");
    }

    @Test
    void theThumbnailerIsStartedByItsBucketAndChecksTheSuffixInCode(@TempDir Path dir) throws Exception {
        Export export = export("image-thumbnailer.stratus.json");
        Gcloud gcloud = runDeployScript(export, dir);
        assertThat(gcloud.deploy("make-thumbnail"))
                .contains("--gen2", "--memory=1024Mi", "--timeout=60s", "--trigger-bucket=demo-project-uploads");
        assertThat(gcloud.calls())
                .anySatisfy(call ->
                        assertThat(call).startsWith("storage", "buckets", "create", "gs://demo-project-thumbnails"));
        assertThat(gcloud.calls())
                .anySatisfy(call ->
                        assertThat(call).startsWith("storage", "buckets", "create", "gs://demo-project-uploads"));
        assertThat(yamlMap(gcloud.file("env-make-thumbnail.yaml")))
                .containsEntry("THUMBNAIL_BUCKET", "demo-project-thumbnails")
                .containsEntry("THUMBNAIL_WIDTH", "256")
                .containsEntry("UPLOADS_BUCKET", "demo-project-uploads");
        assertThat(export.files().text("src/main/java/com/example/imagethumbnailer/MakeThumbnail.java"))
                .contains(".storage(\"google.cloud.storage.object.v1.finalized\", \"UPLOADS_BUCKET\", \"\", \".jpg\")");
        assertThat(export.notes()).anyMatch(n -> n.contains("suffix '.jpg'") && n.contains("cannot"));
        assertThat(export.files().text("README.md")).contains("suffix '.jpg'");
    }

    @Test
    void theOrderPipelineQueueIsAPubSubTopicWithRetriesAndItsApiKeepsThePostRoute(@TempDir Path dir) throws Exception {
        Export export = export("order-pipeline.stratus.json");
        Gcloud gcloud = runDeployScript(export, dir);
        assertThat(gcloud.deploy("process-order")).contains("--gen2", "--trigger-topic=orders-queue", "--retry");
        assertThat(gcloud.deploy("notify-customer"))
                .contains("--trigger-topic=order-events")
                .doesNotContain("--retry");
        assertThat(gcloud.deploy("place-order")).contains("--no-gen2", "--trigger-http", "--timeout=15s");
        assertThat(yamlMap(gcloud.file("env-place-order.yaml")))
                .containsEntry("ORDERS_QUEUE_NAME", "orders-queue")
                .containsEntry("PAYMENT_API_URL", "https://api.payments.example.com/v1");
        assertThat(yamlMap(gcloud.file("env-process-order.yaml")))
                .containsEntry("ORDERS_TABLE", "orders-table")
                .containsEntry("ORDER_EVENTS_TOPIC", "order-events");
        JsonNode spec = Documents.yamlMapper().readTree(gcloud.file("openapi.yaml"));
        assertThat(spec.at("/paths/~1orders/post/x-google-backend/address").asText())
                .isEqualTo("https://europe-west1-demo-project.cloudfunctions.net/place-order");
        assertThat(export.notes()).anyMatch(n -> n.contains("batches of up to 10"));
    }

    @Test
    void theTelemetryStreamBecomesAPubSubTopicWithANote(@TempDir Path dir) throws Exception {
        Export export = export("iot-telemetry.stratus.json");
        Gcloud gcloud = runDeployScript(export, dir);
        assertThat(gcloud.deploy("ingest-telemetry")).contains("--trigger-topic=telemetry-stream", "--retry");
        assertThat(export.notes()).anyMatch(n -> n.contains("stream 'telemetry-stream'") && n.contains("Pub/Sub"));
        assertThat(export.files().text("README.md")).contains("## Notes", "telemetry-stream");
    }

    @Test
    void environmentValuesThatLookLikeNumbersOrBooleansStayStringsInTheEnvFile() throws Exception {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<String> tricky =
                List.of("0755", "256", "2.0", "1e3", "true", "yes", "off", "null", "~", "", "0x1F", "a: b");
        for (int i = 0; i < tricky.size(); i++) {
            values.put("V" + i, tricky.get(i));
        }
        Project project = Project.empty("p")
                .withArchitecture(
                        new Architecture(List.of(withEnvironment(FunctionNode.of("f", "f"), values)), List.of()));
        String yaml = EXPORTER.export(project).files().text("env-f.yaml");
        // gcloud reads env-vars files with YAML 1.1 rules, like SnakeYAML: 0755 would be octal, yes a boolean.
        Map<String, Object> read = new org.yaml.snakeyaml.Yaml().load(yaml);
        assertThat(read).isEqualTo(new HashMap<>(values));
    }

    @Test
    void shellQuotingKeepsHostileValuesIntactThroughBash(@TempDir Path dir) throws Exception {
        List<String> hostile = List.of(
                "plain-value_1.2",
                "",
                "it's",
                "'",
                "''",
                "a b",
                "$(touch pwned)",
                "`touch pwned`",
                "${HOME}",
                "line\nbreak",
                "semi;colon && rm -rf / | cat",
                "\\back\\slash\"quote\"",
                "*?[glob]~",
                "-n");
        for (String value : hostile) {
            ExportChecks.Result result = ExportChecks.run(
                    dir, Duration.ofSeconds(20), Map.of(), "bash", "-c", "printf %s " + Shell.quote(value));
            assertThat(result.exitCode()).isZero();
            assertThat(result.output()).as("bash reads %s", Shell.quote(value)).isEqualTo(value);
        }
        assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Shell.quote("europe-west1")).isEqualTo("europe-west1");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void hostileAndCollidingNamesGiveValidNamesABuildableProjectAndASafeScript() throws Exception {
        Path dir = EXPORTS.resolve("hostile-names").toAbsolutePath();
        deleteTree(dir);
        String hostile = "a \"quoted\": name\nwith newline $(touch pwned) 'x'";
        Distribution latency = Distribution.constant(5);
        FunctionNode first = withCode(
                withEnvironment(FunctionNode.of("f1", hostile), Map.of("bad name", "v'1", "PORT", "8080")),
                "public class Shout {\n    public String handle(String event) {\n        return event;\n    }\n}\n");
        FunctionNode second = FunctionNode.of("f2", "A quoted name with newline!");
        FunctionNode third = FunctionNode.of("f3", "a-quoted-name-with-newline");
        FunctionNode both = FunctionNode.of("f4", "Json");
        List<Node> nodes = List.of(
                new HttpTrigger("t", hostile),
                new ApiGateway("g", hostile, ApiGateway.Type.HTTP, 100, 10, null, ApiGateway.Auth.API_KEY, latency),
                first,
                second,
                third,
                both,
                new Bucket("b", "Google's bucket\n$(x)", latency, null),
                new StorageTrigger("s", "up\nloads", StorageTrigger.Event.DELETED, "in/", ".png"),
                new Queue("q", "q", Queue.Type.STANDARD, latency, null, 30),
                new ScheduleTrigger("c", "every 5 'minutes'", "rate(5 minutes)"));
        List<Edge> edges = List.of(
                Edge.of("e1", "t", "g"),
                Edge.of("e2", "g", "f1").withRoute("GET /x/{id}"),
                Edge.of("e3", "g", "f2").withRoute("POST /x"),
                Edge.of("e4", "g", "f3"),
                Edge.of("e5", "s", "f3"),
                Edge.of("e6", "q", "f4"),
                Edge.of("e7", "c", "f4"),
                Edge.of("e8", "f1", "b"),
                Edge.of("e9", "f1", "q"),
                Edge.of("e10", "f2", "f3"),
                Edge.of("e11", "g", "f4").withRoute("ANY /j"));
        Project project = Project.empty(hostile).withArchitecture(new Architecture(nodes, edges));
        Export export = EXPORTER.export(project);

        Gcloud gcloud = runDeployScript(export, dir);
        assertThat(gcloud.deployed())
                .allSatisfy(name -> assertThat(name).matches("[a-z][a-z0-9-]{0,47}[a-z0-9]"))
                .doesNotHaveDuplicates()
                .hasSize(7);
        assertThat(gcloud.deploy(gcloud.deployed().get(0)))
                .contains(
                        "--trigger-http",
                        "--no-allow-unauthenticated",
                        "--entry-point=com.example.aquotednamewithnewlinetouchpwnedx.AQuotedNameWithNewlineTouchPwnedX");
        assertThat(gcloud.calls())
                .anySatisfy(call -> assertThat(call)
                        .contains("--trigger-event-filters=type=google.cloud.storage.object.v1.deleted"));
        assertThat(gcloud.calls()).anySatisfy(call -> assertThat(call).startsWith("iam", "service-accounts", "create"));
        assertThat(dir.resolve("export/pwned")).doesNotExist();
        Map<String, String> environment =
                yamlMap(gcloud.file("env-" + gcloud.deployed().get(0) + ".yaml"));
        assertThat(environment).containsEntry("APP_BAD_NAME", "v'1").containsEntry("APP_PORT", "8080");
        assertThat(environment.values()).anyMatch(v -> v.startsWith("demo-project-g00gle-s-bucket"));
        assertThat(yamlMap(gcloud.file("env-a-quoted-name-with-newline.yaml")))
                .as("a function calling another gets its URL")
                .containsEntry(
                        "A_QUOTED_NAME_WITH_NEWLINE_FUNCTION",
                        "https://europe-west1-demo-project.cloudfunctions.net/a-quoted-name-with-newline-2");
        assertThat(export.files().paths())
                .contains("src/main/java/com/example/aquotednamewithnewlinetouchpwnedx/Shout.java");
        JsonNode spec = Documents.yamlMapper().readTree(gcloud.file("openapi.yaml"));
        assertThat(spec.at("/paths/~1j").fieldNames()).toIterable().hasSize(7);
        assertThat(spec.at("/securityDefinitions/api_key/in").asText()).isEqualTo("query");

        Path folder = dir.resolve("export");
        assertBashAccepts(folder.resolve("deploy.sh"));
        ExportChecks.mavenPackage(folder);
        Path jar;
        try (Stream<Path> jars = Files.list(folder.resolve("target"))) {
            jar = jars.filter(p -> p.toString().endsWith("-gcp-1.0.0.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        String handler = "com.example.aquotednamewithnewlinetouchpwnedx.AQuotedNameWithNewlineTouchPwnedX";
        try (Invoked invoked = Invoked.start(jar, handler)) {
            HttpResponse<String> answer = invoked.send(
                    HttpRequest.newBuilder(invoked.uri("/x/42?q=it's")).GET());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode body = Documents.yamlMapper().readTree(answer.body());
            assertThat(body.get("method").asText()).isEqualTo("GET");
            assertThat(body.get("path").asText()).isEqualTo("/x/42");
            assertThat(body.get("query").asText()).isEqualTo("q=it's");
            assertThat(body.get("body").asText()).isEmpty();
            assertThat(body.get("headers").isObject()).isTrue();
        }
    }

    @Test
    void aFunctionStartedStraightFromAnHttpTriggerIsPublicAndAnswersOnAnyPathOfItsUrl() throws Exception {
        Project project = Project.empty("hook")
                .withArchitecture(new Architecture(
                        List.of(new HttpTrigger("t", "web"), FunctionNode.of("f", "Web Hook")),
                        List.of(Edge.of("e", "t", "f").withRoute("POST /hook"))));
        Export export = EXPORTER.export(project);
        assertThat(export.files().text("deploy.sh"))
                .contains("gcloud functions deploy web-hook \\\n")
                .contains("  --trigger-http \\\n  --allow-unauthenticated\n");
        assertThat(export.files().text("src/main/java/com/example/hook/WebHook.java"))
                .contains(".anyPath(\"POST\")")
                .doesNotContain(".add(");
        assertThat(export.files().paths()).noneMatch(p -> p.startsWith("openapi"));
    }

    @Test
    void twoFunctionsWithTheSameOwnClassAreRefusedWithBothNames() {
        String code =
                "public class Same {\n    public String handle(String event) {\n        return event;\n    }\n}\n";
        Project project = Project.empty("p")
                .withArchitecture(new Architecture(
                        List.of(
                                withCode(FunctionNode.of("a", "one"), code),
                                withCode(FunctionNode.of("b", "two"), code)),
                        List.of()));
        assertThatThrownBy(() -> EXPORTER.export(project))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("'one'")
                .hasMessageContaining("'two'");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static FunctionNode concurrency(FunctionNode f, int perInstance, Integer reserved, int provisioned) {
        return new FunctionNode(
                f.id(),
                f.name(),
                f.runtime(),
                f.architecture(),
                f.memoryMb(),
                f.timeoutSeconds(),
                f.handler(),
                f.code(),
                f.environment(),
                reserved,
                provisioned,
                perInstance,
                f.keepAlive(),
                f.execution(),
                f.coldStart(),
                f.cpuBound());
    }

    private static FunctionNode withEnvironment(FunctionNode f, Map<String, String> environment) {
        return new FunctionNode(
                f.id(),
                f.name(),
                f.runtime(),
                f.architecture(),
                f.memoryMb(),
                f.timeoutSeconds(),
                f.handler(),
                f.code(),
                environment,
                f.reservedConcurrency(),
                f.provisionedConcurrency(),
                f.instanceConcurrency(),
                f.keepAlive(),
                f.execution(),
                f.coldStart(),
                f.cpuBound());
    }

    private static FunctionNode withCode(FunctionNode f, String code) {
        return new FunctionNode(
                f.id(),
                f.name(),
                f.runtime(),
                f.architecture(),
                f.memoryMb(),
                f.timeoutSeconds(),
                f.handler(),
                code,
                f.environment(),
                f.reservedConcurrency(),
                f.provisionedConcurrency(),
                f.instanceConcurrency(),
                f.keepAlive(),
                f.execution(),
                f.coldStart(),
                f.cpuBound());
    }

    private static Map<String, String> yamlMap(String yaml) throws IOException {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        Documents.yamlMapper()
                .readTree(yaml)
                .fields()
                .forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static void assertBashAccepts(Path script) throws Exception {
        ExportChecks.Result syntax =
                ExportChecks.run(script.getParent(), Duration.ofSeconds(30), Map.of(), "bash", "-n", script.toString());
        assertThat(syntax.exitCode())
                .as("bash -n %s:%n%s", script, syntax.output())
                .isZero();
        if (onPath("shellcheck")) {
            ExportChecks.Result lint = ExportChecks.run(
                    script.getParent(),
                    Duration.ofSeconds(60),
                    Map.of(),
                    "shellcheck",
                    "-S",
                    "warning",
                    script.toString());
            assertThat(lint.exitCode())
                    .as("shellcheck %s:%n%s", script, lint.output())
                    .isZero();
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /**
     * Runs the export's deploy.sh with PROJECT=demo-project and REGION=europe-west1 against a fake
     * gcloud that records each call's arguments (and copies the files passed to it), answers
     * "not found" to every describe, and succeeds otherwise.
     */
    private static Gcloud runDeployScript(Export export, Path dir) throws Exception {
        Path folder = dir.resolve("export");
        export.writeTo(folder, false);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls");
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Path gcloud = bin.resolve("gcloud");
        Files.writeString(gcloud, """
                #!/usr/bin/env bash
                printf '%s\\037' "$@" >>"$FAKE_GCLOUD_CALLS"
                printf '\\036' >>"$FAKE_GCLOUD_CALLS"
                for arg in "$@"; do
                  case "$arg" in
                    --env-vars-file=*|--openapi-spec=*) file="${arg#*=}"; cp "$file" "$FAKE_GCLOUD_COPIES/" ;;
                  esac
                done
                if [[ " $* " == *" describe "* ]]; then
                  if [[ " $* " == *" --format="* ]]; then echo gateway.example.dev; exit 0; fi
                  exit 1
                fi
                if [[ " $* " == *" service-agent "* ]]; then echo service-1@gs-project-accounts.iam.gserviceaccount.com; fi
                exit 0
                """);
        gcloud.toFile().setExecutable(true);
        ExportChecks.Result result = ExportChecks.run(
                folder,
                Duration.ofSeconds(60),
                Map.of(
                        "PATH",
                        bin + java.io.File.pathSeparator + System.getenv("PATH"),
                        "PROJECT",
                        "demo-project",
                        "REGION",
                        "europe-west1",
                        "FAKE_GCLOUD_CALLS",
                        calls.toString(),
                        "FAKE_GCLOUD_COPIES",
                        copies.toString()),
                "bash",
                "deploy.sh");
        assertThat(result.exitCode())
                .as("deploy.sh with a fake gcloud:%n%s", result.output())
                .isZero();
        List<List<String>> parsed = new ArrayList<>();
        for (String call : Files.readString(calls, StandardCharsets.UTF_8).split("\u001e")) {
            if (!call.isEmpty()) {
                parsed.add(List.of(call.substring(0, call.length() - 1).split("\u001f", -1)));
            }
        }
        return new Gcloud(parsed, copies);
    }

    /** What deploy.sh asked of gcloud. */
    private record Gcloud(List<List<String>> calls, Path copies) {

        List<String> deployed() {
            return calls.stream()
                    .filter(c -> c.size() > 2
                            && c.get(0).equals("functions")
                            && c.get(1).equals("deploy"))
                    .map(c -> c.get(2))
                    .toList();
        }

        List<String> deploy(String name) {
            return calls.stream()
                    .filter(c -> c.size() > 2
                            && c.get(0).equals("functions")
                            && c.get(1).equals("deploy")
                            && c.get(2).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no deployment of " + name + " in " + calls));
        }

        /** The path deploy.sh passed for a rendered copy of a file of the export. */
        String renamed(String file) {
            return calls.stream()
                    .flatMap(List::stream)
                    .filter(a -> a.startsWith("--env-vars-file=") && a.endsWith("/" + file))
                    .map(a -> a.substring("--env-vars-file=".length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no --env-vars-file for " + file));
        }

        /** The file as gcloud got it (placeholders filled in). */
        String file(String name) throws IOException {
            return Files.readString(copies.resolve(name), StandardCharsets.UTF_8);
        }
    }

    /** An export's jar running under the Java Function Invoker on a free port of 127.0.0.1. */
    private static final class Invoked implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final int port;
        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        private Invoked(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        /** Starts the invoker and waits (at most 60 s) until its port answers. */
        static Invoked start(Path jar, String target) throws Exception {
            // Copied by the build (maven-dependency-plugin), not on the test class path.
            Path invoker = Path.of(
                    System.getProperty("stratus.functionInvoker", "target/function-invoker/java-function-invoker.jar"));
            assertThat(invoker)
                    .as("the function invoker jar copied by the build")
                    .exists();
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("gcp-invoker", ".log");
            Process process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            invoker.toString(),
                            "--classpath",
                            jar.toString(),
                            "--target",
                            target,
                            "--port",
                            Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Invoked invoked = new Invoked(process, log, port);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    assertThat(process.isAlive())
                            .as("the invoker runs:%n%s", invoked.log())
                            .isTrue();
                    assertThat(System.nanoTime())
                            .as("the invoker answers within 60 s:%n%s", invoked.log())
                            .isLessThan(deadline);
                    try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                        return invoked;
                    } catch (IOException notYet) {
                        Thread.sleep(200);
                    }
                }
            } catch (Throwable e) {
                invoked.close();
                throw e;
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** The log once it holds {@code text} (at most 20 s). */
        String waitForLog(String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!log().contains(text) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return log();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
