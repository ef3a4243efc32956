package dev.stratus.cli;

import static dev.stratus.cli.CliRun.stratus;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stratus export} and {@code stratus import} as a person runs them. */
class ExportCommandTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path folder;

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void exportWritesACompleteSamProjectAndSaysWhatToDoNext() throws IOException {
        Path out = folder.resolve("sam");
        CliRun run = stratus(
                "export",
                SAMPLES.resolve("rest-api.stratus.json").toString(),
                "--target",
                "sam",
                "--out",
                out.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Exported").contains("(AWS SAM, ").contains("README.md");
        assertThat(files(out)).contains("template.yaml", "pom.xml", "README.md");
        assertThat(Files.readString(out.resolve("template.yaml")))
                .contains("AWS::Serverless::Function")
                .contains("DynamoDBCrudPolicy");
    }

    @Test
    void exportToAllWritesAFolderPerTarget() throws IOException {
        CliRun run = stratus(
                "export",
                SAMPLES.resolve("nightly-report.stratus.json").toString(),
                "-t",
                "all",
                "-o",
                folder.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(folder.resolve("sam/template.yaml")).exists();
        assertThat(folder.resolve("serverless/serverless.yml")).exists();
        assertThat(folder.resolve("azure/host.json")).exists();
        assertThat(folder.resolve("gcp/deploy.sh")).exists();
        assertThat(folder.resolve("openwhisk/manifest.yaml")).exists();
    }

    @Test
    void aFolderThatHoldsFilesIsRefusedUnlessForced() throws IOException {
        Path mine = Files.writeString(folder.resolve("notes.txt"), "my own notes");
        String sample = SAMPLES.resolve("rest-api.stratus.json").toString();
        CliRun refused = stratus("export", sample, "--target", "gcp", "--out", folder.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err())
                .isEqualTo("stratus: " + folder + " is not empty; choose an empty folder or pass"
                        + " --force to write over it\n");
        assertThat(files(folder)).containsExactly("notes.txt");

        CliRun forced = stratus("export", sample, "--target", "gcp", "--out", folder.toString(), "--force");
        assertThat(forced.status()).isZero();
        assertThat(files(folder)).contains("notes.txt", "deploy.sh", "pom.xml");
        assertThat(Files.readString(mine)).isEqualTo("my own notes");
    }

    @Test
    void anUnknownTargetIsAUsageErrorNamingTheTargets() {
        CliRun run = stratus(
                "export",
                SAMPLES.resolve("rest-api.stratus.json").toString(),
                "--target",
                "heroku",
                "--out",
                folder.resolve("x").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("stratus: --target must be one of sam, serverless, azure, gcp, openwhisk or all, not"
                        + " 'heroku'\n");
        assertThat(folder.resolve("x")).doesNotExist();
    }

    @Test
    void aDesignWithErrorsIsNotExported() throws IOException {
        String text = Files.readString(SAMPLES.resolve("rest-api.stratus.json"))
                .replace("\"memoryMb\" : 512", "\"memoryMb\" : 99999");
        Path broken = Files.writeString(folder.resolve("broken.stratus.json"), text);
        CliRun run = stratus(
                "export",
                broken.toString(),
                "--target",
                "sam",
                "--out",
                folder.resolve("out").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error").contains("fix the errors above before exporting");
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void anExportedTemplateImportsBackIntoAProjectThatValidates() throws IOException {
        Path sam = folder.resolve("sam");
        assertThat(stratus(
                                "export",
                                SAMPLES.resolve("order-pipeline.stratus.json").toString(),
                                "-t",
                                "sam",
                                "-o",
                                sam.toString())
                        .status())
                .isZero();
        Path project = folder.resolve("imported.stratus.json");
        CliRun run = stratus("import", sam.resolve("template.yaml").toString(), "--out", project.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Imported " + sam.resolve("template.yaml") + " to " + project + ": ");
        assertThat(stratus("validate", project.toString()).status()).isZero();

        Path again = folder.resolve("again");
        assertThat(stratus("export", project.toString(), "-t", "sam", "-o", again.toString())
                        .status())
                .isZero();
        assertThat(Files.readString(again.resolve("template.yaml")))
                .isEqualTo(Files.readString(sam.resolve("template.yaml")));
    }

    @Test
    void aBrokenTemplateExitsTwoWithFileLineAndColumn() throws IOException {
        Path template = Files.writeString(
                folder.resolve("template.yaml"),
                "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [unclosed\n");
        Path project = folder.resolve("p.stratus.json");
        CliRun run = stratus("import", template.toString(), "--out", project.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("stratus: " + template + ":").matches("(?s)stratus: \\S+:\\d+:\\d+: .*\n");
        assertThat(project).doesNotExist();
    }

    @Test
    void importRefusesToReplaceAFileUnlessForced() throws IOException {
        Path project = Files.writeString(folder.resolve("mine.stratus.json"), "my work");
        CliRun run = stratus("import", "no-such-template.yaml", "--out", project.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("exists").contains("--force");
        assertThat(Files.readString(project)).isEqualTo("my work");
    }
}
