package dev.stratus.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.model.Edge;
import dev.stratus.model.Node;
import dev.stratus.model.Position;
import dev.stratus.model.Project;
import dev.stratus.project.ProjectFileException;
import dev.stratus.project.ProjectFiles;
import dev.stratus.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample projects in {@code samples/} that the studio offers: they open, are clean and look tidy. */
class SamplesTest {

    /** The samples folder, relative to the simulator module, where surefire runs. */
    private static final Path SAMPLES = Path.of("..", "samples");

    private static final String SUFFIX = ".stratus.json";

    /** How big the canvas draws a node. */
    private static final double NODE_WIDTH = 150;

    private static final double NODE_HEIGHT = 64;

    static Stream<String> sampleFiles() throws IOException {
        return sampleFileNames().stream();
    }

    private static List<String> sampleFileNames() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private static Project load(String file) throws ProjectFileException {
        return ProjectFiles.load(SAMPLES.resolve(file));
    }

    private static List<JsonNode> index() throws IOException {
        JsonNode index =
                new ObjectMapper().readTree(SAMPLES.resolve("index.json").toFile());
        assertThat(index.isArray()).as("index.json holds a list").isTrue();
        List<JsonNode> entries = new ArrayList<>();
        index.forEach(entries::add);
        return entries;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void everySampleLoadsAndValidatesWithoutProblems(String file) throws Exception {
        Project project = load(file);

        assertThat(new Validator().validate(project)).as("problems of %s", file).isEmpty();
    }

    @Test
    void thereAreAtLeastFiveSamples() throws IOException {
        assertThat(sampleFileNames()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theIndexListsExactlyTheSampleFilesPresent() throws IOException {
        List<String> listed =
                index().stream().map(entry -> entry.path("file").asText()).toList();

        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sampleFileNames());
    }

    @Test
    void exactlyOneSampleIsTheDefaultAndItIsTheRestApi() throws IOException {
        List<String> defaults = index().stream()
                .filter(entry -> entry.path("default").asBoolean(false))
                .map(entry -> entry.path("file").asText())
                .toList();

        assertThat(defaults).containsExactly("rest-api.stratus.json");
    }

    @Test
    void everyIndexEntryHasATitleMatchingItsProjectAndASummary() throws Exception {
        for (JsonNode entry : index()) {
            String file = entry.path("file").asText();
            assertThat(entry.path("default").isBoolean())
                    .as("'default' of %s", file)
                    .isTrue();
            assertThat(entry.path("summary").asText()).as("summary of %s", file).isNotBlank();
            assertThat(entry.path("title").asText())
                    .as("title of %s", file)
                    .isEqualTo(load(file).name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void everyNodeOfASampleHasALayoutPosition(String file) throws Exception {
        Project project = load(file);
        List<String> nodeIds =
                project.architecture().nodes().stream().map(Node::id).toList();

        assertThat(project.layout().positions().keySet()).containsExactlyInAnyOrderElementsOf(nodeIds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void noTwoNodesOfASampleOverlapOnTheCanvas(String file) throws Exception {
        List<Map.Entry<String, Position>> positions =
                List.copyOf(load(file).layout().positions().entrySet());

        for (int i = 0; i < positions.size(); i++) {
            for (int j = i + 1; j < positions.size(); j++) {
                Position a = positions.get(i).getValue();
                Position b = positions.get(j).getValue();
                boolean apart = Math.abs(a.x() - b.x()) >= NODE_WIDTH || Math.abs(a.y() - b.y()) >= NODE_HEIGHT;
                assertThat(apart)
                        .as(
                                "%s and %s overlap",
                                positions.get(i).getKey(), positions.get(j).getKey())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void everyEdgeOfASampleRunsLeftToRight(String file) throws Exception {
        Project project = load(file);

        for (Edge edge : project.architecture().edges()) {
            double from = project.layout().positions().get(edge.from()).x();
            double to = project.layout().positions().get(edge.to()).x();
            assertThat(to).as("x of %s's end", edge.id()).isGreaterThan(from);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void aSampleWrittenAndReadBackIsTheSameProject(String file) throws Exception {
        Project project = load(file);

        Project again = ProjectFiles.read(ProjectFiles.toJson(project), file);

        assertThat(again).isEqualTo(project);
    }
}
