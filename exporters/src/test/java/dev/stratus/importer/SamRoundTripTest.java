package dev.stratus.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.export.ExportChecks;
import dev.stratus.export.sam.SamExporter;
import dev.stratus.model.ApiGateway;
import dev.stratus.model.FunctionNode;
import dev.stratus.model.HttpTrigger;
import dev.stratus.model.Node;
import dev.stratus.model.Project;
import dev.stratus.model.Queue;
import dev.stratus.model.ScheduleTrigger;
import dev.stratus.model.TopicTrigger;
import dev.stratus.validate.Problem;
import dev.stratus.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export to SAM, import the template, export again: the same template, for every sample. */
class SamRoundTripTest {

    static Stream<Path> samples() {
        return ExportChecks.samples().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void exportImportExportGivesTheSameTemplate(Path sample, @TempDir Path dir) throws Exception {
        Project original = ExportChecks.load(sample);
        String first = new SamExporter().export(original).files().text("template.yaml");
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, first, StandardCharsets.UTF_8);

        ImportResult imported = new SamImporter().importFile(template);
        String second = new SamExporter().export(imported.project()).files().text("template.yaml");

        assertThat(second).isEqualTo(first);
        assertThat(new Validator().validate(imported.project()))
                .filteredOn(Problem::isError)
                .isEmpty();
    }

    static Stream<Project> designs() {
        return Stream.of(dev.stratus.export.aws.AwsDesigns.kitchenSink(), dev.stratus.export.aws.AwsDesigns.hostile());
    }

    /** The AWS exporters' own test designs: every handler kind and setting, and hostile names. */
    @ParameterizedTest
    @MethodSource("designs")
    void theAwsTestDesignsSurviveTheRoundTrip(Project design, @TempDir Path dir) throws Exception {
        String first = new SamExporter().export(design).files().text("template.yaml");
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, first, StandardCharsets.UTF_8);

        ImportResult imported = new SamImporter().importFile(template);

        assertThat(new SamExporter().export(imported.project()).files().text("template.yaml"))
                .isEqualTo(first);
        assertThat(nodes(imported.project())).containsExactlyInAnyOrderElementsOf(nodes(design));
        // A route the export had to clean ("POST /say hi!/{id}") comes back as exported.
        assertThat(connections(imported.project())).containsExactlyInAnyOrderElementsOf(connections(design));
    }

    private static List<String> connections(Project project) {
        return project.architecture().edges().stream()
                .map(e -> e.from() + " -> " + e.to())
                .toList();
    }

    @org.junit.jupiter.api.Test
    void gatewayAndFunctionSettingsComeBackFromTheExportedTemplate(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                new SamExporter()
                        .export(dev.stratus.export.aws.AwsDesigns.kitchenSink())
                        .files()
                        .text("template.yaml"),
                StandardCharsets.UTF_8);
        Project imported = new SamImporter().importFile(template).project();

        ApiGateway shop = (ApiGateway) node(imported, "gw-shop");
        assertThat(shop.type()).isEqualTo(ApiGateway.Type.REST);
        assertThat(shop.auth()).isEqualTo(ApiGateway.Auth.API_KEY);
        assertThat(shop.rateLimitPerSecond()).isEqualTo(50);
        assertThat(shop.burst()).isEqualTo(20);
        assertThat(shop.cache().ttlSeconds()).isEqualTo(60);
        ApiGateway jwt = (ApiGateway) node(imported, "gw-jwt");
        assertThat(jwt.type()).isEqualTo(ApiGateway.Type.HTTP);
        assertThat(jwt.auth()).isEqualTo(ApiGateway.Auth.JWT);
        assertThat(jwt.rateLimitPerSecond()).isEqualTo(100);
        assertThat(jwt.burst()).isEqualTo(50);
        FunctionNode webhook = (FunctionNode) node(imported, "fn-webhook");
        assertThat(webhook.runtime()).isEqualTo("java17");
        assertThat(webhook.architecture()).isEqualTo(FunctionNode.Architecture.ARM64);
        assertThat(webhook.memoryMb()).isEqualTo(256);
        assertThat(webhook.timeoutSeconds()).isEqualTo(11); // Lambda takes whole seconds
        assertThat(webhook.reservedConcurrency()).isEqualTo(5);
        assertThat(webhook.provisionedConcurrency()).isEqualTo(2);
        assertThat(webhook.environment()).containsEntry("MODE", "strict");
        Queue jobs = (Queue) node(imported, "q-jobs");
        assertThat(jobs.type()).isEqualTo(Queue.Type.FIFO);
        assertThat(node(imported, "t-hook")).isInstanceOf(HttpTrigger.class);
        assertThat(((ScheduleTrigger) node(imported, "t-hourly")).expression()).isEqualTo("rate(1 hour)");
        assertThat(node(imported, "t-alerts")).isInstanceOf(TopicTrigger.class);
    }

    private static Node node(Project project, String id) {
        return project.architecture().node(id).orElseThrow(() -> new AssertionError("no node " + id));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void hostileNamesSurviveTheRoundTripToo(Path sample, @TempDir Path dir) throws Exception {
        Project original = ExportChecks.load(sample);
        List<Node> renamed = new java.util.ArrayList<>();
        for (Node node : original.architecture().nodes()) {
            // Quotes, a colon, a line break, and names that sanitise to the same logical id.
            renamed.add(node.withName("a \"quoted\": " + node.name() + "\nwith newline #" + renamed.size() % 2));
        }
        Project hostile = original.withName("x: \"y\"\n'z'")
                .withArchitecture(new dev.stratus.model.Architecture(
                        renamed, original.architecture().edges()));
        String first = new SamExporter().export(hostile).files().text("template.yaml");
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, first, StandardCharsets.UTF_8);

        Project imported = new SamImporter().importFile(template).project();

        assertThat(new SamExporter().export(imported).files().text("template.yaml"))
                .isEqualTo(first);
        assertThat(imported.name()).isEqualTo(hostile.name());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theDesignComesBackWithItsIdsNamesAndEdges(Path sample, @TempDir Path dir) throws Exception {
        Project original = ExportChecks.load(sample);
        Path template = dir.resolve("template.yaml");
        Files.writeString(
                template, new SamExporter().export(original).files().text("template.yaml"), StandardCharsets.UTF_8);
        Project imported = new SamImporter().importFile(template).project();

        assertThat(nodes(imported)).containsExactlyInAnyOrderElementsOf(nodes(original));
        assertThat(edges(imported)).containsExactlyInAnyOrderElementsOf(edges(original));
        assertThat(imported.name()).isEqualTo(original.name());
        assertThat(imported.description()).isEqualTo(original.description());
    }

    private static List<String> nodes(Project project) {
        return project.architecture().nodes().stream()
                .map(n -> n.id() + " " + n.kind().id() + " " + n.name())
                .toList();
    }

    private static List<String> edges(Project project) {
        return project.architecture().edges().stream()
                .map(e -> e.from() + " -> " + e.to() + (e.route() == null ? "" : " " + e.route()))
                .toList();
    }
}
