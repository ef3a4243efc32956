package dev.stratus.export.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.export.Export;
import dev.stratus.export.ExportChecks;
import dev.stratus.export.sam.SamExporter;
import dev.stratus.export.serverless.ServerlessExporter;
import dev.stratus.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds what the SAM and Serverless Framework exports deploy: for every sample and for the designs
 * the samples leave out, the Maven project (the same in both exports, which the test checks) is built
 * with {@code mvn -q package}, and the Serverless Framework v3 packages the service with that jar
 * under {@code configValidationMode: error}, offline.
 */
class AwsExportsBuildTest {

    @Test
    void everyExportBuildsWithMavenAndPackagesWithTheServerlessFramework(@TempDir Path temp) throws Exception {
        Map<String, Project> projects = new LinkedHashMap<>();
        for (Path sample : ExportChecks.samples()) {
            projects.put(sample.getFileName().toString().replace(".stratus.json", ""), ExportChecks.load(sample));
        }
        projects.put("kitchen-sink", AwsDesigns.kitchenSink());
        projects.put("hostile", AwsDesigns.hostile());
        Path nodeModules = ExportChecks.nodeModules();
        List<String> timings = new ArrayList<>();
        for (Map.Entry<String, Project> entry : projects.entrySet()) {
            long start = System.nanoTime();
            Export sam = new SamExporter().export(entry.getValue());
            Export serverless = new ServerlessExporter().export(entry.getValue());
            assertThat(mavenProject(serverless))
                    .as("the Maven project of the Serverless export of %s is the SAM export's", entry.getKey())
                    .isEqualTo(mavenProject(sam));

            Path samFolder = ExportChecks.write(sam, temp, entry.getKey() + "-sam");
            ExportChecks.mavenPackage(samFolder);
            if (entry.getKey().equals("kitchen-sink")) {
                runHandlers(samFolder, temp);
            }
            String jar = serverless
                    .files()
                    .text("serverless.yml")
                    .lines()
                    .filter(l -> l.strip().startsWith("artifact:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElseThrow();
            assertThat(samFolder.resolve(jar))
                    .as("the shaded jar of %s", entry.getKey())
                    .isRegularFile();
            assertThat(jarHas(samFolder.resolve(jar), "com/amazonaws/services/lambda/runtime/events/SQSEvent.class"))
                    .as("the jar of %s holds the events library", entry.getKey())
                    .isTrue();

            Path slsFolder = ExportChecks.write(serverless, temp, entry.getKey() + "-serverless");
            Files.createDirectories(slsFolder.resolve(jar).getParent());
            Files.copy(samFolder.resolve(jar), slsFolder.resolve(jar));
            ExportChecks.Result result = ExportChecks.run(
                    slsFolder,
                    Duration.ofMinutes(3),
                    Map.of(
                            "SLS_TELEMETRY_DISABLED", "1",
                            "SLS_NOTIFICATIONS_MODE", "off",
                            "AWS_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE00",
                            "AWS_SECRET_ACCESS_KEY", "example-secret-not-used-offline",
                            "HOME", temp.toString()),
                    "node",
                    nodeModules.resolve("serverless/bin/serverless.js").toString(),
                    "package",
                    "--stage",
                    "dev",
                    "--region",
                    "us-east-1");
            assertThat(result.exitCode())
                    .as("serverless package of %s:%n%s", entry.getKey(), result.output())
                    .isZero();
            assertThat(slsFolder.resolve(".serverless/cloudformation-template-update-stack.json"))
                    .isRegularFile();
            timings.add(entry.getKey() + " "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
        }
        System.out.println("AWS export builds: " + timings);
    }

    /**
     * Calls four of the kitchen sink's built handlers on the JVM with events made from the events
     * library: an SQS batch whose second message the function's own code fails on, a REST request
     * to a function with code, a function URL request and a map event.
     */
    private static void runHandlers(Path project, Path temp) throws Exception {
        String probe = """
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.LambdaLogger;
                import com.amazonaws.services.lambda.runtime.events.*;
                import com.example.kitchensink.*;
                import java.util.List;
                import java.util.Map;

                public class Probe {
                    public static void main(String[] args) {
                        LambdaLogger logger = new LambdaLogger() {
                            public void log(String message) { System.out.println("LOG " + message); }
                            public void log(byte[] message) { log(new String(message)); }
                        };
                        Context context = (Context) java.lang.reflect.Proxy.newProxyInstance(
                                Probe.class.getClassLoader(), new Class<?>[] {Context.class},
                                (proxy, method, arguments) -> method.getName().equals("getLogger") ? logger : null);
                        SQSEvent.SQSMessage ok = new SQSEvent.SQSMessage();
                        ok.setMessageId("m-1");
                        ok.setBody("ok");
                        SQSEvent.SQSMessage bad = new SQSEvent.SQSMessage();
                        bad.setMessageId("m-2");
                        bad.setBody("please fail");
                        SQSEvent batch = new SQSEvent();
                        batch.setRecords(List.of(ok, bad));
                        SQSBatchResponse failed = new WorkerHandler().handleRequest(batch, context);
                        System.out.println("WORKER " + failed.getBatchItemFailures().size() + " "
                                + failed.getBatchItemFailures().get(0).getItemIdentifier());
                        APIGatewayProxyResponseEvent order = new GetOrderHandler().handleRequest(
                                new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/orders/7"), context);
                        System.out.println("ORDER " + order.getStatusCode() + " " + order.getBody());
                        APIGatewayV2HTTPResponse hook = new WebhookHandler().handleRequest(
                                APIGatewayV2HTTPEvent.builder().withRawPath("/hook").withBody("{\\"a\\": \\"tab\\there\\"}").build(),
                                context);
                        System.out.println("WEBHOOK " + hook.getStatusCode() + " " + hook.getBody());
                        System.out.println("AUDIT " + new AuditHandler().handleRequest(Map.of("source", "aws.events"), context));
                    }
                }
                """;
        Path folder = Files.createDirectories(temp.resolve("probe"));
        Files.writeString(folder.resolve("Probe.java"), probe);
        String classpath = project.resolve("target/kitchen-sink-lambda.jar") + java.io.File.pathSeparator + folder;
        ExportChecks.Result compiled = ExportChecks.run(
                folder,
                Duration.ofMinutes(2),
                Map.of(),
                "javac",
                "-cp",
                classpath,
                "-d",
                folder.toString(),
                "Probe.java");
        assertThat(compiled.exitCode())
                .as("javac Probe:%n%s", compiled.output())
                .isZero();
        ExportChecks.Result ran =
                ExportChecks.run(folder, Duration.ofMinutes(1), Map.of(), "java", "-cp", classpath, "Probe");
        assertThat(ran.exitCode()).as("java Probe:%n%s", ran.output()).isZero();
        List<String> lines = ran.output().lines().toList();
        assertThat(lines).contains("WORKER 1 m-2", "ORDER 200 {\"lookedUp\":true}");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String hook = lines.stream()
                .filter(l -> l.startsWith("WEBHOOK 200 "))
                .findFirst()
                .orElseThrow();
        com.fasterxml.jackson.databind.JsonNode answer = json.readTree(hook.substring("WEBHOOK 200 ".length()));
        assertThat(answer.path("function").asText()).isEqualTo("webhook");
        assertThat(answer.path("connections").has("LONELY_FUNCTION")).isTrue();
        String logged = lines.stream()
                .filter(l -> l.startsWith("LOG webhook received "))
                .findFirst()
                .orElseThrow();
        com.fasterxml.jackson.databind.JsonNode event =
                json.readTree(logged.substring("LOG webhook received ".length()));
        assertThat(event.path("rawPath").asText()).isEqualTo("/hook");
        assertThat(event.path("body").asText()).isEqualTo("{\"a\": \"tab\there\"}");
        assertThat(lines).anyMatch(l -> l.startsWith("AUDIT {\"function\":\"audit\""));
    }

    private static Map<String, String> mavenProject(Export export) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : export.files().paths()) {
            if (path.equals("pom.xml") || path.startsWith("src/")) {
                files.put(path, export.files().text(path));
            }
        }
        return files;
    }

    private static boolean jarHas(Path jar, String entry) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        }
    }
}
