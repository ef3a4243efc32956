package dev.stratus.project;

import static dev.stratus.model.Designs.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.model.FunctionNode;
import dev.stratus.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @TempDir
    Path folder;

    private static Project sample() {
        return design().http("web")
                .function("api")
                .database("table")
                .connect("web", "api")
                .connect("api", "table")
                .project();
    }

    private static final String MINIMAL_FUNCTION = """
            {
              "format": "stratus-project/1",
              "name": "Broken",
              "architecture": {
                "nodes": [
                  %s
                ]
              }
            }
            """;

    private ProjectFileException readError(String text) {
        try {
            ProjectFiles.read(text, "design.json");
        } catch (ProjectFileException e) {
            return e;
        }
        throw new AssertionError("expected the text to be refused:\n" + text);
    }

    @Test
    void aSavedProjectLoadsBackEqual() throws Exception {
        Path file = folder.resolve("design.stratus.json");
        ProjectFiles.save(sample(), file);
        assertThat(ProjectFiles.load(file)).isEqualTo(sample());
    }

    @Test
    void theFileStartsWithItsFormat() throws Exception {
        Path file = folder.resolve("design.stratus.json");
        ProjectFiles.save(sample(), file);
        assertThat(Files.readAllLines(file).subList(0, 2))
                .containsExactly("{", "  \"format\" : \"stratus-project/1\",");
    }

    @Test
    void aTruncatedFileNamesTheFileLineAndColumn() throws Exception {
        String json = ProjectFiles.toJson(sample());
        String cut = json.substring(0, json.length() / 2);
        Path file = folder.resolve("cut.stratus.json");
        Files.writeString(file, cut);
        long lines = cut.lines().count();
        assertThatThrownBy(() -> ProjectFiles.load(file)).isInstanceOfSatisfying(ProjectFileException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo((int) lines);
            assertThat(e.column()).isPositive();
            assertThat(e.getMessage())
                    .startsWith(file + ":" + lines + ":")
                    .contains("is not valid JSON: the file ends too early")
                    .doesNotContain("\n");
        });
    }

    @Test
    void aSyntaxErrorNamesItsPlace() {
        ProjectFileException e = readError("{\n  \"format\": \"stratus-project/1\"\n  \"name\": \"x\"\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("design.json:3:3: is not valid JSON: Unexpected character");
    }

    @Test
    void aNewerFormatIsRefusedWithAnExplanation() {
        ProjectFileException e = readError("{\"format\": \"stratus-project/2\", \"name\": \"x\", \"hologram\": true}");
        assertThat(e.getMessage())
                .isEqualTo(
                        "design.json:1:1: was written by a newer Stratus (format "
                                + "\"stratus-project/2\"); this version reads \"stratus-project/1\" and older. Update Stratus to open it.");
    }

    @Test
    void aFileWithoutAFormatIsNotAProject() {
        assertThat(readError("{\"name\": \"x\"}").problem())
                .isEqualTo("is not a Stratus project: it has no \"format\" field (expected \"stratus-project/1\")");
        assertThat(readError("[1, 2]").problem()).isEqualTo("is not a Stratus project: it holds array, not an object");
        assertThat(readError("{\"format\": \"openapi/3\"}").problem())
                .startsWith("is not a Stratus project: its format is");
    }

    @Test
    void anUnknownNodeKindIsRefusedByName() {
        ProjectFileException e =
                readError(MINIMAL_FUNCTION.formatted("{\"kind\": \"lambda\", \"id\": \"f\", \"name\": \"f\"}"));
        assertThat(e.problem())
                .startsWith("unknown node kind 'lambda' at architecture.nodes[0]; known kinds: http-trigger,");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void anUnknownFieldIsNamedWithItsPath() {
        ProjectFileException e = readError(MINIMAL_FUNCTION.formatted("""
                {"kind": "function", "id": "f", "name": "f", "memroyMb": 256, "memoryMb": 256, "timeoutSeconds": 3,
                 "execution": {"shape": "constant", "meanMs": 5}}"""));
        assertThat(e.problem()).isEqualTo("unknown field \"memroyMb\" at architecture.nodes[0].memroyMb");
        // The node spans lines 6 and 7; Jackson reports where it noticed, inside the node.
        assertThat(e.line()).isBetween(6, 7);
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        ProjectFileException e = readError(MINIMAL_FUNCTION.formatted("""
                {"kind": "function", "id": "f", "name": "f", "timeoutSeconds": 3,
                 "execution": {"shape": "constant", "meanMs": 5}}"""));
        assertThat(e.problem()).startsWith("the field \"memoryMb\" is missing");
    }

    @Test
    void anImpossibleValueSaysWhatIsWrong() {
        ProjectFileException e = readError(MINIMAL_FUNCTION.formatted("""
                {"kind": "function", "id": "f", "name": "f", "memoryMb": -5, "timeoutSeconds": 3,
                 "execution": {"shape": "constant", "meanMs": 5}}"""));
        assertThat(e.problem()).startsWith("memoryMb must be a positive number of MB, not -5");
        assertThat(e.line()).isBetween(6, 7);
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        ProjectFileException e = readError(MINIMAL_FUNCTION.formatted("""
                {"kind": "function", "id": "f", "name": "f", "memoryMb": "lots", "timeoutSeconds": 3,
                 "execution": {"shape": "constant", "meanMs": 5}}"""));
        assertThat(e.problem()).contains("lots").contains("memoryMb").doesNotContain("java.");
    }

    private static final String SETTINGS = """
            {
              "format": "stratus-project/1",
              "name": "Settings",
              "settings": {"durationSeconds": 60, "seed": 1,
                "%s": %s},
              "architecture": {"nodes": []}
            }
            """;

    @Test
    void anUnknownRoutingIsRefusedWithTheChoicesAtItsPlace() {
        ProjectFileException e = readError(SETTINGS.formatted("routing", "\"fastest\""));
        assertThat(e.problem())
                .isEqualTo("unknown routing 'fastest'; use newest, mru, lru or random at settings.routing");
        assertThat(e.getMessage()).startsWith("design.json:5:");
        assertThat(e.column()).isPositive();
    }

    @Test
    void aSettingOfTheWrongKindSaysWhatItShouldBe() {
        assertThat(readError(SETTINGS.formatted("freeTier", "\"maybe\"")).problem())
                .isEqualTo("expected true or false, not 'maybe', at settings.freeTier");
        assertThat(readError(SETTINGS.formatted("compareProviders", "3")).problem())
                .isEqualTo("expected true or false, not '3', at settings.compareProviders");
        assertThat(readError(SETTINGS.formatted("routing", "{\"policy\": \"lru\"}"))
                        .problem())
                .isEqualTo("expected one of newest, mru, lru, random at settings.routing");
    }

    @Test
    void settingsAtTheirDefaultsAreLeftOutOfTheFile() throws Exception {
        Project plain = sample();
        assertThat(ProjectFiles.toJson(plain)).doesNotContain("routing", "freeTier", "compareProviders");
        Project set = plain.withSettings(plain.settings()
                .withRouting(dev.stratus.model.Routing.LRU)
                .withFreeTier(false)
                .withCompareProviders(true));
        String json = ProjectFiles.toJson(set);
        assertThat(json)
                .contains("\"routing\" : \"lru\"")
                .contains("\"freeTier\" : false")
                .contains("\"compareProviders\" : true");
        assertThat(ProjectFiles.read(json, "set.json")).isEqualTo(set);
    }

    @Test
    void aMissingFileSaysSo() {
        Path file = folder.resolve("nowhere.stratus.json");
        assertThatThrownBy(() -> ProjectFiles.load(file)).hasMessage(file + ": no such file");
    }

    @Test
    void anEmptyOrBinaryFileIsNotAProject() throws IOException {
        Path empty = Files.writeString(folder.resolve("empty.json"), "");
        assertThatThrownBy(() -> ProjectFiles.load(empty)).hasMessage(empty + ": is empty, not a Stratus project");
        Path binary =
                Files.write(folder.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});
        assertThatThrownBy(() -> ProjectFiles.load(binary)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void aFailedWriteLeavesThePreviousFileUntouched() throws Exception {
        Path file = folder.resolve("design.stratus.json");
        ProjectFiles.save(sample(), file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ProjectFiles.writeAtomically(file, out -> {
                    out.write("{\"format\": \"stratus-project/1\", \"name\": \"half".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void savingReplacesThePreviousContents() throws Exception {
        Path file = folder.resolve("design.stratus.json");
        ProjectFiles.save(sample(), file);
        Project changed =
                sample().withArchitecture(sample().architecture().replacing(FunctionNode.of("api", "renamed")));
        ProjectFiles.save(changed, file);
        assertThat(ProjectFiles.load(file)).isEqualTo(changed);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSavedFileKeepsThePermissionsOfTheFileItReplaces() throws Exception {
        Path file = folder.resolve("design.stratus.json");
        ProjectFiles.save(sample(), file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        ProjectFiles.save(sample(), file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-rw----");
    }

    @Test
    void savingIntoAMissingFolderFailsWithoutCreatingAnything() {
        Path file = folder.resolve("missing").resolve("design.stratus.json");
        assertThatThrownBy(() -> ProjectFiles.save(sample(), file)).isInstanceOf(IOException.class);
        assertThat(folder.resolve("missing")).doesNotExist();
    }
}
